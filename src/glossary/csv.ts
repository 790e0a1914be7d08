/**
 * CSV as spreadsheets write it (RFC 4180): quoted cells may hold commas,
 * quotes ("" inside quotes) and line breaks. Output starts with a UTF-8 byte
 * order mark and uses CRLF, so Excel opens it as UTF-8.
 */

export function toCsv(rows: readonly (readonly string[])[]): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) || /^\s|\s$/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)
  return `\uFEFF${rows.map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`
}

export class CsvError extends Error {
  readonly line: number
  constructor(message: string, line: number) {
    super(message)
    this.name = 'CsvError'
    this.line = line
  }
}

/** Parse CSV text into rows of cells. Throws CsvError (with a line) for an unclosed quote. */
export function parseCsv(text: string): string[][] {
  const input = text.replace(/^\uFEFF/, '')
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let quoteLine = 1
  for (let index = 0; index < input.length; index++) {
    const char = input[index]!
    if (quoted) {
      if (char === '"') {
        if (input[index + 1] === '"') {
          cell += '"'
          index++
        } else {
          quoted = false
        }
      } else {
        if (char === '\n') line++
        cell += char
      }
      continue
    }
    if (char === '"' && cell === '') {
      quoted = true
      quoteLine = line
    } else if (char === ',') {
      row.push(cell)
      cell = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[index + 1] === '\n') index++
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      line++
    } else {
      cell += char
    }
  }
  if (quoted) throw new CsvError('a quoted cell is never closed', quoteLine)
  if (cell !== '' || row.length > 0) {
    row.push(cell)
    rows.push(row)
  }
  // Normalise line breaks inside cells to \n (Excel writes CRLF in some cases).
  return rows.map((cells) => cells.map((value) => value.replace(/\r\n?/g, '\n'))).filter((cells) => cells.some((value) => value !== ''))
}
