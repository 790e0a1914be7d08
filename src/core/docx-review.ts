/**
 * A reviewed copy of a Word document: comments on the words (and tracked
 * changes for the safe swaps) written into the document itself, so that the
 * people who write in Word read plainly's findings where they work. Pure:
 * the document's bytes and what to mark (in the text plainly checked, the
 * DocumentView's offsets) in, the new document's bytes out; the same code can
 * run in a web page. The wording is not decided here (see
 * reporters/word-review.ts).
 *
 * Only word/document.xml, the comments part (and, when an earlier review's
 * comments are taken out, Word's lists about comments) and the two lists
 * that name the parts are written again; every other part is copied as it is. Comments left by plainly in an earlier review are
 * taken out first, so a review of a reviewed copy replaces them; everyone
 * else's comments and tracked changes stay, with their authors and dates.
 */
import type JSZipType from 'jszip'
import type {DocumentView} from '../types.js'
import {Alignment, type Span} from './docx-align.js'
import {isWord, readParagraph, readParagraphs, W, type WordParagraph} from './docx-paragraphs.js'
import {openDocx} from './docx.js'

export const REVIEW_AUTHOR = 'plainly'

const RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships'
const COMMENTS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments'
const COMMENTS_MEDIA = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml'
const CONTENT_TYPES = 'http://schemas.openxmlformats.org/package/2006/content-types'
const NOTES = ['word/footnotes.xml', 'word/endnotes.xml']
/** Where a tracked change may go: runs straight in a paragraph, a link or a content control, never in someone else's change. */
const CHANGE_PARENTS = new Set(['p', 'hyperlink', 'smartTag', 'customXml', 'sdtContent'])
/** Marks that may sit between the runs of a change and go into it with them. */
const MARKS = new Set(['proofErr', 'bookmarkStart', 'bookmarkEnd', 'commentRangeStart', 'commentRangeEnd'])

/** The name of the reviewed copy of a Word file: leaflet.docx → leaflet.plainly.docx; a reviewed copy keeps its name. */
export function reviewedName(name: string): string {
  if (/\.plainly\.docx$/i.test(name)) return name
  return /\.docx$/i.test(name) ? name.replace(/\.docx$/i, '.plainly.docx') : `${name}.plainly.docx`
}

interface Change {
  paragraph: WordParagraph
  start: number
  end: number
  text: string
  del?: Element
  ins?: Element
}

interface Note {
  span?: Span
  paragraphs: string[]
}

type Xml = {DOMParser: typeof DOMParser; XMLSerializer: typeof XMLSerializer}

export class WordReview {
  readonly #zip: JSZipType
  readonly #xml: Xml
  readonly #parts = new Map<string, Document>()
  readonly #alignment: Alignment
  readonly #paragraphs: WordParagraph[] = []
  readonly #notes: Note[] = []
  readonly #changes: Change[] = []
  #start: Note | undefined
  #nextId: number
  /** Plainly's comments from an earlier review, taken out. */
  readonly removed: number

