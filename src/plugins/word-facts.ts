/**
 * What plainly's counts need to know about one word, worked out once per
 * distinct word and remembered (most words repeat): for reading age
 * (sentence-counts.ts) and for the hard-sentence vote (readability-vote.ts,
 * counted the way retext-readability counts).
 */
import {daleChall} from 'dale-chall'
import {spache} from 'spache'
import {countSyllables} from './syllables.js'

export interface WordFacts {
  // Reading age (sentence-counts.ts).
  /** It has a letter or digit, so it counts as a word. */
  counted: boolean
  /** Syllables; a number counts as one word of one syllable (Flesch's rule). */
  syllables: number
  /** Letters and digits. */
  letters: number
  /** A complex word for Gunning Fog (three or more syllables), unless it is a name (see sentence-counts.ts). */
  complex: boolean
  /** It starts with a capital letter. */
  capital: boolean

  // The hard-sentence vote, counted as retext-readability counts (readability-vote.ts).
  /** Syllables as the syllable package counts them. */
  voteSyllables: number
  /** Every character of the word. */
  length: number
  /** Three or more syllables and not capitalised: retext-readability's rough test for names. */
  voteComplex: boolean
  /** The word in lower case: the Dale–Chall and Spache lists count each once per sentence. */
  caseless: string
  /** On the Dale–Chall list of easy words (the dale-chall package's data). */
  easy: boolean
  /** On the Spache list of familiar words (the spache package's data). */
  familiar: boolean
}

const EASY = new Set(daleChall)
const FAMILIAR = new Set(spache)
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
const HAS_LETTER = /\p{L}/u
const CAPITAL = /^\p{Lu}/u
const INFLECTED = /(?:es|ed|ing)$/

const cache = new Map<string, WordFacts>()
const LIMIT = 200_000

export function wordFacts(value: string): WordFacts {
  let facts = cache.get(value)
  if (facts === undefined) {
    facts = factsOf(value)
    if (cache.size >= LIMIT) cache.clear()
    cache.set(value, facts)
  }
  return facts
}

function factsOf(value: string): WordFacts {
  const caseless = value.toLowerCase()
  const syllables = countSyllables(value)
  const readingSyllables = HAS_LETTER.test(value) ? Math.max(1, syllables) : 1
  return {
    counted: HAS_LETTER_OR_DIGIT.test(value),
    syllables: readingSyllables,
    letters: value.match(LETTER_OR_DIGIT)?.length ?? 0,
    // Only long words can be complex (so short words never need their stem counted).
    complex: readingSyllables >= 3 && isComplex(value),
    capital: CAPITAL.test(value),
    voteSyllables: syllables,
    length: value.length,
    voteComplex: syllables >= 3 && value.charCodeAt(0) === caseless.charCodeAt(0),
    caseless,
    easy: EASY.has(caseless),
    familiar: FAMILIAR.has(caseless)
  }
}

/**
 * Gunning Fog's complex word, apart from the rule on names: not a hyphenated
 * compound, and not made long only by an -es, -ed or -ing ending.
 */
function isComplex(value: string): boolean {
  if (value.includes('-')) return false
  if (INFLECTED.test(value)) {
    const stem = value.replace(INFLECTED, '')
    if (stem.length > 2 && countSyllables(stem) < 3) return false
  }
  return true
}
