/**
 * Text-based PDF → plain text in paragraphs, with pdf.js (Mozilla's, pure
 * JavaScript, no native download). Lines are rebuilt from positioned text;
 * running headers, footers and page numbers are dropped; words hyphenated at
 * a line end are joined; paragraphs are found from the gaps between lines and
 * carried across page breaks, so reading age is not distorted by layout.
 */
import {pushAll} from '../shared/arrays.js'
import type {Block} from '../core/locate.js'
import {DocumentProblem} from './docx.js'

interface Item {
  str: string
  transform: number[]
  width: number
  height: number
}

interface Line {
  page: number
  y: number
  /** Where the line starts. */
  x: number
  /** Where its words start: after a bullet or number drawn on its own ("•", "1."), else x. */
  textX: number
  size: number
  text: string
}

/** A list marker at the start of a line: a bullet, or a number or letter with a full stop or bracket. */
const LIST_MARKER = /^(?:[\u2022\u2023\u25E6\u2043\u2219\u25AA\u25CF\u25A0\u25A1\u2013\u2014*\-\u00B7o](?=\s)|\(?(?:\d{1,2}|[a-z])[.)](?=\s))/

const PAGE_NUMBER = /^(?:page\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i

export async function pdfToText(bytes: Uint8Array): Promise<{text: string; blocks: Block[]}> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  let doc
  try {
    doc = await pdfjs.getDocument({data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false}).promise
  } catch (error) {
    const name = (error as Error).name
    if (name === 'PasswordException') throw new DocumentProblem('this PDF is protected with a password: plainly cannot read it', 'encrypted')
    throw new DocumentProblem('this PDF is damaged, or is not a PDF: plainly cannot read it', 'damaged')
  }
  try {
    const lines: Line[] = []
    const heights: number[] = []
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number)
      heights.push(page.view[3] ?? 842)
      const content = await page.getTextContent()
      pushAll(lines, toLines(content.items.filter((item) => 'str' in item) as unknown as Item[], number))
      page.cleanup()
    }
    if (lines.map((line) => line.text).join('').replace(/\s/g, '').length < 3) {
      throw new DocumentProblem('this PDF has no text that plainly can read: it may be a scanned image. Ask for the original document or an accessible version', 'no-text')
    }
    return toParagraphs(dropFurniture(lines, heights, doc.numPages))
  } catch (error) {
    if (error instanceof DocumentProblem) throw error
    throw new DocumentProblem('this PDF is damaged: plainly could not read its text', 'damaged')
  } finally {
    await doc.destroy()
  }
}

function toLines(items: Item[], page: number): Line[] {
  const sorted = items.filter((item) => item.str !== '').sort((a, b) => b.transform[5]! - a.transform[5]! || a.transform[4]! - b.transform[4]!)
  const lines: Array<Line & {end: number}> = []
  for (const item of sorted) {
    const x = item.transform[4]!
    const y = item.transform[5]!
    const size = Math.abs(item.transform[3]!) || item.height || 10
    const line = lines.find((candidate) => Math.abs(candidate.y - y) < size * 0.4)
    if (!line) {
      lines.push({page, y, x, textX: x, size, text: item.str, end: x + item.width})
      continue
    }
    const gap = x - line.end
    // A marker drawn on its own: the line's words start here.
    if (line.textX === line.x && item.str.trim() !== '' && LIST_MARKER.test(`${line.text.trim()} `) && line.text.trim().length <= 4) line.textX = x
    line.text += gap > size * 0.15 && !line.text.endsWith(' ') && !item.str.startsWith(' ') ? ` ${item.str}` : item.str
    line.end = x + item.width
    line.size = Math.max(line.size, size)
  }
  return lines
    .map(({end: _end, ...line}) => ({...line, text: line.text.replace(/\s+/g, ' ').trim()}))
    .filter((line) => line.text !== '')
    .sort((a, b) => b.y - a.y || a.x - b.x)
}

