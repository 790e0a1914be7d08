/**
 * The document as a reader sees it (its view from the checker), with each
 * finding drawn on its words: a highlight by kind (jargon, acronym, wordy
 * phrase; a wavy line under a sentence). As in the HTML report, the text is
 * cut at every finding's start and end so that highlights never nest; a
 * piece where a finding starts can be focused and selected, and carries a
 * short tooltip. All text goes in as text.
 */
import {viewLocator} from '../core/view.js'
import {coveredPieces} from '../shared/spans.js'
import type {DocumentView, Finding, Severity, ViewBlock} from '../types.js'
import {h} from './dom.js'
import type {Kind} from './protocol.js'

/** About this much of a document's text is shown, as in the HTML report: the rest is in the list and the downloads. */
const TEXT_SHOWN = 200_000

export const SEVERITY_LABEL: Record<Severity, string> = {error: 'Must fix', warning: 'Should fix', suggestion: 'Suggestion'}
export const KIND_LABEL: Record<Kind, string> = {jargon: 'Jargon', acronym: 'Acronym', wordy: 'Wordy phrase', sentence: 'Long or hard sentence', age: 'Reading age', other: 'Other'}

export interface Shown {
  index: number
  finding: Finding
  kind: Kind
  message: string
}

interface Span extends Shown {
  start: number
  end: number
}

export interface Rendered {
  element: HTMLElement
  /** The focusable highlight where each finding starts, by finding index. */
  marks: Map<number, HTMLElement>
  /** The findings on each focusable highlight, starting ones first. */
  onMark: Map<HTMLElement, Shown[]>
  /** Parts of the document left out to keep the page quick. */
  leftOut: number
}

const BLOCK: Record<ViewBlock['kind'], [keyof HTMLElementTagNameMap, string?]> = {
  heading: ['p', 'doc-heading'],
  paragraph: ['p'],
  item: ['li'],
  quote: ['blockquote'],
  row: ['p', 'doc-row'],
  code: ['pre'],
  plain: ['div', 'plain']
}

export function renderDocument(view: DocumentView, shown: readonly Shown[]): Rendered {
  const locate = viewLocator(view)
  const perBlock = new Map<number, Span[]>()
  let shownBlocks = 0
  let length = 0
  while (shownBlocks < view.blocks.length && (shownBlocks === 0 || length + view.blocks[shownBlocks]!.text.length <= TEXT_SHOWN)) {
    length += view.blocks[shownBlocks]!.text.length
    shownBlocks++
  }
  for (const item of shown) {
    const {finding} = item
    const start = locate(finding.line, finding.column, 'start')
    const end = locate(finding.endLine, finding.endColumn, 'end')
    if (!start || !end || start.block !== end.block || end.at <= start.at || start.block >= shownBlocks) continue
    let list = perBlock.get(start.block)
    if (!list) perBlock.set(start.block, (list = []))
    list.push({...item, start: start.at, end: end.at})
  }

  const element = h('div')
  const marks = new Map<number, HTMLElement>()
  const onMark = new Map<HTMLElement, Shown[]>()
  let list: HTMLElement | undefined
  for (let number = 0; number < shownBlocks; number++) {
    const block = view.blocks[number]!
    const [tag, className] = BLOCK[block.kind]
    const box = h(tag, {class: className})
    highlight(box, block.text, perBlock.get(number) ?? [], marks, onMark)
    if (block.kind === 'item') {
      if (!list) element.append((list = h('ul')))
      list.append(box)
    } else {
      list = undefined
      element.append(block.kind === 'quote' ? h('blockquote', {}, h('p', {}, ...Array.from(box.childNodes))) : box)
    }
  }
  return {element, marks, onMark, leftOut: view.blocks.length - shownBlocks}
}

let pieces = 0

function highlight(box: HTMLElement, text: string, spans: readonly Span[], marks: Map<number, HTMLElement>, onMark: Map<HTMLElement, Shown[]>): void {
  if (spans.length === 0) {
    box.textContent = text
    return
  }
  for (const {from, to, covering} of coveredPieces(text.length, spans)) {
    const words = text.slice(from, to)
    if (covering.length === 0) {
      box.append(words)
      continue
    }
    const starting = covering.filter((span) => span.start === from)
    const ordered = [...starting, ...covering.filter((span) => span.start !== from)]
    const wordKinds = covering.filter((span) => span.kind !== 'sentence')
    const classes = ['hl']
    if (wordKinds.length > 0) classes.push(`k-${wordKinds[0]!.kind}`)
    if (wordKinds.length < covering.length) classes.push('k-sentence')
    const tipId = `tip-${++pieces}`
    const tip = h('span', {class: 'tip', id: tipId, 'aria-hidden': 'true'}, ordered.map((span) => `${KIND_LABEL[span.kind]} (${SEVERITY_LABEL[span.finding.severity].toLowerCase()}): ${span.message}`).join(' · '))
    if (starting.length === 0) {
      box.append(h('span', {class: classes.join(' ')}, words, tip))
      continue
    }
    const mark = h('mark', {class: classes.join(' '), tabindex: 0, role: 'button', 'aria-describedby': tipId}, words, tip)
    for (const span of starting) marks.set(span.index, mark)
    onMark.set(mark, ordered.map(({start: _start, end: _end, ...item}) => item))
    box.append(mark)
  }
}
