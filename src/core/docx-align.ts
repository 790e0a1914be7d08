/**
 * Where the text plainly checked (a Word document's paragraphs as the
 * DocumentView has them) is in the document's XML (docx-paragraphs.ts).
 * Both are read from the same file, so they are the same characters, give
 * or take white space and the odd character mammoth reads differently (a
 * symbol, a check box). They are lined up character by character, white
 * space left out; where they differ, the next dozen characters are looked
 * for a little further on. A stretch is only ever placed where the
 * document has exactly its characters, so a difference can leave a finding
 * unplaced (it goes in the comment at the start) but never misplaces it.
 */
import {countBefore} from '../shared/arrays.js'
import type {DocumentView} from '../types.js'
import type {WordParagraph} from './docx-paragraphs.js'

/** A stretch of the document: from a character of one paragraph to a character of another (or the same). */
export interface Span {
  from: {paragraph: WordParagraph; offset: number}
  to: {paragraph: WordParagraph; offset: number}
}

const SPACE = /\s/
/** How many characters are looked for, and how far on, when the texts differ. */
const PROBE = 12
const WINDOW = 4000

/** Text without its white space, with where each character came from. */
function stripped(text: string): {text: string; at: Int32Array} {
  const at = new Int32Array(text.length)
  const kept: string[] = []
  for (let index = 0; index < text.length; index++) {
    if (SPACE.test(text[index]!)) continue
    at[kept.length] = index
    kept.push(text[index]!)
  }
  return {text: kept.join(''), at: at.subarray(0, kept.length)}
}

export class Alignment {
  readonly #checked: {text: string; at: Int32Array}
  readonly #document: {text: string; at: Int32Array}
  /** For each kept character of the checked text, the kept character of the document it matches, or -1. */
  readonly #match: Int32Array
  /** Where each paragraph starts in the document's text (paragraphs joined by line breaks). */
  readonly #starts: number[] = []
  readonly #paragraphs: readonly WordParagraph[]

  constructor(view: DocumentView, paragraphs: readonly WordParagraph[]) {
    this.#paragraphs = paragraphs
    const texts: string[] = []
    let at = 0
    for (const paragraph of paragraphs) {
      this.#starts.push(at)
      texts.push(paragraph.text)
      at += paragraph.text.length + 1
    }
    this.#checked = stripped(view.blocks.map((block) => block.text).join('\n'))
    this.#document = stripped(texts.join('\n'))
    this.#match = lineUp(this.#checked.text, this.#document.text)
  }

  /** The document's stretch for the checked text [from, to) (offsets in the view's text), if it has exactly those characters. */
  span(from: number, to: number): Span | undefined {
    const checked = this.#checked
    const first = firstAtOrAfter(checked.at, from)
    const last = firstAtOrAfter(checked.at, to) - 1
    if (first > last || first >= checked.at.length) return undefined
    const start = this.#match[first]!
    const end = this.#match[last]!
    if (start < 0 || end < start) return undefined
    if (this.#document.text.slice(start, end + 1) !== checked.text.slice(first, last + 1)) return undefined
    const fromPoint = this.#point(this.#document.at[start]!)
    const toPoint = this.#point(this.#document.at[end]! + 1)
    return {from: fromPoint, to: toPoint}
  }

  /** A paragraph and the offset in it of an offset in the document's text. */
  #point(offset: number): Span['from'] {
    const index = firstAtOrAfter(this.#starts, offset + 1) - 1
    const paragraph = this.#paragraphs[index]!
    return {paragraph, offset: offset - this.#starts[index]!}
  }
}

/** The first index whose value is at or after `value` (values ascending). */
function firstAtOrAfter(values: ArrayLike<number>, value: number): number {
  return countBefore(values.length, (index) => values[index]! < value)
}

/** Line up two texts that are mostly the same: for each character of `a`, the character of `b` it is, or -1. */
function lineUp(a: string, b: string): Int32Array {
  const match = new Int32Array(a.length).fill(-1)
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      match[i++] = j++
      continue
    }
    const ahead = b.slice(j, j + WINDOW).indexOf(a.slice(i, i + PROBE))
    if (ahead > 0) {
      j += ahead
      continue
    }
    const behind = a.slice(i, i + WINDOW).indexOf(b.slice(j, j + PROBE))
    if (behind > 0) {
      i += behind
      continue
    }
    i++
    j++
  }
  return match
}
