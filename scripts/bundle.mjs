#!/usr/bin/env node
// Part of `npm run build`, after tsc: bundle the command (dist/cli/run.js)
// and its worker thread (dist/cli/worker.js) into a few files in
// dist/bundle/, so that starting plainly loads a handful of files instead of
// hundreds of small modules. The library API (dist/index.js) stays unbundled.
//
// - esbuild-wasm: a WebAssembly build, so nothing native is downloaded at
//   install time. The bundle is made from tsc's output, so it runs the very
//   code the tests run.
// - Code that only some runs need stays in chunks loaded on first use (the
//   Markdown parser, the HTML parser), and the Word and PDF readers stay
//   outside the bundle altogether (pdf.js loads its own worker files).
// - Each module keeps its own import.meta.url (rewritten to the file it came
//   from), so paths such as ../../glossary/ and ../package.json still work.
import {readFile, rm} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import * as esbuild from 'esbuild-wasm'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const DIST = path.join(ROOT, 'dist')
export const BUNDLE_DIR = path.join(DIST, 'bundle')

/** Give each of our modules the import.meta.url it had before bundling. */
const ownUrls = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({filter: /\.js$/}, async (args) => {
      if (!args.path.startsWith(DIST + path.sep)) return undefined
      const text = await readFile(args.path, 'utf8')
      if (!text.includes('import.meta.url')) return {contents: text, loader: 'js'}
      const relative = path.relative(BUNDLE_DIR, args.path).split(path.sep).join('/')
      return {contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(relative)}, import.meta.url).href`), loader: 'js'}
    })
  }
}

await rm(BUNDLE_DIR, {recursive: true, force: true})
await esbuild.build({
  absWorkingDir: ROOT,
  entryPoints: {cli: 'dist/cli/run.js', worker: 'dist/cli/worker.js'},
  outdir: BUNDLE_DIR,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Loaded only for Word and PDF files, and pdf.js must find its own files.
  external: ['pdfjs-dist', 'pdfjs-dist/*', 'mammoth', 'jszip'],
  // src/cli/pool.ts: the bundled command starts the bundled worker (relative to dist/cli/).
  define: {PLAINLY_WORKER: JSON.stringify('../bundle/worker.js')},
  // CommonJS packages inside the bundle (commander) call require() for Node's own modules.
  banner: {js: "import {createRequire as __plainlyRequire} from 'node:module'; const require = __plainlyRequire(import.meta.url);"},
  chunkNames: 'chunk-[hash]',
  legalComments: 'none',
  minify: process.env.PLAINLY_MINIFY === '1',
  logLevel: 'warning',
  plugins: [ownUrls]
})
