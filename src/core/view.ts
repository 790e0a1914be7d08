/**
 * Documents as a reader sees them (see DocumentView in types.ts), built from
 * the trees the checker parses: Markdown without its marks, an HTML page as
 * its rendered text, Word and PDF as their paragraphs, plain text as it is.
 * Only made when a report asks for it (the HTML report).
 */
import type {Element, Nodes as HastNodes, Root as HastRoot} from 'hast'
import type {Nodes as MdastNodes, Root as MdastRoot} from 'mdast'
import type {VFile} from 'vfile'
import {countBefore} from '../shared/arrays.js'
import type {DocumentView, ViewBlock} from '../types.js'
import type {Block} from './locate.js'

declare module 'vfile' {
  interface DataMap {
    /** Set by the caller: make `viewBlocks` while checking. */
    wantView: boolean
    /** The document's blocks as a reader sees them (offsets of this file or piece). */
    viewBlocks: ViewBlock[]
  }
}

/** Where each line starts, counting \r\n, \n and \r as one line end each (as vfile-location does). */
export function lineStartsOf(text: string): number[] {
  return [0, ...Array.from(text.matchAll(/\r\n|\r|\n/g), (match) => match.index + match[0].length)]
}

export function plainView(text: string): DocumentView {
  return {lineStarts: lineStartsOf(text), blocks: [{kind: 'plain', text, runs: [0, text.length, 0, text.length]}]}
}

/** Word and PDF: each paragraph, where finding line N is paragraph N (see locate.ts). */
export function paragraphView(blocks: readonly Block[]): DocumentView {
  const lineStarts: number[] = []
  let at = 0
  const view: ViewBlock[] = blocks.map((block) => {
    const text = block.text.replace(/[\r\n]/g, ' ')
    lineStarts.push(at)
    const run = [at, text.length, 0, text.length]
    at += text.length + 1
    return block.isHeading ? {kind: 'heading', depth: 2, text, runs: run} : {kind: 'paragraph', text, runs: run}
  })
  return {lineStarts, blocks: view}
}

/** The document of a checked file as a reader sees it. */
export function viewOf(file: VFile): DocumentView {
  // Word and PDF: the paragraphs, where finding line N is paragraph N.
  if (file.data.blocks) return paragraphView(file.data.blocks)
  const source = String(file)
  if (!file.data.viewBlocks) return plainView(source)
  return {lineStarts: lineStartsOf(source), blocks: file.data.viewBlocks}
}

/** Move a piece's blocks to the whole document's offsets. */
export function shiftBlocks(blocks: readonly ViewBlock[], by: number): ViewBlock[] {
  if (by === 0) return [...blocks]
  return blocks.map((block) => ({...block, runs: block.runs.map((value, index) => (index % 4 === 0 ? value + by : value))}))
}

/** A block being built from inline content. */
class Builder {
  text = ''
  runs: number[] = []

  /** Text that stands for checked text at [start, end). */
  checked(value: string, start: number | undefined, end: number | undefined): void {
    if (start !== undefined && end !== undefined) this.runs.push(start, end - start, this.text.length, value.length)
    this.text += value
  }

  /** Text that is shown but not checked (code, alternative text, separators). */
  shown(value: string): void {
    this.text += value
  }

  block(kind: ViewBlock['kind'], depth?: number): ViewBlock | undefined {
    if (this.text.trim() === '') return undefined
    return depth === undefined ? {kind, text: this.text, runs: this.runs} : {kind, depth, text: this.text, runs: this.runs}
  }
}

/** Markdown's blocks (its text nodes already lined up with the source: see units.ts). */
export function markdownBlocks(root: MdastRoot): ViewBlock[] {
  const blocks: Array<ViewBlock | undefined> = []
  const inline = (node: MdastNodes, builder: Builder) => {
    if (node.type === 'text') builder.checked(node.value, node.position?.start.offset, node.position?.end.offset)
    else if (node.type === 'inlineCode') builder.shown(node.value)
    else if (node.type === 'break') builder.shown('\n')
    else if ((node.type === 'image' || node.type === 'imageReference') && node.alt) builder.shown(node.alt)
    else if ('children' in node) for (const child of node.children) inline(child as MdastNodes, builder)
  }
  const visit = (node: MdastNodes, kind: 'paragraph' | 'item' | 'quote') => {
    switch (node.type) {
      case 'heading':
      case 'paragraph': {
        const builder = new Builder()
        for (const child of node.children) inline(child, builder)
        blocks.push(node.type === 'heading' ? builder.block('heading', node.depth) : builder.block(kind))
        return
      }
      case 'code':
        if (node.value.trim()) blocks.push({kind: 'code', text: node.value, runs: []})
        return
      case 'table':
        for (const row of node.children) {
          const builder = new Builder()
          row.children.forEach((cell, index) => {
            if (index > 0) builder.shown('  |  ')
            for (const child of cell.children) inline(child, builder)
          })
          blocks.push(builder.block('row'))
        }
        return
      case 'listItem':
        node.children.forEach((child, index) => visit(child, index === 0 ? 'item' : kind === 'item' ? 'paragraph' : kind))
        return
      case 'blockquote':
        for (const child of node.children) visit(child, 'quote')
        return
      default:
        if ('children' in node && node.type !== 'link' && node.type !== 'linkReference') for (const child of node.children) visit(child as MdastNodes, kind)
    }
  }
  for (const child of root.children) visit(child, 'paragraph')
  // Blocks with no text are left out.
  return blocks.filter((block) => block !== undefined)
}

