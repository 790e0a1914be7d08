/**
 * One Markdown block (paragraph, heading or table cell) → nlcst paragraphs.
 * Ported from mdast-util-to-nlcst (MIT, © Titus Wormer), with one change:
 * the position lookup is shared by every block of a file. mdast-util-to-nlcst
 * builds a new one per call, and each rebuilds its line index from the start
 * of the file, which makes large files quadratic (a 2 MB file spent most of
 * its time there).
 */
import type {Nodes as MdastNodes} from 'mdast'
import type {Paragraph, Root, Sentence, SentenceContent} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {ParseEnglish} from 'parse-english'
import {pointEnd, pointStart} from 'unist-util-position'
import type {Location} from 'vfile-location'

const NEW_LINE = /^[ \t]*((\r?\n|\r)[\t ]*)+$/
const TERMINAL = /^([!.?\u2026\u203D]+)$/

export interface UnitState {
  doc: string
  place: Pick<Location, 'toPoint'>
  parser: ParseEnglish
}

type Extension<T> = (node: T) => void

export function unitToParagraphs(state: UnitState, unit: MdastNodes): Paragraph[] {
  const nodes = all(state, unit)
  if (nodes.length === 0) return []
  const start = pointStart(nodes[0]!)
  const end = pointEnd(nodes[nodes.length - 1]!)
  const position = start && end ? {start, end} : undefined

  const sentence: Sentence = {type: 'SentenceNode', children: nodes, position}
  for (const plugin of state.parser.tokenizeSentencePlugins as Array<Extension<Sentence>>) plugin(sentence)
  const paragraph: Paragraph = {type: 'ParagraphNode', children: split(sentence.children, 'PunctuationNode', TERMINAL, 'SentenceNode') as Paragraph['children'], position}
  for (const plugin of state.parser.tokenizeParagraphPlugins as Array<Extension<Paragraph>>) plugin(paragraph)
  const root: Root = {type: 'RootNode', children: split(paragraph.children, 'WhiteSpaceNode', NEW_LINE, 'ParagraphNode') as Root['children'], position}
  for (const plugin of state.parser.tokenizeRootPlugins as Array<Extension<Root>>) plugin(root)
  return root.children.filter((child): child is Paragraph => child.type === 'ParagraphNode')
}

function one(state: UnitState, node: MdastNodes): SentenceContent[] | undefined {
  let start = node.position?.start.offset
  const end = node.position?.end.offset
  let results: SentenceContent[] | undefined
  if (node.type === 'inlineCode') {
    if (start !== undefined && end !== undefined) results = [{type: 'SourceNode', value: state.doc.slice(start, end)}]
  } else if ('children' in node) {
    return all(state, node)
  } else if (node.type === 'image' || node.type === 'imageReference') {
    if (node.alt) {
      results = state.parser.tokenize(node.alt) as SentenceContent[]
      if (typeof start === 'number') start += 2
    }
  } else if (node.type === 'break') {
    results = [{type: 'WhiteSpaceNode', value: '\n'}]
  } else if (node.type === 'text') {
    results = state.parser.tokenize(node.value) as SentenceContent[]
  }
  if (results) patch(state, results, start)
  return results
}

function all(state: UnitState, parent: MdastNodes): SentenceContent[] {
  const results: SentenceContent[] = []
  if (!('children' in parent)) return results
  let end: ReturnType<typeof pointEnd>
  for (const child of parent.children as MdastNodes[]) {
    const start = pointStart(child)
    if (end && typeof end.line === 'number' && start && start.line !== end.line) {
      const lineEnding: SentenceContent = {type: 'WhiteSpaceNode', value: '\n'.repeat(start.line - end.line)}
      patch(state, [lineEnding], end.offset)
      // Seen as a break between paragraphs.
      if (lineEnding.value.length < 2) lineEnding.value = '\n\n'
      results.push(lineEnding)
    }
    const result = one(state, child)
    if (result) for (const node of result) results.push(node)
    end = pointEnd(child)
  }
  return results
}

function patch(state: UnitState, nodes: SentenceContent[] | Array<{type: string; children?: unknown[]; position?: unknown}>, offset: number | undefined): void {
  let start = offset
  for (const node of nodes as Array<SentenceContent & {children?: SentenceContent[]}>) {
    if ('children' in node && node.children) patch(state, node.children, start)
    const end = typeof start === 'number' ? start + toString(node).length : undefined
    const startPoint = start === undefined ? undefined : state.place.toPoint(start)
    const endPoint = end === undefined ? undefined : state.place.toPoint(end)
    node.position = startPoint && endPoint ? {start: startPoint, end: endPoint} : undefined
    start = end
  }
}

function split<T extends {type: string; position?: {start: unknown; end: unknown}}>(children: T[], childType: string, expression: RegExp, parentType: string): Array<{type: string; children: T[]; position?: unknown}> {
  const result: Array<{type: string; children: T[]; position?: unknown}> = []
  let start = 0
  for (let index = 0; index < children.length; index++) {
    const token = children[index]!
    if (index === children.length - 1 || (token.type === childType && expression.test(toString(token as never)))) {
      const parent: {type: string; children: T[]; position?: unknown} = {type: parentType, children: children.slice(start, index + 1)}
      const first = children[start]
      if (first?.position && token.position) parent.position = {start: first.position.start, end: token.position.end}
      result.push(parent)
      start = index + 1
    }
  }
  return result
}
