/**
 * remark → retext bridge. Like remark-retext in bridge mode, but each block
 * that holds prose (paragraph, heading, table cell) becomes its own unit, so
 * headings, list items and table cells never run into one another, and word
 * positions are exact (see source-runs.ts). Code, HTML, front matter and
 * bare URLs are never checked.
 */
import {pushAll} from '../shared/arrays.js'
import type {Nodes as MdastNodes, Root as MdastRoot} from 'mdast'
import type {Paragraph as NlcstParagraph, Root as NlcstRoot} from 'nlcst'
import type {Processor, Transformer} from 'unified'
import {location} from 'vfile-location'
import {commentControls} from './comments.js'
import {unitToParagraphs} from './mdast-units.js'
import type {Control} from './controls.js'
import {alignTextNodes, createParser, type Range} from './units.js'
import {markdownBlocks} from './view.js'

const UNITS = new Set(['paragraph', 'heading', 'tableCell'])
const NOT_PROSE = new Set(['heading', 'tableCell'])

export default function remarkBridge(destination: Processor<any, any, any, any, any>): Transformer<MdastRoot> {
  return async function (tree, file) {
    const parser = createParser(destination)
    const place = location(file)
    const state = {doc: String(file), place, parser}
    const paragraphs: NlcstParagraph[] = []
    const notProse: Range[] = []

    // Control comments anywhere, inside a paragraph too, in document order.
    const controls: Control[] = []
    const comments = (node: MdastNodes) => {
      if (node.type === 'html') pushAll(controls, commentControls(node.value, node.position?.start.offset, place))
      else if ('children' in node) for (const child of node.children) comments(child as MdastNodes)
    }
    comments(tree)
    const visit = (node: MdastNodes) => {
      if (UNITS.has(node.type)) {
        const unit = node as Extract<MdastNodes, {children: unknown[]}>
        hideUrls(unit)
        alignTextNodes(unit as {children?: unknown[]}, file, place)
        for (const paragraph of unitToParagraphs(state, unit)) paragraphs.push(paragraph)
        const start = node.position?.start.offset
        const end = node.position?.end.offset
        if (NOT_PROSE.has(node.type) && start !== undefined && end !== undefined) notProse.push([start, end])
        return
      }
      if ('children' in node) for (const child of node.children) visit(child as MdastNodes)
    }
    visit(tree)

    file.data.notProse = notProse
    file.data.controls = controls
    if (file.data.wantView) file.data.viewBlocks = markdownBlocks(tree)
    const nlcst: NlcstRoot = {type: 'RootNode', children: paragraphs}
    if (tree.position) nlcst.position = tree.position
    await destination.run(nlcst, file)
  }
}

/** Links whose text is their own address (autolinks, bare URLs) are code-like: not prose. */
function hideUrls(node: {children?: unknown[]}): void {
  if (!Array.isArray(node.children)) return
  node.children = node.children.map((child) => {
    const value = child as MdastNodes
    if (value.type === 'link' && isBareUrl(value)) {
      return {type: 'inlineCode', value: value.url, position: value.position}
    }
    hideUrls(value as {children?: unknown[]})
    return value
  })
}

function isBareUrl(link: Extract<MdastNodes, {type: 'link'}>): boolean {
  const text = link.children.map((child) => ('value' in child ? child.value : '')).join('')
  const url = link.url.replace(/^mailto:/, '')
  return text === link.url || text === url || `http://${text}` === link.url || `https://${text}` === link.url
}
