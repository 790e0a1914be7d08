/** Helpers over nlcst words shared by plainly's retext plugins. */
import type {Node} from 'unist'
import type {Sentence} from 'nlcst'
import {countBefore} from '../shared/arrays.js'

type Ranges = ReadonlyArray<readonly [number, number]>

/** Is the sentence's start inside one of the ranges (offsets, end exclusive)? */
export function isInsideRanges(sentence: Sentence, ranges: Ranges): boolean {
  const offset = sentence.position?.start.offset
  if (offset === undefined || ranges.length === 0) return false
  // The last range that starts at or before the offset, in order of start: the offset is inside one of the ranges up to there if the furthest end among them is past it.
  const {starts, furthestEnds} = rangeIndexOf(ranges)
  const before = countBefore(starts.length, (index) => starts[index]! <= offset)
  return before > 0 && furthestEnds[before - 1]! > offset
}

/** The ranges in order of start, with the furthest end of each and those before it: made once per list (a document's headings and table cells), so each sentence's question is a search by halving. */
const rangeIndexes = new WeakMap<Ranges, {starts: number[]; furthestEnds: number[]}>()

function rangeIndexOf(ranges: Ranges): {starts: number[]; furthestEnds: number[]} {
  let index = rangeIndexes.get(ranges)
  if (index === undefined) {
    const sorted = [...ranges].sort((a, b) => a[0] - b[0])
    const starts: number[] = []
    const furthestEnds: number[] = []
    let furthest = -Infinity
    for (const [start, end] of sorted) {
      furthest = Math.max(furthest, end)
      starts.push(start)
      furthestEnds.push(furthest)
    }
    index = {starts, furthestEnds}
    rangeIndexes.set(ranges, index)
  }
  return index
}

/**
 * The text of a node or of a list of nodes, exactly as nlcst-to-string's
 * toString gives it (a node's value, or its children's text joined). Most
 * words are one text node, whose value is returned as is: no new string, so
 * caches keyed on words find it without hashing it again.
 *
 * Joined with one join, not added up with +: a sum of parts is a chain of
 * small joined strings (one link per word and space), and findings keep a
 * sentence's text until the report is written. On the OneStopEnglish
 * corpus the chains held 7.8 MB by the end; joined once, a sentence is one
 * string of its own length.
 */
export function textOf(value: Node | readonly Node[]): string {
  const nodes = Array.isArray(value) ? (value as readonly Node[]) : undefined
  const node = value as Node & {value?: unknown; children?: unknown}
  if (!nodes && 'value' in node) return node.value as string
  const list = nodes ?? (Array.isArray(node.children) ? (node.children as Node[]) : [])
  if (list.length === 1) return textOf(list[0]!)
  const parts: string[] = []
  addText(list, parts)
  return parts.join('')
}

function addText(nodes: readonly Node[], parts: string[]): void {
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index] as Node & {value?: unknown; children?: unknown}
    if ('value' in node) parts.push(node.value as string)
    else if (Array.isArray(node.children)) addText(node.children as Node[], parts)
  }
}

/** Every sentence in the tree, in document order. */
export function sentencesOf(tree: {children: Node[]}): Sentence[] {
  const sentences: Sentence[] = []
  const walk = (node: Node) => {
    if (node.type === 'SentenceNode') {
      sentences.push(node as Sentence)
      return
    }
    if ('children' in node && Array.isArray(node.children)) for (const child of node.children) walk(child as Node)
  }
  walk(tree as unknown as Node)
  return sentences
}
