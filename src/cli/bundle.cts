/**
 * Load the bundled command: dist/bundle/plainly.cjs, made at build time by
 * scripts/bundle.mjs from tsc's output (run.ts and serve.ts and all they
 * import, in one file), with the V8 code cache the build made for it.
 *
 * Node 20 has no compile cache for ES modules (module.enableCompileCache
 * came in Node 22.1), but a script compiled with vm.Script can take V8's
 * code cache: the functions a check runs are then read ready-made instead
 * of being parsed and compiled again at every start. When the cache does
 * not fit this Node (another version or other V8 flags), V8 says so and
 * compiles the script as usual: only slower, never different.
 *
 * This file is CommonJS (.cts, so dist/cli/bundle.cjs), like bin/plainly.js:
 * Node starts a CommonJS entry point about 10 ms sooner than an ES module,
 * because it need not set up its ES module loader before running it.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import vm from 'node:vm'
import type {run} from './run.js'
import type {serveChecks} from '../batch/worker.js'
import type {directOutput} from './stdout.js'

/** From src/cli/ (tests) and dist/cli/ alike. */
export const BUNDLE_FILE = path.join(__dirname, '../../dist/bundle/plainly.cjs')
export const CODE_CACHE_FILE = `${BUNDLE_FILE}.v8-cache`

export interface Bundle {
  run: typeof run
  serveChecks: typeof serveChecks
  directOutput: typeof directOutput
}

export interface LoadedBundle {
  bundle: Bundle
  script: vm.Script
  /** True when V8 took the code cache. */
  cached: boolean
}

/** Compile and run the bundle, with its code cache unless `codeCache` is false. */
export function loadBundle(options: {codeCache?: boolean} = {}): LoadedBundle {
  // The build makes it ASCII; read as Latin-1, Node keeps it outside the JavaScript heap.
  const source = readFileSync(BUNDLE_FILE, 'latin1')
  let cachedData: Buffer | undefined
  if (options.codeCache !== false) {
    try {
      cachedData = readFileSync(CODE_CACHE_FILE)
    } catch {
      // No cache: compile as usual.
    }
  }
  // The file is a function (exports, require, module, __filename, __dirname,
  // __plainlyImport): Node's wrapper for CommonJS, plus import() for the few
  // packages left outside the bundle (pdf.js, mammoth, jszip).
  const script = new vm.Script(source, {filename: BUNDLE_FILE, cachedData})
  const module = {exports: {}}
  const start = script.runInThisContext() as (...args: unknown[]) => void
  start(module.exports, createRequire(BUNDLE_FILE), module, BUNDLE_FILE, path.dirname(BUNDLE_FILE), (specifier: string) => import(specifier))
  return {bundle: module.exports as Bundle, script, cached: cachedData !== undefined && !script.cachedDataRejected}
}
