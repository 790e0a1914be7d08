/**
 * retext-reading-age: the document's UK reading age from whole-document
 * counts (see core/formulas.ts), the sentences that push it up most, and
 * findings for a document above target (`reading-age`) and for sentences
 * over the word limit (`long-sentence`).
 *
 * Headings and table cells are checked for jargon but left out of the
 * counts: like Flesch's own rules, they are labels, not prose.
 */
import type {Root, Sentence} from 'nlcst'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {addFinding} from './messages.js'
import {addCounts, computeFormulas, HEADLINE_METHOD, headlineAge, headlineGrade, headlineGradeOf, NO_COUNTS, GRADE_TO_AGE} from './formulas.js'
import type {HardSentence, ReadingAge, RuleMeta, TargetAge} from '../types.js'
import type {Check} from './check.js'
import {countSentence, type SentenceCounts} from './sentence-counts.js'
import {isInsideRanges, sentencesOf, textOf} from './words.js'

/**
 * How many years above its target a document's reading age may be and stay
 * a suggestion. On a page of a few hundred words, a few long names (of
 * medicines, conditions or schemes) move the reading age by about this
 * much: nhs.uk and GOV.UK pages written to their standards measure 12 to 15
 * here against a target of 13.
 */
export const READING_AGE_MARGIN = 2

export const readingAgeRule: RuleMeta = {
  id: 'reading-age',
  title: 'Reading age above the target',
  severity: 'suggestion',
  description: `The document's UK reading age, worked out from all its sentences, is above the target age: a suggestion, and a warning when it is more than ${READING_AGE_MARGIN} years above. Its hardest sentences are listed with it.`,
  example: {flag: 'Implementation of the transformation programme necessitates comprehensive stakeholder engagement.', pass: 'We will ask people what they think.'},
  options: {targetAge: 'the target reading age, such as 11 or 9-11 (default 9-11)', hardest: 'how many of the hardest sentences to list (default 3)'},
  about: 'document'
}

export const longSentenceRule: RuleMeta = {
  id: 'long-sentence',
  title: 'Long sentence',
  severity: 'suggestion',
  description: 'A sentence with more words than the limit: a suggestion, and a warning when it is very long. Long sentences are hard to follow.',
  example: {
    flag: 'If you need to change your appointment or cannot come for any reason at all, please ring the surgery as soon as you can so that we can offer the time to someone else.',
    pass: 'Ring the surgery if you cannot come.'
  },
  options: {
    maxSentenceWords: 'the most words a sentence may have before it is flagged as a suggestion (default 25)',
    veryLongSentenceWords: 'the most words before it is a warning (default 35)'
  },
  about: 'sentence'
}

export const readingAgeCheck: Check = {
  rules: [readingAgeRule, longSentenceRule],
  plugin: ({options, profiles}) => [
    retextReadingAge,
    {target: options.targetAge, hardest: options.hardest, maxSentenceWords: options.maxSentenceWords, veryLongSentenceWords: options.veryLongSentenceWords, profile: options.profile, reference: profiles.referencePoints.map(({name, age}) => ({name, age}))}
  ]
}

/** Ranges of the source (offsets) that are checked but left out of reading age: headings, table cells. */
export type Range = [start: number, end: number]

declare module 'vfile' {
  interface DataMap {
    readingAge: ReadingAge
    /** Source ranges left out of reading-age counts (headings, table cells), set by the document's parser. */
    notProse: Range[]
  }
}

export interface ReadingAgeOptions {
  target: TargetAge
  hardest: number
  maxSentenceWords: number
  /** Long sentences with more words than this are warnings; the others are suggestions. */
  veryLongSentenceWords: number
  /** The kind of document, to name in the result. */
  profile?: string
  /** Reading ages of real text, to show beside the document's. */
  reference?: ReadingAge['reference']
}

const NOTE_READING_AGE =
  'Many people read best at the level of a 9 to 11-year-old, including about 1 in 7 adults in England. On this scale, text written for them measures a little higher: real Easy Read and nhs.uk pages measure about 12. Shorter sentences and everyday words bring the reading age down.'
const NOTE_LONG =
  'Long sentences are hard to follow. The NHS suggests up to 20 words and GOV.UK asks you to check any sentence over 25. Try splitting it into two.'

/** Numbers kept for each sentence (see SentenceTable). */
const FIELDS = 11

