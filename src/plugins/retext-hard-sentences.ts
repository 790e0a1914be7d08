/**
 * retext-readability, set up for young target ages and corrected for what
 * it gets wrong there (see ../shared/reference/readability.md):
 * - it runs 7 formulas per sentence and flags a sentence when enough of
 *   them say it is above the target age;
 * - its SMOG vote never fires (it takes a square root of a grade), and its
 *   Flesch, Dale–Chall and Spache votes fire on almost every sentence at
 *   ages 9 to 11 (Dale–Chall and Spache count each repeat of an easy word as
 *   hard). So of 7 votes, 3 are noise at this age: plainly asks for 6 of 7,
 *   which means the length-and-word formulas (ARI, Coleman–Liau, Gunning
 *   Fog) must all agree;
 * - sentences already flagged as too long are not flagged twice.
 * Its messages are rewritten as `hard-sentence` suggestions in plain words.
 */
import type {Root, Sentence} from 'nlcst'
import {toString} from 'nlcst-to-string'
import retextReadability from 'retext-readability'
import type {Node} from 'unist'
import {VFile} from 'vfile'
import {addFinding} from '../core/messages.js'
import type {TargetAge} from '../types.js'
import {countSentence} from './sentence-counts.js'
import {countSyllables} from './syllables.js'
import {sentencesOf} from './words.js'
import {automatedReadability} from 'automated-readability'
import {colemanLiau} from 'coleman-liau'
import {flesch} from 'flesch'
import {gunningFog} from 'gunning-fog'
import {smogFormula} from 'smog-formula'
import {describeTarget} from './retext-reading-age.js'

export interface HardSentenceOptions {
  target: TargetAge
  /** Votes needed out of 7 (default 6 / 7). */
  threshold?: number
  /** Shorter sentences are not judged (default 8 words). */
  minWords?: number
}

export const HARD_SENTENCE_THRESHOLD = 6 / 7
export const HARD_SENTENCE_MIN_WORDS = 8

const NOTE =
  'Most readability formulas agree this sentence is above the target reading age. Use shorter words, or split it.'

export default function retextHardSentences(options: HardSentenceOptions) {
  const readability = retextReadability({
    age: options.target.max,
    threshold: options.threshold ?? HARD_SENTENCE_THRESHOLD,
    minWords: options.minWords ?? HARD_SENTENCE_MIN_WORDS
  })
  const threshold = options.threshold ?? HARD_SENTENCE_THRESHOLD
  const minWords = options.minWords ?? HARD_SENTENCE_MIN_WORDS
  return function (tree: Root, file: VFile): undefined {
    const scratch = new VFile({value: String(file)})
    // Only sentences that could reach the vote go to retext-readability (see couldBeHard).
    const candidates = sentencesOf(tree).filter((sentence) => couldBeHard(sentence, options.target.max, threshold, minWords))
    if (candidates.length === 0) return
    readability({type: 'RootNode', children: [{type: 'ParagraphNode', children: candidates}]}, scratch)
    const long = new Set(
      file.messages.filter((message) => message.ruleId === 'long-sentence').map((message) => message.place && 'start' in message.place ? message.place.start.offset : undefined)
    )
    for (const message of scratch.messages) {
      const sentence = message.ancestors?.at(-1) as Node | undefined
      if (sentence?.type !== 'SentenceNode' || !sentence.position) continue
      if (long.has(sentence.position.start.offset)) continue
      const counts = countSentence(sentence as Sentence)
      const longWords = counts.longWords.length
      addFinding(file, {
        reason: `This sentence may be hard to read for ages ${describeTarget(options.target)}: it has ${counts.words} words${longWords > 0 ? ` and ${longWords} long ${longWords === 1 ? 'word' : 'words'}` : ''}`,
        ruleId: 'hard-sentence',
        severity: 'suggestion',
        place: sentence.position,
        actual: toString(sentence as Sentence),
        expected: [],
        note: NOTE
      })
    }
  }
}

/**
 * An exact pre-filter, for speed. retext-readability scans two word lists of
 * about 3,000 words for every word of every sentence (its Dale–Chall and
 * Spache votes). Its other five votes (ARI, Coleman–Liau, Flesch, Gunning Fog,
 * SMOG) depend only on counts that are cheap to get, so they are worked out
 * here the same way it does (same counts, formulas and conversions to age).
 * A sentence that could not reach the threshold even if both list-based votes
 * said "hard" is never handed over. Results are the same as running it on
 * every sentence (a test checks this on real text).
 */
export function couldBeHard(sentence: Sentence, age: number, threshold: number, minWords: number): boolean {
  let words = 0
  let letters = 0
  let syllables = 0
  let polysyllables = 0
  let complex = 0
  for (const node of sentence.children) {
    if (node.type !== 'WordNode') continue
    const value = toString(node)
    const caseless = value.toLowerCase()
    const count = countSyllables(value)
    words++
    syllables += count
    letters += value.length
    if (count >= 3) {
      polysyllables++
      if (value.charCodeAt(0) === caseless.charCodeAt(0)) complex++
    }
  }
  if (words < minWords) return false
  const counts = {sentence: 1, word: words, character: letters, letter: letters, syllable: syllables, polysillabicWord: polysyllables, complexPolysillabicWord: complex}
  const gradeToAge = (grade: number) => Math.round(grade + 5)
  const votes = [
    gradeToAge(automatedReadability(counts)) > age,
    gradeToAge(colemanLiau(counts)) > age,
    20 - Math.floor(flesch(counts) / 10) > age,
    gradeToAge(gunningFog(counts)) > age,
    Math.ceil(Math.sqrt(smogFormula(counts)) + 2.5) > age
  ].filter(Boolean).length
  // Dale–Chall and Spache might both vote too.
  return (votes + 2) / 7 >= threshold
}
