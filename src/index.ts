/**
 * plainly's library API. The same checks, glossary and results as the CLI:
 * `checkFiles` returns exactly what `plainly check --format json` prints.
 */
import {checkInputs, createSession, type SessionOptions} from './core/session.js'
import {toReport} from './core/results.js'
import type {FileResult, Format, Report} from './types.js'
import {VERSION} from './version.js'

export type {CheckOptions, FileResult, Finding, Format, HardSentence, ReadingAge, Report, Severity, TargetAge} from './types.js'
export {DEFAULT_OPTIONS, REPORT_VERSION} from './types.js'
export type {SessionOptions as CheckFilesOptions} from './core/session.js'
export {loadGlossary, GlossaryError} from './glossary/load.js'
export {compileGlossary} from './glossary/compile.js'
export type {GlossaryEntry} from './glossary/types.js'
export {VERSION}

export interface CheckTextOptions extends SessionOptions {
  /** Name used in results; its extension sets the format when `format` is not given. */
  path?: string
  format?: Format
}

/** Check one string. Returns the same object as one entry of the JSON `files`. */
export async function checkText(text: string, options: CheckTextOptions = {}): Promise<FileResult> {
  const session = createSession(options)
  const name = options.path ?? (options.format === 'html' ? 'text.html' : options.format === 'text' ? 'text.txt' : 'text.md')
  return session.checkText(text, name, options.format)
}

/** Check files, folders and glob patterns. Throws when nothing matched at all. */
export async function checkFiles(paths: readonly string[], options: SessionOptions = {}): Promise<Report> {
  const cwd = options.cwd ?? process.cwd()
  const session = createSession({...options, cwd})
  const {report, unmatched} = await checkInputs(session, paths, cwd)
  if (report.files.length === 0 && unmatched.length > 0) {
    throw new Error(unmatched.map((item) => `${item.input}: ${item.reason}`).join('\n'))
  }
  return report
}

export {toReport}
