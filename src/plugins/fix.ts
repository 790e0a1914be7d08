/**
 * Safe automatic swaps (--fix): only glossary entries marked `autofix`, with
 * exactly one alternative. The swap keeps the capitals of the words found
 * ("Utilise" → "Use", "UTILISE" → "USE") and their regular ending
 * ("utilised" → "used", "penalties" → "fines"). Pure functions.
 */

import type {Fix} from '../types.js'

export type Ending = '' | 's' | 'ed' | 'ing'

/** The regular ending of `word` compared with its base form, if it is one plainly makes. */
export function endingOf(word: string, base: string): Ending | undefined {
  const lower = word.toLowerCase()
  const stem = base.toLowerCase()
  if (lower === stem) return ''
  if (lower === addEnding(stem, 's') || lower === `${stem}s` || lower === `${stem}es`) return 's'
  if (lower === addEnding(stem, 'ed') || lower === `${stem}ed` || lower === `${stem}d`) return 'ed'
  if (lower === addEnding(stem, 'ing') || lower === `${stem}ing`) return 'ing'
  return undefined
}

/** Add a regular ending to a word: use → uses, used, using; fine → fines; stop → stopped. */
export function addEnding(word: string, ending: Ending): string {
  if (ending === '') return word
  const last = word.at(-1) ?? ''
  const consonantY = /[^aeiou]y$/.test(word)
  const shortCvc = /^[^aeiou]*[aeiou][bdgmnprt]$/.test(word)
  if (ending === 's') return /(s|x|z|ch|sh)$/.test(word) ? `${word}es` : consonantY ? `${word.slice(0, -1)}ies` : `${word}s`
  if (ending === 'ed') return last === 'e' ? `${word}d` : consonantY ? `${word.slice(0, -1)}ied` : shortCvc ? `${word}${last}ed` : `${word}ed`
  if (word.endsWith('ie')) return `${word.slice(0, -2)}ying`
  if (last === 'e' && !word.endsWith('ee')) return `${word.slice(0, -1)}ing`
  return shortCvc ? `${word}${last}ing` : `${word}ing`
}

/** The replacement for `actual`, with its capitals and ending. Undefined when the ending cannot be carried over safely. */
export function replacementFor(actual: string, term: string, alternative: string): string | undefined {
  const actualWords = actual.split(/\s+/)
  const termWords = term.split(/\s+/)
  const ending = endingOf(actualWords[actualWords.length - 1]!, termWords[termWords.length - 1]!.replace(/ize$/, 'ise'))
    ?? endingOf(actualWords[actualWords.length - 1]!.replace(/iz(e|es|ed|ing)$/, 'is$1'), termWords[termWords.length - 1]!.replace(/ize$/, 'ise'))
  if (ending === undefined) return undefined
  const words = alternative.split(' ')
  words[words.length - 1] = addEnding(words[words.length - 1]!, ending)
  return matchCase(actual, words.join(' '))
}

export function matchCase(actual: string, replacement: string): string {
  const letters = actual.replace(/[^\p{L}]/gu, '')
  if (letters.length > 1 && letters === letters.toUpperCase()) return replacement.toUpperCase()
  if (/^\p{Lu}/u.test(actual)) return replacement.charAt(0).toUpperCase() + replacement.slice(1)
  return replacement
}

/** Apply fixes that do not overlap (earlier ones win) to a text. */
export function applyFixes(text: string, fixes: readonly Fix[]): {text: string; applied: number} {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0])
  const chosen: Fix[] = []
  let end = -1
  for (const fix of sorted) {
    if (fix.range[0] < end || fix.range[1] > text.length) continue
    chosen.push(fix)
    end = fix.range[1]
  }
  let result = text
  for (const fix of chosen.reverse()) result = result.slice(0, fix.range[0]) + fix.text + result.slice(fix.range[1])
  return {text: result, applied: chosen.length}
}
