#!/usr/bin/env node
// Part of `npm run build`, after tsc: bundle the command into one file, so
// that starting plainly reads one script instead of resolving and loading
// hundreds of small modules, and give that file a V8 code cache.
//
//   dist/bundle/plainly.cjs            dist/cli/main.js (run and serveChecks) and all it imports
//   dist/bundle/plainly.cjs.v8-cache   V8's compiled code for it, from a training run
//   dist/bundle/replay.cjs             the run memo alone (src/cli/replay.ts), for --cache runs
//   dist/shipped-data/*.json           the shipped data files, parsed (one file per cache key)
//
// bin/plainly.js and bin/worker.js (the worker threads) load it with
// bin/load-bundle.js. The library API (dist/index.js) stays unbundled.
//
// - The shipped glossary, packs and word lists are parsed (and checked
//   against the schema) here, once, and their data written by content hash
//   (src/io/data-cache.ts reads it): a check then reads no YAML while those
//   files are the ones built. Data stays out of the bundle's source: V8's
//   code cache would carry its strings too, and every start reads the cache.
//
// - esbuild-wasm: a WebAssembly build, so nothing native is downloaded at
//   install time. The bundle is made from tsc's output, so it runs the very
//   code the tests run.
// - The Markdown and HTML parsers are only run when a file of that kind
//   comes up (esbuild keeps each dynamically imported module in a function
//   called on first use); the Word and PDF readers stay outside the bundle
//   (pdf.js loads its own worker files) and are imported when needed.
// - Each of plainly's modules keeps its own import.meta.url (rewritten to the
//   file it came from), so paths such as ../../glossary/ and ../package.json
//   still work.
// - The training run checks the examples (Markdown and text, JSON and
//   terminal reports) and then stores the code V8 compiled. A Node that
//   cannot use the cache (another version) compiles the script as usual.
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import {readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {POS_ALIASES_FILE} from './pos-aliases.mjs'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const DIST = path.join(ROOT, 'dist')
const BUNDLE_DIR = path.join(DIST, 'bundle')
const BUNDLE_FILE = path.join(BUNDLE_DIR, 'plainly.cjs')
/** The run memo, which bin/plainly.js loads first for a --cache run (src/cli/replay.ts). */
const REPLAY_FILE = path.join(BUNDLE_DIR, 'replay.cjs')
/** Imported when a Word or PDF file comes up, from node_modules. */
const EXTERNAL = ['pdfjs-dist/legacy/build/pdf.mjs', 'mammoth', 'jszip']

/**
 * How a bundle is made so that bin/load-bundle.js can load it with a code
 * cache. The benchmark's floors (scripts/bench-floors.mjs) are built with the
 * same options, so they start as plainly does.
 */
export const LOADABLE = {
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // The file is the function Node would wrap a CommonJS module in, plus import() for
  // the packages left outside: bin/load-bundle.js compiles it as it is, with no copy.
  banner: {js: "(function (exports, require, module, __filename, __dirname, __plainlyImport) {const __plainlyUrl = require('node:url').pathToFileURL(__filename).href;"},
  footer: {js: '})'},
  // Comments, spaces and long local names out: a smaller file is read and made ready
  // sooner (about 10 ms of a 250 ms start). For readable stack traces while debugging,
  // build with PLAINLY_BUNDLE_READABLE=1. ASCII only, so the loader can read it as Latin-1.
  minifyWhitespace: process.env.PLAINLY_BUNDLE_READABLE !== '1',
  minifySyntax: process.env.PLAINLY_BUNDLE_READABLE !== '1',
  minifyIdentifiers: process.env.PLAINLY_BUNDLE_READABLE !== '1',
  charset: 'ascii',
  legalComments: 'none',
  logLevel: 'warning',
}

async function bundle() {
  const esbuild = await import('esbuild-wasm')
  await rm(BUNDLE_DIR, {recursive: true, force: true})
  await writeShippedData()
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['dist/cli/main.js'],
    outfile: BUNDLE_FILE,
    bundle: true,
    external: EXTERNAL,
    // The tagger's data, made smaller and read from a file (scripts/pos-lexicon.mjs).
    alias: POS_ALIASES_FILE,
    define: {
      // Set in the banner below: the bundle's own URL.
      'import.meta.url': '__plainlyUrl',
    },
    ...LOADABLE,
    metafile: true,
    plugins: [ownModules, lazyModules, lazyReporters]
  })
  await writeFile(BUNDLE_FILE, asciiOnly(await readFile(BUNDLE_FILE, 'utf8')))
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['dist/cli/replay.js'],
    outfile: REPLAY_FILE,
    bundle: true,
    define: {'import.meta.url': '__plainlyUrl'},
    ...LOADABLE,
    plugins: [ownModules]
  })
  await writeFile(REPLAY_FILE, asciiOnly(await readFile(REPLAY_FILE, 'utf8')))
  // Any import() left would fail inside vm.Script: every one must go through __plainlyImport.
  const left = Object.values(result.metafile.outputs).flatMap((output) => output.imports.filter((item) => item.kind === 'dynamic-import'))
  if (left.length > 0) throw new Error(`bundle: import() of ${left.map((item) => item.path).join(', ')} left in the bundle`)
  const trained = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--train'], {stdio: 'inherit'})
  if (trained.status !== 0) throw new Error('bundle: the training run failed')
}

