/**
 * JUnit XML for CI test dashboards (Jenkins, GitLab, Azure DevOps, test
 * reporter actions). One <testsuite name="plainly">, one <testcase> per
 * file. A file fails as the exit code counts it: findings at or above
 * `failOn` (default warning; a reading age above target is a `reading-age`
 * warning); with failOn 'never' nothing fails. A file that could not be checked at all is
 * an <error>, whatever failOn says: nothing was checked, so it cannot pass.
 * Findings that do not fail a file are listed in its <system-out>.
 */
import {readingAgeRule} from '../plugins/retext-reading-age.js'
import {SEVERITIES, type FileResult, type Finding} from '../types.js'
import {capitalise, describeTarget, escapeXmlAttribute, escapeXmlText, failingFindings, messageWithAlternatives, placeText, plural, shownFindings, useText} from './escape.js'
import type {Reporter, ReporterOptions} from './types.js'

type Outcome = {kind: 'pass'; output: Finding[]} | {kind: 'failure' | 'error'; message: string; type: string; lines: Finding[]}

/** A test case a piece, and within one, a finding a piece. */
export const junitReport: Reporter = function* (report, options) {
  const cases = report.files.map((file) => ({file, outcome: outcomeFor(file, options)}))
  const failures = cases.filter((entry) => entry.outcome.kind === 'failure').length
  const errors = cases.filter((entry) => entry.outcome.kind === 'error').length
  const counts = `tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="0"`

  yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="plainly" ${counts}>\n  <testsuite name="plainly" ${counts}>\n`
  for (const {file, outcome} of cases) {
    const open = `    <testcase classname="plainly" name="${escapeXmlAttribute(file.path)}" file="${escapeXmlAttribute(file.path)}"`
    if (outcome.kind === 'pass') {
      if (outcome.output.length === 0) {
        yield `${open}/>\n`
      } else {
        yield `${open}>\n      <system-out>`
        yield* describeAll(outcome.output)
        yield '</system-out>\n    </testcase>\n'
      }
      continue
    }
    yield `${open}>\n      <${outcome.kind} message="${escapeXmlAttribute(outcome.message)}" type="${escapeXmlAttribute(outcome.type)}">`
    yield* describeAll(outcome.lines)
    yield `</${outcome.kind}>\n    </testcase>\n`
  }
  yield '  </testsuite>\n</testsuites>\n'
}

/** Each finding as a line of XML text: "line:column severity message  ruleId" (for Word and PDF, "paragraph 3, page 2" for the place). */
function* describeAll(findings: readonly Finding[]): Generator<string> {
  for (const [index, finding] of findings.entries()) {
    const uses = useText(finding)
    yield `${index > 0 ? '\n' : ''}${escapeXmlText(`${placeText(finding)} ${finding.severity} ${messageWithAlternatives(finding)}${uses ? ` (${uses.slice(0, -1)})` : ''}  ${finding.ruleId}`)}`
  }
}

function outcomeFor(file: FileResult, options: ReporterOptions): Outcome {
  const findings = shownFindings(file, options)
  const fatal = file.findings.find((finding) => finding.fatal)
  if (fatal) {
    return {kind: 'error', message: `Could not be checked: ${fatal.message}`, type: fatal.ruleId, lines: findings}
  }

  const failing = failingFindings(file, options.failOn)
  if (failing.length === 0) return {kind: 'pass', output: findings}

  const others = failing.filter((finding) => finding.ruleId !== readingAgeRule.id).length
  const parts = others > 0 ? [plural(others, 'problem')] : []
  const readingAge = failing.some((finding) => finding.ruleId === readingAgeRule.id) ? file.readingAge : null
  if (readingAge && readingAge.age !== null) parts.push(`reading age ${readingAge.age} is above the target of ${describeTarget(readingAge.target)}`)
  else if (others === 0) parts.push(plural(failing.length, 'problem'))
  const worst = SEVERITIES.find((severity) => failing.some((finding) => finding.severity === severity))!
  return {kind: 'failure', message: capitalise(parts.join('; ')), type: worst, lines: findings}
}
