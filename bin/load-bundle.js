// Load the bundled command: dist/bundle/plainly.cjs, made at build time by
// scripts/bundle.mjs (src/cli/main.ts and all it imports, in one file), with
// the V8 code cache the build made for it. bin/plainly.js and bin/worker.js use it.
//
// Node 20 has no compile cache for ES modules (module.enableCompileCache came
// in Node 22.1), but a script compiled with vm.Script can take V8's code
// cache: the functions a check runs are then read ready-made instead of being
// parsed and compiled again at every start. When the cache does not fit this
// Node (another version or other V8 flags), V8 says so and compiles the script
// as usual: only slower, never different.
//
// This file is CommonJS (bin/package.json says so): Node starts a CommonJS
// entry point about 10 ms sooner than an ES module.
'use strict'
const {readFileSync} = require('node:fs')
const {createRequire} = require('node:module')
const path = require('node:path')
const vm = require('node:vm')

const BUNDLE_FILE = path.join(__dirname, '../dist/bundle/plainly.cjs')
const CODE_CACHE_FILE = `${BUNDLE_FILE}.v8-cache`
/** The run memo alone (src/cli/replay.ts): loaded first by a --cache run, which may then need nothing else. */
const REPLAY_FILE = path.join(__dirname, '../dist/bundle/replay.cjs')

/**
 * Compile and run the bundle, with its code cache unless `codeCache` is false.
 * `file` names another bundle made the same way (the benchmark's floors use it,
 * so that they start exactly as plainly does); its cache is `${file}.v8-cache`.
 * @returns {{bundle: {run: Function, serveChecks: Function, directOutput: Function}, script: vm.Script, cached: boolean}}
 */
function loadBundle(options = {}) {
  const file = options.file ?? BUNDLE_FILE
  let source
  try {
    // The build makes it ASCII; read as Latin-1, Node keeps it outside the JavaScript heap.
    source = readFileSync(file, 'latin1')
  } catch {
    process.stderr.write('plainly: it has not been built yet: run "npm ci" (or "npm run build") in its folder first\n')
    process.exit(2)
  }
  let cachedData
  if (options.codeCache !== false) {
    try {
      cachedData = readFileSync(`${file}.v8-cache`)
    } catch {
      // No cache: compile as usual.
    }
  }
  // The file is a function (exports, require, module, __filename, __dirname,
  // __plainlyImport): Node's wrapper for CommonJS, plus import() for the few
  // packages left outside the bundle (pdf.js, mammoth, jszip) and other retext plugins.
  const script = new vm.Script(source, {filename: file, cachedData})
  const module = {exports: {}}
  const start = script.runInThisContext()
  start(module.exports, createRequire(file), module, file, path.dirname(file), (specifier) => import(specifier))
  return {bundle: module.exports, script, cached: cachedData !== undefined && !script.cachedDataRejected}
}

module.exports = {loadBundle, BUNDLE_FILE, CODE_CACHE_FILE, REPLAY_FILE}
