/**
 * JUnit XML for CI test dashboards (Jenkins, GitLab, Azure DevOps, test
 * reporter actions). One <testsuite name="plainly">, one <testcase> per
 * file. A file fails as the exit code counts it: findings at or above
 * `failOn` (default warning; a reading age above target is a `reading-age`
 * warning); with failOn 'never' nothing fails. A file that could not be checked at all is
 * an <error>, whatever failOn says: nothing was checked, so it cannot pass.
 * Findings that do not fail a file are listed in its <system-out>.
 */
import {SEVERITIES, type FileResult, type Finding} from '../types.js'
import {
  describeTarget,
  escapeXmlAttribute,
  escapeXmlText,
  failingFindings,
  messageWithAlternatives,
  placeText,
  plural,
  shownFindings
} from './escape.js'
import type {Reporter, ReporterOptions} from './types.js'

type Outcome = {kind: 'pass'; output: string[]} | {kind: 'failure' | 'error'; message: string; type: string; lines: string[]}

export const junit: Reporter = (report, options) => {
  const cases = report.files.map((file) => ({file, outcome: outcomeFor(file, options)}))
  const failures = cases.filter((entry) => entry.outcome.kind === 'failure').length
  const errors = cases.filter((entry) => entry.outcome.kind === 'error').length
  const counts = `tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="0"`

  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="plainly" ${counts}>`, `  <testsuite name="plainly" ${counts}>`]
  for (const {file, outcome} of cases) {
    const open = `    <testcase classname="plainly" name="${escapeXmlAttribute(file.path)}" file="${escapeXmlAttribute(file.path)}"`
    if (outcome.kind === 'pass') {
      if (outcome.output.length === 0) {
        lines.push(`${open}/>`)
      } else {
        lines.push(`${open}>`, `      <system-out>${escapeXmlText(outcome.output.join('\n'))}</system-out>`, '    </testcase>')
      }
      continue
    }
    const body = escapeXmlText(outcome.lines.join('\n'))
    lines.push(
      `${open}>`,
      `      <${outcome.kind} message="${escapeXmlAttribute(outcome.message)}" type="${escapeXmlAttribute(outcome.type)}">${body}</${outcome.kind}>`,
      '    </testcase>'
    )
  }
  lines.push('  </testsuite>', '</testsuites>')
  return `${lines.join('\n')}\n`
}

function outcomeFor(file: FileResult, options: ReporterOptions): Outcome {
  const findings = shownFindings(file, options)
  const fatal = file.findings.find((finding) => finding.fatal)
  if (fatal) {
    return {kind: 'error', message: `Could not be checked: ${fatal.message}`, type: fatal.ruleId, lines: findings.map(describe)}
  }

  const failing = failingFindings(file, options.failOn)
  if (failing.length === 0) return {kind: 'pass', output: findings.map(describe)}

  const others = failing.filter((finding) => finding.ruleId !== 'reading-age').length
  const parts = others > 0 ? [plural(others, 'problem')] : []
  const readingAge = failing.some((finding) => finding.ruleId === 'reading-age') ? file.readingAge : null
  if (readingAge && readingAge.age !== null) parts.push(`reading age ${readingAge.age} is above the target of ${describeTarget(readingAge.target)}`)
  else if (others === 0) parts.push(plural(failing.length, 'problem'))
  const worst = SEVERITIES.find((severity) => failing.some((finding) => finding.severity === severity))!
  return {kind: 'failure', message: capitalise(parts.join('; ')), type: worst, lines: findings.map(describe)}
}

/** One finding as "line:column severity message ruleId" (for Word and PDF, "paragraph 3, page 2" for the place). */
function describe(finding: Finding): string {
  return `${placeText(finding)} ${finding.severity} ${messageWithAlternatives(finding)}  ${finding.ruleId}`
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
