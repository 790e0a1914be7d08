/** Reading counts for one sentence, in one pass over its words. */
import type {Sentence} from 'nlcst'
import {countSyllables as syllable} from './syllables.js'
import type {ReadingCounts} from '../types.js'
import {wordText} from './words.js'

export interface SentenceCounts extends ReadingCounts {
  /** Words of three or more syllables, as written. */
  longWords: string[]
}

/** What the counts need to know about one word, worked out once per distinct word. */
interface WordFacts {
  /** It has a letter or digit, so it counts as a word. */
  counted: boolean
  syllables: number
  /** Letters and digits. */
  letters: number
  /** A complex word for Gunning Fog, unless it is a name (see isComplex). */
  complex: boolean
  /** It starts with a capital letter. */
  capital: boolean
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
const INFLECTED = /(?:es|ed|ing)$/
const facts = new Map<string, WordFacts>()
const LIMIT = 200_000

export function countSentence(sentence: Sentence): SentenceCounts {
  const counts: SentenceCounts = {words: 0, sentences: 0, syllables: 0, polysyllables: 0, letters: 0, complexWords: 0, longWords: []}
  for (const node of sentence.children) {
    if (node.type !== 'WordNode') continue
    const value = wordText(node)
    const word = factsOf(value)
    if (!word.counted) continue
    const index = counts.words++
    counts.syllables += word.syllables
    counts.letters += word.letters
    if (word.syllables < 3) continue
    counts.polysyllables++
    counts.longWords.push(value)
    // A capital other than at the start of the sentence marks a name.
    if (word.complex && !(index > 0 && word.capital)) counts.complexWords++
  }
  if (counts.words > 0) counts.sentences = 1
  return counts
}

function factsOf(value: string): WordFacts {
  let word = facts.get(value)
  if (word === undefined) {
    word = {
      counted: HAS_LETTER_OR_DIGIT.test(value),
      // A number counts as one word of one syllable (Flesch's rule).
      syllables: /\p{L}/u.test(value) ? Math.max(1, syllable(value)) : 1,
      letters: value.match(LETTER_OR_DIGIT)?.length ?? 0,
      complex: isComplex(value),
      capital: /^\p{Lu}/u.test(value)
    }
    if (facts.size >= LIMIT) facts.clear()
    facts.set(value, word)
  }
  return word
}

/**
 * Gunning Fog's complex word: three or more syllables, but not a name
 * (capitalised other than at the start of a sentence: see countSentence),
 * not a hyphenated compound, and not made long only by an -es, -ed or -ing
 * ending.
 */
function isComplex(value: string): boolean {
  if (value.includes('-')) return false
  if (INFLECTED.test(value)) {
    const stem = value.replace(INFLECTED, '')
    if (stem.length > 2 && syllable(stem) < 3) return false
  }
  return true
}
