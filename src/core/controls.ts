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
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Point, Position} from 'unist'
import {normaliseWord} from '../glossary/normalise.js'
import {addFinding} from './messages.js'
import {unknownControlRule} from './core-rules.js'
import {isRuleName, ruleFor, type FamilyMembers} from './rules.js'

export type ControlKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line'

export interface Control {
  kind: ControlKind
  targets: string[]
  reason?: string
  /** Where the comment is. */
  start: Point
  end: Point
}

export interface Suppression {
  kind: 'comment' | 'baseline'
  reason?: string
  /** Line of the comment that silenced it. */
  line?: number
}

declare module 'vfile' {
  interface DataMap {
    controls: Control[]
    suppressed: Array<{message: VFileMessage; suppression: Suppression}>
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

/** A family's name on its own ("jargon", "simplify"). */
const isFamily = (target: string) => !target.includes('/') && ruleFor(target)?.family === true

/**
 * Move findings silenced by control comments to file.data.suppressed, and
 * report comments naming unknown targets: a target must be a rule name
 * (see rules.ts; `members` lists each family's rules) or a word the
 * glossary knows.
 */
export function applyControls(file: VFile, resolve: TermResolver, members: FamilyMembers = {}): void {
  const controls = file.data.controls ?? []
  if (controls.length === 0) return
  const suppressed = file.data.suppressed ?? []
  const used = new Set<string>()
  const matches = (target: string, message: VFileMessage): boolean => {
    const ruleId = message.ruleId ?? ''
    const hit =
      target === ruleId ||
      target === `${ruleId.split('/')[0]}/*` ||
      (isFamily(target) && ruleId.startsWith(`${target}/`)) ||
      resolve(target) === ruleId ||
      (message.actual !== undefined && phrase(message.actual) === phrase(target))
    if (hit) used.add(target)
    return hit
  }
  const covers = (control: Control, message: VFileMessage) => control.targets.length === 0 || control.targets.some((target) => matches(target, message))

  file.messages = file.messages.filter((message) => {
    if (message.fatal || message.ruleId === 'unknown-control') return true
    const line = message.line ?? 1
    const offset = startOffset(message)
    for (const control of controls) {
      const hit =
        (control.kind === 'disable-next-line' && line === control.end.line + 1) ||
        (control.kind === 'disable-line' && line >= control.start.line && line <= control.end.line)
      if (hit && covers(control, message)) {
        suppressed.push({message, suppression: {kind: 'comment', reason: control.reason, line: control.start.line}})
        return false
      }
    }
    const region = activeDisable(controls, offset, message)
    if (region && covers(region, message)) {
      suppressed.push({message, suppression: {kind: 'comment', reason: region.reason, line: region.start.line}})
      return false
    }
    return true
  })
  file.data.suppressed = suppressed

  for (const control of controls) {
    for (const target of control.targets) {
      if (used.has(target) || isRuleName(target, members) || resolve(target)) continue
      addFinding(file, {
        reason: `This plainly comment names ${'\u201C'}${target}${'\u201D'}, which is not a rule or a word in the glossary`,
        ruleId: unknownControlRule.id,
        severity: unknownControlRule.severity,
        place: {start: control.start, end: control.end},
        actual: target,
        note: 'Check the spelling. Name a rule such as long-sentence or jargon/assurance, or a word from the glossary, and separate several with commas.'
      })
    }
  }
}

/** The disable comment in force at an offset (the latest one before it not yet re-enabled), if any. */
function activeDisable(controls: readonly Control[], offset: number, message: VFileMessage): Control | undefined {
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
  void message
  return active
}

function startOffset(message: VFileMessage): number {
  const place = message.place as Position | Point | undefined
  if (!place) return 0
  return ('start' in place ? place.start.offset : place.offset) ?? 0
}

function phrase(text: string): string {
  return text
    .split(/[\s\-\u2010\u2011]+/)
    .filter(Boolean)
    .map((word) => normaliseWord(word))
    .join(' ')
}
