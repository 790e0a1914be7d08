/**
 * Shared pieces of the document-to-words bridges (Markdown and HTML):
 * the English parser configured like the retext processor, and replacing
 * text nodes with source-aligned runs.
 */
import {ParseEnglish} from 'parse-english'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {alignRuns, type Run} from './source-runs.js'
import type {Range} from '../plugins/retext-reading-age.js'

export type {Range}

type Extension = (node: never) => void

/** An English parser with the same extensions as the retext processor (as rehype-retext does). */
export function createParser(processor: Processor<any, any, any, any, any>): ParseEnglish {
  const parser = new ParseEnglish()
  const add = (list: Extension[], values: unknown) => {
    if (Array.isArray(values)) list.unshift(...(values as Extension[]))
  }
  add(parser.tokenizeParagraphPlugins as Extension[], processor.data('nlcstParagraphExtensions' as never))
  add(parser.tokenizeRootPlugins as Extension[], processor.data('nlcstRootExtensions' as never))
  add(parser.tokenizeSentencePlugins as Extension[], processor.data('nlcstSentenceExtensions' as never))
  return parser
}

/**
 * The text-to-words bridges spread each text node's words into one call
 * (spread into push), which fails past about 100,000 words. Long runs are cut
 * at white space into pieces well under that; a cut at white space never
 * changes the words.
 */
const MAX_RUN = 20_000

function splitLongRun(run: Run): Run[] {
  if (run.value.length <= MAX_RUN || run.end - run.start !== run.value.length) return [run]
  const pieces: Run[] = []
  let from = 0
  while (from < run.value.length) {
    let to = Math.min(run.value.length, from + MAX_RUN)
    if (to < run.value.length) {
      const space = run.value.lastIndexOf(' ', to)
      if (space > from) to = space + 1
    }
    pieces.push({value: run.value.slice(from, to), start: run.start + from, end: run.start + to})
    from = to
  }
  return pieces
}

interface TextLike {
  type: 'text'
  value: string
  position?: {start: {line: number; column: number; offset?: number}; end: {line: number; column: number; offset?: number}}
}

/**
 * Replace each text child of `parent` (recursively) with runs that match the
 * source exactly, so word positions computed from text lengths stay right.
 */
export function alignTextNodes(parent: {children?: unknown[]}, file: VFile, place = location(file)): void {
  const source = String(file)
  const walk = (node: {children?: unknown[]}) => {
    if (!Array.isArray(node.children)) return
    const next: unknown[] = []
    for (const child of node.children as Array<TextLike | {children?: unknown[]; type: string}>) {
      if (child.type === 'text' && 'value' in child) {
        const text = child as TextLike
        const start = text.position?.start.offset
        const end = text.position?.end.offset
        if (start === undefined || end === undefined) {
          next.push(text)
          continue
        }
        for (const run of alignRuns(text.value, source.slice(start, end), start).flatMap((piece) => splitLongRun(piece))) {
          const startPoint = place.toPoint(run.start)
          const endPoint = place.toPoint(run.end)
          next.push({type: 'text', value: run.value, position: startPoint && endPoint ? {start: startPoint, end: endPoint} : undefined})
        }
      } else {
        walk(child as {children?: unknown[]})
        next.push(child)
      }
    }
    node.children = next
  }
  walk(parent)
}
