import type {Report} from '../types.js'
import type {Reporter} from './types.js'

/** The JSON contract, as documented in the README ("JSON output"). */
export const json: Reporter = (report) => jsonPieces(report).join('')

/**
 * The same text as `json`, in pieces: the report's start, then each file's
 * result (after its separator), then its end. Written piece by piece, a long report never becomes
 * one string the size of the whole report. (JSON.stringify builds its text
 * out of many joined parts, and the first write of such a string copies it
 * all into one new block of memory: for a report of several megabytes that
 * costs more than the writing.)
 *
 * Byte for byte what JSON.stringify(report, null, 2) gives, plus a newline:
 * each part is JSON.stringify's own text for it, at its depth.
 */
export function jsonPieces(report: Report): string[] {
  const pieces: string[] = []
  let text = '{'
  let members = 0
  for (const [key, value] of Object.entries(report)) {
    if (key === 'files' && Array.isArray(value) && value.length > 0) {
      pieces.push(`${text}${members > 0 ? ',' : ''}\n  ${JSON.stringify(key)}: [`)
      // The separator and the file apart: joined, the file's text would be copied again when written.
      for (let index = 0; index < value.length; index++) pieces.push(index > 0 ? ',\n    ' : '\n    ', atDepthTwo(value[index]))
      text = '\n  ]'
      members++
      continue
    }
    // As a member of an object at depth one; nothing for what JSON leaves out (undefined, functions).
    const member = JSON.stringify({[key]: value}, null, 2)
    if (member === '{}') continue
    text += `${members > 0 ? ',' : ''}\n${member.slice(2, -2)}`
    members++
  }
  pieces.push(`${text}${members > 0 ? '\n' : ''}}\n`)
  return pieces
}

/** A value's JSON as it stands inside an array inside the report (two levels in). */
function atDepthTwo(value: unknown): string {
  // "[\n  [\n    " + the value, indented for depth two + "\n  ]\n]"
  return JSON.stringify([[value]], null, 2).slice(10, -6)
}
