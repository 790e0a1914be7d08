/**
 * Where a finding is in the text that was checked, and "use this word":
 * the pasted text with one finding's words swapped for an alternative.
 * No DOM: the tests use it as it is.
 */
import type {DocumentView, Finding} from '../types.js'

/** The finding's start and end as offsets in the checked text. */
export function offsetsOf(view: Pick<DocumentView, 'lineStarts'>, finding: Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>): {start: number; end: number} | undefined {
  const start = view.lineStarts[finding.line - 1]
  const end = view.lineStarts[finding.endLine - 1]
  if (start === undefined || end === undefined) return undefined
  return {start: start + finding.column - 1, end: end + finding.endColumn - 1}
}

/**
 * The text with the finding's words replaced by `alternative`, written as
 * the words were: a capital first letter stays a capital. Undefined when
 * the text has changed since it was checked (the words are not there).
 */
export function useWord(text: string, view: Pick<DocumentView, 'lineStarts'>, finding: Finding, alternative: string): {text: string; start: number; end: number} | undefined {
  const place = offsetsOf(view, finding)
  if (!place || finding.actual === null || text.slice(place.start, place.end) !== finding.actual) return undefined
  const words = /^\p{Lu}/u.test(finding.actual) && !/^\p{Lu}{2}/u.test(finding.actual) ? alternative.charAt(0).toUpperCase() + alternative.slice(1) : alternative
  return {text: text.slice(0, place.start) + words + text.slice(place.end), start: place.start, end: place.start + words.length}
}

/** Alternatives that can stand in for the words as they are ("explain it" advice is not a word to use). */
export function usableAlternatives(finding: Finding): string[] {
  if (!finding.actual || finding.fatal) return []
  return finding.expected.filter((alternative) => alternative.trim() !== '' && !/[…<>]|\.\.\./.test(alternative))
}
