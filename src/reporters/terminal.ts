/**
 * The report for people: findings grouped per file, each on one line with
 * its place, severity, what to do and the rule, then why; the reading age
 * against the target with the hardest sentences; a total at the end.
 */
import {maxOf} from '../shared/arrays.js'
import {Chalk, type ChalkInstance} from 'chalk'
import type {FileResult, HardSentence, Report} from '../types.js'
import {referenceText} from './reference.js'
import {describeTarget, listedFindings, plural, repeatsLeftOut, thousands, repeatsText, severityCounts, truncate} from './escape.js'
import type {Reporter, ReporterOptions} from './types.js'

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

function fileSection(file: FileResult, options: ReporterOptions, chalk: ChalkInstance): string[] {
  const lines = [chalk.underline(file.path)]
  const all = listedFindings(file, options)
  const listed = all.length > TERMINAL_FINDINGS_PER_FILE ? all.slice(0, TERMINAL_FINDINGS_PER_FILE) : all
  const width = maxOf(listed.map(({finding}) => place(finding).length), 0)
  for (const {finding, repeats} of listed) {
    const colour = finding.severity === 'error' ? chalk.red : finding.severity === 'warning' ? chalk.yellow : chalk.cyan
    lines.push(`  ${chalk.dim(place(finding).padEnd(width))}  ${colour(finding.severity.padEnd(10))}  ${finding.message}  ${chalk.dim(finding.ruleId)}`)
    const indent = `  ${' '.repeat(width)}  ${' '.repeat(10)}  `
    if (finding.snippet) lines.push(`${indent}${chalk.dim(`In: \u201C${finding.snippet}\u201D${finding.heading ? ` under \u201C${finding.heading}\u201D` : ''}`)}`)
    if (finding.note) lines.push(`${indent}${chalk.dim(`Why: ${finding.note}`)}`)
    if (repeats.length > 0) lines.push(`${indent}${repeatsText(repeats)}`)
  }
  if (all.length > listed.length) {
    const more = all.length - listed.length
    lines.push(`  ${chalk.bold(`\u2026and ${thousands(more)} more ${more === 1 ? 'finding' : 'findings'} in this file.`)} ${chalk.dim('To see them all: --format csv -o findings.csv (for a spreadsheet), or --format json.')}`)
  }

  const folded = repeatsLeftOut(all)
  if (folded > 0) lines.push(`  ${chalk.dim(`${plural(folded, 'later use')} of the same words ${folded === 1 ? 'is' : 'are'} counted under ${folded === 1 ? 'its' : 'their'} first use (--show-repeats lists each one).`)}`)

  const readingAge = file.readingAge
  if (readingAge && readingAge.age !== null) {
    const target = describeTarget(readingAge.target)
    const verdict = readingAge.withinTarget ? chalk.green(`within the target of ${target}`) : chalk.yellow(`above the target of ${target}`)
    const smog = readingAge.formulas?.smog.lowConfidence ? chalk.dim(' (short text: treat as a rough guide)') : ''
    const kind = readingAge.profile ? ` (checked as ${readingAge.profile})` : ''
    lines.push(`  Reading age ${chalk.bold(String(readingAge.age))}${kind}: ${verdict}${smog}`)
    const reference = referenceText(readingAge)
    if (reference) lines.push(`  ${chalk.dim(reference)}`)
    if (!readingAge.withinTarget && readingAge.hardestSentences.length > 0) {
      lines.push('  Hardest sentences:')
      for (const sentence of readingAge.hardestSentences) {
        lines.push(`    ${chalk.dim(place(sentence))}  ${sentence.reasons.join(', ')}: ${chalk.italic(`\u201C${truncate(sentence.text, 70)}\u201D`)}`)
      }
    }
  }
  const counts = severityCounts(file.counts)
  lines.push(`  ${counts || chalk.green('No problems found')}`)
  return lines
}

function summaryLine(report: Report, chalk: ChalkInstance): string {
  const {summary} = report
  const sentences = [`${plural(summary.files, 'file')} checked: ${severityCounts(summary) || 'no problems found'}.`]
  if (summary.aboveTarget > 0) sentences.push(`${plural(summary.aboveTarget, 'file is', 'files are')} above the target reading age.`)
  if (summary.unreadable > 0) sentences.push(`${plural(summary.unreadable, 'file')} could not be checked.`)
  const clean = summary.error + summary.warning + summary.suggestion === 0 && summary.aboveTarget === 0
  return clean ? chalk.green(`\u2714 ${sentences.join(' ')}`) : chalk.bold(`\u2716 ${sentences.join(' ')}`)
}

/** Where a finding is: line:column, or for Word and PDF the page and paragraph. */
function place(finding: Pick<HardSentence, 'line' | 'column' | 'paragraph' | 'page'>): string {
  if (finding.paragraph === undefined) return `${finding.line}:${finding.column}`
  return finding.page === undefined ? `paragraph ${finding.paragraph}` : `page ${finding.page}, paragraph ${finding.paragraph}`
}
