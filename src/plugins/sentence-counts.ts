/** Reading counts for one sentence, in one pass over its words. */
import type {Sentence} from 'nlcst'
import type {ReadingCounts} from '../types.js'
import {wordFacts} from './word-facts.js'
import {textOf} from './words.js'

export interface SentenceCounts extends ReadingCounts {
  /** Words of three or more syllables, as written. */
  longWords: string[]
}

export function countSentence(sentence: Sentence): SentenceCounts {
  const counts: SentenceCounts = {words: 0, sentences: 0, syllables: 0, polysyllables: 0, letters: 0, complexWords: 0, longWords: []}
  for (const node of sentence.children) {
    if (node.type !== 'WordNode') continue
    const value = textOf(node)
    const word = wordFacts(value)
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
