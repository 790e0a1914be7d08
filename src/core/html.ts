/**
 * Prepare an HTML tree for rehype-retext: never check code, scripts, styles
 * or templates; line text up with the source so positions are exact; and
 * note headings and table cells, which are checked but are not prose for
 * reading age.
 */
import type {Element, Nodes as HastNodes, Root as HastRoot} from 'hast'
import type {Transformer} from 'unified'
import {location} from 'vfile-location'
import {commentControls} from './comments.js'
import type {Control} from './controls.js'
import {alignTextNodes, type Range} from './units.js'

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
        controls.push(...commentControls(`<!--${node.value}-->`, start, place))
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
        const start = node.position?.start.offset
        const end = node.position?.end.offset
        if (NOT_PROSE.has(node.tagName) && start !== undefined && end !== undefined) notProse.push([start, end])
      }
      if ('children' in node) for (const child of node.children) visit(child as HastNodes)
    }
    visit(tree)
    alignTextNodes(tree as {children?: unknown[]}, file, place)
    file.data.notProse = notProse
    file.data.controls = controls
  }
}

function mark(node: Element, how: 'ignore' | 'source'): void {
  node.properties = {...node.properties, dataNlcst: how}
}
