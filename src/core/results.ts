/**
 * VFiles → plain, serialisable results: the JSON contract (see types.ts and
 * the README). Reporters and the exit code read only these.
 */
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {REPORT_VERSION, SEVERITIES, type FileResult, type Finding, type Report, type SeverityCounts, type SuppressedFinding} from '../types.js'
import {severityOf} from './messages.js'

const RANK: Record<string, number> = Object.fromEntries(SEVERITIES.map((severity, index) => [severity, index]))

export function toFileResult(file: VFile): FileResult {
  const findings = file.messages.map((message) => toFinding(message)).sort(compareFindings)
  const suppressed = (file.data.suppressed ?? [])
    .map(({message, suppression}) => ({...toFinding(message), suppression: Object.fromEntries(Object.entries(suppression).filter(([, value]) => value !== undefined)) as SuppressedFinding['suppression']}))
    .sort(compareFindings)
  return {
    path: file.path ?? '<stdin>',
    format: file.data.format ?? 'text',
    readingAge: file.data.readingAge ?? null,
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
  return finding
}

function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || RANK[a.severity]! - RANK[b.severity]! || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
}

export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = {error: 0, warning: 0, suggestion: 0}
  for (const finding of findings) counts[finding.severity]++
  return counts
}
