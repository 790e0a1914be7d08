/**
 * CSV for spreadsheets: one row per finding, with a header row. RFC 4180
 * quoting and CRLF line ends; a UTF-8 byte order mark first so Excel reads
 * the text as UTF-8 (curly quotes, £, accents); any cell that starts like a
 * formula gets a leading apostrophe so opening the file cannot run one.
 * Each use of a word is a row, numbered (occurrence of occurrences).
 * A file with no findings has no rows (a reading age above target is
 * already a `reading-age` finding).
 */
import {csvField, shownFindings} from './escape.js'
import type {Reporter} from './types.js'

export const CSV_COLUMNS = ['path', 'line', 'column', 'endLine', 'endColumn', 'severity', 'ruleId', 'message', 'actual', 'expected', 'note', 'readingAge', 'occurrence', 'occurrences'] as const

/** One row (line) a piece. */
export const csvReport: Reporter = function* (report, options) {
  yield `\uFEFF${row(CSV_COLUMNS)}`
  for (const file of report.files) {
    const age = file.readingAge?.age ?? null
    for (const finding of shownFindings(file, options)) {
      yield row([
        file.path,
        finding.line,
        finding.column,
        finding.endLine,
        finding.endColumn,
        finding.severity,
        finding.ruleId,
        finding.message,
        finding.actual,
        finding.expected.join('; '),
        finding.note,
        age,
        finding.occurrence ?? null,
        finding.occurrences ?? null
      ])
    }
  }
}

function row(cells: ReadonlyArray<string | number | null>): string {
  return `${cells.map((cell) => csvField(cell)).join(',')}\r\n`
}
