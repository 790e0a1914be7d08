/**
 * The gates that decide exit code 1 (see EXIT_CODES_HELP in program.ts), and a plain line naming each one
 * that failed with its threshold. Silenced findings (comments, baseline) are not in the report's findings, so they never count.
 */
import {failingSeverities as atOrAbove, plural} from '../reporters/escape.js'
import type {Report, Severity} from '../types.js'

export type FailOn = Severity | 'never'

export interface Gates {
  failOn: FailOn
  /** Fail when there are more warnings than this; warnings up to it do not fail on their own. */
  maxWarnings?: number
  /** Fail when any document's reading age is above this. */
  maxReadingAge?: number
  /** The settings file each came from, if any, to name it in the line that explains a failure ("failOn: warning in .plainlyrc.yml"; else "--fail-on warning"). */
  sources?: Partial<Record<'failOn' | 'maxWarnings' | 'maxReadingAge', {file?: string}>>
}

export interface GateResult {
  code: 0 | 1
  /** One phrase for each gate that failed, such as "31 warnings, more than --max-warnings 20". */
  failed: string[]
}

export function evaluateGates(report: Report, gates: Gates): GateResult {
  const failed: string[] = []
  const name = (gate: keyof NonNullable<Gates['sources']>, value: string | number) => {
    const file = gates.sources?.[gate]?.file
    return file ? `${gate}: ${value} in ${file}` : `--${gate.replace(/[A-Z]/g, (capital) => `-${capital.toLowerCase()}`)} ${value}`
  }

  // At or above failOn, leaving warnings to --max-warnings when it is given.
  const severities = atOrAbove(gates.failOn).filter((severity) => !(severity === 'warning' && gates.maxWarnings !== undefined))
  const counted = severities.filter((severity) => report.summary[severity] > 0)
  if (counted.length > 0) {
    const counts = counted.map((severity) => plural(report.summary[severity], severity))
    failed.push(`${counts.length > 1 ? `${counts.slice(0, -1).join(', ')} and ${counts.at(-1)}` : counts[0]} with ${name('failOn', gates.failOn)}`)
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
