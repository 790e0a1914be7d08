/**
 * The retext-simplify phrases plainly switches off, read from
 * glossary/simplify-off.yml (data, with a reason for each).
 */
import {readData} from '../shared/schema-data.js'
import type {GlossaryProblem} from './types.js'

export const SIMPLIFY_OFF_FILE_NAME = 'simplify-off.yml'

/** Parse the list. Pure; problems name the file and line. `reasons` gives each phrase's "why". */
export function parseSimplifyOff(text: string, file: string): {phrases: string[]; reasons: Map<string, string>; problems: GlossaryProblem[]} {
  const read = readData(text)
  const problems: GlossaryProblem[] = read.problems.map((problem) => ({file, ...problem}))
  const reasons = new Map<string, string>()
  const list = (read.data as {off?: unknown} | undefined)?.off
  if (!Array.isArray(list)) return {phrases: [], reasons, problems: [...problems, {file, line: 1, message: 'expected "off:" with a list of phrases'}]}
  list.forEach((item: {phrase?: unknown; why?: unknown} | null, index) => {
    if (typeof item?.phrase !== 'string' || typeof item.why !== 'string' || Object.keys(item).some((key) => key !== 'phrase' && key !== 'why')) {
      problems.push({file, line: read.lineOf(['off', index]), message: 'each item needs exactly "phrase:" and "why:"'})
    } else reasons.set(item.phrase.trim().toLowerCase(), item.why.trim())
  })
  return {phrases: [...reasons.keys()], reasons, problems}
}
