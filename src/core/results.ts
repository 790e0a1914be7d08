/**
 * VFiles → plain, serialisable results: the JSON contract (see types.ts and
 * the README). Reporters and the exit code read only these.
 */
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {REPORT_VERSION, SEVERITIES, type FileResult, type Finding, type Report, type SeverityCounts, type SuppressedFinding} from '../types.js'
import {location} from 'vfile-location'
import {locate, snippetAt, type Block, type Location} from './locate.js'
import {severityOf, SOURCE} from '../plugins/messages.js'
import {shiftPoint, type ChunkStart} from './chunks.js'
import {familyOf, PLAINLY_RULES, RULES} from './rules.js'
import {countBefore} from '../shared/arrays.js'

const RANK: Record<string, number> = Object.fromEntries(SEVERITIES.map((severity, index) => [severity, index]))

/**
 * The findings of one file as they are collected: each message is turned
 * into a finding as soon as its piece of the document has been checked (a
 * long document's messages are not all kept at once), with the offset where
 * it starts (for comment controls) kept beside it.
 */
export class Findings {
  readonly findings: Finding[] = []
  /** Where each finding starts in the document (offset), for comment controls. */
  readonly starts: number[] = []
  readonly suppressed: SuppressedFinding[] = []
  #place: ReturnType<typeof location> | undefined
  /** Each text found once: a long document names the same few words again and again. */
  #words = new Map<string, string>()
  /** Word and PDF: where each paragraph starts in the paragraphs joined by line breaks (as DocumentView has them). */
  #paragraphStarts: number[] | undefined

  constructor(readonly file: VFile) {}

