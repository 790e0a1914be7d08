/** The JSON contract, as documented in the README ("JSON output"). */
import {jsonPieces} from './json-stream.js'
import type {Reporter} from './types.js'

/** The lists written an item at a time. */
const BIG = new Set(['files', 'findings', 'suppressed'])

/**
 * Byte for byte what JSON.stringify(report, null, 2) gives, plus a newline,
 * in pieces: each file's members, and each finding, one at a time.
 */
export const jsonReport: Reporter = function* (report) {
  yield* jsonPieces(report, BIG)
  yield '\n'
}