/**
 * The shipped data files, parsed as a check parses them (io/glossary-files.ts),
 * one JSON file per cache key in dist/shipped-data/ (src/io/data-cache.ts
 * reads the keys a check needs): every glossary file and pack, the acronyms,
 * and the English word lists. Parsed afresh (an empty cache folder and no
 * shipped data yet), so that every one of them is made. Kept out of the
 * bundle's source: strings in a script go into its code cache too, which
 * every start then reads.
 */
async function writeShippedData() {
  const folder = path.join(DIST, 'shipped-data')
  await rm(folder, {recursive: true, force: true})
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'plainly-build-'))
  process.env.PLAINLY_CACHE_DIR = empty
  try {
    const files = await import('../dist/io/glossary-files.js')
    const {parsedThisRun} = await import('../dist/io/data-cache.js')
    files.loadLayers({packs: files.availablePacks()})
    files.loadEnglishData()
    fs.mkdirSync(folder, {recursive: true})
    for (const [key, value] of parsedThisRun) fs.writeFileSync(path.join(folder, `${key}.json`), JSON.stringify(value))
  } finally {
    delete process.env.PLAINLY_CACHE_DIR
    fs.rmSync(empty, {recursive: true, force: true})
  }
}

/**
 * esbuild escapes every character outside ASCII except in regular expression
 * literals (comments are gone): write those as \uXXXX too. An escaped
 * character, backslash and ’, becomes \u2019, not a backslash and \u2019.
 */
export function asciiOnly(code) {
  const ascii = code.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, character) => {
    const escape = `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`
    return slashes.length % 2 === 1 ? `${slashes.slice(1)}${escape}` : `${slashes}${escape}`
  })
  if (/[^\x00-\x7f]/.test(ascii)) throw new Error('bundle: plainly.cjs is not ASCII')
  return ascii
}

