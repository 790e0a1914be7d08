/** Helpers over nlcst words shared by plainly's retext plugins. */
import type {Node} from 'unist'
import type {Sentence} from 'nlcst'

/** Is the sentence's start inside one of the ranges (offsets, end exclusive)? */
export function isInsideRanges(sentence: Sentence, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  const offset = sentence.position?.start.offset
  if (offset === undefined) return false
  return ranges.some(([start, end]) => offset >= start && offset < end)
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
