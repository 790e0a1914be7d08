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
 * - sentences already flagged as too long are not flagged twice (the rule
 *   yields to long-sentence, see core/results.ts);
 * - a short sentence (15 words or fewer) needs three or more long words: the
 *   formulas count two long words in ten as hard, but "Your appointment is
 *   at the hospital." is not.
 * Its verdicts become `hard-sentence` suggestions in plain words. The vote is readability-vote.ts.
 */
import type {Root, Sentence} from 'nlcst'
import type {VFile} from 'vfile'
import {addFinding} from './messages.js'
import type {RuleMeta, TargetAge} from '../types.js'
import {isHardSentence, voteSettings} from './readability-vote.js'
import type {Check} from './check.js'
import {describeTarget} from './retext-reading-age.js'
import {countSentence} from './sentence-counts.js'
import {sentencesOf, textOf} from './words.js'

export const hardSentenceRule: RuleMeta = {
  id: 'hard-sentence',
  title: 'Sentence hard to read at the target reading age',
  severity: 'suggestion',
  description: 'Most readability formulas agree this sentence is above the target reading age, although it is not too long.',
  example: {
    flag: 'Consequently, implementation considerations necessitate comprehensive interdepartmental deliberation regarding organisational restructuring.',
    pass: 'So we need to talk about it with other teams.'
  },
  options: {targetAge: 'the target reading age'},
  about: 'sentence',
  yieldsTo: ['long-sentence']
}

export const hardSentenceCheck: Check = {rules: [hardSentenceRule], plugin: ({options}) => [retextHardSentences, {target: options.targetAge}]}

export interface HardSentenceOptions {
  target: TargetAge
  /** Votes needed out of 7 (default 6 / 7). */
  threshold?: number
  /** Shorter sentences are not judged (default 8 words). */
  minWords?: number
}

export const HARD_SENTENCE_THRESHOLD = 6 / 7
export const HARD_SENTENCE_MIN_WORDS = 8
/** A sentence of this many words or fewer is hard only with at least SHORT_SENTENCE_LONG_WORDS long words. */
export const SHORT_SENTENCE_WORDS = 15
export const SHORT_SENTENCE_LONG_WORDS = 3

const NOTE =
  'Most readability formulas agree this sentence is above the target reading age. Use shorter words, or split it.'

export default function retextHardSentences(options: HardSentenceOptions) {
  const settings = voteSettings({
    age: options.target.max,
    threshold: options.threshold ?? HARD_SENTENCE_THRESHOLD,
    minWords: options.minWords ?? HARD_SENTENCE_MIN_WORDS
  })
  return function (tree: Root, file: VFile): undefined {
    for (const sentence of sentencesOf(tree)) {
      if (!sentence.position || !isHardSentence(sentence, settings)) continue
      const counts = countSentence(sentence)
      if (counts.words <= SHORT_SENTENCE_WORDS && counts.longWords.length < SHORT_SENTENCE_LONG_WORDS) continue
      addHardSentenceFinding(file, sentence, options.target, counts)
    }
  }
}

/** The finding for a sentence the vote says is hard (shared with the test of the port). */
export function addHardSentenceFinding(file: VFile, sentence: Sentence, target: TargetAge, counts = countSentence(sentence)): void {
  const longWords = counts.longWords.length
  addFinding(file, {
    reason: `This sentence may be hard to read for ages ${describeTarget(target)}: it has ${counts.words} words${longWords > 0 ? ` and ${longWords} long ${longWords === 1 ? 'word' : 'words'}` : ''}`,
    ruleId: hardSentenceRule.id,
    severity: hardSentenceRule.severity,
    place: sentence.position,
    actual: textOf(sentence),
    expected: [],
    note: NOTE
  })
}