  /** Turn `source`'s messages into findings and let them go; a piece's are moved by its start first. */
  take(source: VFile, shift?: ChunkStart): void {
    const blocks = this.file.data.blocks
    if (blocks) this.#place ??= location(this.file)
    for (const message of withoutYielded(source.messages)) {
      const {finding, start, end} = toFinding(message, shift)
      if (finding.actual !== null && finding.actual.length < 64) finding.actual = this.#word(finding.actual)
      // A swap is safe only where the words are written as found: not a word split by markup ("lev<b>era</b>ge").
      if (!blocks && finding.fix && String(this.file).slice(finding.fix.range[0], finding.fix.range[1]) !== finding.actual) delete finding.fix
      this.findings.push(blocks ? relocate(finding, start, end, blocks, (this.#paragraphStarts ??= paragraphStarts(blocks))) : finding)
      this.starts.push(start ?? 0)
    }
    source.messages = []
  }

  #word(text: string): string {
    const known = this.#words.get(text)
    if (known !== undefined) return known
    if (this.#words.size >= 10_000) this.#words.clear()
    this.#words.set(text, text)
    return text
  }

  /** Keep the findings `keep` says yes to (and their offsets). */
  filter(keep: (finding: Finding, start: number) => boolean): void {
    let kept = 0
    for (let index = 0; index < this.findings.length; index++) {
      const finding = this.findings[index]!
      const start = this.starts[index]!
      if (!keep(finding, start)) continue
      this.findings[kept] = finding
      this.starts[kept] = start
      kept++
    }
    this.findings.length = kept
    this.starts.length = kept
  }

  add(finding: Finding, start: number): void {
    this.findings.push(finding)
    this.starts.push(start)
  }
}

export function toFileResult(file: VFile, found: Findings): FileResult {
  const blocks = file.data.blocks
  const place = blocks ? location(file) : undefined
  const findings = markRepeats(found.findings.sort(compareFindings))
  const suppressed = found.suppressed.sort(compareFindings)
  let readingAge = file.data.readingAge ?? null
  if (readingAge && place && blocks) {
    readingAge = {
      ...readingAge,
      hardestSentences: readingAge.hardestSentences.map((sentence) => {
        const found = locate(blocks, place.toOffset(sentence) ?? 0)
        const end = locate(blocks, place.toOffset({line: sentence.endLine, column: sentence.endColumn}) ?? 0)
        if (!found || !end) return sentence
        return {...sentence, line: found.paragraph, column: found.column, endLine: end.paragraph, endColumn: end.column, ...where(found)}
      })
    }
  }
  return {
    path: file.path ?? '<stdin>',
    format: file.data.format ?? 'text',
    readingAge,
    findings,
    counts: countSeverities(findings),
    suppressed
  }
}

export function toReport(files: FileResult[], plainlyVersion: string): Report {
  const totals = countSeverities(files.flatMap((file) => file.findings))
  return {
    version: REPORT_VERSION,
    plainlyVersion,
    files,
    summary: {
      files: files.length,
      ...totals,
      suppressed: files.reduce((sum, file) => sum + file.suppressed.length, 0),
      unreadable: files.filter((file) => file.findings.some((finding) => finding.fatal)).length,
      aboveTarget: files.filter((file) => file.readingAge && !file.readingAge.withinTarget).length
    }
  }
}

/** A message's rule id: another plugin's is put under its name ("retext-passive/was-fired"). */
function ruleIdOf(message: VFileMessage): string {
  if (!message.ruleId) return message.source && message.source !== SOURCE ? `${message.source}/message` : 'unknown'
  return message.source && message.source !== SOURCE ? `${message.source}/${message.ruleId}` : message.ruleId
}

/** For each rule that yields to others (RuleMeta.yieldsTo), the rules and families it yields to. */
const YIELDS = new Map(RULES.filter((rule) => rule.yieldsTo).map((rule) => [rule.id, new Set(rule.yieldsTo)]))

type Span = [start: number, end: number]

function spanOf(message: VFileMessage): Span | undefined {
  const place = message.place as Position | Point | undefined
  if (!place || !('start' in place) || place.start.offset === undefined || place.end.offset === undefined) return undefined
  return [place.start.offset, place.end.offset]
}

/**
 * The messages less those of a rule that yields to another (a wordy phrase
 * inside a glossary term, a hard sentence that is already a long one) on
 * words one of the other's covers. Checked here, on all the messages of a
 * piece, so no plugin reads another's messages and their order is free.
 */
function withoutYielded(messages: VFileMessage[]): VFileMessage[] {
  const yielding = (message: VFileMessage) => YIELDS.get(familyOf(ruleIdOf(message)))
  if (!messages.some(yielding)) return messages
  const spans = new Map<string, Span[]>()
  for (const message of messages) {
    const span = spanOf(message)
    if (!span) continue
    const id = ruleIdOf(message)
    for (const key of new Set([id, familyOf(id)])) {
      let list = spans.get(key)
      if (!list) spans.set(key, (list = []))
      list.push(span)
    }
  }
  const covered = new Map<string, (span: Span) => boolean>()
  return messages.filter((message) => {
    const targets = yielding(message)
    const span = spanOf(message)
    if (!targets || !span) return true
    for (const target of targets) {
      let covers = covered.get(target)
      if (!covers) covered.set(target, (covers = overlapTest(spans.get(target) ?? [])))
      if (covers(span)) return false
    }
    return true
  })
}

/** Whether a span overlaps any of `spans`: those sorted by start, with the furthest end so far, then a binary search. */
function overlapTest(spans: Span[]): (span: Span) => boolean {
  spans.sort((a, b) => a[0] - b[0])
  const furthest: number[] = []
  for (const [index, span] of spans.entries()) furthest.push(Math.max(span[1], furthest[index - 1] ?? -Infinity))
  return ([start, end]) => {
    // The spans that start before `end`: overlap when the furthest end among them passes `start`.
    const count = countBefore(spans.length, (index) => spans[index]![0] < end)
    return count > 0 && furthest[count - 1]! > start
  }
}

/** A message as a finding, moved by `shift` when it comes from a piece of the document; with its start and end offsets. */
function toFinding(message: VFileMessage, shift?: ChunkStart): {finding: Finding; start?: number; end?: number} {
  const place = message.place as Position | Point | undefined
  let start: Point = place ? ('start' in place ? place.start : place) : {line: 1, column: 1}
  let end: Point = place && 'end' in place ? place.end : start
  if (shift && place) {
    start = shiftPoint(start, shift)
    end = shiftPoint(end, shift)
  }
  const finding: Finding = {
    ruleId: ruleIdOf(message),
    severity: severityOf(message),
    message: message.reason,
    actual: message.actual ?? null,
    // The message's own list: made for it (plainly's plugins give an entry's list, which nothing changes).
    expected: (message.expected as string[] | undefined) ?? [],
    note: message.note ?? null,
    url: message.url ?? null,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column
  }
  if (message.fatal) finding.fatal = true
  const fix = message.fix
  if (fix) finding.fix = shift ? {...fix, range: [fix.range[0] + shift.offset, fix.range[1] + shift.offset]} : fix
  return {finding, start: start.offset, end: end.offset}
}

/** Where each paragraph starts when they are joined by line breaks, as paragraphView (view.ts) joins them. */
function paragraphStarts(blocks: readonly Block[]): number[] {
  const starts: number[] = []
  let at = 0
  for (const block of blocks) {
    starts.push(at)
    at += block.text.length + 1
  }
  return starts
}

/**
 * Word and PDF: report paragraph, heading, page and a snippet; line is the
 * paragraph. A safe swap keeps its words, placed in the paragraphs joined by
 * line breaks (see Fix): plainly never changes these files, but the reviewed
 * copy of a Word file shows it as a tracked change (docx-review.ts).
 */
function relocate(finding: Finding, startOffset: number | undefined, endOffset: number | undefined, blocks: Block[], starts: readonly number[]): Finding {
  if (startOffset === undefined) return finding
  const start = locate(blocks, startOffset)
  const end = locate(blocks, endOffset ?? startOffset)
  if (!start || !end) return finding
  const length = end.paragraph === start.paragraph ? Math.max(1, end.column - start.column) : 1
  const {fix, ...rest} = finding
  const first = starts[start.paragraph - 1]!
  return {
    ...rest,
    line: start.paragraph,
    column: start.column,
    endLine: end.paragraph,
    endColumn: end.column,
    ...where(start),
    snippet: snippetAt(start.block.text, start.column, length),
    ...(fix && end.paragraph === start.paragraph ? {fix: {range: [first + start.column - 1, first + end.column - 1], text: fix.text}} : {})
  }
}

/** The paragraph, and the heading and page when there are any, in that order (as the JSON has them). */
function where({paragraph, heading, page}: Location): Pick<Finding, 'paragraph' | 'heading' | 'page'> {
  return {paragraph, ...(heading === undefined ? {} : {heading}), ...(page === undefined ? {} : {page})}
}

/**
 * The term a finding about words is about, so that its uses in one file are
 * counted together: a glossary entry's rule id covers all its forms
 * ("assure", "assured"); a rule without one entry per id (an acronym, an
 * unexplained term) is told apart by the words, in any case. Undefined for
 * findings about sentences or the document, and for fatal ones.
 */
export function repeatKey(finding: Finding): string | undefined {
  if (finding.fatal || PLAINLY_RULES.aboutOf(finding.ruleId) !== 'words' || !finding.actual || finding.actual.trim() === '') return undefined
  return finding.ruleId.includes('/') ? finding.ruleId : `${finding.ruleId}\u0000${finding.actual.replace(/\s+/g, ' ').trim().toLowerCase()}`
}

/** Number each use of a term in a file (findings in document order): `occurrence` of `occurrences`. */
function markRepeats(findings: Finding[]): Finding[] {
  const totals = new Map<string, number>()
  const keys: Array<string | undefined> = []
  for (const finding of findings) {
    const key = repeatKey(finding)
    keys.push(key)
    if (key !== undefined) totals.set(key, (totals.get(key) ?? 0) + 1)
  }
  const seen = new Map<string, number>()
  for (const [index, finding] of findings.entries()) {
    const key = keys[index]
    if (key === undefined) continue
    const occurrence = (seen.get(key) ?? 0) + 1
    seen.set(key, occurrence)
    finding.occurrence = occurrence
    finding.occurrences = totals.get(key)!
  }
  return findings
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || RANK[a.severity]! - RANK[b.severity]! || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
}

export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = {error: 0, warning: 0, suggestion: 0}
  for (const finding of findings) counts[finding.severity]++
  return counts
}