/** Drop page numbers, and lines repeated at the top or bottom of most pages. */
function dropFurniture(lines: Line[], heights: number[], pages: number): Line[] {
  const shape = (text: string) => text.toLowerCase().replace(/\d+/g, '#')
  const edge = (line: Line) => {
    const height = heights[line.page - 1] ?? 842
    return line.y > height * 0.88 || line.y < height * 0.12
  }
  const seen = new Map<string, Set<number>>()
  for (const line of lines) {
    if (!edge(line)) continue
    const key = shape(line.text)
    seen.set(key, (seen.get(key) ?? new Set()).add(line.page))
  }
  return lines.filter((line) => {
    if (PAGE_NUMBER.test(line.text) && edge(line)) return false
    if (pages >= 2 && edge(line) && (seen.get(shape(line.text))?.size ?? 0) >= Math.max(2, Math.ceil(pages / 2))) return false
    return true
  })
}

/**
 * Lines into paragraphs, as a reader sees them. On one page a line starts a
 * new paragraph when:
 *   - the gap above it is wider than the document's lines are spaced
 *     (paragraph spacing), or the text changes size (a heading);
 *   - it starts with a list marker (each list item is a paragraph of its own);
 *   - it is indented further than the line above's words (an indented first
 *     line; the wrapped lines of a list item start where its words do), or
 *     starts left of a list item's words (the list has ended).
 * Across a page break a paragraph carries on when it has not ended a
 * sentence and the next line starts in lower case.
 */
function toParagraphs(lines: Line[]): {text: string; blocks: Block[]} {
  // How far apart the lines of one paragraph are: the closest common spacing,
  // but never more than a line and a quarter of the text (a leaflet of
  // one-line paragraphs has no closer lines to learn it from).
  const gaps: number[] = []
  for (let index = 1; index < lines.length; index++) {
    const previous = lines[index - 1]!
    const line = lines[index]!
    if (line.page === previous.page && Math.abs(line.size - previous.size) < 1.5) gaps.push((previous.y - line.y) / line.size)
  }
  const lineSpacing = Math.min(percentile(gaps.filter((gap) => gap > 0), 0.2) ?? 1.25, 1.25)

  const paragraphs: Array<{page: number; text: string; size: number; listItem: boolean}> = []
  let current: {page: number; text: string; size: number; listItem: boolean} | undefined
  let previous: Line | undefined
  for (const line of lines) {
    const samePage = previous?.page === line.page
    const marker = LIST_MARKER.test(line.text)
    let continues = current !== undefined && previous !== undefined && Math.abs(line.size - previous.size) < 1.5 && !marker
    if (continues && samePage) {
      const gap = (previous!.y - line.y) / line.size
      const indented = line.x > previous!.textX + line.size * 0.6
      // Back at the margin after a list item: the list has ended.
      const outdented = current!.listItem && line.x < previous!.textX - line.size * 0.6
      continues = gap > 0 && gap <= lineSpacing * 1.3 && !indented && !outdented
    } else if (continues) {
      continues = !/[.!?:]["”’)]?$/.test(current!.text) && /^[a-z]/.test(line.text)
    }
    if (continues && current) {
      current.text = /\p{L}-$/u.test(current.text) && /^\p{Ll}/u.test(line.text) ? current.text.slice(0, -1) + line.text : `${current.text} ${line.text}`
    } else {
      current = {page: line.page, text: line.text, size: line.size, listItem: marker}
      paragraphs.push(current)
    }
    previous = line
  }

  const blocks: Block[] = []
  let text = ''
  let heading: string | undefined
  const body = percentile(paragraphs.map((paragraph) => paragraph.size), 0.5) ?? 12
  paragraphs.forEach((paragraph, index) => {
    if (text) text += '\n\n'
    const start = text.length
    text += paragraph.text
    const words = paragraph.text.split(/\s+/).length
    const isHeading = !paragraph.listItem && (paragraph.size > body + 1 || (words <= 8 && !/[.!?:,;]$/.test(paragraph.text)))
    if (isHeading) heading = paragraph.text
    blocks.push({start, end: text.length, paragraph: index + 1, page: paragraph.page, heading, text: paragraph.text, runs: [{start, end: text.length, textStart: 0}], isHeading})
  })
  return {text: `${text}\n`, blocks}
}

function percentile(values: number[], share: number): number | undefined {
  if (values.length === 0) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) * share)]
}
