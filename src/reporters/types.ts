import type {Report} from '../types.js'

export interface ReporterOptions {
  /** Colour level: 0 none, 1 basic, 2 256 colours, 3 full colour. */
  color: 0 | 1 | 2 | 3
  /** Show only findings at or above this severity (the others still count). */
  quiet?: boolean
  failOn?: import('../types.js').Severity | 'never'
}

/** A reporter turns results into text. Pure: no printing, no files, no exit codes. */
export type Reporter = (report: Report, options: ReporterOptions) => string
