/**
 * The paragraphs of a Word document's XML as plainly reads them, each with
 * where its characters are (which w:t, which tab), so that findings can be
 * marked on the very words. The order and the text follow mammoth's reading
 * (docx.ts), which is what plainly checked: inserted text is in, deleted
 * text, field codes and drawings are out, a text box comes after the
 * paragraph that holds it, and of a shape written twice (mc:AlternateContent)
 * mammoth reads the second form (mc:Fallback).
 */

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006'

/** Characters some elements stand for (mammoth reads them so). */
const CHARACTERS: Readonly<Record<string, string>> = {tab: '\t', noBreakHyphen: '\u2011', softHyphen: '\u00AD'}
/** Word elements whose content is not read: deleted or moved-away text, field codes, properties, drawings. */
const UNREAD = new Set(['del', 'moveFrom', 'delText', 'instrText', 'pPr', 'rPr', 'sectPr', 'drawing', 'footnoteReference', 'endnoteReference', 'commentReference'])

/** A stretch of a paragraph's text: a w:t (whose text it is) or an element standing for one character. */
export interface Piece {
  node: Element
  start: number
  end: number
}

export interface WordParagraph {
  element: Element
  text: string
  pieces: Piece[]
  /** False inside mc:Fallback: Word shows the other form, so nothing is marked there. */
  markable: boolean
  /** The XML part it is in (word/document.xml, word/footnotes.xml…). */
  part: string
}

export function isWord(node: Node | null, name: string): node is Element {
  return node !== null && node.nodeType === 1 && (node as Element).namespaceURI === W && (node as Element).localName === name
}

function elements(node: Node): Element[] {
  const list: Element[] = []
  for (let child = node.firstChild; child; child = child.nextSibling) if (child.nodeType === 1) list.push(child as Element)
  return list
}

/** A paragraph's own text and pieces (text boxes in it are their own paragraphs), and the paragraphs of its text boxes. */
export function readParagraph(element: Element, part: string, markable: boolean): {paragraph: WordParagraph; inside: WordParagraph[]} {
  const paragraph: WordParagraph = {element, text: '', pieces: [], markable, part}
  const inside: WordParagraph[] = []
  const visit = (node: Element, fallback: boolean) => {
    for (const child of elements(node)) {
      if (child.namespaceURI === MC) {
        if (child.localName === 'AlternateContent') {
          for (const form of elements(child)) if (form.namespaceURI === MC && form.localName === 'Fallback') visit(form, true)
        }
        continue
      }
      if (child.namespaceURI === W) {
        const name = child.localName
        if (UNREAD.has(name)) continue
        if (name === 't') {
          const text = child.textContent ?? ''
          if (text) paragraph.pieces.push({node: child, start: paragraph.text.length, end: paragraph.text.length + text.length})
          paragraph.text += text
          continue
        }
        if (CHARACTERS[name] !== undefined) {
          paragraph.pieces.push({node: child, start: paragraph.text.length, end: paragraph.text.length + 1})
          paragraph.text += CHARACTERS[name]
          continue
        }
        if (name === 'txbxContent') {
          readParagraphs(child, part, markable && !fallback, inside)
          continue
        }
      }
      visit(child, fallback)
    }
  }
  visit(element, !markable)
  return {paragraph, inside}
}

/** Every paragraph under `root`, in reading order, added to `into`. */
export function readParagraphs(root: Element, part: string, markable: boolean, into: WordParagraph[] = []): WordParagraph[] {
  for (const child of elements(root)) {
    if (child.namespaceURI === MC && child.localName === 'AlternateContent') {
      for (const form of elements(child)) if (form.namespaceURI === MC && form.localName === 'Fallback') readParagraphs(form, part, false, into)
      continue
    }
    if (child.namespaceURI === W && UNREAD.has(child.localName)) continue
    // Footnote separators are lines, not notes.
    if (isWord(child, 'footnote') || isWord(child, 'endnote')) {
      const type = child.getAttributeNS(W, 'type')
      if (type && type !== 'normal') continue
    }
    if (isWord(child, 'p')) {
      const {paragraph, inside} = readParagraph(child, part, markable)
      into.push(paragraph)
      for (const item of inside) into.push(item)
      continue
    }
    readParagraphs(child, part, markable, into)
  }
  return into
}
