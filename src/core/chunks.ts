/**
 * Large documents are checked a piece at a time, so that time grows in line
 * with size and memory stays bounded: the parser's trees for a 10 MB file
 * take gigabytes, and the Markdown parser slows down on very long inputs.
 *
 * The pieces are cut only where the document itself starts afresh, so each
 * piece parses exactly as it would inside the whole document:
 *   - plain text: at the start of a paragraph (after a blank line);
 *   - Markdown: at the start of a line after a blank line, where that line
 *     begins at the left margin, outside front matter, fenced code and
 *     HTML blocks that may contain blank lines (comments, <script>, <pre>,
 *     <style>, <textarea>), and not where a line such as "---" could be
 *     mistaken for front matter.
 * What a document says early on (an acronym spelled out, a term explained)
 * still counts later: the plugins carry it from piece to piece (see Carry).
 */
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import type {Format} from '../types.js'

/** Pieces of about this many characters (a few hundred pages of a leaflet is far below it). */
export const CHUNK_SIZE = 256 * 1024

/** What plugins hand from one piece of a document to the next. */
export interface Carry {
  /** Turns a point in the current piece into a point in the whole document. */
  shift: (point: Point) => Point
  /** Plugins' own state, by plugin name. */
  state: Record<string, unknown>
  /** Work to do once every piece has been checked, on the whole document's file. */
  finishers: Array<(file: VFile) => void>
}

declare module 'vfile' {
  interface DataMap {
    /** Present when this file is one piece of a larger document. */
    carry: Carry
  }
}

/** Where a piece starts in the whole document. */
export interface ChunkStart {
  offset: number
  line: number
  column: number
}

/** Formats that can be checked in pieces. */
export function canChunk(format: Format): boolean {
  return format === 'markdown' || format === 'text'
}

const BLANK = /^[ \t]*\r?$/
const FENCE = /^ {0,3}(`{3,}|~{3,})/
// HTML blocks that may contain blank lines, with what ends them.
const HTML_BLOCKS: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/]
]

/**
 * The offsets where pieces start (the first is always 0). A document no
 * longer than `size` is one piece. A piece runs past `size` until the next
 * safe place; plain text with no blank lines for a long stretch is cut at a
 * line start instead (a sentence broken over that line may count as two).
 */
export function chunkOffsets(text: string, format: Format, size = CHUNK_SIZE): number[] {
  if (text.length <= size || !canChunk(format)) return [0]
  const starts = [0]
  let pieceStart = 0
  let previousBlank = false
  let fence: {char: string; length: number} | undefined
  let htmlEnd: RegExp | undefined
  let offset = 0
  if (format === 'markdown') offset = afterFrontMatter(text)
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset)
    const end = newline === -1 ? text.length : newline + 1
    const line = text.slice(offset, newline === -1 ? text.length : newline)
    const blank = BLANK.test(line)
    const long = offset - pieceStart >= size
    if (long && offset > pieceStart) {
      const safe =
        format === 'text'
          ? !blank && (previousBlank || offset - pieceStart >= 4 * size)
          : !blank && previousBlank && !fence && !htmlEnd && /^[^\s\-+]/.test(line)
      if (safe) {
        starts.push(offset)
        pieceStart = offset
      }
    }
    if (format === 'markdown') {
      if (fence) {
        const close = FENCE.exec(line)
        if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length && line.trim() === close[1]) fence = undefined
      } else if (htmlEnd) {
        if (htmlEnd.test(line)) htmlEnd = undefined
      } else {
        const open = FENCE.exec(line)
        if (open) fence = {char: open[1]![0]!, length: open[1]!.length}
        else {
          const block = HTML_BLOCKS.find(([opener]) => opener.test(line))
          if (block && !block[1].test(line.replace(block[0], ''))) htmlEnd = block[1]
        }
      }
    }
    previousBlank = blank
    offset = end
  }
  return starts
}

/** Front matter (--- or +++ fenced, at the very start) is never cut. */
function afterFrontMatter(text: string): number {
  const open = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text)
  if (!open) return 0
  const close = new RegExp(`^${open[1] === '---' ? '---' : '\\+\\+\\+'}[ \\t]*$`, 'm')
  const rest = text.slice(open[0].length)
  const found = close.exec(rest)
  return found ? open[0].length + found.index + found[0].length : 0
}

/** Line and column of each start, counted as vfile-location counts them (\r\n, \n and \r end a line). */
export function chunkStarts(text: string, offsets: readonly number[]): ChunkStart[] {
  const starts: ChunkStart[] = []
  let line = 1
  let lineStart = 0
  let position = 0
  const breaks = /\r\n|\n|\r/g
  for (const offset of offsets) {
    breaks.lastIndex = position
    let match: RegExpExecArray | null
    while ((match = breaks.exec(text)) && match.index + match[0].length <= offset) {
      line++
      lineStart = match.index + match[0].length
    }
    position = lineStart
    starts.push({offset, line, column: offset - lineStart + 1})
  }
  return starts
}

/** A point in a piece that starts at `start`, as a point in the whole document. */
export function shiftPoint(point: Point, start: ChunkStart): Point {
  return {
    line: point.line + start.line - 1,
    column: point.line === 1 ? point.column + start.column - 1 : point.column,
    offset: point.offset === undefined ? undefined : point.offset + start.offset
  }
}
