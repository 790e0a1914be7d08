/**
 * Where words are not the writer's own prose, so that word-level checks
 * (glossary words, wordy phrases) leave them alone: inside a name or title
 * written in capitals, or quoted as a word. Read from the source text by
 * offsets, so every plugin asks the same way.
 */
import type {Sentence} from 'nlcst'
import {isInsideRanges} from './words.js'

const WORDS = /[\p{L}\p{N}][\p{L}\p{N}'’\-\u2010\u2011]*|&/gu
const CAPITALISED = /^\p{Lu}/u
const ALL_CAPITALS = /^[\p{Lu}\p{N}&'’-]+$/u
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
const IN_QUOTED_WORDS = /[\p{L}\p{N}\-\u2010\u2011]/u
const OPENING_QUOTES = new Set(['"', "'", '\u201C', '\u2018'])
const CLOSING_QUOTES = new Set(['"', "'", '\u201D', '\u2019'])
/** A quotation of this many words or fewer is a word or phrase quoted as such, not a quoted sentence. */
const QUOTED_WORDS = 6

/** A word written with a capital, as in a name: "Assurance" (not "ASSURANCE", which is shouting, unless it is short like "NHS"). */
function isNameWord(word: string | undefined): boolean {
  if (word === undefined || !CAPITALISED.test(word)) return false
  return !ALL_CAPITALS.test(word) || word.length <= 5
}

/**
 * Are the words at [start, end) inside a name or title: two or more
 * capitalised words, with small joining words between them ("Department of
 * Health and Social Care", "the Quality Assurance Committee")? The words
 * must be capitalised themselves, and not shouted. `from` and `to` bound
 * the sentence. Headings are not asked: their capitals are not names.
 */
function inName(source: string, from: number, to: number, start: number, end: number, joiners: ReadonlySet<string>): boolean {
  // A clause that starts inside the sentence ("N.B. Adequate rest…", "Note: Assurance…") starts with a capital
  // anyway, as the sentence does: a name does not run across its start.
  from = clauseStart(source, from, start)
  const words: Array<{text: string; start: number; end: number}> = []
  WORDS.lastIndex = 0
  const text = source.slice(from, to)
  for (let match = WORDS.exec(text); match; match = WORDS.exec(text)) words.push({text: match[0], start: from + match.index, end: from + match.index + match[0].length})
  const first = words.findIndex((word) => word.end > start)
  let last = first
  while (last + 1 < words.length && words[last + 1]!.start < end) last++
  if (first === -1) return false
  // The sentence's first word has a capital anyway: it is part of a name only when the next word has one too ("Click the Submit button" is no name).
  const named = (index: number) => isNameWord(words[index]?.text) && (index > 0 || isNameWord(words[1]?.text))
  let capitals = 0
  for (let index = first; index <= last; index++) {
    if (!named(index) || ALL_CAPITALS.test(words[index]!.text)) return false
    capitals++
  }
  const extend = (index: number, step: 1 | -1) => {
    for (; index >= 0 && index < words.length; index += step) {
      if (named(index)) capitals++
      // A joining word counts only between capitalised words.
      else if (!joiners.has(words[index]!.text.toLowerCase()) || !named(index + step)) return
    }
  }
  extend(first - 1, -1)
  extend(last + 1, 1)
  return capitals >= 2
}

const CLAUSE_ENDS = new Set(['.', ':', '!', '?'])
const SPACE = /\s/

/** Where the clause holding `start` begins: after the last full stop, colon, ! or ? and a space in [from, start). */
function clauseStart(source: string, from: number, start: number): number {
  for (let index = start - 2; index >= from; index--) {
    if (CLAUSE_ENDS.has(source[index]!) && SPACE.test(source[index + 1]!)) return index + 1
  }
  return from
}

const ENDS_LIKE_PROSE = /[.!?:;,]$/

/** Up to this many words with no full stop at the end: a heading in sentence case ("What PIP is for"). */
const SHORT_LINE = 8

/** Is the sentence a short line with no full stop at the end, as a heading in sentence case is? */
export function isShortLine(sentence: Sentence, source: string): boolean {
  const {start, end} = sentence.position ?? {}
  if (start?.offset === undefined || end?.offset === undefined) return false
  const text = source.slice(start.offset, end.offset).trim()
  return !ENDS_LIKE_PROSE.test(text) && text.split(/\s+/).length <= SHORT_LINE
}

/**
 * A line that is a heading or title in plain text: no full stop at the end,
 * and its longer words all capitalised ("Our Stakeholder Engagement Plan").
 */
function looksLikeHeading(sentence: string): boolean {
  const text = sentence.trim()
  if (ENDS_LIKE_PROSE.test(text)) return false
  let long = 0
  for (const word of text.match(WORDS) ?? []) {
    if (word.length <= 3) continue
    if (!CAPITALISED.test(word)) return false
    long++
  }
  return long >= 2
}

/** Is the sentence a heading or a table cell (its parser says so: `notProse`), or a line written like a heading? */
export function isHeading(sentence: Sentence, source: string, notProse: ReadonlyArray<readonly [number, number]>): boolean {
  const from = sentence.position?.start.offset ?? 0
  const to = sentence.position?.end.offset ?? source.length
  return isInsideRanges(sentence, notProse) || looksLikeHeading(source.slice(from, to))
}

/**
 * Are the words at [start, end) of the sentence inside a name or title in
 * capitals, in prose: a heading's capitals are not a name.
 */
export function inNameInProse(source: string, sentence: Sentence, notProse: ReadonlyArray<readonly [number, number]>, start: number, end: number, joiners: ReadonlySet<string>): boolean {
  const from = sentence.position?.start.offset ?? 0
  const to = sentence.position?.end.offset ?? source.length
  return inName(source, from, to, start, end, joiners) && !isHeading(sentence, source, notProse)
}

/**
 * Are the words at [start, end) between quotation marks, alone or with a
 * few others: a word or phrase quoted as such ("the word ‘power’", "are
 * ‘severely mentally impaired’")? Read from the text, so that a quote mark
 * that closes a word ending in s ("‘services’") counts.
 */
export function quotedAsWord(source: string, start: number, end: number): boolean {
  let words = 1
  let open = start - 1
  for (; open >= 0 && !OPENING_QUOTES.has(source[open]!); open--) {
    const character = source[open]!
    if (character === ' ') words++
    else if (!IN_QUOTED_WORDS.test(character)) return false
    if (words > QUOTED_WORDS) return false
  }
  if (open < 0 || LETTER_OR_DIGIT.test(source[open - 1] ?? ' ')) return false
  let close = end
  for (; close < source.length && !CLOSING_QUOTES.has(source[close]!); close++) {
    const character = source[close]!
    if (character === ' ') words++
    else if (!IN_QUOTED_WORDS.test(character)) return false
    if (words > QUOTED_WORDS) return false
  }
  return close < source.length && !LETTER_OR_DIGIT.test(source[close + 1] ?? ' ')
}
