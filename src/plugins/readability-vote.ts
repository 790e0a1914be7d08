/**
 * retext-readability's per-sentence vote (retext-readability 8.0.0,
 * lib/index.js), ported for speed and checked against the real plugin
 * (tests/readability-port.test.ts runs both on the same text and asserts the
 * same sentences are flagged).
 *
 * The port keeps its counts, its seven formulas (the same wooorm packages)
 * and its conversions to age. What changes is only how the counts are made:
 * - the Dale–Chall and Spache word lists (the `dale-chall` and `spache`
 *   packages' own data) are looked up in Sets, not with `Array#includes`
 *   over 1,000 and 3,000 words for every word;
 * - each distinct word's syllables (same `syllable` package), lower case and
 *   list answers are worked out once and remembered (word-facts.ts);
 * - the five votes that need no word list are worked out first, and a
 *   sentence that could not reach the threshold even if both list votes
 *   said "hard" is not looked up at all.
 */
import type {Sentence} from 'nlcst'
import {automatedReadability} from 'automated-readability'
import {colemanLiau} from 'coleman-liau'
import {daleChallFormula, daleChallGradeLevel} from 'dale-chall-formula'
import {flesch} from 'flesch'
import {gunningFog} from 'gunning-fog'
import {smogFormula} from 'smog-formula'
import {spacheFormula} from 'spache-formula'
import {wordFacts} from './word-facts.js'
import {textOf} from './words.js'

const FORMULAS = 7

export interface VoteSettings {
  /** Target age (retext-readability's `age`). */
  age: number
  /** Share of the 7 formulas that must say "hard" (retext-readability's `threshold`). */
  threshold: number
  /** Shorter sentences are not judged (retext-readability's `minWords`). */
  minWords: number
}

/** Settings as retext-readability reads its options (its defaults: age 16, threshold 4/7, 5 words). */
export function voteSettings(options: {age?: number; threshold?: number; minWords?: number}): VoteSettings {
  return {age: options.age || 16, threshold: options.threshold || 4 / 7, minWords: typeof options.minWords === 'number' ? options.minWords : 5}
}

/** Whether retext-readability would flag the sentence as hard to read. */
export function isHardSentence(sentence: Sentence, settings: VoteSettings): boolean {
  const {age, threshold, minWords} = settings
  let words = 0
  let letters = 0
  let syllables = 0
  let polysyllables = 0
  let complex = 0
  for (const node of sentence.children) {
    if (node.type !== 'WordNode') continue
    const word = wordFacts(textOf(node))
    words++
    syllables += word.voteSyllables
    letters += word.length
    if (word.voteSyllables >= 3) polysyllables++
    if (word.voteComplex) complex++
  }
  if (words < minWords) return false

  const counts: VoteCounts = {
    character: letters,
    complexPolysillabicWord: complex,
    difficultWord: 0,
    letter: letters,
    polysillabicWord: polysyllables,
    sentence: 1,
    syllable: syllables,
    unfamiliarWord: 0,
    word: words
  }
  const votes = countVotes(counts, age)
  // Even if both list-based votes said "hard", the threshold is out of reach.
  if ((votes + 2) / FORMULAS < threshold) return false

  // Dale–Chall and Spache: each easy (familiar) word counts once per sentence.
  const easy = new Set<string>()
  const familiar = new Set<string>()
  for (const node of sentence.children) {
    if (node.type !== 'WordNode') continue
    const word = wordFacts(textOf(node))
    if (word.familiar) familiar.add(word.caseless)
    if (word.easy) easy.add(word.caseless)
  }
  counts.difficultWord = words - easy.size
  counts.unfamiliarWord = words - familiar.size
  return (votes + listVotes(counts, age)) / FORMULAS >= threshold
}

/** One sentence's counts, as retext-readability gives them to the formulas. */
export type VoteCounts = {
  character: number
  complexPolysillabicWord: number
  difficultWord: number
  letter: number
  polysillabicWord: number
  sentence: number
  syllable: number
  unfamiliarWord: number
  word: number
}

/** How many of the five formulas that need no word list put the sentence above `age`. */
export function countVotes(counts: VoteCounts, age: number): number {
  let votes = 0
  if (gradeToAge(automatedReadability(counts)) > age) votes++
  if (gradeToAge(colemanLiau(counts)) > age) votes++
  if (fleschToAge(flesch(counts)) > age) votes++
  if (gradeToAge(gunningFog(counts)) > age) votes++
  if (smogToAge(smogFormula(counts)) > age) votes++
  return votes
}

/** How many of the two word-list formulas (Dale–Chall, Spache) put it above `age`, once its difficult and unfamiliar words are counted. */
export function listVotes(counts: VoteCounts, age: number): number {
  let votes = 0
  if (gradeToAge(daleChallGradeLevel(daleChallFormula(counts))[1]) > age) votes++
  if (gradeToAge(spacheFormula(counts)) > age) votes++
  return votes
}

function gradeToAge(grade: number): number {
  return Math.round(grade + 5)
}

function fleschToAge(value: number): number {
  return 20 - Math.floor(value / 10)
}

/** retext-readability's SMOG conversion, square root and all (see reading-age notes). */
function smogToAge(value: number): number {
  return Math.ceil(Math.sqrt(value) + 2.5)
}