/** Elements that start a block of their own on a page. */
const HTML_BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'address', 'figure', 'figcaption', 'form', 'fieldset', 'legend',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'blockquote', 'tr', 'caption', 'table', 'ul', 'ol', 'dl', 'hr', 'details', 'summary', 'body', 'html'
])

/** An HTML page's blocks, as a browser lays them out (its text nodes already lined up with the source). */
export function htmlBlocks(root: HastRoot): ViewBlock[] {
  const blocks: ViewBlock[] = []
  let builder = new Builder()
  let kind: ViewBlock['kind'] = 'paragraph'
  let depth: number | undefined
  const close = () => {
    const block = builder.block(kind, depth)
    if (block) blocks.push(block)
    builder = new Builder()
    kind = 'paragraph'
    depth = undefined
  }
  const visit = (node: HastNodes, inQuote: boolean) => {
    if (node.type === 'text') {
      builder.checked(node.value, node.position?.start.offset, node.position?.end.offset)
      return
    }
    if (node.type !== 'element' && node.type !== 'root') return
    if (node.type === 'element') {
      const how = (node as Element).properties?.dataNlcst
      if (how === 'ignore') {
        if (node.tagName === 'pre') {
          close()
          const text = textContent(node)
          if (text.trim()) blocks.push({kind: 'code', text, runs: []})
        }
        return
      }
      if (how === 'source') {
        builder.shown(textContent(node))
        return
      }
      if (node.tagName === 'br') {
        builder.shown('\n')
        return
      }
      if (node.tagName === 'td' || node.tagName === 'th') {
        if (builder.text !== '') builder.shown('  |  ')
        for (const child of node.children) visit(child as HastNodes, inQuote)
        return
      }
      if (HTML_BLOCKS.has(node.tagName)) {
        close()
        const heading = /^h([1-6])$/.exec(node.tagName)
        const quote = inQuote || node.tagName === 'blockquote'
        for (const child of node.children) {
          if (heading) {
            kind = 'heading'
            depth = Number(heading[1])
          } else if (node.tagName === 'li') kind = 'item'
          else if (node.tagName === 'tr') kind = 'row'
          else if (quote && kind === 'paragraph') kind = 'quote'
          visit(child as HastNodes, quote)
        }
        close()
        return
      }
    }
    for (const child of node.children) visit(child as HastNodes, inQuote)
  }
  visit(root, false)
  close()
  return blocks
}

function textContent(node: HastNodes): string {
  if (node.type === 'text') return node.value
  if ('children' in node) return node.children.map((child) => textContent(child as HastNodes)).join('')
  return ''
}

/**
 * A place in the checked text (line and column) as a block and a place in
 * its text, through the view's runs. A start between runs moves on to the
 * next one; an end moves back to the last.
 */
export function viewLocator(view: DocumentView): (line: number, column: number, side: 'start' | 'end') => {block: number; at: number} | undefined {
  // [checked offset, checked length, block, offset in block, length in block], by checked offset.
  const runs: Array<[number, number, number, number, number]> = []
  view.blocks.forEach((block, number) => {
    for (let index = 0; index + 3 < block.runs.length; index += 4) runs.push([block.runs[index]!, block.runs[index + 1]!, number, block.runs[index + 2]!, block.runs[index + 3]!])
  })
  runs.sort((a, b) => a[0] - b[0])
  return (line, column, side) => {
    const lineStart = view.lineStarts[line - 1]
    if (lineStart === undefined || column < 1) return undefined
    const offset = lineStart + column - 1
    // The last run starting at or before the offset.
    const found = countBefore(runs.length, (index) => runs[index]![0] <= offset) - 1
    const run = runs[found]
    if (run && (offset < run[0] + run[1] || (side === 'end' && offset === run[0] + run[1]))) {
      const [start, length, block, at, width] = run
      const within = length === width ? offset - start : offset === start ? 0 : width
      return {block, at: at + within}
    }
    // Between runs (markup that is not shown).
    if (side === 'start') {
      const next = runs[found + 1]
      return next ? {block: next[2], at: next[3]} : undefined
    }
    return run ? {block: run[2], at: run[3] + run[4]} : undefined
  }
}
