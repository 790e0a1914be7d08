/**
 * Fix sentence and paragraph breaks that English prose parsing misses in
 * public-service writing:
 * - a line starting with a bullet (-, *, •, "o ") or a number ("1.", "2)")
 *   is its own unit, even without a full stop;
 * - a full stop after a number ends a sentence when a capital follows
 *   ("Call 111. They can help." is two sentences);
 * - in plain text, a line that was ended on purpose is its own unit: text
 *   copied from a web page or a Word document keeps its headings and list
 *   items as lines with no full stop and no bullet, and read as prose they
 *   ran into one long "sentence". A line break is on purpose unless the text
 *   is wrapped at a width and the next word would not have fitted on the
 *   line (see `lineWidth`).
 */
import {countBefore, pushAll} from '../shared/arrays.js'
import type {Paragraph, Root, Sentence, SentenceContent, Word} from 'nlcst'
import type {VFile} from 'vfile'
import {textOf} from './words.js'

declare module 'vfile' {
  interface DataMap {
    /** Plain text: the width its lines are wrapped at, or 0 when they are not wrapped (see lineWidth). */
    lineWidth: number
  }
}

const BULLETS = new Set(['-', '*', '•', '‣', '◦', '·', '–', '—', '▪', '●', 'o'])
// Regular expressions made once: a literal in a function makes a new object each time it runs,
// and these run for every word or space.
const LINE_BREAK = /[\n\r]/
const NUMBERED = /^\d{1,3}[.)]$/
const NUMBER_BEFORE_BRACKET = /^\d{1,3}$/
const DIGITS = /^\d+$/
const CAPITAL_START = /^\p{Lu}/u

export default function retextUnits() {
  return function (tree: Root, file?: VFile): undefined {
    let breaks: LineEnds | undefined
    if (file && (file.data.format ?? 'text') === 'text') {
      const source = String(file)
      breaks = lineEnds(source, file.data.lineWidth ?? lineWidth(source))
    }
    const children: Root['children'] = []
    for (const child of tree.children) {
      if (child.type === 'ParagraphNode') pushAll(children, splitParagraph(child, breaks))
      else children.push(child)
    }
    tree.children = children
  }
}

/** Whether the line break in a white-space node ends its line on purpose. */
type LineEnds = (space: SentenceContent) => boolean

/** Lines up to this long may be wrapped text (72 to 80 is usual); wider, every line ends on purpose. */
const WIDEST_WRAP = 120
/** Nor is text wrapped this narrow: these are words on lines of their own. */
const NARROWEST_WRAP = 20
const LINE_ENDS = /\r\n|\r|\n/

/**
 * The width plain text is wrapped at, or 0 when its lines are not wrapped.
 * Taken from the lines that another line follows in the same paragraph (the
 * last line of a paragraph is short by nature), at the 90th percentile so
 * that one long address or link does not widen it. Wrapped text fills its
 * lines: most of them come close to the width (within the length of a long
 * word). Lines of very different lengths (headings, list items and
 * paragraphs copied from a web page) are not wrapped. Made once for a whole
 * file: a long file checked in pieces reads its lines the same in each.
 */
export function lineWidth(text: string): number {
  const lines = text.split(LINE_ENDS)
  const lengths: number[] = []
  for (let index = 0; index + 1 < lines.length; index++) {
    const line = lines[index]!.trimEnd()
    if (line.trim() !== '' && lines[index + 1]!.trim() !== '') lengths.push(line.length)
  }
  if (lengths.length === 0) return 0
  lengths.sort((a, b) => a - b)
  const width = lengths[Math.min(lengths.length - 1, Math.floor(lengths.length * 0.9))]!
  if (width > WIDEST_WRAP || width < NARROWEST_WRAP) return 0
  const limit = width * 0.7
  const full = lengths.length - countBefore(lengths.length, (index) => lengths[index]! < limit)
  return full * 2 >= lengths.length ? width : 0
}

/**
 * A line break ends its line on purpose when the text is not wrapped, or
 * when the next word would have fitted on the line: text wrapped at a width
 * breaks a line only where the next word does not fit.
 */
function lineEnds(source: string, width: number): LineEnds {
  return (space) => {
    if (space.type !== 'WhiteSpaceNode' || !LINE_BREAK.test(space.value)) return false
    if (width === 0) return true
    const start = space.position?.start.offset
    const end = space.position?.end.offset
    if (start === undefined || end === undefined) return false
    const lineStart = Math.max(source.lastIndexOf('\n', start - 1), source.lastIndexOf('\r', start - 1)) + 1
    const lineLength = source.slice(lineStart, start).trimEnd().length
    const next = /^\S*/.exec(source.slice(end, end + width))![0]
    return lineLength + 1 + next.length <= width
  }
}

function splitParagraph(paragraph: Paragraph, breaks: LineEnds | undefined): Paragraph[] {
  const groups: Array<Paragraph['children']> = [[]]
  let afterLineBreak = true
  for (const child of paragraph.children) {
    if (child.type !== 'SentenceNode') {
      groups[groups.length - 1]!.push(child)
      if (child.type === 'WhiteSpaceNode' && LINE_BREAK.test(child.value)) afterLineBreak = true
      continue
    }
    for (const sentence of splitSentence(child, afterLineBreak, breaks)) {
      const current = groups[groups.length - 1]!
      if (sentence.startsUnit && current.some((node) => node.type === 'SentenceNode')) {
        // Leading white space stays with the unit before.
        groups.push([])
      }
      pushAll(groups[groups.length - 1]!, sentence.before).push(sentence.node)
    }
    afterLineBreak = false
  }
  if (groups.length === 1) {
    paragraph.children = groups[0]!
    return [paragraph]
  }
  return groups.filter((group) => group.some((node) => node.type === 'SentenceNode')).map((group) => withPosition({type: 'ParagraphNode', children: group}))
}

