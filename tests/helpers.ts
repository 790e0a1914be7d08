import {mkdtempSync, writeFileSync, mkdirSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {unified} from 'unified'
import retextEnglish from 'retext-english'
import {VFile} from 'vfile'
import {compileGlossary, type CompiledGlossary} from '../src/glossary/compile.js'
import {loadEnglishData, parseGlossary} from '../src/io/glossary-files.js'
import type {GlossaryEntry} from '../src/glossary/types.js'
import retextJargon from '../src/plugins/retext-jargon.js'
import retextUnits from '../src/plugins/retext-units.js'
import type {Io} from '../src/cli/io.js'
import {createSettings, type BatchOptions} from '../src/batch/settings.js'
import type {FileResult, Format} from '../src/types.js'
import {run} from '../src/cli/run.js'
import {reporters, type ReporterName} from '../src/reporters/index.js'
import {reportText, type ReporterOptions} from '../src/reporters/types.js'
import type {Report} from '../src/types.js'

/** A reporter's whole text (reporters give it in pieces). */
export const reportWith = (name: ReporterName) => (report: Report, options: ReporterOptions = {color: 0}): string => reportText(reporters[name](report, options))

/** Compile a glossary from YAML text (must be valid), with the shipped word lists. */
export function glossaryFrom(yaml: string, options: {knownAcronyms?: string[]} = {}): CompiledGlossary {
  const parsed = parseGlossary(yaml, 'test.yml')
  if (parsed.problems.length > 0) throw new Error(parsed.problems.map((p) => `${p.line}: ${p.message}`).join('\n'))
  return compileGlossary(
    parsed.entries.filter((entry): entry is GlossaryEntry => !('disabled' in entry)),
    {knownAcronyms: options.knownAcronyms, english: loadEnglishData()}
  )
}

/** A minimal valid entry as YAML lines, with overrides. */
export function entryYaml(fields: Record<string, unknown>): string {
  const base: Record<string, unknown> = {
    note: 'Because it is a test.',
    severity: 'warning',
    source: 'tests',
    licence: 'MIT',
    ...fields
  }
  if (!('alternatives' in base) && !base.explain) base.alternatives = ['plain']
  const lines = Object.entries(base).map(([key, value]) => `    ${key}: ${JSON.stringify(value)}`)
  lines[0] = `  - ${lines[0]!.trimStart()}`
  return lines.join('\n')
}

export function glossaryYaml(...entries: Array<Record<string, unknown>>): string {
  return `entries:\n${entries.map((entry) => entryYaml(entry)).join('\n')}\n`
}

/** Run retext-english + units + jargon on text; return the file's messages. */
export async function jargonMessages(text: string, glossary: CompiledGlossary) {
  const processor = unified().use(retextEnglish).use(retextUnits).use(retextJargon, {glossary})
  const file = new VFile(text)
  await processor.run(processor.parse(file), file)
  return file.messages
}

/** The system's temp folder, where files kept after a test run go (the run's own temp folder is removed at its end: tests/setup/temp-folder.ts). */
export function keptFolder(): string {
  return process.env.PLAINLY_TEST_KEPT ?? tmpdir()
}

/** A fresh temporary folder with the given files, removed when the test run ends. */
export function tempDir(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'plainly-test-'))
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(dir, name)
    mkdirSync(path.dirname(full), {recursive: true})
    writeFileSync(full, content)
  }
  return dir
}

export interface FakeIo extends Io {
  out(): string
  err(): string
}

/** An injected io that records what the CLI writes. */
export function fakeIo(options: {cwd: string; stdin?: string | Uint8Array; env?: Record<string, string>; isTTY?: boolean}): FakeIo {
  let out = ''
  let err = ''
  const stdinChunks = options.stdin === undefined ? [] : [typeof options.stdin === 'string' ? Buffer.from(options.stdin) : options.stdin]
  return {
    stdout: {write: (chunk: string) => (out += chunk), isTTY: options.isTTY ?? false},
    stderr: {write: (chunk: string) => (err += chunk), isTTY: false},
    stdin: Object.assign((async function* () {
      yield* stdinChunks
    })(), {isTTY: false}),
    cwd: options.cwd,
    env: options.env ?? {},
    out: () => out,
    err: () => err
  }
}

/** Run the CLI in-process. */
export async function runCli(argv: string[], options: Parameters<typeof fakeIo>[0]) {
  const io = fakeIo(options)
  const code = await run(argv, io)
  return {code, stdout: io.out(), stderr: io.err()}
}

/** The text between 1-based line/column points. */
export function sliceAt(text: string, start: {line: number; column: number}, end: {line: number; column: number}): string {
  const lineStarts = [0]
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '\n') lineStarts.push(index + 1)
  }
  const offset = (point: {line: number; column: number}) => lineStarts[point.line - 1]! + point.column - 1
  return text.slice(offset(start), offset(end))
}

/**
 * Check strings as a batch checks files (settings as given, settings files
 * not looked for unless `config` says so): `checkText(text, name, format)`.
 */
export function textChecker(options: BatchOptions = {}) {
  const settings = createSettings({config: false, ...options})
  const cwd = options.cwd ?? process.cwd()
  return {
    async checkText(text: string, name: string, format?: Format): Promise<FileResult> {
      return (await (await settings.checkerFor(path.resolve(cwd, name))).check({path: name, format, text})).result
    },
    async checkBytes(bytes: Uint8Array, name: string): Promise<FileResult> {
      return (await (await settings.checkerFor(path.resolve(cwd, name))).check({path: name, bytes})).result
    }
  }
}