/**
 * The counted sentences of a document, kept as numbers in one typed array
 * (about 50 bytes a sentence, against some 300 as objects) until the whole
 * document has been read: a long document checked in pieces (see
 * core/chunks.ts) of a million sentences must not hold a million trees of
 * objects. Their long words are kept as one string each, and their text
 * only where it is not the source's (Markdown markup); the few listed as
 * hardest are asked for their place and text.
 */
class SentenceTable {
  length = 0
  #numbers = new Int32Array(FIELDS * 1024)
  #longWords: string[] = []
  #texts = new Map<number, string>()

  constructor(private readonly source: () => string) {}

  push(counts: SentenceCounts, start: Point | undefined, end: Point | undefined, text: string | undefined): void {
    if ((this.length + 1) * FIELDS > this.#numbers.length) {
      const grown = new Int32Array(this.#numbers.length * 2)
      grown.set(this.#numbers)
      this.#numbers = grown
    }
    const at = this.length * FIELDS
    const numbers = this.#numbers
    numbers[at] = counts.words
    numbers[at + 1] = counts.syllables
    numbers[at + 2] = counts.polysyllables
    numbers[at + 3] = counts.letters
    numbers[at + 4] = counts.complexWords
    // Line 0: no place (a sentence the parser gave no position).
    numbers[at + 5] = start?.line ?? 0
    numbers[at + 6] = start?.column ?? 0
    numbers[at + 7] = start?.offset ?? -1
    numbers[at + 8] = end?.line ?? 0
    numbers[at + 9] = end?.column ?? 0
    numbers[at + 10] = end?.offset ?? -1
    this.#longWords.push(counts.longWords.length === 0 ? '' : counts.longWords.join('\u0000'))
    if (text !== undefined) this.#texts.set(this.length, text)
    this.length++
  }

  counts(index: number): SentenceCounts {
    const at = index * FIELDS
    const numbers = this.#numbers
    const longWords = this.#longWords[index]!
    return {
      words: numbers[at]!,
      sentences: 1,
      syllables: numbers[at + 1]!,
      polysyllables: numbers[at + 2]!,
      letters: numbers[at + 3]!,
      complexWords: numbers[at + 4]!,
      longWords: longWords === '' ? [] : longWords.split('\u0000')
    }
  }

  start(index: number): Point | undefined {
    return this.#point(index * FIELDS + 5)
  }

  end(index: number): Point | undefined {
    return this.#point(index * FIELDS + 8)
  }

  text(index: number): string {
    return this.#texts.get(index) ?? tidy(this.source().slice(this.start(index)?.offset, this.end(index)?.offset))
  }

  #point(at: number): Point | undefined {
    const numbers = this.#numbers
    if (numbers[at] === 0) return undefined
    const offset = numbers[at + 2]!
    return offset === -1 ? {line: numbers[at]!, column: numbers[at + 1]!} : {line: numbers[at]!, column: numbers[at + 1]!, offset}
  }
}

export default function retextReadingAge(options: ReadingAgeOptions) {
  const {maxSentenceWords, veryLongSentenceWords} = options
  return function (tree: Root, file: VFile): undefined {
    const notProse = file.data.notProse ?? []
    const carry = file.data.carry
    const source = String(file)
    // A long document checked in pieces keeps its sentences in one table, carried from piece to piece.
    let table = carry?.state.readingAge as SentenceTable | undefined
    if (!table) {
      let whole: VFile = file
      const made = (table = new SentenceTable(() => String(whole)))
      if (carry) {
        carry.state.readingAge = made
        carry.finishers.push((file) => {
          whole = file
          finish(file, made, options)
        })
      }
    }

    const shift = carry?.shift ?? ((point: Point) => point)
    for (const sentence of sentencesOf(tree)) {
      const counts = countSentence(sentence)
      if (counts.words === 0) continue
      if (counts.words > maxSentenceWords && sentence.position) {
        addFinding(file, {
          reason: `This sentence has ${counts.words} words: try to keep sentences to ${maxSentenceWords} words or fewer`,
          ruleId: longSentenceRule.id,
          severity: counts.words > veryLongSentenceWords ? 'warning' : longSentenceRule.severity,
          place: sentence.position,
          actual: textOf(sentence),
          note: NOTE_LONG
        })
      }
      if (isInsideRanges(sentence, notProse)) continue
      const {start, end} = sentence.position ?? {}
      // Only numbers, not the tree, and the text only when it differs from the source (Markdown markup).
      table.push(counts, start && shift(start), end && shift(end), textUnlikeSource(sentence, source))
    }

    if (!carry) finish(file, table, options)
  }
}

/** The document's reading age from every sentence counted, and its finding when above target. */
function finish(file: VFile, sentences: SentenceTable, options: ReadingAgeOptions): undefined {
  const {target, hardest} = options
  let total = NO_COUNTS
  for (let index = 0; index < sentences.length; index++) total = addCounts(total, sentences.counts(index))
  const formulas = computeFormulas(total)
  const age = formulas ? headlineAge(formulas) : null
  const readingAge: ReadingAge = {
    age,
    target,
    withinTarget: age === null || age <= target.max,
    method: HEADLINE_METHOD,
    formulas: formulas ?? null,
    counts: {...total},
    hardestSentences: formulas ? hardestSentences(sentences, total, headlineGrade(formulas), hardest) : []
  }
  if (options.profile) readingAge.profile = options.profile
  if (options.reference && options.reference.length > 0) readingAge.reference = options.reference
  file.data.readingAge = readingAge

  if (age !== null && age > target.max) {
    const first = sentences.length > 0 ? sentences.start(0) : undefined
    addFinding(file, {
      reason: `Reading age is ${age}, above the target of ${describeTarget(target)}: start with the hardest sentences`,
      ruleId: readingAgeRule.id,
      severity: age > target.max + READING_AGE_MARGIN ? 'warning' : readingAgeRule.severity,
      place: first,
      actual: String(age),
      expected: [describeTarget(target)],
      note: NOTE_READING_AGE
    })
  }
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** The sentence's text, or undefined when it is exactly its stretch of the source. */
function textUnlikeSource(sentence: Sentence, source: string): string | undefined {
  const text = textOf(sentence)
  const {start, end} = sentence.position ?? {}
  if (start?.offset !== undefined && end?.offset !== undefined && source.slice(start.offset, end.offset) === text) return undefined
  return tidy(text)
}

export function describeTarget(target: TargetAge): string {
  return target.min === target.max ? `${target.max}` : `${target.min} to ${target.max}`
}

/**
 * The sentences whose removal would lower the document's grade most: the
 * ones that push the reading age up. Ties go to the longer sentence, then
 * to the earlier one.
 */
function hardestSentences(sentences: SentenceTable, total: SentenceCounts | typeof NO_COUNTS, grade: number, limit: number): HardSentence[] {
  if (limit <= 0) return []
  const ranked: Array<{index: number; words: number; raises: number}> = []
  for (let index = 0; index < sentences.length; index++) {
    const counts = sentences.counts(index)
    const without = headlineGradeOf(addCounts(total, counts, -1))
    ranked.push({index, words: counts.words, raises: without !== undefined ? grade - without : grade + GRADE_TO_AGE})
  }
  ranked.sort((a, b) => b.raises - a.raises || b.words - a.words)
  return ranked
    .slice(0, limit)
    .filter((item) => item.raises > 0 && sentences.start(item.index) && sentences.end(item.index))
    .map(({index, raises}) => {
      const counts = sentences.counts(index)
      const start = sentences.start(index)!
      const end = sentences.end(index)!
      const reasons = [`${counts.words} words`]
      if (counts.longWords.length > 0) {
        reasons.push(`${counts.longWords.length} long ${counts.longWords.length === 1 ? 'word' : 'words'} (${namedOnce(counts.longWords).join(', ')})`)
      }
      return {
        text: sentences.text(index),
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        words: counts.words,
        longWords: counts.longWords,
        raises: Math.round(raises * 100) / 100,
        reasons
      }
    })
}

/** Each word once, in any capitals, saying how often it came: "vehicle twice", "permit 3 times". */
function namedOnce(words: readonly string[]): string[] {
  const times = new Map<string, {word: string; times: number}>()
  for (const word of words) {
    const key = word.toLowerCase()
    const seen = times.get(key)
    if (seen) seen.times++
    else times.set(key, {word, times: 1})
  }
  return [...times.values()].map(({word, times}) => (times === 1 ? word : times === 2 ? `${word} twice` : `${word} ${times} times`))
}
