import type {Report, Severity} from '../types.js'

export interface ReporterOptions {
  /** Colour level: 0 none, 1 basic, 2 256 colours, 3 full colour. */
  color: 0 | 1 | 2 | 3
  /** Show only findings at or above the failure level (the others still count). */
  quiet?: boolean
  failOn?: Severity | 'never'
  /**
   * The text of each checked document, by its report path, for reporters
   * that show the document (html). Reporters never read files themselves.
   */
  sources?: ReadonlyMap<string, string>
}

/** A reporter turns results into text. Pure: no printing, no files, no exit codes. */
export type Reporter = (report: Report, options: ReporterOptions) => string
