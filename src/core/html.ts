/**
 * Prepare an HTML tree for rehype-retext: never check code, scripts, styles
 * or templates; line text up with the source so positions are exact; and
 * note headings and table cells, which are checked but are not prose for
 * reading age.
 */
import {pushAll} from '../shared/arrays.js'
import type {Element, Nodes as HastNodes, Root as HastRoot} from 'hast'
import type {Transformer} from 'unified'
import {location} from 'vfile-location'
import {commentControls} from './comments.js'
import type {Control} from './controls.js'
import type {Block} from './locate.js'
import {alignTextNodes, type Range} from './units.js'
import {htmlBlocks} from './view.js'

const SKIPPED = new Set(['script', 'style', 'pre', 'noscript', 'template', 'textarea', 'svg', 'math', 'head'])
// Inline code-like elements stay in the sentence as code (they break a phrase) but are not checked.
const SOURCE = new Set(['code', 'kbd', 'samp', 'var'])
const NOT_PROSE = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th'])

export default function rehypePrepare(): Transformer<HastRoot> {
  return function (tree, file) {
    const place = location(file)
    const notProse: Range[] = []
    const controls: Control[] = []
    const visit = (node: HastNodes) => {
      if (node.type === 'comment') {
        const start = node.position?.start.offset
        // The comment's text starts after "<!--".
        pushAll(controls, commentControls(`<!--${node.value}-->`, start, place))
        return
      }
      if (node.type === 'element') {
        if (SKIPPED.has(node.tagName)) {
          mark(node, 'ignore')
          return
        }
        if (SOURCE.has(node.tagName)) {
          mark(node, 'source')
          return
        }
        // Word footnote marks ("[1]") and back links ("↑") from mammoth are not prose.
        const href = String(node.properties?.href ?? '')
        if (node.tagName === 'a' && /^#(foot|end)note/.test(href) && file.data.container === 'docx') {
          mark(node, 'ignore')
          return
        }
        const start = node.position?.start.offset
        const end = node.position?.end.offset
        if (NOT_PROSE.has(node.tagName) && start !== undefined && end !== undefined) notProse.push([start, end])
      }
      if ('children' in node) for (const child of node.children) visit(child as HastNodes)
    }
    visit(tree)
    alignTextNodes(tree as {children?: unknown[]}, file, place)
    if (file.data.container === 'docx') file.data.blocks = wordBlocks(tree)
    else if (file.data.wantView) file.data.viewBlocks = htmlBlocks(tree)
    file.data.notProse = notProse
    file.data.controls = controls
  }
}

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'caption', 'dt', 'dd'])

/**
 * The paragraphs of a converted Word document, in order, with the text runs
 * that make them up (after alignTextNodes), for locating findings.
 */
function wordBlocks(tree: HastRoot): Block[] {
  const blocks: Block[] = []
  let heading: string | undefined
  const textOf = (node: HastNodes, runs: Block['runs'], state: {text: string}) => {
    if (node.type === 'text') {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start !== undefined && end !== undefined) runs.push({start, end, textStart: state.text.length})
      state.text += node.value
      return
    }
    if (node.type === 'element' && node.properties?.dataNlcst === 'ignore') return
    if ('children' in node) for (const child of node.children) textOf(child as HastNodes, runs, state)
  }
  const visit = (node: HastNodes) => {
    if (node.type === 'element' && BLOCKS.has(node.tagName) && !node.children.some((child) => child.type === 'element' && BLOCKS.has(child.tagName))) {
      const runs: Block['runs'] = []
      const state = {text: ''}
      textOf(node, runs, state)
      const text = state.text.replace(/\s+/g, ' ').trim()
      if (runs.length === 0 || text === '') return
      if (/^h[1-6]$/.test(node.tagName)) heading = text
      blocks.push({start: runs[0]!.start, end: runs[runs.length - 1]!.end, paragraph: blocks.length + 1, heading, text: state.text, runs})
      return
    }
    if ('children' in node) for (const child of node.children) visit(child as HastNodes)
  }
  visit(tree)
  return blocks
}

function mark(node: Element, how: 'ignore' | 'source'): void {
  node.properties = {...node.properties, dataNlcst: how}
}
