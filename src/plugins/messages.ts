/**
 * Findings are vfile messages with stable fields (ruleId, actual, expected,
 * note, url, place), and two more that travel on the message itself: its
 * `severity` and, for a safe automatic swap, its `fix`. Every plugin of
 * plainly adds them here; a message from another retext plugin that has no
 * severity gets one from its `fatal` flag, as vfile's own reporters do.
 */
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Fix, Severity} from '../types.js'

declare module 'vfile-message' {
  interface VFileMessage {
    /** How serious it is (see severityOf for messages that leave it out). */
    severity?: Severity
    /** A safe automatic swap (--fix): the text between these offsets becomes this text. */
    fix?: Fix
  }
}

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
  /** The file could not be checked at all (see Finding.fatal). */
  fatal?: boolean
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
  message.severity = input.severity
  if (input.fatal) message.fatal = true
  return message
}

/** The severity of any message: its own, or, for another plugin's message with none, from its `fatal` flag (true an error, false a warning, otherwise a suggestion). */
export function severityOf(message: VFileMessage): Severity {
  return message.severity ?? (message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'suggestion')
}

/** One flat string, not a chain of joined pieces (for a message kept for many findings). */
export function flatten(text: string): string {
  return Array.from(text).join('')
}

/**
 * `make(key, actual)` as one flat string, made once for each key (a glossary
 * entry, a wordy phrase) and words found: a long document repeats the same
 * few terms thousands of times, and each message would otherwise be a string
 * of its own (of several joined pieces).
 */
export function messageCache<K extends object>(make: (key: K, actual: string) => string): (key: K, actual: string) => string {
  const made = new WeakMap<K, Map<string, string>>()
  return (key, actual) => {
    let byWords = made.get(key)
    if (!byWords) made.set(key, (byWords = new Map()))
    let message = byWords.get(actual)
    if (message === undefined) {
      if (byWords.size > 1000) byWords.clear()
      byWords.set(actual, (message = flatten(make(key, actual))))
    }
    return message
  }
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
