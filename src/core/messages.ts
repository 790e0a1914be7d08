/**
 * Findings are vfile messages with stable fields (ruleId, actual, expected,
 * note, url, place) plus a severity. Every plugin of plainly adds them here;
 * messages from other retext plugins get a severity from their `fatal` flag.
 */
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Severity} from '../types.js'
import type {Fix} from './fix.js'

export const SOURCE = 'plainly'

export interface FindingInput {
  reason: string
  ruleId: string
  severity: Severity
  place?: Position | Point
  actual?: string
  expected?: string[]
  note?: string
  url?: string
}

const severities = new WeakMap<VFileMessage, Severity>()
const fixes = new WeakMap<VFileMessage, Fix>()

/** A safe automatic swap for a finding (see fix.ts). */
export function setFix(message: VFileMessage, fix: Fix): void {
  fixes.set(message, fix)
}

export function fixOf(message: VFileMessage): Fix | undefined {
  return fixes.get(message)
}

export function addFinding(file: VFile, input: FindingInput): VFileMessage {
  // A vfile message is an Error, and capturing its stack trace (which vfile
  // then empties) was most of the cost of a finding.
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  let message: VFileMessage
  try {
    message = file.message(input.reason, {place: input.place, ruleId: input.ruleId, source: SOURCE})
  } finally {
    Error.stackTraceLimit = limit
  }
  message.actual = input.actual
  message.expected = input.expected ?? []
  message.note = input.note
  message.url = input.url
  severities.set(message, input.severity)
  return message
}

export function setSeverity(message: VFileMessage, severity: Severity): void {
  severities.set(message, severity)
}

/** The severity of any message, including ones from third-party plugins. */
export function severityOf(message: VFileMessage): Severity {
  return severities.get(message) ?? (message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'suggestion')
}

/** One flat string, not a chain of joined pieces (for a message kept for many findings). */
export function flatten(text: string): string {
  return Array.from(text).join('')
}

/** Quote words for a comms officer: “like this”. */
export function quote(text: string): string {
  return `\u201C${text}\u201D`
}

/** “a”, “b” or “c” */
export function orList(items: readonly string[]): string {
  const quoted = items.map((item) => quote(item))
  if (quoted.length <= 1) return quoted.join('')
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`
}
