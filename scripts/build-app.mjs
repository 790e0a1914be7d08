#!/usr/bin/env node
// Part of `npm run build`, after tsc: the web page for people without a
// terminal (src/app/), as one HTML file that needs nothing else.
//
//   dist/app/page.html   the page with everything but its glossary: `plainly app`
//                        (src/cli/app.ts) puts the glossary and settings in
//   dist/plainly.html    the page with the shipped glossary, ready to open
//
// - Two bundles, made with esbuild-wasm from src/app/ (TypeScript, with the
//   DOM's types: tsconfig.app.json): the page's script (main.ts), inline, and
//   its Web Worker (worker.ts: the checker, the reporters and pdf.js), kept
//   in the page as a JSON string and started from a blob: URL.
// - The Content-Security-Policy allows the page's own style and script by
//   their hashes, a worker from a blob: URL, and nothing else: no request
//   of any kind can leave the page.
// - The reporters' node:crypto (the HTML report hashes its own style and
//   script) is src/app/node-crypto.ts in the worker.
import {createHash} from 'node:crypto'
import {mkdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {POS_ALIASES} from './pos-aliases.mjs'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const APP = path.join(ROOT, 'src', 'app')
const OUT = path.join(ROOT, 'dist', 'app')
export const TEMPLATE_FILE = path.join(OUT, 'page.html')
export const SHIPPED_PAGE = path.join(ROOT, 'dist', 'plainly.html')

const browserCrypto = {
  name: 'plainly-browser-crypto',
  setup(build) {
    build.onResolve({filter: /^(node:)?crypto$/}, () => ({path: path.join(APP, 'node-crypto.ts')}))
  }
}

async function bundle(esbuild, entry) {
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [path.join(APP, entry)],
    bundle: true,
    write: false,
    platform: 'browser',
    // As a Web Worker loads packages (pure-checker.test.ts checks the same).
    conditions: ['worker'],
    format: 'iife',
    target: 'chrome109',
    tsconfig: path.join(ROOT, 'tsconfig.app.json'),
    minify: process.env.PLAINLY_BUNDLE_READABLE !== '1',
    charset: 'ascii',
    legalComments: 'eof',
    logLevel: 'warning',
    define: {'process.env.NODE_ENV': '"production"'},
    // The part-of-speech tagger's data, made smaller (scripts/pos-lexicon.mjs), as in the command's bundle.
    alias: POS_ALIASES,
    plugins: [browserCrypto]
  })
  return result.outputFiles[0].text
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`

async function build() {
  const esbuild = await import('esbuild-wasm')
  const [worker, script] = [await bundle(esbuild, 'worker.ts'), await bundle(esbuild, 'main.ts')]
  // The script is inline: nothing in it may end or escape the <script> element.
  if (/<\/script|<!--|<script/i.test(script)) throw new Error('build-app: the page script has "</script", "<script" or "<!--" in it')
  const style = (await readFile(path.join(APP, 'style.css'), 'utf8')).trim()
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(script)}`,
    `style-src ${sha256(style)}`,
    'worker-src blob:',
    "img-src 'none'",
    "font-src 'none'",
    "connect-src 'none'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "manifest-src 'none'",
    "base-uri 'none'",
    "form-action 'none'"
  ].join('; ')
  const {VERSION} = await import('../dist/version.js')
  const filled = {CSP: csp, VERSION, STYLE: style, WORKER: jsonForHtml(worker), SCRIPT: script}
  const template = (await readFile(path.join(APP, 'page.html'), 'utf8')).replace(/\{\{(CSP|VERSION|STYLE|WORKER|SCRIPT)\}\}/g, (_, name) => filled[name])
  await mkdir(OUT, {recursive: true})
  await writeFile(TEMPLATE_FILE, template)
  const {pageData, fillPage} = await import('../dist/cli/app.js')
  const page = fillPage(template, pageData({}))
  await writeFile(SHIPPED_PAGE, page)
  const size = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`
  process.stderr.write(`build-app: dist/plainly.html is ${size(Buffer.byteLength(page))} (script ${size(script.length)}, worker ${size(worker.length)})\n`)
}

/** Text as a JSON string that cannot end the <script> element it is in. */
export function jsonForHtml(value) {
  return JSON.stringify(value).replace(/</g, '\\u003c')
}

await build()
