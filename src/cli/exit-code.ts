/**
 * Exit codes:
 *   0  ran; nothing at or above the failure threshold
 *   1  ran; findings at or above --fail-on, or a reading age over target
 *   2  could not do the job (set in run.ts)
 */
import {SEVERITIES, type Report, type Severity} from '../types.js'

export type FailOn = Severity | 'never'

export function getExitCode(report: Report, failOn: FailOn): 0 | 1 {
  if (failOn === 'never') return 0
  const limit = SEVERITIES.indexOf(failOn)
  const failing = SEVERITIES.slice(0, limit + 1).some((severity) => report.summary[severity] > 0)
  return failing || report.summary.aboveTarget > 0 ? 1 : 0
}
