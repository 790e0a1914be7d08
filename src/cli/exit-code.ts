/**
 * Exit codes:
 *   0  ran; nothing made the check fail
 *   1  ran; a finding at or above --fail-on, a reading age above target, more
 *      warnings than --max-warnings, or a reading age above --max-reading-age
 *   2  could not do the job (set in run.ts)
 * Silenced findings (comments, baseline) never count.
 */
import {SEVERITIES, type Report, type Severity} from '../types.js'

export type FailOn = Severity | 'never'

export interface Gates {
  failOn: FailOn
  /** Fail when there are more warnings than this; warnings up to it do not fail on their own. */
  maxWarnings?: number
  /** Fail when any document's reading age is above this. */
  maxReadingAge?: number
}

export function getExitCode(report: Report, gates: Gates): 0 | 1 {
  const {failOn, maxWarnings, maxReadingAge} = gates
  const failing = failOn === 'never' ? [] : SEVERITIES.slice(0, SEVERITIES.indexOf(failOn) + 1).filter((severity) => !(severity === 'warning' && maxWarnings !== undefined))
  for (const file of report.files) {
    for (const finding of file.findings) {
      if (failing.includes(finding.severity)) return 1
      if (failOn !== 'never' && finding.ruleId === 'reading-age') return 1
    }
    if (maxReadingAge !== undefined && file.readingAge?.age != null && file.readingAge.age > maxReadingAge) return 1
  }
  if (maxWarnings !== undefined && report.summary.warning > maxWarnings) return 1
  return 0
}
