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
import {severityOf} from '../plugins/messages.js'
import {shiftPoint, type ChunkStart} from './chunks.js'

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

  constructor(readonly file: VFile) {}

  /** Turn `source`'s messages into findings and let them go; a piece's are moved by its start first. */
  take(source: VFile, shift?: ChunkStart): void {
    const blocks = this.file.data.blocks
    if (blocks) this.#place ??= location(this.file)
    for (const message of source.messages) {
      const {finding, start, end} = toFinding(message, shift)
      if (finding.actual !== null && finding.actual.length < 64) finding.actual = this.#word(finding.actual)
      this.findings.push(blocks ? relocate(finding, start, end, blocks) : finding)
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
  const findings = found.findings.sort(compareFindings)
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
    ruleId: message.ruleId ? (message.source && message.source !== 'plainly' ? `${message.source}/${message.ruleId}` : message.ruleId) : 'unknown',
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

/** Word and PDF: report paragraph, heading, page and a snippet; line is the paragraph. */
function relocate(finding: Finding, startOffset: number | undefined, endOffset: number | undefined, blocks: Block[]): Finding {
  if (startOffset === undefined) return finding
  const start = locate(blocks, startOffset)
  const end = locate(blocks, endOffset ?? startOffset)
  if (!start || !end) return finding
  const length = end.paragraph === start.paragraph ? Math.max(1, end.column - start.column) : 1
  // Word and PDF files are never changed, so there is no fix.
  const {fix: _fix, ...rest} = finding
  return {
    ...rest,
    line: start.paragraph,
    column: start.column,
    endLine: end.paragraph,
    endColumn: end.column,
    ...where(start),
    snippet: snippetAt(start.block.text, start.column, length)
  }
}

function where(found: Location): {paragraph: number; heading?: string; page?: number} {
  const result: {paragraph: number; heading?: string; page?: number} = {paragraph: found.paragraph}
  if (found.heading !== undefined) result.heading = found.heading
  if (found.page !== undefined) result.page = found.page
  return result
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || RANK[a.severity]! - RANK[b.severity]! || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
}

export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = {error: 0, warning: 0, suggestion: 0}
  for (const finding of findings) counts[finding.severity]++
  return counts
}
