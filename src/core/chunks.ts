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
 * A paragraph far longer than a piece (a 20 MB document of one paragraph)
 * is cut too, at a sentence end (see sentenceCut), so that no piece grows
 * past twice the piece size.
 * What a document says early on (an acronym spelled out, a term explained)
 * still counts later: the plugins carry it from piece to piece (see Carry).
 */
import {ParseEnglish} from 'parse-english'
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
 * safe place; past twice `size` inside one paragraph, it is cut at a
 * sentence end; plain text with no blank lines and no sentence end for a
 * long stretch is cut at a line start instead (a sentence broken over that
 * line may count as two).
 */
export function chunkOffsets(text: string, format: Format, size = CHUNK_SIZE): number[] {
  if (text.length <= size || !canChunk(format)) return [0]
  const starts = [0]
  let pieceStart = 0
  let previousBlank = false
  let paragraph: Paragraph | undefined
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
    if (!blank && previousBlank) paragraph = undefined
    if (!blank && !fence && !htmlEnd && end - pieceStart > 2 * size) {
      paragraph ??= paragraphAt(text, offset, format)
      // Every `size` or more, while what is left of the piece would still be over twice `size`.
      while (end - pieceStart > 2 * size) {
        const cut = sentenceCut(text, Math.max(offset, pieceStart + size), end, paragraph, line, format)
        if (cut === undefined) break
        starts.push(cut)
        pieceStart = cut
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

/** A paragraph (lines up to the next blank line): whether it may be cut inside, and its inline marks so far. */
interface Paragraph {
  start: number
  /** False when a cut inside it could change how it parses (Markdown: a heading, a table, code, an HTML block). */
  cuttable: boolean
  /** How far `marks` has counted, and the counts of inline marks from `start` to there. */
  counted: number
  marks: Record<string, number>
}

const INLINE_MARKS = ['`', '*', '_', '[', ']', '<', '>']
/** A sentence end, then the capital letter of the next sentence's first word. */
const SENTENCE_END = /[.!?]["'\u201D\u2019)\]]*[ \t]*(?:\r?\n[ \t]*)?(?=\p{Lu}\p{Ll})/gu
const SETEXT_OR_TABLE = /^ {0,3}(?:=+|-+)[ \t]*$|\|/m

function paragraphAt(text: string, start: number, format: Format): Paragraph {
  let cuttable = true
  if (format === 'markdown') {
    const blank = /\n[ \t]*\r?\n/g
    blank.lastIndex = start
    const end = blank.exec(text)?.index ?? text.length
    const first = text.slice(start, text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start))
    // Indented code, headings, HTML blocks and table rows change meaning when cut; so does a setext underline below.
    cuttable = !/^(?: {4}|\t| {0,3}[#<|])/.test(first) && !SETEXT_OR_TABLE.test(text.slice(start, end))
  }
  return {start, cuttable, counted: start, marks: Object.fromEntries(INLINE_MARKS.map((mark) => [mark, 0]))}
}

/**
 * The first place in [from, end) where a new piece can start inside a
 * paragraph: the first word of a sentence, where the English parser itself
 * ends the sentence before (not after "Dr." or "etc."), and, in Markdown,
 * where no code span, link, emphasis or inline HTML is open.
 */
function sentenceCut(text: string, from: number, end: number, paragraph: Paragraph, line: string, format: Format): number | undefined {
  if (!paragraph.cuttable || (format === 'markdown' && /^ {0,3}#/.test(line))) return undefined
  SENTENCE_END.lastIndex = Math.max(paragraph.start, from - 8)
  for (let match = SENTENCE_END.exec(text); match !== null && match.index < end; match = SENTENCE_END.exec(text)) {
    const at = match.index + match[0].length
    if (at < from || at >= end) continue
    if (format === 'markdown' && !balancedBefore(text, paragraph, at)) continue
    if (parserEndsSentenceBefore(text, at)) return at
  }
  return undefined
}

/** Whether every inline mark opened in the paragraph before `at` is closed. */
function balancedBefore(text: string, paragraph: Paragraph, at: number): boolean {
  const {marks} = paragraph
  for (let index = paragraph.counted; index < at; index++) {
    const char = text[index]!
    if (char in marks) marks[char]!++
  }
  paragraph.counted = at
  return marks['`']! % 2 === 0 && marks['*']! % 2 === 0 && marks._! % 2 === 0 && marks['[']! === marks[']'] && marks['<']! === marks['>']
}

let parser: ParseEnglish | undefined

/** Whether the English parser, given the text around `at`, starts a sentence exactly there. */
function parserEndsSentenceBefore(text: string, at: number): boolean {
  parser ??= new ParseEnglish()
  const from = Math.max(0, at - 400)
  const tree = parser.parse(text.slice(from, Math.min(text.length, at + 400)))
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const sentence of paragraph.children) {
      if (sentence.type === 'SentenceNode' && sentence.position?.start.offset === at - from) return true
    }
  }
  return false
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
