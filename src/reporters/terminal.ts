/**
 * The report for people: findings grouped per file, each on one line with
 * its place, severity, what to do and the rule, then why; the reading age
 * against the target with the hardest sentences; a total at the end.
 */
import {pushAll, maxOf} from '../shared/arrays.js'
import {Chalk, type ChalkInstance} from 'chalk'
import {SEVERITIES, type FileResult, type Finding, type Report, type Severity} from '../types.js'
import {reportText, type Reporter, type ReporterOptions} from './types.js'

const RANK = Object.fromEntries(SEVERITIES.map((severity, index) => [severity, index])) as Record<Severity, number>

/**
 * At most this many findings are listed for one file; the rest are counted
 * ("…and 1,234 more"), and every one of them is in the machine formats.
 */
export const TERMINAL_FINDINGS_PER_FILE = 100

export const terminalReport: Reporter = function* (report, options) {
  const chalk = new Chalk({level: options.color})
  for (const file of report.files) yield `${fileSection(file, options, chalk).join('\n')}\n\n`
  yield `${summaryLine(report, chalk)}\n`
}

export const terminal = (report: Report, options: ReporterOptions): string => reportText(terminalReport(report, options))

function shown(finding: Finding, options: ReporterOptions): boolean {
  if (!options.quiet || finding.fatal) return true
  const failOn = options.failOn ?? 'warning'
  return failOn !== 'never' && RANK[finding.severity] <= RANK[failOn]
}

function fileSection(file: FileResult, options: ReporterOptions, chalk: ChalkInstance): string[] {
  const lines = [chalk.underline(file.path)]
  const all = file.findings.filter((finding) => shown(finding, options))
  const findings = all.length > TERMINAL_FINDINGS_PER_FILE ? all.slice(0, TERMINAL_FINDINGS_PER_FILE) : all
  const width = maxOf(findings.map((finding) => place(finding).length), 0)
  for (const finding of findings) {
    const colour = finding.severity === 'error' ? chalk.red : finding.severity === 'warning' ? chalk.yellow : chalk.cyan
    lines.push(`  ${chalk.dim(place(finding).padEnd(width))}  ${colour(finding.severity.padEnd(10))}  ${finding.message}  ${chalk.dim(finding.ruleId)}`)
    const indent = `  ${' '.repeat(width)}  ${' '.repeat(10)}  `
    if (finding.snippet) lines.push(`${indent}${chalk.dim(`In: \u201C${finding.snippet}\u201D${finding.heading ? ` under \u201C${finding.heading}\u201D` : ''}`)}`)
    if (finding.note) lines.push(`${indent}${chalk.dim(`Why: ${finding.note}`)}`)
  }
  if (all.length > findings.length) {
    const more = all.length - findings.length
    lines.push(`  ${chalk.bold(`\u2026and ${more.toLocaleString('en-GB')} more ${more === 1 ? 'finding' : 'findings'} in this file.`)} ${chalk.dim('To see them all: --format csv -o findings.csv (for a spreadsheet), or --format json.')}`)
  }

  const readingAge = file.readingAge
  if (readingAge && readingAge.age !== null) {
    const target = readingAge.target.min === readingAge.target.max ? `${readingAge.target.max}` : `${readingAge.target.min} to ${readingAge.target.max}`
    const verdict = readingAge.withinTarget ? chalk.green(`within the target of ${target}`) : chalk.yellow(`above the target of ${target}`)
    const smog = readingAge.formulas?.smog.lowConfidence ? chalk.dim(' (short text: treat as a rough guide)') : ''
    lines.push(`  Reading age ${chalk.bold(String(readingAge.age))}: ${verdict}${smog}`)
    if (!readingAge.withinTarget && readingAge.hardestSentences.length > 0) {
      lines.push('  Hardest sentences:')
      for (const sentence of readingAge.hardestSentences) {
        const where = sentence.paragraph === undefined ? `${sentence.line}:${sentence.column}` : sentence.page === undefined ? `paragraph ${sentence.paragraph}` : `page ${sentence.page}, paragraph ${sentence.paragraph}`
        lines.push(`    ${chalk.dim(where)}  ${sentence.reasons.join(', ')}: ${chalk.italic(`\u201C${truncate(sentence.text, 70)}\u201D`)}`)
      }
    }
  }
  const counts = countsText(file.counts)
  lines.push(`  ${counts || chalk.green('No problems found')}`)
  return lines
}

function summaryLine(report: Report, chalk: ChalkInstance): string {
  const {summary} = report
  const parts = [`${summary.files.toLocaleString('en-GB')} ${summary.files === 1 ? 'file' : 'files'} checked`]
  const counts = countsText(summary)
  const sentences = [`${parts[0]}: ${counts || 'no problems found'}.`]
  if (summary.aboveTarget > 0) sentences.push(`${summary.aboveTarget} ${summary.aboveTarget === 1 ? 'file is' : 'files are'} above the target reading age.`)
  if (summary.unreadable > 0) sentences.push(`${summary.unreadable} ${summary.unreadable === 1 ? 'file' : 'files'} could not be checked.`)
  const clean = summary.error + summary.warning + summary.suggestion === 0 && summary.aboveTarget === 0
  return clean ? chalk.green(`\u2714 ${sentences.join(' ')}`) : chalk.bold(`\u2716 ${sentences.join(' ')}`)
}

function countsText(counts: {error: number; warning: number; suggestion: number}): string {
  return SEVERITIES.filter((severity) => counts[severity] > 0)
    .map((severity) => `${counts[severity].toLocaleString('en-GB')} ${severity}${counts[severity] === 1 ? '' : 's'}`)
    .join(', ')
}

/** Where a finding is: line:column, or for Word and PDF the page and paragraph. */
function place(finding: Finding): string {
  if (finding.paragraph === undefined) return `${finding.line}:${finding.column}`
  return finding.page === undefined ? `paragraph ${finding.paragraph}` : `page ${finding.page}, paragraph ${finding.paragraph}`
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}\u2026`
}
