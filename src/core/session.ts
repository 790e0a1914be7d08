/**
 * One run of checks: the glossary loaded and compiled once, processors made
 * once per format, then any number of files. Both the library API and the
 * CLI go through here.
 */
import {VFile} from 'vfile'
import {loadGlossary} from '../glossary/load.js'
import {loadSimplifyOff} from '../glossary/simplify-off.js'
import type {CompiledGlossary} from '../glossary/compile.js'
import {findFiles, type Unmatched} from '../io/find-files.js'
import {formatFor} from '../io/formats.js'
import {readDocument} from '../io/read.js'
import {DEFAULT_OPTIONS, type CheckOptions, type FileResult, type Format, type Report, type ResolvedOptions} from '../types.js'
import {VERSION} from '../version.js'
import {checkFile, createProcessors} from './check.js'
import {toFileResult, toReport} from './results.js'

export interface SessionOptions extends CheckOptions {
  /** Optional glossary packs by name (see glossary/packs/), layered over the shipped glossary. */
  packs?: string[]
  /** Team or project glossary files, layered over the shipped glossary (and packs) in order. */
  glossaries?: string[]
  /** Use a glossary you compiled yourself instead of loading one. */
  glossary?: CompiledGlossary
  /** Folder that paths are relative to (default: the working folder). */
  cwd?: string
}

export interface Session {
  options: ResolvedOptions
  /** Check a file already read (see io/read.ts). */
  check(file: VFile): Promise<FileResult>
  checkText(text: string, name: string, format?: Format): Promise<FileResult>
  checkPath(absolute: string, shown: string): Promise<FileResult>
}

export function resolveOptions(options: CheckOptions): ResolvedOptions {
  const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined))
  return {...DEFAULT_OPTIONS, ...defined} as ResolvedOptions
}

/** Load the glossary (throws GlossaryError) and get ready to check files. */
export function createSession(options: SessionOptions = {}): Session {
  const cwd = options.cwd ?? process.cwd()
  const resolved = resolveOptions({
    targetAge: options.targetAge,
    hardest: options.hardest,
    maxSentenceWords: options.maxSentenceWords,
    simplify: options.simplify
  })
  const glossary = options.glossary ?? loadGlossary({packs: options.packs, layers: options.glossaries, cwd})
  const processorFor = createProcessors({options: resolved, glossary, simplifyOff: resolved.simplify ? loadSimplifyOff() : []})
  const finish = async (file: VFile) => toFileResult(await checkFile(file, processorFor))
  return {
    options: resolved,
    check: finish,
    checkText(text, name, format = formatFor(name)) {
      const file = new VFile({path: name, value: text.replace(/^\uFEFF/, '')})
      file.data.format = format
      return finish(file)
    },
    async checkPath(absolute, shown) {
      return finish(await readDocument(absolute, shown))
    }
  }
}

export interface CheckedInputs {
  report: Report
  unmatched: Unmatched[]
}

/** Find and check every file the inputs name, in a stable order. */
export async function checkInputs(session: Session, inputs: readonly string[], cwd: string): Promise<CheckedInputs> {
  const {files, unmatched} = await findFiles(inputs, cwd)
  const results: FileResult[] = []
  for (const file of files) results.push(await session.checkPath(file.absolute, file.shown))
  return {report: toReport(results, VERSION), unmatched}
}
