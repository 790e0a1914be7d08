/**
 * Highlighting findings on a block of text (the HTML report and the web
 * page): the text is cut at every finding's start and end, and each piece
 * is drawn with the findings that cover it.
 */

/** Where a finding is in a block's text: [start, end). */
export interface Spanning {
  start: number
  end: number
}

export interface CoveredPiece<S> {
  from: number
  to: number
  /** The spans that cover the whole piece, in the order they were given. */
  covering: S[]
}

/**
 * The pieces of a text of `length` characters cut at every span's start and
 * end, each with the spans that cover it. One pass over the cuts, with the
 * spans open at each: a block of plain text can hold thousands of findings,
 * and asking every span about every piece took seconds there.
 */
export function coveredPieces<S extends Spanning>(length: number, spans: readonly S[]): Array<CoveredPiece<S>> {
  const cuts = [...new Set([0, length, ...spans.flatMap((span) => [span.start, span.end])])].sort((a, b) => a - b)
  const byStart = spans.map((_, index) => index).sort((a, b) => spans[a]!.start - spans[b]!.start || a - b)
  // The spans that have started, by their place in `spans`; a span that has ended is dropped.
  let open: number[] = []
  let next = 0
  const pieces: Array<CoveredPiece<S>> = []
  for (let position = 0; position < cuts.length - 1; position++) {
    const from = cuts[position]!
    const to = cuts[position + 1]!
    let added = false
    while (next < byStart.length && spans[byStart[next]!]!.start <= from) {
      open.push(byStart[next]!)
      next++
      added = true
    }
    if (added) open.sort((a, b) => a - b)
    // Every start and end is a cut, so a span that has started covers the piece exactly when it ends after `from`.
    open = open.filter((index) => spans[index]!.end > from)
    pieces.push({from, to, covering: open.map((index) => spans[index]!)})
  }
  return pieces
}
