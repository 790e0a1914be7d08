/**
 * Where a finding is in a Word or PDF document, the way a reader finds it:
 * paragraph number, the nearest heading above, the page (PDF) and a short
 * quoted snippet. Line and column mean nothing to a Word user.
 */
import {countBefore} from '../shared/arrays.js'
import type {Format} from '../types.js'

/** One paragraph (or heading, list item, table cell) of the document. */
export interface Block {
  /** Offsets in the text that was checked. */
  start: number
  end: number
  /** 1-based, in document order. */
  paragraph: number
  page?: number
  /** The nearest heading above (or this block's own text when it is a heading). */
  heading?: string
  text: string
  /** A heading (PDF: found from its size or shape). Left out of reading-age counts. */
  isHeading?: boolean
  /** Pieces of checked text and where they start in `text`. */
  runs: Array<{start: number; end: number; textStart: number}>
}

export interface Location {
  paragraph: number
  /** 1-based position in the paragraph's text. */
  column: number
  page?: number
  heading?: string
  block: Block
}

declare module 'vfile' {
  interface DataMap {
    /** Set for Word and PDF documents. */
    blocks: Block[]
    /** The kind of file the text came from, when it was converted. */
    container: Format
  }
}

export function locate(blocks: readonly Block[], offset: number): Location | undefined {
  if (blocks.length === 0) return undefined
  // The block containing the offset, or else the last one starting before it (or the first).
  const block = blocks[Math.max(0, countBefore(blocks.length, (index) => blocks[index]!.start <= offset) - 1)]!
  let column = 0
  for (const run of block.runs) {
    if (offset < run.start) break
    column = run.textStart + Math.min(offset, run.end) - run.start
  }
  return {paragraph: block.paragraph, column: column + 1, page: block.page, heading: block.heading, block}
}

/** A short quote around the words found, with … where it was cut. */
export function snippetAt(text: string, column: number, length: number, width = 40): string {
  const start = Math.max(0, column - 1 - width)
  const end = Math.min(text.length, column - 1 + length + width)
  let snippet = text.slice(start, end)
  if (start > 0) snippet = `\u2026${snippet.replace(/^\S*\s/, '')}`
  if (end < text.length) snippet = `${snippet.replace(/\s\S*$/, '')}\u2026`
  return snippet.replace(/\s+/g, ' ').trim()
}
