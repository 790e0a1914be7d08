/**
 * What plainly's counts need to know about one word, worked out once per
 * distinct word and remembered (most words repeat): for reading age
 * (sentence-counts.ts) and for the hard-sentence vote (readability-vote.ts,
 * counted the way retext-readability counts).
 */
import {daleChall} from 'dale-chall'
import {spache} from 'spache'
import {countSyllables} from './syllables.js'

export type WordFacts = ReturnType<typeof factsOf>

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

function factsOf(value: string) {
  const caseless = value.toLowerCase()
  const syllables = countSyllables(value)
  const readingSyllables = HAS_LETTER.test(value) ? Math.max(1, syllables) : 1
  return {
    // For reading age (sentence-counts.ts). It counts as a word when it has a letter or digit.
    counted: HAS_LETTER_OR_DIGIT.test(value),
    // A number counts as one word of one syllable (Flesch's rule).
    syllables: readingSyllables,
    letters: value.match(LETTER_OR_DIGIT)?.length ?? 0,
    // Gunning Fog's complex word, unless it is a name (see sentence-counts.ts). Only long words can be complex (so short words never need their stem counted).
    complex: readingSyllables >= 3 && isComplex(value),
    capital: CAPITAL.test(value),
    // For the hard-sentence vote, counted as retext-readability counts (readability-vote.ts): the syllable package's count, every character,
    // three or more syllables and not capitalised (its rough test for names), and the Dale–Chall easy and Spache familiar lists (each word once per sentence).
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
