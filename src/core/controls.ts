/**
 * Inline control comments in Markdown and HTML:
 *   <!-- plainly-disable -->                     off until plainly-enable
 *   <!-- plainly-disable assurance, long-sentence -->
 *   <!-- plainly-enable -->
 *   <!-- plainly-disable-next-line assurance -- quoted from the board's title -->
 *   <!-- plainly-disable-line ... -->
 * Targets are rule ids (long-sentence, jargon/assurance), families (jargon,
 * simplify) or words from the glossary (assurance, hard to reach), separated
 * by commas. A reason after " -- " is kept with each finding it silences.
 */
import type {Point} from 'unist'
import {normaliseWord} from '../glossary/normalise.js'
import type {Finding} from '../types.js'
import {unknownControlRule} from './core-rules.js'
import type {Findings} from './results.js'
import {familyOf, RuleBook} from './rules.js'

export type ControlKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line'

export interface Control {
  kind: ControlKind
  targets: string[]
  reason?: string
  start: Point
  end: Point
}

declare module 'vfile' {
  interface DataMap {
    controls: Control[]
  }
}

const CONTROL = /^\s*plainly-(disable-next-line|disable-line|disable|enable)(?=\s|$)([\s\S]*)$/

/** Parse the text of one comment (without <!-- -->). Undefined if it is not a plainly comment. */
export function parseControl(text: string, start: Point, end: Point): Control | undefined {
  const match = CONTROL.exec(text)
  if (!match) return undefined
  const [targetText, ...reason] = match[2]!.split(/\s--\s|\s--$/)
  const targets = (targetText ?? '')
    .split(',')
    .map((target) => target.trim())
    .filter(Boolean)
  const why = reason.join(' -- ').trim()
  return {kind: match[1] as ControlKind, targets, reason: why || undefined, start, end}
}

/** Resolves a word to the rule id that flags it, if the glossary knows it. */
export type TermResolver = (word: string) => string | undefined

/**
 * Move findings silenced by control comments to `found.suppressed`, and
 * report comments naming unknown targets: a target must be a rule name
 * (see rules.ts) or a word the glossary knows.
 */
export function applyControls(found: Findings, controls: readonly Control[], resolve: TermResolver, book = new RuleBook()): void {
  if (controls.length === 0) return
  // A family's name on its own ("jargon", "simplify").
  const isFamily = (target: string) => book.ruleFor(target)?.id === target && book.ruleFor(target)?.family === true
  const used = new Set<string>()
  const matches = (target: string, finding: Finding): boolean => {
    const ruleId = finding.ruleId
    const hit =
      target === ruleId ||
      target === `${familyOf(ruleId)}/*` ||
      (isFamily(target) && ruleId.startsWith(`${target}/`)) ||
      resolve(target) === ruleId ||
      (finding.actual !== null && phrase(finding.actual) === phrase(target))
    if (hit) used.add(target)
    return hit
  }
  const covers = (control: Control, finding: Finding) => control.targets.length === 0 || control.targets.some((target) => matches(target, finding))
  const silence = (finding: Finding, control: Control) => {
    const {reason, start: {line}} = control
    found.suppressed.push({...finding, suppression: reason === undefined ? {kind: 'comment', line} : {kind: 'comment', reason, line}})
  }

  found.filter((finding, offset) => {
    if (finding.fatal || finding.ruleId === unknownControlRule.id) return true
    const line = finding.line
    for (const control of controls) {
      const hit =
        (control.kind === 'disable-next-line' && line === control.end.line + 1) ||
        (control.kind === 'disable-line' && line >= control.start.line && line <= control.end.line)
      if (hit && covers(control, finding)) {
        silence(finding, control)
        return false
      }
    }
    const region = activeDisable(controls, offset)
    if (region && covers(region, finding)) {
      silence(finding, region)
      return false
    }
    return true
  })

  for (const control of controls) {
    for (const target of control.targets) {
      if (used.has(target) || book.isRuleName(target) || resolve(target)) continue
      found.add(
        {
          ruleId: unknownControlRule.id,
          severity: unknownControlRule.severity,
          message: `This plainly comment names ${'\u201C'}${target}${'\u201D'}, which is not a rule or a word in the glossary`,
          actual: target,
          expected: [],
          note: 'Check the spelling. Name a rule such as long-sentence or jargon/assurance, or a word from the glossary, and separate several with commas.',
          url: null,
          line: control.start.line,
          column: control.start.column,
          endLine: control.end.line,
          endColumn: control.end.column
        },
        control.start.offset ?? 0
      )
    }
  }
}

/** The disable comment in force at an offset (the latest one before it not yet re-enabled), if any. */
function activeDisable(controls: readonly Control[], offset: number): Control | undefined {
  let active: Control | undefined
  for (const control of controls) {
    if ((control.end.offset ?? 0) > offset) break
    if (control.kind === 'disable') active = control
    else if (control.kind === 'enable' && active) {
      // An enable with targets only re-enables those; keep it simple: any enable ends the region
      // when it has no targets or shares one with the region.
      if (control.targets.length === 0 || active.targets.length === 0 || control.targets.some((target) => active!.targets.includes(target))) active = undefined
    }
  }
  return active
}

function phrase(text: string): string {
  return text
    .split(/[\s\-\u2010\u2011]+/)
    .filter(Boolean)
    .map((word) => normaliseWord(word))
    .join(' ')
}
