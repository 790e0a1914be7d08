/**
 * Baselines: record today's findings so a check fails only on new ones.
 * A fingerprint is made from the file, the rule, the words found and which
 * occurrence of those words it is — not the line — so it survives edits
 * elsewhere in the file that move lines. Pure functions.
 */
import {createHash} from 'node:crypto'
import {countSeverities} from '../core/results.js'
import {PLAINLY_RULES} from '../core/rules.js'
import type {FileResult, Finding, Report, SuppressedFinding} from '../types.js'

export const BASELINE_VERSION = 1

export interface Baseline {
  version: typeof BASELINE_VERSION
  plainlyVersion: string
  entries: Array<{path: string; ruleId: string; actual: string | null; fingerprint: string}>
}

/** Fingerprints of a file's findings, in order. */
export function fingerprintFindings(path: string, findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>()
  return findings.map((finding) => {
    // A finding about the whole document (its reading age) is known by its rule: its words change as the text changes.
    const words = PLAINLY_RULES.aboutOf(finding.ruleId) === 'document' ? '' : (finding.actual ?? finding.message).replace(/\s+/g, ' ').trim().toLowerCase()
    const key = `${path}\u0000${finding.ruleId}\u0000${words}`
    const occurrence = seen.get(key) ?? 0
    seen.set(key, occurrence + 1)
    return createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 20)
  })
}

export function createBaseline(report: Report): Baseline {
  return {
    version: BASELINE_VERSION,
    plainlyVersion: report.plainlyVersion,
    entries: report.files.flatMap((file) => {
      const prints = fingerprintFindings(file.path, file.findings)
      return file.findings.filter((finding) => !finding.fatal).map((finding) => ({path: file.path, ruleId: finding.ruleId, actual: finding.actual, fingerprint: prints[file.findings.indexOf(finding)]!}))
    })
  }
}

/** Move findings recorded in the baseline to `suppressed`, and recount. */
export function applyBaseline(files: readonly FileResult[], baseline: Baseline): FileResult[] {
  const known = new Map<string, number>()
  for (const entry of baseline.entries) known.set(entry.fingerprint, (known.get(entry.fingerprint) ?? 0) + 1)
  return files.map((file) => {
    const prints = fingerprintFindings(file.path, file.findings)
    const findings: Finding[] = []
    const suppressed: SuppressedFinding[] = [...file.suppressed]
    file.findings.forEach((finding, index) => {
      const print = prints[index]!
      const left = known.get(print) ?? 0
      if (left > 0 && !finding.fatal) {
        known.set(print, left - 1)
        suppressed.push({...finding, suppression: {kind: 'baseline'}})
      } else {
        findings.push(finding)
      }
    })
    return {...file, findings, suppressed, counts: countSeverities(findings)}
  })
}

/** Check a parsed baseline file. Returns a message when it is not one. */
export function checkBaseline(value: unknown): string | undefined {
  const baseline = value as Partial<Baseline> | null
  if (!baseline || typeof baseline !== 'object' || baseline.version !== BASELINE_VERSION || !Array.isArray(baseline.entries)) {
    return 'this is not a plainly baseline file (make one with "plainly baseline <paths> --output <file>")'
  }
  if (baseline.entries.some((entry) => typeof entry?.fingerprint !== 'string')) return 'this baseline file is damaged: an entry has no fingerprint'
  return undefined
}
