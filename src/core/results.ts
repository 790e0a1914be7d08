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
import {fixOf, severityOf} from './messages.js'

const RANK: Record<string, number> = Object.fromEntries(SEVERITIES.map((severity, index) => [severity, index]))

export function toFileResult(file: VFile): FileResult {
  const place = file.data.blocks ? location(file) : undefined
  const convert = (message: VFileMessage) => (place ? relocate(toFinding(message), message, file.data.blocks!) : toFinding(message))
  const findings = file.messages.map(convert).sort(compareFindings)
  const suppressed = (file.data.suppressed ?? [])
    .map(({message, suppression}) => ({...convert(message), suppression: Object.fromEntries(Object.entries(suppression).filter(([, value]) => value !== undefined)) as SuppressedFinding['suppression']}))
    .sort(compareFindings)
  let readingAge = file.data.readingAge ?? null
  if (readingAge && place) {
    readingAge = {
      ...readingAge,
      hardestSentences: readingAge.hardestSentences.map((sentence) => {
        const found = locate(file.data.blocks!, place.toOffset(sentence) ?? 0)
        const end = locate(file.data.blocks!, place.toOffset({line: sentence.endLine, column: sentence.endColumn}) ?? 0)
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

function toFinding(message: VFileMessage): Finding {
  const place = message.place as Position | Point | undefined
  const start: Point = place ? ('start' in place ? place.start : place) : {line: 1, column: 1}
  const end: Point = place && 'end' in place ? place.end : start
  const finding: Finding = {
    ruleId: message.ruleId ? (message.source && message.source !== 'plainly' ? `${message.source}/${message.ruleId}` : message.ruleId) : 'unknown',
    severity: severityOf(message),
    message: message.reason,
    actual: message.actual ?? null,
    expected: [...(message.expected ?? [])],
    note: message.note ?? null,
    url: message.url ?? null,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column
  }
  if (message.fatal) finding.fatal = true
  const fix = fixOf(message)
  if (fix) finding.fix = fix
  return finding
}

/** Word and PDF: report paragraph, heading, page and a snippet; line is the paragraph. */
function relocate(finding: Finding, message: VFileMessage, blocks: Block[]): Finding {
  const place = message.place as Position | Point | undefined
  if (!place) return finding
  const startOffset = 'start' in place ? place.start.offset : place.offset
  const endOffset = 'end' in place ? place.end.offset : startOffset
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

function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || RANK[a.severity]! - RANK[b.severity]! || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
}

export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = {error: 0, warning: 0, suggestion: 0}
  for (const finding of findings) counts[finding.severity]++
  return counts
}
