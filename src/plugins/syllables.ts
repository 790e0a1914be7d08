/** The syllable package, remembered per word: most words repeat, and counting is the costly part. */
import {syllable} from 'syllable'

const cache = new Map<string, number>()
const LIMIT = 200_000
const ASCII = /^[\x00-\x7F]*$/

export function countSyllables(word: string): number {
  let count = cache.get(word)
  if (count === undefined) {
    // The package lower-cases first, and its one earlier step (normalize-strings)
    // leaves ASCII alone, so "The" and "the" share an answer.
    const lower = ASCII.test(word) ? word.toLowerCase() : word
    count = lower === word ? undefined : cache.get(lower)
    if (count === undefined) count = syllable(word)
    if (cache.size >= LIMIT) cache.clear()
    cache.set(word, count)
    if (lower !== word) cache.set(lower, count)
  }
  return count
}
