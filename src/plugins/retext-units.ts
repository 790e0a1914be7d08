/**
 * Fix sentence and paragraph breaks that English prose parsing misses in
 * public-service writing:
 * - a line starting with a bullet (-, *, •, "o ") or a number ("1.", "2)")
 *   is its own unit, even without a full stop;
 * - a full stop after a number ends a sentence when a capital follows
 *   ("Call 111. They can help." is two sentences).
 */
import {pushAll} from '../shared/arrays.js'
import type {Paragraph, Root, Sentence, SentenceContent, Word} from 'nlcst'
import {textOf} from './words.js'

const BULLETS = new Set(['-', '*', '•', '‣', '◦', '·', '–', '—', '▪', '●', 'o'])
// Regular expressions made once: a literal in a function makes a new object each time it runs,
// and these run for every word or space.
const LINE_BREAK = /[\n\r]/
const NUMBERED = /^\d{1,3}[.)]$/
const NUMBER_BEFORE_BRACKET = /^\d{1,3}$/
const DIGITS = /^\d+$/
const CAPITAL_START = /^\p{Lu}/u

export default function retextUnits() {
  return function (tree: Root): undefined {
    const children: Root['children'] = []
    for (const child of tree.children) {
      if (child.type === 'ParagraphNode') pushAll(children, splitParagraph(child))
      else children.push(child)
    }
    tree.children = children
  }
}

function splitParagraph(paragraph: Paragraph): Paragraph[] {
  const groups: Array<Paragraph['children']> = [[]]
  let afterLineBreak = true
  for (const child of paragraph.children) {
    if (child.type !== 'SentenceNode') {
      groups[groups.length - 1]!.push(child)
      if (child.type === 'WhiteSpaceNode' && LINE_BREAK.test(child.value)) afterLineBreak = true
      continue
    }
    for (const sentence of splitSentence(child, afterLineBreak)) {
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

function splitSentence(sentence: Sentence, atLineStart: boolean): Piece[] {
  // Most sentences need no change: keep them as they are.
  if (!mayNeedSplitting(sentence.children, atLineStart)) return [{node: sentence, before: [], startsUnit: false}]
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
    // A line break followed by a list marker starts a new unit.
    if (node.type === 'WhiteSpaceNode' && LINE_BREAK.test(node.value) && current.length > 0 && markerLength(children, index + 1) > 0) {
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

/** False when splitSentence would give back the sentence whole: no list marker and no "111." before a capital. */
function mayNeedSplitting(children: readonly SentenceContent[], atLineStart: boolean): boolean {
  if (atLineStart && markerLength(children, 0) > 0) return true
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!
    if (node.type === 'WhiteSpaceNode') {
      if (LINE_BREAK.test(node.value) && markerLength(children, index + 1) > 0) return true
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
