/** Reading counts for one sentence, in one pass over its words. */
import type {Sentence} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {countSyllables as syllable} from './syllables.js'
import type {ReadingCounts} from '../types.js'
import {wordsOf} from './words.js'

export interface SentenceCounts extends ReadingCounts {
  /** Words of three or more syllables, as written. */
  longWords: string[]
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu
const INFLECTED = /(?:es|ed|ing)$/

export function countSentence(sentence: Sentence): SentenceCounts {
  const words = wordsOf(sentence)
  const counts: SentenceCounts = {
    words: words.length,
    sentences: words.length > 0 ? 1 : 0,
    syllables: 0,
    polysyllables: 0,
    letters: 0,
    complexWords: 0,
    longWords: []
  }
  words.forEach((word, index) => {
    const value = toString(word)
    // A number counts as one word of one syllable (Flesch's rule).
    const syllables = /\p{L}/u.test(value) ? Math.max(1, syllable(value)) : 1
    counts.syllables += syllables
    counts.letters += value.match(LETTER_OR_DIGIT)?.length ?? 0
    if (syllables < 3) return
    counts.polysyllables++
    counts.longWords.push(value)
    if (isComplex(value, index)) counts.complexWords++
  })
  return counts
}

/**
 * Gunning Fog's complex word: three or more syllables, but not a name
 * (capitalised other than at the start of a sentence), not a hyphenated
 * compound, and not made long only by an -es, -ed or -ing ending.
 */
function isComplex(value: string, index: number): boolean {
  if (value.includes('-')) return false
  if (index > 0 && /^\p{Lu}/u.test(value)) return false
  if (INFLECTED.test(value)) {
    const stem = value.replace(INFLECTED, '')
    if (stem.length > 2 && syllable(stem) < 3) return false
  }
  return true
}
