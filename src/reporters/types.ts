import type {DocumentView, Report, Severity} from '../types.js'

export interface ReporterOptions {
  /** Colour level: 0 none, 1 basic, 2 256 colours, 3 full colour. */
  color: 0 | 1 | 2 | 3
  /** Show only findings at or above the failure level (the others still count). */
  quiet?: boolean
  failOn?: Severity | 'never'
  /** Human reports: list every use of a term, not only its first (machine formats always do). */
  showRepeats?: boolean
  /**
   * Each checked document as a reader sees it, by its report path, for
   * reporters that show documents (html). Reporters never read files.
   */
  views?: ReadonlyMap<string, DocumentView>
}

/**
 * A reporter turns results into text, a piece at a time, so that a report
 * of a million findings is never one string (the command writes each piece
 * as it comes). Pure: no printing, no files, no exit codes.
 */
export type Reporter = (report: Report, options: ReporterOptions) => Iterable<string>

/** A report's whole text, for tests and small reports. */
export function reportText(pieces: Iterable<string>): string {
  let text = ''
  for (const piece of pieces) text += piece
  return text
}
