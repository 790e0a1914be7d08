/**
 * The reviewed copy of a Word document (--review): plainly's findings as
 * Word comments on the words they are about, and with --fix the safe swaps
 * as tracked changes, written into a copy of the document. This file says
 * what the comments say; core/docx-review.ts writes them into the document.
 * Pure (bytes in, bytes out), so a web page can offer the same copy.
 *
 * - Each finding about words is a comment on exactly those words; one about
 *   a sentence is a comment on the sentence. A word used again and again has
 *   one comment, at its first use, saying how many more times it is used
 *   (as the terminal report does).
 * - The reading age, the target and the hardest sentences are one comment at
 *   the start, with any finding that could not be marked in the text.
 * - With `fix`, every safe swap (each use, as --fix makes them in a text
 *   file) is a tracked change by "plainly", to accept or reject.
 */
import {PLAINLY_RULES} from '../core/rules.js'
import {WordReview} from '../core/docx-review.js'
import type {DocumentView, FileResult, Finding} from '../types.js'
import {capitalise, describeTarget, listedFindings, messageWithAlternatives, placeText, plural, repeatsText, truncate} from './escape.js'

export {reviewedName} from '../core/docx-review.js'

export interface WordReviewOptions {
  /** Make the safe swaps tracked changes. */
  fix?: boolean
  /** The date on the comments and changes (default: now). */
  date?: Date
}

export interface ReviewedCopy {
  bytes: Uint8Array
  /** Comments written, the one at the start included. */
  comments: number
  /** Tracked changes written. */
  changes: number
  /** Findings that could not be marked in the text (they are in the comment at the start). */
  unplaced: number
  /** plainly's comments from an earlier review that were replaced. */
  replaced: number
}

/** A copy of the Word document `bytes` with `file`'s findings in it (`view` is the text that was checked: checker.check with view: true). */
export async function reviewWordDocument(bytes: Uint8Array, file: FileResult, view: DocumentView, options: WordReviewOptions = {}): Promise<ReviewedCopy> {
  const review = await WordReview.open(bytes, view)
  const offset = (line: number, column: number) => (view.lineStarts[line - 1] ?? 0) + column - 1
  const changed = new Set<Finding>()
  if (options.fix) {
    for (const finding of file.findings) if (finding.fix && review.change(finding.fix.range[0], finding.fix.range[1], finding.fix.text)) changed.add(finding)
  }
  const unplaced: Finding[] = []
  for (const {finding, repeats} of listedFindings(file, {color: 0})) {
    if (finding.fatal || finding.ruleId === 'reading-age') continue
    const about = PLAINLY_RULES.aboutOf(finding.ruleId)
    const from = offset(finding.line, finding.column)
    const to = offset(finding.endLine, finding.endColumn)
    const swaps = [finding, ...repeats].filter((item) => changed.has(item)).length
    const paragraphs = [
      messageWithAlternatives(finding),
      ...(finding.note ? [`Why: ${finding.note}`] : []),
      ...(repeats.length > 0 ? [repeatsText(repeats)] : []),
      ...(swaps > 0 ? [`plainly has made ${swaps === 1 ? 'this swap' : `this swap ${plural(swaps, 'time')}`} as a tracked change: accept or reject it on the Review tab.`] : [])
    ]
    if ((about === 'words' || about === 'sentence') && to > from && review.comment(from, to, paragraphs)) continue
    unplaced.push(finding)
  }
  review.startComment(startParagraphs(file, review.counts, changed.size, unplaced))
  const {comments} = review.counts
  return {bytes: await review.save(options.date), comments, changes: changed.size, unplaced: unplaced.length, replaced: review.removed}
}

/** The comment at the start: the reading age against the target, the hardest sentences, and what is not marked in the text. */
function startParagraphs(file: FileResult, counts: {comments: number}, changes: number, unplaced: readonly Finding[]): string[] {
  const paragraphs: string[] = []
  const readingAge = file.readingAge
  if (readingAge && readingAge.age !== null) {
    const verdict = readingAge.withinTarget ? 'within' : 'above'
    const rough = readingAge.formulas?.smog.lowConfidence ? ' This is a short text, so treat it as a rough guide.' : ''
    paragraphs.push(`plainly: reading age ${readingAge.age}, ${verdict} the target of ${describeTarget(readingAge.target)}.${rough}`)
    if (!readingAge.withinTarget && readingAge.hardestSentences.length > 0) {
      paragraphs.push('Start with the hardest sentences:')
      for (const sentence of readingAge.hardestSentences) paragraphs.push(`${capitalise(placeText(sentence))}: \u201C${truncate(sentence.text, 90)}\u201D \u2013 ${sentence.reasons.join(', ')}`)
    }
  } else {
    paragraphs.push('plainly: this document has too few words for a reading age.')
  }
  const marked = counts.comments
  if (marked === 0 && changes === 0 && unplaced.length === 0) paragraphs.push('No other problems found.')
  else if (marked > 0) paragraphs.push(`The other comments by plainly are on the words they are about.${changes > 0 ? ` ${plural(changes, 'safe swap is', 'safe swaps are')} tracked changes: accept or reject each on the Review tab.` : ''}`)
  if (unplaced.length > 0) {
    paragraphs.push('Not marked in the text:')
    for (const finding of unplaced) {
      const where = finding.paragraph === undefined ? '' : `${capitalise(placeText(finding))}${finding.heading ? ` (under \u201C${truncate(finding.heading, 40)}\u201D)` : ''}: `
      paragraphs.push(`${where}${messageWithAlternatives(finding)}${finding.snippet ? `, in \u201C${finding.snippet}\u201D` : ''}`)
    }
  }
  paragraphs.push('Checking this document again replaces the comments by plainly; your own comments and changes stay.')
  return paragraphs
}