/** plainly's own modules: their own import.meta.url, and import() of the packages left outside and of files found at run time. */
const ownModules = {
  name: 'plainly-own-modules',
  setup(build) {
    build.onLoad({filter: /\.js$/, namespace: 'file'}, async (args) => {
      if (!args.path.startsWith(DIST + path.sep)) return undefined
      let text = await readFile(args.path, 'utf8')
      const relative = path.relative(BUNDLE_DIR, args.path).split(path.sep).join('/')
      text = text.replaceAll('import.meta.url', `new URL(${JSON.stringify(relative)}, import.meta.url).href`)
      for (const name of EXTERNAL) text = text.replaceAll(`import('${name}')`, `__plainlyImport('${name}')`)
      // import() of a file found at run time (another retext plugin: src/io/plugins.ts).
      text = text.replace(/\bimport\((?=[^'"\s])/g, '__plainlyImport(')
      return {contents: text, loader: 'js'}
    })
  }
}

/**
 * Modules that a check of a few files need not load, loaded on first use
 * instead of at start:
 * - Node's node:fs/promises (writing files, the cache, reading config),
 *   node:crypto (the cache, baselines, the HTML report),
 *   node:worker_threads (the pool, for many files), node:child_process
 *   (commander's external subcommands) and node:v8 and node:vm (memory
 *   for very long documents): several milliseconds each;
 * - yaml (config files and glossaries other than the shipped ones, which
 *   the build has parsed already), chalk (the terminal report) and
 *   tinyglobby (glob patterns; it loads picomatch from node_modules as it
 *   starts).
 * Each export becomes a getter that loads the module, and the bundle reads
 * them only when it calls them. Only for modules imported by name (never
 * `import x from` or `import * as`): a getter stands for each named export.
 */
const LAZY = ['node:fs/promises', 'node:crypto', 'node:worker_threads', 'node:child_process', 'node:v8', 'node:vm', 'yaml', 'chalk', 'tinyglobby']
const lazyModules = {
  name: 'plainly-lazy-modules',
  setup(build) {
    const filter = new RegExp(`^(${LAZY.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`)
    build.onResolve({filter}, (args) => {
      if (args.namespace !== 'lazy') return {path: args.path, namespace: 'lazy'}
      // The lazy module's own require: Node's module stays outside, a package is bundled.
      return args.path.startsWith('node:') ? {path: args.path, external: true} : undefined
    })
    build.onLoad({filter: /.*/, namespace: 'lazy'}, async (args) => {
      const names = Object.keys(await import(args.path)).filter((name) => name !== 'default')
      const getters = names.map((name) => `Object.defineProperty(exports, ${JSON.stringify(name)}, {enumerable: true, get: () => load()[${JSON.stringify(name)}]})`)
      return {contents: `let loaded\nconst load = () => (loaded ??= require(${JSON.stringify(args.path)}))\n${getters.join('\n')}\n`, loader: 'js', resolveDir: ROOT}
    })
  }
}

/**
 * Reporters that cost something to load and that most runs never call: the
 * HTML report hashes its inline style and script as it loads (which loads
 * node:crypto). Its one import, in reporters/index.js, becomes a function
 * that loads the module on its first call and hands over to it.
 */
const LAZY_REPORTERS = {'html.js': ['htmlReport']}
const lazyReporters = {
  name: 'plainly-lazy-reporters',
  setup(build) {
    const index = path.join(DIST, 'reporters', 'index.js')
    build.onResolve({filter: /^\.\/[\w-]+\.js$/}, (args) => {
      const names = LAZY_REPORTERS[args.path.slice(2)]
      if (!names || args.importer !== index) return undefined
      return {path: path.join(DIST, 'reporters', args.path.slice(2)), namespace: 'lazy-reporter'}
    })
    build.onLoad({filter: /.*/, namespace: 'lazy-reporter'}, async (args) => {
      const module = await import(pathToFileURL(args.path).href)
      const names = LAZY_REPORTERS[path.basename(args.path)]
      for (const name of names) if (typeof module[name] !== 'function') throw new Error(`bundle: ${args.path} ${name} is not a function`)
      const wrappers = names.map((name) => `exports.${name} = function ${name}(...args) { return load().${name}(...args) }`)
      return {contents: `let loaded\nconst load = () => (loaded ??= require(${JSON.stringify(args.path)}))\n${wrappers.join('\n')}\n`, loader: 'js', resolveDir: path.dirname(args.path)}
    })
  }
}

/** Run checks with the freshly built bundle, then store the code V8 compiled for it. */
async function train() {
  const {loadBundle, CODE_CACHE_FILE} = await import('../bin/load-bundle.js')
  const {bundle, script} = loadBundle({codeCache: false})
  const sink = {write: () => true, isTTY: false}
  const io = {stdout: sink, stderr: sink, cwd: ROOT, env: {}}
  const examples = ['examples/jargon-leaflet.md', 'examples/plain-leaflet.md', 'examples/appointment-letter.txt']
  for (const format of ['json', 'terminal']) {
    const code = await bundle.run(['check', ...examples, '--no-config', '--jobs', '1', '--format', format], io)
    if (code !== 1) throw new Error(`bundle: the training run ended with exit code ${code} (expected 1: the examples have jargon)`)
  }
  await writeFile(CODE_CACHE_FILE, script.createCachedData())
}

// Run as a script (npm run build); imported for LOADABLE, do nothing.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  if (process.argv[2] === '--train') await train()
  else await bundle()
}
