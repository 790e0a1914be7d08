/**
 * The gates that decide exit code 1, and a plain line naming each one that
 * failed with its threshold:
 *   --fail-on <level>     findings at or above this severity fail the check
 *                         (default warning; "never": none do). A reading age
 *                         above target is a `reading-age` warning like any other.
 *   --max-warnings <n>    when given, it alone decides on warnings: more than
 *                         n fail; fewer do not, whatever --fail-on says.
 *   --max-reading-age <n> any document whose reading age is above n fails.
 * Exit code 2 (could not do the job) is set in run.ts. Silenced findings
 * (comments, baseline) are not in the report's findings, so they never count.
 */
import {SEVERITIES, type Report, type Severity} from '../types.js'

export type FailOn = Severity | 'never'

/** Where a gate's value came from, to name it: "--fail-on warning", or "failOn: warning in .plainlyrc.yml". */
export interface GateSource {
  /** The flag, such as "--max-warnings". */
  flag: string
  /** The settings file it came from; undefined when it was given as a flag (or is the default). */
  file?: string
  /** The setting's name in that file, such as "maxWarnings". */
  setting?: string
}

export interface Gates {
  failOn: FailOn
  /** Fail when there are more warnings than this; warnings up to it do not fail on their own. */
  maxWarnings?: number
  /** Fail when any document's reading age is above this. */
  maxReadingAge?: number
  /** Where each came from (for the line that explains a failure). */
  sources?: Partial<Record<'failOn' | 'maxWarnings' | 'maxReadingAge', GateSource>>
}

export interface GateResult {
  code: 0 | 1
  /** One phrase for each gate that failed, such as "31 warnings, more than --max-warnings 20". */
  failed: string[]
}

const DEFAULT_SOURCES: Required<NonNullable<Gates['sources']>> = {
  failOn: {flag: '--fail-on', setting: 'failOn'},
  maxWarnings: {flag: '--max-warnings', setting: 'maxWarnings'},
  maxReadingAge: {flag: '--max-reading-age', setting: 'maxReadingAge'}
}

/** The severities that fail the check: at or above failOn, leaving warnings to --max-warnings when it is given. */
export function failingSeverities(gates: Pick<Gates, 'failOn' | 'maxWarnings'>): Severity[] {
  if (gates.failOn === 'never') return []
  return SEVERITIES.slice(0, SEVERITIES.indexOf(gates.failOn) + 1).filter((severity) => !(severity === 'warning' && gates.maxWarnings !== undefined))
}

export function evaluateGates(report: Report, gates: Gates): GateResult {
  const failed: string[] = []
  const name = (gate: keyof typeof DEFAULT_SOURCES, value: string | number) => {
    const source = {...DEFAULT_SOURCES[gate], ...gates.sources?.[gate]}
    return source.file ? `${source.setting}: ${value} in ${source.file}` : `${source.flag} ${value}`
  }

  const severities = failingSeverities(gates)
  const counted = severities.filter((severity) => report.summary[severity] > 0)
  if (counted.length > 0) {
    const counts = counted.map((severity) => plural(report.summary[severity], severity))
    failed.push(`${joinAnd(counts)} with ${name('failOn', gates.failOn)}`)
  }

  if (gates.maxWarnings !== undefined && report.summary.warning > gates.maxWarnings) {
    failed.push(`${plural(report.summary.warning, 'warning')}, more than ${name('maxWarnings', gates.maxWarnings)}`)
  }

  if (gates.maxReadingAge !== undefined) {
    const limit = gates.maxReadingAge
    const over = report.files.filter((file) => file.readingAge?.age != null && file.readingAge.age > limit)
    if (over.length === 1) {
      failed.push(`reading age ${over[0]!.readingAge!.age} of ${over[0]!.path} is above ${name('maxReadingAge', limit)}`)
    } else if (over.length > 1) {
      const highest = over.reduce((top, file) => (file.readingAge!.age! > top.readingAge!.age! ? file : top))
      failed.push(`${over.length} documents have a reading age above ${name('maxReadingAge', limit)} (the highest is ${highest.readingAge!.age}, ${highest.path})`)
    }
  }
  return {code: failed.length > 0 ? 1 : 0, failed}
}

/** The last line of a run that failed: "Failed: 25 warnings with --fail-on warning." */
export function describeFailure(result: GateResult): string | undefined {
  if (result.failed.length === 0) return undefined
  return `Failed: ${result.failed.join('; ')}.`
}

function plural(count: number, singular: string): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? singular : `${singular}s`}`
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}
