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
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import vm from 'node:vm'
import type {run} from './run.js'
import type {serveChecks} from './serve.js'

export const BUNDLE_FILE = fileURLToPath(new URL('../../dist/bundle/plainly.cjs', import.meta.url))
export const CODE_CACHE_FILE = `${BUNDLE_FILE}.v8-cache`

export interface Bundle {
  run: typeof run
  serveChecks: typeof serveChecks
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
