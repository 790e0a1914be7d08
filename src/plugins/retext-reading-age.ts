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
import {addFinding} from '../core/messages.js'
import {addCounts, computeFormulas, HEADLINE_METHOD, headlineAge, headlineGrade, headlineGradeOf, NO_COUNTS, GRADE_TO_AGE} from '../core/formulas.js'
import type {Range} from '../core/units.js'
import type {HardSentence, ReadingAge, RuleMeta, TargetAge} from '../types.js'
import {countSentence, type SentenceCounts} from './sentence-counts.js'
import {sentencesOf, textOf} from './words.js'

export const readingAgeRule: RuleMeta = {
  id: 'reading-age',
  title: 'Reading age above the target',
  severity: 'warning',
  description: "The document's UK reading age, worked out from all its sentences, is above the target age. Its hardest sentences are listed with it.",
  example: {flag: 'Implementation of the transformation programme necessitates comprehensive stakeholder engagement.', pass: 'We will ask people what they think.'},
  options: {targetAge: 'the target reading age, such as 11 or 9-11 (default 9-11)', hardest: 'how many of the hardest sentences to list (default 3)'}
}

export const longSentenceRule: RuleMeta = {
  id: 'long-sentence',
  title: 'Long sentence',
  severity: 'warning',
  description: 'A sentence with more words than the limit. Long sentences are hard to follow.',
  example: {
    flag: 'If you need to change your appointment or cannot come for any reason at all, please ring the surgery as soon as you can so that we can offer the time to someone else.',
    pass: 'Ring the surgery if you cannot come.'
  },
  options: {maxSentenceWords: 'the most words a sentence may have (default 25)'}
}

declare module 'vfile' {
  interface DataMap {
    readingAge: ReadingAge
  }
}

export interface ReadingAgeOptions {
  target: TargetAge
  hardest: number
  maxSentenceWords: number
}

const NOTE_READING_AGE =
  'Many people read best at the level of a 9 to 11-year-old, including about 1 in 7 adults in England. Shorter sentences and everyday words bring the reading age down.'
const NOTE_LONG =
  'Long sentences are hard to follow. The NHS suggests up to 20 words and GOV.UK asks you to check any sentence over 25. Try splitting it into two.'

/** A sentence counted for the reading age: its counts and where it is. */
interface Measured {
  counts: SentenceCounts
  start?: Point
  end?: Point
  /** The sentence; in a long document checked in pieces, its text if the source does not give it. */
  sentence?: Sentence
  text?: string
}

export default function retextReadingAge(options: ReadingAgeOptions) {
  const {maxSentenceWords} = options
  return function (tree: Root, file: VFile): undefined {
    const notProse = file.data.notProse ?? []
    const carry = file.data.carry
    const source = carry ? String(file) : ''
    const measured: Measured[] = []

    for (const sentence of sentencesOf(tree)) {
      const counts = countSentence(sentence)
      if (counts.words === 0) continue
      if (counts.words > maxSentenceWords && sentence.position) {
        addFinding(file, {
          reason: `This sentence has ${counts.words} words: try to keep sentences to ${maxSentenceWords} words or fewer`,
          ruleId: longSentenceRule.id,
          severity: longSentenceRule.severity,
          place: sentence.position,
          actual: textOf(sentence),
          note: NOTE_LONG
        })
      }
      if (isInside(sentence, notProse)) continue
      const {start, end} = sentence.position ?? {}
      // A piece of a long document keeps only what it needs, not the tree;
      // its text only when it differs from the source (Markdown markup), as
      // the whole document's source can give it back.
      measured.push(
        carry ? {counts, start: start && carry.shift(start), end: end && carry.shift(end), text: textUnlikeSource(sentence, source)} : {counts, start, end, sentence}
      )
    }

    if (!carry) return finish(file, measured, options)
    let all = carry.state.readingAge as Measured[] | undefined
    if (!all) {
      all = []
      carry.state.readingAge = all
      carry.finishers.push((whole) => finish(whole, all!, options))
    }
    for (const item of measured) all.push(item)
  }
}

/** The document's reading age from every sentence counted, and its finding when above target. */
function finish(file: VFile, measured: readonly Measured[], options: ReadingAgeOptions): undefined {
  const {target, hardest} = options
  const source = String(file)
  let total = NO_COUNTS
  for (const {counts} of measured) total = addCounts(total, counts)
  const formulas = computeFormulas(total)
  const age = formulas ? headlineAge(formulas) : null
  const readingAge: ReadingAge = {
    age,
    target,
    withinTarget: age === null || age <= target.max,
    method: HEADLINE_METHOD,
    formulas: formulas ?? null,
    counts: {...total},
    hardestSentences: formulas ? hardestSentences(measured, total, headlineGrade(formulas), hardest, source) : []
  }
  file.data.readingAge = readingAge

  if (age !== null && age > target.max) {
    const first = measured[0]?.start
    addFinding(file, {
      reason: `Reading age is ${age}, above the target of ${describeTarget(target)}: start with the hardest sentences`,
      ruleId: readingAgeRule.id,
      severity: 'warning',
      place: first,
      actual: String(age),
      expected: [describeTarget(target)],
      note: NOTE_READING_AGE
    })
  }
}

function sentenceText(sentence: Sentence): string {
  return tidy(textOf(sentence))
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
 * ones that push the reading age up. Ties go to the longer sentence.
 */
function hardestSentences(
  measured: readonly Measured[],
  total: SentenceCounts | typeof NO_COUNTS,
  grade: number,
  limit: number,
  source: string
): HardSentence[] {
  if (limit <= 0) return []
  const ranked = measured.map((item) => {
    const without = headlineGradeOf(addCounts(total, item.counts, -1))
    const raises = without !== undefined ? grade - without : grade + GRADE_TO_AGE
    return {item, counts: item.counts, raises}
  })
  ranked.sort((a, b) => b.raises - a.raises || b.counts.words - a.counts.words)
  return ranked
    .slice(0, limit)
    .filter((ranked) => ranked.raises > 0 && ranked.item.start && ranked.item.end)
    .map(({item, counts, raises}) => {
      const start = item.start!
      const end = item.end!
      const reasons = [`${counts.words} words`]
      if (counts.longWords.length > 0) {
        reasons.push(`${counts.longWords.length} long ${counts.longWords.length === 1 ? 'word' : 'words'} (${unique(counts.longWords).join(', ')})`)
      }
      return {
        text: item.text ?? (item.sentence ? sentenceText(item.sentence) : tidy(source.slice(start.offset, end.offset))),
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

/** Each word once (ignoring capitals), as first written. */
function unique(values: readonly string[]): string[] {
  const seen = new Map<string, string>()
  for (const value of values) if (!seen.has(value.toLowerCase())) seen.set(value.toLowerCase(), value)
  return [...seen.values()]
}

function isInside(sentence: Sentence, ranges: readonly Range[]): boolean {
  const offset = sentence.position?.start.offset
  if (offset === undefined) return false
  return ranges.some(([start, end]) => offset >= start && offset < end)
}
