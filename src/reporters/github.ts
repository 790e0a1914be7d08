/**
 * GitHub Actions workflow commands: one `::error`, `::warning` or `::notice`
 * line per finding, which GitHub shows as an annotation on the file and line
 * in the pull request. Properties and data are escaped exactly as
 * @actions/core does, so a message can hold newlines, commas and colons.
 *
 * Ends with one plain summary line (not a command). GitHub shows only the
 * first 10 annotations of each kind per step (50 per job), so on a big run
 * the log line is the only place the full totals appear; a plain line uses
 * no annotation slot.
 */
import type {FileResult, Finding, Report, Severity} from '../types.js'
import {capitalise, escapeGithubData, escapeGithubProperty, forwardSlashes, messageWithAlternatives, placeText, plural, shownFindings, useText} from './escape.js'
import {isConverted} from '../core/formats.js'
import type {Reporter} from './types.js'

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {error: 'error', warning: 'warning', suggestion: 'notice'}

/** One annotation (line) a piece. */
export const githubReport: Reporter = function* (report, options) {
  for (const file of report.files) for (const finding of shownFindings(file, options)) yield `${findingCommand(file, finding)}\n`
  yield `${summaryLine(report)}\n`
}

function findingCommand(file: FileResult, finding: Finding): string {
  const uses = useText(finding)
  const advice = uses ? `${messageWithAlternatives(finding)} (${uses.slice(0, -1)})` : messageWithAlternatives(finding)
  const text = finding.note ? `${advice}\n\nWhy: ${finding.note}` : advice
  const title = `${finding.ruleId} (plainly)`
  // Word and PDF files have no lines GitHub could show: annotate the file
  // and say where in words.
  if (isConverted(file.format)) {
    return command(COMMAND[finding.severity], {file: forwardSlashes(file.path), title}, `${capitalise(placeText(finding))}: ${text}`)
  }
  const properties: Record<string, string | number> = {file: forwardSlashes(file.path), line: finding.line}
  const endLine = Math.max(finding.line, finding.endLine)
  if (endLine === finding.line) {
    // GitHub takes columns only for an annotation on one line.
    properties.col = finding.column
    if (finding.endColumn > finding.column) {
      properties.endLine = endLine
      properties.endColumn = finding.endColumn
    }
  } else {
    properties.endLine = endLine
  }
  properties.title = title
  return command(COMMAND[finding.severity], properties, text)
}

function command(name: string, properties: Record<string, string | number>, message: string): string {
  const list = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeGithubProperty(String(value))}`)
    .join(',')
  return `::${name} ${list}::${escapeGithubData(message)}`
}

function summaryLine(report: Report): string {
  const {summary} = report
  const counts = [plural(summary.error, 'error'), plural(summary.warning, 'warning'), plural(summary.suggestion, 'suggestion')].join(', ')
  const sentences = [`plainly: ${plural(summary.files, 'file')} checked: ${counts}.`]
  if (summary.aboveTarget > 0) sentences.push(`${plural(summary.aboveTarget, 'file is', 'files are')} above the target reading age.`)
  if (summary.unreadable > 0) sentences.push(`${plural(summary.unreadable, 'file')} could not be checked.`)
  return sentences.join(' ')
}
