/**
 * The checker (src/core/checker.ts) uses nothing of Node's: bundled for a
 * browser (as a Web Worker loads it: the "worker" export condition) it must
 * build with no Node module, and run with no Node global (no process, no
 * require, no Buffer) to the very results the command gives.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import vm from 'node:vm'
import {beforeAll, describe, expect, it} from 'vitest'
import {loadCheckerData} from '../src/index.js'
import {leafletDocx} from './fixtures/documents.js'
import {runCli, tempDir} from './helpers.js'

const root = path.resolve(fileURLToPath(import.meta.url), '../..')

describe('the pure checker', () => {
  let bundle: string
  let inputs: string[]

  beforeAll(async () => {
    const esbuild = await import('esbuild-wasm')
    const result = await esbuild.build({
      stdin: {contents: "import {createChecker} from './src/core/checker.ts'\nglobalThis.plainly = {createChecker}\n", resolveDir: root, loader: 'ts'},
      bundle: true,
      platform: 'browser',
      conditions: ['worker'],
      format: 'iife',
      write: false,
      metafile: true,
      logLevel: 'silent'
    })
    bundle = result.outputFiles[0]!.text
    inputs = Object.keys(result.metafile.inputs)
  }, 120_000)

  it("bundles for a browser with none of Node, and none of plainly's files, settings or threads", () => {
    expect(inputs.some((input) => input.startsWith('src/core/'))).toBe(true)
    for (const input of inputs) {
      expect(input, input).not.toMatch(/^(src\/(io|cli|batch|reporters)\/|node:)/)
      expect(input, input).not.toMatch(/^src\/index\.ts$/)
    }
  })

  it('runs with no Node global and gives what the command gives, for Markdown and for a Word file', async () => {
    const data = loadCheckerData()
    // What a Web Worker has: no document, no Node.
    const context = vm.createContext({TextDecoder, TextEncoder, URL, console, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, MessageChannel, structuredClone, atob, btoa, data: structuredClone(data)})
    context.self = context // a worker's global is `self`; jszip puts its setImmediate there
    context.importScripts = () => undefined
    vm.runInContext(bundle, context)
    expect(vm.runInContext('typeof process + typeof require + typeof Buffer', context)).toBe('undefinedundefinedundefined')

    const leaflet = readFileSync(path.join(root, 'examples/jargon-leaflet.md'), 'utf8')
    const docx = await leafletDocx()
    context.inputs = [{path: 'examples/jargon-leaflet.md', text: leaflet}, {path: 'leaflet.docx', bytes: new Uint8Array(docx)}]
    const results = JSON.parse(
      await vm.runInContext(
        `(async () => {
          const checker = plainly.createChecker({data})
          const results = []
          for (const input of inputs) results.push((await checker.check(input)).result)
          return JSON.stringify(results)
        })()`,
        context
      )
    )
    const dir = tempDir({'examples/jargon-leaflet.md': leaflet, 'leaflet.docx': docx})
    const command = JSON.parse((await runCli(['check', 'examples/jargon-leaflet.md', 'leaflet.docx', '--no-config', '--format', 'json'], {cwd: dir})).stdout)
    expect(results).toEqual(command.files)
    expect(results[0].findings.length).toBeGreaterThan(10)
    expect(results[1].findings.map((finding: {ruleId: string}) => finding.ruleId)).toContain('jargon/leverage')
  })
})
