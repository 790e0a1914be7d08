/**
 * The retext-simplify phrases plainly switches off, read from
 * glossary/simplify-off.yml (data, with a reason for each).
 */
import {isMap, isScalar, isSeq, LineCounter, parseDocument} from 'yaml'
import type {GlossaryProblem} from './types.js'

export const SIMPLIFY_OFF_FILE_NAME = 'simplify-off.yml'

/** Parse the list. Pure; problems name the file and line. `reasons` gives each phrase's "why". */
export function parseSimplifyOff(text: string, file: string): {phrases: string[]; reasons: Map<string, string>; problems: GlossaryProblem[]} {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, {lineCounter})
  const problems: GlossaryProblem[] = doc.errors.map((error) => ({file, line: lineCounter.linePos(error.pos[0]).line, message: 'this is not valid YAML'}))
  const phrases: string[] = []
  const reasons = new Map<string, string>()
  const list = isMap(doc.contents) ? doc.contents.get('off', true) : undefined
  if (!isSeq(list)) {
    problems.push({file, line: 1, message: 'expected "off:" with a list of phrases'})
    return {phrases, reasons, problems}
  }
  for (const item of list.items) {
    const range = (item as {range?: [number, number, number]} | null)?.range
    const line = range ? lineCounter.linePos(range[0]).line : undefined
    const phrase = isMap(item) ? item.get('phrase') : undefined
    const why = isMap(item) ? item.get('why') : undefined
    if (!isMap(item) || typeof phrase !== 'string' || typeof why !== 'string' || item.items.some((pair) => !isScalar(pair.key) || !['phrase', 'why'].includes(String(pair.key.value)))) {
      problems.push({file, line, message: 'each item needs exactly "phrase:" and "why:"'})
      continue
    }
    phrases.push(phrase.trim().toLowerCase())
    reasons.set(phrase.trim().toLowerCase(), why.trim())
  }
  return {phrases, reasons, problems}
}
