/** The syllable package, remembered per word: most words repeat, and counting is the costly part. */
import {syllable} from 'syllable'

const cache = new Map<string, number>()
const LIMIT = 200_000

export function countSyllables(word: string): number {
  let count = cache.get(word)
  if (count === undefined) {
    count = syllable(word)
    if (cache.size >= LIMIT) cache.clear()
    cache.set(word, count)
  }
  return count
}