interface Piece {
  node: Sentence
  /** White space between the previous piece and this one. */
  before: Paragraph['children']
  startsUnit: boolean
}

function splitSentence(sentence: Sentence, atLineStart: boolean, breaks: LineEnds | undefined): Piece[] {
  // Most sentences need no change: keep them as they are.
  if (!mayNeedSplitting(sentence.children, atLineStart, breaks)) return [{node: sentence, before: [], startsUnit: false}]
  const pieces: Piece[] = []
  let current: SentenceContent[] = []
  let before: Paragraph['children'] = []
  let startsUnit = atLineStart && markerLength(sentence.children, 0) > 0
  const children = sentence.children

  const close = () => {
    if (current.some((node) => node.type !== 'WhiteSpaceNode')) {
      pieces.push({node: withPosition({type: 'SentenceNode', children: current}), before, startsUnit})
    } else if (pieces.length > 0) {
      pushAll(pieces[pieces.length - 1]!.node.children, current)
    }
    current = []
    before = []
  }

  for (let index = 0; index < children.length; index++) {
    const node = children[index]!
    // A line break followed by a list marker, or one that ends its line on purpose, starts a new unit.
    if (node.type === 'WhiteSpaceNode' && LINE_BREAK.test(node.value) && current.length > 0 && (markerLength(children, index + 1) > 0 || breaks?.(node))) {
      close()
      before = [node]
      startsUnit = true
      continue
    }
    if (startsUnit && current.length === 0) {
      const length = markerLength(children, index)
      if (length > 0) {
        // List markers become symbols, so they are not counted as words.
        for (const marker of children.slice(index, index + length)) current.push(marker.type === 'WordNode' ? {type: 'SymbolNode', value: textOf(marker), position: marker.position} : marker)
        index += length - 1
        continue
      }
    }
    // "111." followed by a capital: split off the full stop and end here.
    const stop = numberStop(children, index)
    if (stop) {
      current.push(stop.number, stop.fullStop)
      close()
      startsUnit = false
      continue
    }
    if (current.length === 0 && node.type === 'WhiteSpaceNode' && pieces.length > 0) {
      before.push(node)
      continue
    }
    current.push(node)
  }
  close()
  return pieces.length > 0 ? pieces : [{node: sentence, before: [], startsUnit}]
}

/** False when splitSentence would give back the sentence whole: no list marker, no line ended on purpose and no "111." before a capital. */
function mayNeedSplitting(children: readonly SentenceContent[], atLineStart: boolean, breaks: LineEnds | undefined): boolean {
  if (atLineStart && markerLength(children, 0) > 0) return true
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!
    if (node.type === 'WhiteSpaceNode') {
      if (LINE_BREAK.test(node.value) && (markerLength(children, index + 1) > 0 || breaks?.(node))) return true
    } else if (numberStop(children, index)) {
      return true
    }
  }
  return false
}

/** Length in nodes of a list marker at `index`, or 0. Marker must be followed by white space. */
function markerLength(nodes: readonly SentenceContent[], index: number): number {
  const node = nodes[index]
  if (!node) return 0
  const value = textOf(node)
  if (BULLETS.has(value) && nodes[index + 1]?.type === 'WhiteSpaceNode') return 1
  if (node.type === 'WordNode' && NUMBERED.test(value) && nodes[index + 1]?.type === 'WhiteSpaceNode') return 1
  if (node.type === 'WordNode' && NUMBER_BEFORE_BRACKET.test(value) && nodes[index + 1]?.type === 'PunctuationNode' && textOf(nodes[index + 1]!) === ')' && nodes[index + 2]?.type === 'WhiteSpaceNode') return 2
  return 0
}

function numberStop(nodes: readonly SentenceContent[], index: number): {number: Word; fullStop: SentenceContent} | undefined {
  const node = nodes[index]
  if (node?.type !== 'WordNode' || node.children.length !== 2) return undefined
  // Indexed, not destructured: this runs for every word, and destructuring makes an iterator until the JIT steps in.
  const digits = node.children[0]
  const stop = node.children[1]
  if (digits?.type !== 'TextNode' || !DIGITS.test(digits.value)) return undefined
  if (stop?.type !== 'PunctuationNode' || stop.value !== '.') return undefined
  const space = nodes[index + 1]
  const next = nodes[index + 2]
  if (space?.type !== 'WhiteSpaceNode' || next?.type !== 'WordNode') return undefined
  if (!CAPITAL_START.test(textOf(next))) return undefined
  return {number: {type: 'WordNode', children: [digits], position: digits.position}, fullStop: stop}
}

function withPosition<T extends Sentence | Paragraph>(node: T): T {
  const first = node.children[0]
  const last = node.children[node.children.length - 1]
  if (first?.position && last?.position) node.position = {start: first.position.start, end: last.position.end}
  return node
}
