/**
 * plainly's library API: the same checks, glossary, settings files, ignore
 * rules and results as the command. `checkFiles` runs the command's own
 * batch (batch/batch.ts), so it returns exactly what
 * `plainly check --format json` prints for the same paths and settings.
 * `createChecker` is the checker itself, which reads no files: give it the
 * glossary as data (see `loadCheckerData`).
 */
import path from 'node:path'
import {checkBatch} from './batch/batch.js'
import {createSettings, type BatchOptions} from './batch/settings.js'
import type {CheckerData} from './core/checker.js'
import {toReport} from './core/results.js'
import {loadEnglishData, loadLayers, type LoadGlossaryOptions} from './io/glossary-files.js'
import type {FileResult, Format, Report} from './types.js'
import {VERSION} from './version.js'

export type {CheckOptions, DocumentView, FileResult, Finding, Format, HardSentence, ReadingAge, Report, RuleMeta, Severity, TargetAge} from './types.js'
export {DEFAULT_OPTIONS, REPORT_VERSION} from './types.js'
export type {BatchOptions as CheckFilesOptions} from './batch/settings.js'
export {createChecker, type Checker, type CheckerData, type CheckerOptions, type CheckerSettings, type CheckInput} from './core/checker.js'
export {RULES} from './core/rules.js'
export {loadGlossary, GlossaryError} from './io/glossary-files.js'
export {compileGlossary} from './glossary/compile.js'
export type {GlossaryEntry} from './glossary/types.js'
export {toReport} from './core/results.js'
export {reviewWordDocument, reviewedName, type ReviewedCopy, type WordReviewOptions} from './reporters/word-review.js'
export {VERSION}

export interface CheckTextOptions extends BatchOptions {
  /** Name used in results; its extension sets the format when `format` is not given. Settings files are looked for from its folder. */
  path?: string
  format?: Format
}

/** Check one string, with the settings that apply to `path`. Returns the same object as one entry of the JSON `files`. */
export async function checkText(text: string, options: CheckTextOptions = {}): Promise<FileResult> {
  const cwd = options.cwd ?? process.cwd()
  const name = options.path ?? (options.format === 'html' ? 'text.html' : options.format === 'text' ? 'text.txt' : 'text.md')
  const settings = createSettings({...options, cwd})
  const {result} = await (await settings.checkerFor(path.resolve(cwd, name))).check({path: name, format: options.format, text})
  return result
}

/**
 * Check files, folders and glob patterns as the command does: settings
 * files, .plainlyignore in `cwd`, the same order. Throws when nothing matched at all.
 */
export async function checkFiles(paths: readonly string[], options: BatchOptions & {ignorePatterns?: string[]} = {}): Promise<Report> {
  const cwd = options.cwd ?? process.cwd()
  const settings = createSettings({...options, cwd})
  const runConfig = settings.runConfig()
  const batch = await checkBatch({
    inputs: paths,
    settings,
    options: {...options, cwd, maxFileSize: options.maxFileSize ?? (runConfig?.maxFileSize !== undefined ? runConfig.maxFileSize * 1024 * 1024 : undefined)},
    ignore: {ignorePath: undefined, patterns: [...(runConfig?.ignorePatterns ?? []), ...(options.ignorePatterns ?? [])]}
  })
  if (batch.files.length === 0 && batch.unmatched.length > 0) {
    throw new Error(batch.unmatched.map((item) => `${item.input}: ${item.reason}`).join('\n'))
  }
  return toReport(
    batch.files.map((file) => file.result),
    VERSION
  )
}

/** The glossary (shipped, packs, team files) and English data, read from disk, for createChecker. */
export function loadCheckerData(options: LoadGlossaryOptions = {}): CheckerData {
  const {entries, knownAcronyms} = loadLayers(options)
  return {...loadEnglishData(), entries, knownAcronyms}
}
