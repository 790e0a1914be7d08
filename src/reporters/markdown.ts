/**
 * A short Markdown summary for $GITHUB_STEP_SUMMARY and pull-request
 * comments: a verdict, a table of files, the words to fix most often, then
 * each file's findings folded away in <details>. Document text is escaped
 * so it shows as text and cannot add markup, mention people or link issues.
 * Long runs are cut to fit a pull-request comment (65,536 characters), and
 * the summary says how much was left out.
 */
import type {FileResult, Report} from '../types.js'
import {describeTarget, escapeHtml, escapeMarkdown, failingFindings, listedFindings, messageWithAlternatives, placeText, plural, repeatsLeftOut, repeatsText, severityCounts, thousands, topTerms, truncate} from './escape.js'
import type {Reporter, ReporterOptions} from './types.js'

/** A marker bots can use to find and update their earlier comment. */
export const MARKDOWN_MARKER = '<!-- plainly-report -->'

const MAX_FILE_ROWS = 30
const MAX_TERMS = 10
const MAX_DETAILS_FILES = 20
const MAX_FINDINGS_PER_FILE = 25
const MAX_FINDINGS_TOTAL = 200
const MAX_CELL = 200

/** Short by design (see the limits above): one piece. */
export const markdownReport: Reporter = function* (report, options) {
  yield markdown(report, options)
}

export function markdown(report: Report, options: ReporterOptions): string {
  const blocks = [MARKDOWN_MARKER, '## Plain English check', verdict(report, options), filesTable(report, options), termsTable(report, options), details(report, options)]
  return `${blocks.filter((block) => block !== '').join('\n\n')}\n`
}

/** A file needs changes when it fails the check (as the exit code counts it) or could not be checked. */
function needsChanges(file: FileResult, options: ReporterOptions): boolean {
  return file.findings.some((finding) => finding.fatal) || failingFindings(file, options.failOn).length > 0
}

function verdict(report: Report, options: ReporterOptions): string {
  const {summary} = report
  const failing = report.files.filter((file) => needsChanges(file, options)).length
  const counts = `${plural(summary.error, 'error')}, ${plural(summary.warning, 'warning')} and ${plural(summary.suggestion, 'suggestion')}`
  const extra: string[] = []
  if (summary.aboveTarget > 0) extra.push(`${plural(summary.aboveTarget, 'file is', 'files are')} above the target reading age.`)
  if (summary.unreadable > 0) extra.push(`${plural(summary.unreadable, 'file')} could not be checked.`)
  if (summary.suppressed > 0) extra.push(`${plural(summary.suppressed, 'finding')} silenced by comments or the baseline ${summary.suppressed === 1 ? 'is' : 'are'} not counted.`)
  const head =
    failing === 0
      ? `✅ **${summary.files === 1 ? 'The file passes' : `All ${thousands(summary.files)} files pass`}**: ${counts}.`
      : `❌ **${thousands(failing)} of ${plural(summary.files, 'file')} ${failing === 1 ? 'needs' : 'need'} changes**: ${counts}.`
  return [head, ...extra].join(' ')
}

function readingAgeCell(file: FileResult): string {
  if (file.findings.some((finding) => finding.fatal)) return '❌ could not be checked'
  const readingAge = file.readingAge
  if (!readingAge || readingAge.age === null) return '– (no words)'
  const target = describeTarget(readingAge.target)
  return readingAge.withinTarget ? `✅ ${readingAge.age} (target ${target})` : `⚠️ ${readingAge.age} (target ${target})`
}

function filesTable(report: Report, options: ReporterOptions): string {
  const attention = report.files.filter((file) => needsChanges(file, options))
  const others = report.files.filter((file) => !needsChanges(file, options))
  const ordered = [...attention, ...others]
  const shown = ordered.slice(0, MAX_FILE_ROWS)
  const rows = [
    '| File | Reading age | Errors | Warnings | Suggestions |',
    '| :--- | :--- | ---: | ---: | ---: |',
    ...shown.map((file) => `| ${escapeMarkdown(file.path)} | ${readingAgeCell(file)} | ${thousands(file.counts.error)} | ${thousands(file.counts.warning)} | ${thousands(file.counts.suggestion)} |`)
  ]
  const left = ordered.length - shown.length
  if (left > 0) {
    const leftFailing = Math.max(0, attention.length - MAX_FILE_ROWS)
    rows.push('', `_…and ${plural(left, 'more file')} not shown (${leftFailing} of them ${leftFailing === 1 ? 'needs' : 'need'} changes)._`)
  }
  return rows.join('\n')
}

function termsTable(report: Report, options: ReporterOptions): string {
  const {terms, total} = topTerms(report.files, options, MAX_TERMS)
  if (terms.length === 0) return ''
  const rows = [
    '### Top words to fix',
    '',
    '| Words | Times | Try instead |',
    '| :--- | ---: | :--- |',
    ...terms.map((term) => `| ${escapeMarkdown(truncate(term.term, MAX_CELL))} | ${thousands(term.count)} | ${escapeMarkdown(truncate(term.expected.slice(0, 3).join(', '), MAX_CELL)) || '–'} |`)
  ]
  if (total > terms.length) rows.push('', `_…and ${plural(total - terms.length, 'more word')} or ${total - terms.length === 1 ? 'phrase' : 'phrases'}._`)
  return rows.join('\n')
}

function details(report: Report, options: ReporterOptions): string {
  const withFindings = report.files.map((file) => ({file, findings: listedFindings(file, options)})).filter((entry) => entry.findings.length > 0)
  const sections: string[] = []
  let budget = MAX_FINDINGS_TOTAL
  let leftFiles = 0
  for (const {file, findings} of withFindings) {
    if (sections.length >= MAX_DETAILS_FILES || budget <= 0) {
      leftFiles++
      continue
    }
    const shown = findings.slice(0, Math.min(MAX_FINDINGS_PER_FILE, budget))
    budget -= shown.length
    const rows = shown.map(
      ({finding, repeats}) =>
        `| ${placeText(finding)} | ${finding.severity} | ${escapeMarkdown(truncate([messageWithAlternatives(finding), repeatsText(repeats)].filter(Boolean).join(' '), MAX_CELL))} | ${escapeMarkdown(finding.ruleId)} |`
    )
    const lines = [
      '<details>',
      `<summary><strong>${escapeSummary(file.path)}</strong>: ${severityCounts(file.counts) || 'no problems'}</summary>`,
      '',
      '| Where | Severity | Problem | Rule |',
      '| ---: | :--- | :--- | :--- |',
      ...rows
    ]
    if (findings.length > shown.length) lines.push('', `_…and ${plural(findings.length - shown.length, 'more finding')} in this file._`)
    const folded = repeatsLeftOut(findings)
    if (folded > 0) lines.push('', `_Words used more than once are listed at their first use (${plural(folded, 'later use')} not listed)._`)
    lines.push('', '</details>')
    sections.push(lines.join('\n'))
  }
  if (leftFiles > 0) sections.push(`_Findings for ${plural(leftFiles, 'more file')} left out to keep this short: run plainly locally to see them all._`)
  return sections.join('\n\n')
}

/** Text inside raw HTML (a <summary>): entities only, and no @mentions. */
function escapeSummary(text: string): string {
  return escapeHtml(text.replace(/@|#(?=\d)/g, '$&\u200B'))
}