  private constructor(zip: JSZipType, xml: Xml, parts: Map<string, Document>, view: DocumentView, nextId: number) {
    this.#zip = zip
    this.#xml = xml
    this.#parts = parts
    this.#nextId = nextId
    this.removed = removeOwnComments(parts)
    // The body first, then the notes, as mammoth reads them. Nothing is
    // marked in the notes: LibreOffice 7.4 cannot open a document with a
    // comment in a footnote (Word can), so what is found there goes in the
    // comment at the start.
    for (const name of ['word/document.xml', ...NOTES]) {
      const document = parts.get(name)
      if (document) readParagraphs(document.documentElement, name, name === 'word/document.xml', this.#paragraphs)
    }
    this.#alignment = new Alignment(view, this.#paragraphs)
  }

  /** Open a Word document to review, with the text plainly checked in it (its DocumentView). Throws DocumentProblem as checking does. */
  static async open(bytes: Uint8Array, view: DocumentView): Promise<WordReview> {
    const zip = await openDocx(bytes)
    const xml = (await import('@xmldom/xmldom')) as unknown as Xml
    const parts = new Map<string, Document>()
    let highest = 0
    const comments = commentsPartName(await relationships(zip, xml))
    for (const name of Object.keys(zip.files)) {
      if (!/^word\/[^/]+\.xml$/.test(name)) continue
      const text = await zip.file(name)!.async('string')
      // Every id in the document's parts (comments, changes, bookmarks): new ones come after them all.
      for (const match of text.matchAll(/:id="(\d+)"/g)) highest = Math.max(highest, Number(match[1]))
      if (name === 'word/document.xml' || NOTES.includes(name) || name === comments) {
        parts.set(name, new xml.DOMParser().parseFromString(text, 'text/xml'))
      }
    }
    for (const name of ['word/commentsExtended.xml', 'word/commentsIds.xml', 'word/commentsExtensible.xml']) {
      const file = zip.file(name)
      if (file) parts.set(name, new xml.DOMParser().parseFromString(await file.async('string'), 'text/xml'))
    }
    return new WordReview(zip, xml, parts, view, highest + 1)
  }

  /** Comment on the checked text [from, to); false when it cannot be marked there (then nothing is added). */
  comment(from: number, to: number, paragraphs: string[]): boolean {
    const span = this.#alignment.span(from, to)
    if (!span || !span.from.paragraph.markable || !span.to.paragraph.markable || span.from.paragraph.part !== span.to.paragraph.part) return false
    this.#notes.push({span, paragraphs})
    return true
  }

  /** A tracked change: the checked text [from, to) becomes `text`. False when it cannot be made there (then nothing changes). */
  change(from: number, to: number, text: string): boolean {
    const span = this.#alignment.span(from, to)
    if (!span || span.from.paragraph !== span.to.paragraph || !span.from.paragraph.markable) return false
    const paragraph = span.from.paragraph
    const start = span.from.offset
    const end = span.to.offset
    if (this.#changes.some((change) => change.paragraph === paragraph && change.start < end && start < change.end)) return false
    const pieces = paragraph.pieces.filter((piece) => piece.start < end && start < piece.end)
    const runs = [...new Set(pieces.map((piece) => piece.node.parentNode as Element))]
    const parent = runs[0]?.parentNode as Element | undefined
    if (!parent || pieces.some((piece) => !isWord(piece.node, 't'))) return false
    if (parent.namespaceURI !== W || !CHANGE_PARENTS.has(parent.localName)) return false
    for (const run of runs) {
      if (!isWord(run, 'r') || run.parentNode !== parent) return false
      for (let child = run.firstChild; child; child = child.nextSibling) if (child.nodeType === 1 && !isWord(child, 'rPr') && !isWord(child, 't')) return false
    }
    for (let node = runs[0]!.nextSibling; node && node !== runs.at(-1); node = node.nextSibling) {
      if (node.nodeType === 1 && !runs.includes(node as Element) && !((node as Element).namespaceURI === W && MARKS.has((node as Element).localName))) return false
    }
    this.#changes.push({paragraph, start, end, text})
    return true
  }

  /** The comment at the start of the document, on its first paragraph of text. */
  startComment(paragraphs: string[]): void {
    this.#start = {paragraphs}
  }

  /** How many comments and tracked changes the copy will have from this review. */
  get counts(): {comments: number; changes: number} {
    return {comments: this.#notes.length + (this.#start ? 1 : 0), changes: this.#changes.length}
  }

  /** The reviewed document's bytes. */
  async save(date: Date = new Date()): Promise<Uint8Array> {
    const when = date.toISOString().replace(/\.\d{3}Z$/, 'Z')
    const body = this.#parts.get('word/document.xml')!
    if (this.#start) this.#start.span = firstParagraphSpan(this.#paragraphs)
    const notes = this.#start ? [this.#start, ...this.#notes] : this.#notes
    splitRuns(notes, this.#changes)
    for (const change of this.#changes) this.#makeChange(change, when)
    const comments = notes.length > 0 ? await this.#commentsPart() : undefined
    for (const note of notes) {
      const id = String(this.#nextId++)
      if (note.span) markComment(note.span, id, this.#changes)
      else markAtStart(body, id)
      comments!.documentElement.appendChild(commentElement(comments!, id, note.paragraphs, when))
    }
    const serializer = new this.#xml.XMLSerializer()
    for (const [name, document] of this.#parts) {
      if (this.removed > 0 || name === 'word/document.xml' || document === comments) this.#zip.file(name, serializer.serializeToString(document))
    }
    return this.#zip.generateAsync({type: 'uint8array', compression: 'DEFLATE'})
  }

  #makeChange(change: Change, when: string): void {
    const document = change.paragraph.element.ownerDocument
    const runs = [...new Set(piecesIn(change.paragraph, change.start, change.end).map((piece) => piece.node.parentNode as Element))]
    const first = runs[0]!
    const last = runs.at(-1)!
    const del = revision(document, 'del', String(this.#nextId++), when)
    first.parentNode!.insertBefore(del, first)
    for (let node: Node | null = first; node; ) {
      const next: Node | null = node === last ? null : node.nextSibling
      del.appendChild(node)
      node = next
    }
    for (const run of runs) {
      for (const text of children(run).filter((child) => isWord(child, 't'))) {
        const deleted = document.createElementNS(W, qualified(run, 'delText'))
        deleted.setAttribute('xml:space', 'preserve')
        deleted.appendChild(document.createTextNode(text.textContent ?? ''))
        run.replaceChild(deleted, text)
      }
    }
    const ins = revision(document, 'ins', String(this.#nextId++), when)
    const run = document.createElementNS(W, qualified(first, 'r'))
    const properties = children(first).find((child) => isWord(child, 'rPr'))
    if (properties) run.appendChild(properties.cloneNode(true))
    run.appendChild(textElement(document, first, change.text))
    ins.appendChild(run)
    del.parentNode!.insertBefore(ins, del.nextSibling)
    change.del = del
    change.ins = ins
  }

  /** The comments part, made and registered (content types, relationships) if the document has none. */
  async #commentsPart(): Promise<Document> {
    const rels = await relationships(this.#zip, this.#xml)
    let name = commentsPartName(rels)
    if (!name) {
      name = 'word/comments.xml'
      const relationship = rels.createElementNS(RELATIONSHIPS, 'Relationship')
      const ids = new Set(children(rels.documentElement).map((element) => element.getAttribute('Id')))
      let number = ids.size + 1
      while (ids.has(`rId${number}`)) number++
      relationship.setAttribute('Id', `rId${number}`)
      relationship.setAttribute('Type', COMMENTS_TYPE)
      relationship.setAttribute('Target', 'comments.xml')
      rels.documentElement.appendChild(relationship)
      this.#zip.file('word/_rels/document.xml.rels', new this.#xml.XMLSerializer().serializeToString(rels))
    }
    const types = new this.#xml.DOMParser().parseFromString(await this.#zip.file('[Content_Types].xml')!.async('string'), 'text/xml')
    if (!children(types.documentElement).some((element) => element.getAttribute('PartName') === `/${name}`)) {
      const override = types.createElementNS(CONTENT_TYPES, 'Override')
      override.setAttribute('PartName', `/${name}`)
      override.setAttribute('ContentType', COMMENTS_MEDIA)
      types.documentElement.appendChild(override)
      this.#zip.file('[Content_Types].xml', new this.#xml.XMLSerializer().serializeToString(types))
    }
    let part = this.#parts.get(name)
    if (!part) {
      part = new this.#xml.DOMParser().parseFromString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W}"/>`, 'text/xml')
      this.#parts.set(name, part)
    }
    return part
  }
}

function children(node: Node): Element[] {
  const list: Element[] = []
  for (let child = node.firstChild; child; child = child.nextSibling) if (child.nodeType === 1) list.push(child as Element)
  return list
}

/** A Word element's name with the prefix the document uses for Word's namespace (nearly always "w"). */
function qualified(near: Element, name: string): string {
  const prefix = near.lookupPrefix(W) ?? 'w'
  return prefix ? `${prefix}:${name}` : name
}

function setWord(element: Element, name: string, value: string): void {
  element.setAttributeNS(W, qualified(element, name), value)
}

async function relationships(zip: JSZipType, xml: Xml): Promise<Document> {
  const text = (await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? `<Relationships xmlns="${RELATIONSHIPS}"/>`
  return new xml.DOMParser().parseFromString(text, 'text/xml')
}

function commentsPartName(rels: Document): string | undefined {
  const relationship = children(rels.documentElement).find((element) => element.getAttribute('Type') === COMMENTS_TYPE && element.getAttribute('TargetMode') !== 'External')
  const target = relationship?.getAttribute('Target')
  if (!target) return undefined
  return target.startsWith('/') ? target.slice(1) : `word/${target}`
}

/** Take out plainly's comments from an earlier review (and their marks, and what Word keeps about them elsewhere). */
function removeOwnComments(parts: Map<string, Document>): number {
  const ids = new Set<string>()
  const paragraphIds = new Set<string>()
  for (const document of parts.values()) {
    for (const comment of Array.from(document.getElementsByTagNameNS(W, 'comment'))) {
      if (comment.getAttributeNS(W, 'author') !== REVIEW_AUTHOR) continue
      ids.add(comment.getAttributeNS(W, 'id') ?? '')
      for (const element of Array.from(comment.getElementsByTagNameNS('*', 'p'))) {
        for (const attribute of Array.from(element.attributes)) if (attribute.localName === 'paraId') paragraphIds.add(attribute.value)
      }
      comment.parentNode!.removeChild(comment)
    }
  }
  if (ids.size === 0) return 0
  const durableIds = new Set<string>()
  for (const document of parts.values()) {
    for (const name of ['commentRangeStart', 'commentRangeEnd', 'commentReference']) {
      for (const mark of Array.from(document.getElementsByTagNameNS(W, name))) {
        if (!ids.has(mark.getAttributeNS(W, 'id') ?? '')) continue
        const parent = mark.parentNode as Element
        parent.removeChild(mark)
        if (isWord(parent, 'r') && children(parent).every((child) => isWord(child, 'rPr'))) parent.parentNode!.removeChild(parent)
      }
    }
    // commentsExtended, commentsIds and commentsExtensible name comments by paragraph id and durable id.
    for (const element of children(document.documentElement)) {
      const attributes = Array.from(element.attributes)
      if (attributes.some((attribute) => attribute.localName === 'paraId' && paragraphIds.has(attribute.value))) {
        for (const attribute of attributes) if (attribute.localName === 'durableId') durableIds.add(attribute.value)
        document.documentElement.removeChild(element)
      }
    }
  }
  for (const document of parts.values()) {
    for (const element of children(document.documentElement)) {
      if (Array.from(element.attributes).some((attribute) => attribute.localName === 'durableId' && durableIds.has(attribute.value))) document.documentElement.removeChild(element)
    }
  }
  return ids.size
}

function piecesIn(paragraph: WordParagraph, start: number, end: number) {
  return paragraph.pieces.filter((piece) => piece.start < end && start < piece.end)
}

/**
 * Split runs so that every place a comment or change starts or ends is
 * between two runs. Each paragraph is split from its end back, so the
 * places still to split keep their pieces; then its pieces are read again.
 */
function splitRuns(notes: readonly Note[], changes: readonly Change[]): void {
  const cuts = new Map<WordParagraph, Set<number>>()
  const cut = (paragraph: WordParagraph, offset: number) => {
    let set = cuts.get(paragraph)
    if (!set) cuts.set(paragraph, (set = new Set()))
    set.add(offset)
  }
  for (const note of notes) {
    if (!note.span) continue
    cut(note.span.from.paragraph, note.span.from.offset)
    cut(note.span.to.paragraph, note.span.to.offset)
  }
  for (const change of changes) {
    cut(change.paragraph, change.start)
    cut(change.paragraph, change.end)
  }
  for (const [paragraph, offsets] of cuts) {
    for (const offset of [...offsets].sort((a, b) => b - a)) {
      const inside = paragraph.pieces.find((piece) => piece.start < offset && offset < piece.end)
      if (inside && isWord(inside.node, 't')) {
        splitRunBefore(splitText(inside.node, offset - inside.start))
        continue
      }
      const at = paragraph.pieces.find((piece) => piece.start === offset)
      if (at) splitRunBefore(at.node)
    }
    const text = paragraph.text
    paragraph.pieces = readParagraph(paragraph.element, paragraph.part, paragraph.markable).paragraph.pieces
    if (paragraph.pieces.at(-1)?.end !== text.length && text !== '') throw new Error('splitting the runs of a paragraph changed its text')
  }
}

/** Cut a w:t in two at `at`; gives the second half (straight after the first, in the same run). */
function splitText(text: Element, at: number): Element {
  const document = text.ownerDocument
  const value = text.textContent ?? ''
  const second = text.cloneNode(false) as Element
  while (text.firstChild) text.removeChild(text.firstChild)
  text.appendChild(document.createTextNode(value.slice(0, at)))
  second.appendChild(document.createTextNode(value.slice(at)))
  text.setAttribute('xml:space', 'preserve')
  second.setAttribute('xml:space', 'preserve')
  text.parentNode!.insertBefore(second, text.nextSibling)
  return second
}

/** Move `node` and what follows it in its run to a new run (with the same formatting) straight after it. */
function splitRunBefore(node: Element): void {
  const run = node.parentNode as Element
  if (!isWord(run, 'r')) return
  const before = children(run).filter((child) => !isWord(child, 'rPr'))
  if (before[0] === node) return
  const next = run.cloneNode(false) as Element
  const properties = children(run).find((child) => isWord(child, 'rPr'))
  if (properties) next.appendChild(properties.cloneNode(true))
  for (let child: Node | null = node; child; ) {
    const following: Node | null = child.nextSibling
    next.appendChild(child)
    child = following
  }
  run.parentNode!.insertBefore(next, run.nextSibling)
}

function revision(document: Document, name: 'ins' | 'del', id: string, when: string): Element {
  const element = document.createElementNS(W, qualified(document.documentElement, name))
  setWord(element, 'id', id)
  setWord(element, 'author', REVIEW_AUTHOR)
  setWord(element, 'date', when)
  return element
}

function textElement(document: Document, near: Element, value: string): Element {
  const text = document.createElementNS(W, qualified(near, 't'))
  text.setAttribute('xml:space', 'preserve')
  text.appendChild(document.createTextNode(value))
  return text
}

/** The first paragraph of the body with text: where the comment at the start goes. */
function firstParagraphSpan(paragraphs: readonly WordParagraph[]): Span | undefined {
  for (const paragraph of paragraphs) {
    if (paragraph.part === 'word/document.xml' && paragraph.markable && paragraph.text.trim() !== '' && paragraph.pieces.length > 0) {
      return {from: {paragraph, offset: paragraph.pieces[0]!.start}, to: {paragraph, offset: paragraph.pieces.at(-1)!.end}}
    }
  }
  return undefined
}

/** The run a piece is in, or the change that starts or ends at the same place (its marks go outside the change). */
function outside(paragraph: WordParagraph, offset: number, changes: readonly Change[], side: 'start' | 'end'): {node: Element; after: boolean} | undefined {
  const change = changes.find((item) => item.paragraph === paragraph && (side === 'start' ? item.start : item.end) === offset)
  if (change) return side === 'start' ? {node: change.del!, after: false} : {node: change.ins!, after: true}
  if (side === 'start') {
    const piece = paragraph.pieces.find((item) => item.start === offset)
    if (piece) return {node: piece.node.parentNode as Element, after: false}
  }
  const piece = [...paragraph.pieces].reverse().find((item) => item.end === offset)
  return piece ? {node: piece.node.parentNode as Element, after: true} : undefined
}

function place(mark: Element, where: {node: Element; after: boolean}): void {
  where.node.parentNode!.insertBefore(mark, where.after ? where.node.nextSibling : where.node)
}

/** commentRangeStart before the words, commentRangeEnd after them, and the run with the commentReference straight after that. */
function markComment(span: Span, id: string, changes: readonly Change[]): void {
  const start = outside(span.from.paragraph, span.from.offset, changes, 'start')
  const end = outside(span.to.paragraph, span.to.offset, changes, 'end')
  const document = span.from.paragraph.element.ownerDocument
  const near = span.from.paragraph.element
  const rangeStart = document.createElementNS(W, qualified(near, 'commentRangeStart'))
  const rangeEnd = document.createElementNS(W, qualified(near, 'commentRangeEnd'))
  setWord(rangeStart, 'id', id)
  setWord(rangeEnd, 'id', id)
  if (!start || !end) throw new Error('a comment could not be placed on words that were found')
  place(rangeStart, start)
  place(rangeEnd, end)
  rangeEnd.parentNode!.insertBefore(referenceRun(document, near, id), rangeEnd.nextSibling)
}

/** A comment with nowhere better to go: at the very start of the body. */
function markAtStart(body: Document, id: string): void {
  const near = body.documentElement
  const bodyElement = children(near).find((element) => isWord(element, 'body'))!
  let paragraph = children(bodyElement).find((element) => isWord(element, 'p'))
  if (!paragraph) {
    paragraph = body.createElementNS(W, qualified(near, 'p'))
    bodyElement.insertBefore(paragraph, bodyElement.firstChild)
  }
  const properties = children(paragraph).find((element) => isWord(element, 'pPr'))
  const before = properties ? properties.nextSibling : paragraph.firstChild
  for (const name of ['commentRangeStart', 'commentRangeEnd']) {
    const mark = body.createElementNS(W, qualified(near, name))
    setWord(mark, 'id', id)
    paragraph.insertBefore(mark, before)
  }
  paragraph.insertBefore(referenceRun(body, near, id), before)
}

function referenceRun(document: Document, near: Element, id: string): Element {
  const run = document.createElementNS(W, qualified(near, 'r'))
  const reference = document.createElementNS(W, qualified(near, 'commentReference'))
  setWord(reference, 'id', id)
  run.appendChild(reference)
  return run
}

function commentElement(document: Document, id: string, paragraphs: readonly string[], when: string): Element {
  const near = document.documentElement
  const comment = document.createElementNS(W, qualified(near, 'comment'))
  setWord(comment, 'id', id)
  setWord(comment, 'author', REVIEW_AUTHOR)
  setWord(comment, 'date', when)
  setWord(comment, 'initials', 'pl')
  paragraphs.forEach((text, index) => {
    const paragraph = document.createElementNS(W, qualified(near, 'p'))
    if (index === 0) {
      const mark = document.createElementNS(W, qualified(near, 'r'))
      mark.appendChild(document.createElementNS(W, qualified(near, 'annotationRef')))
      paragraph.appendChild(mark)
    }
    const run = document.createElementNS(W, qualified(near, 'r'))
    run.appendChild(textElement(document, near, text))
    paragraph.appendChild(run)
    comment.appendChild(paragraph)
  })
  return comment
}
