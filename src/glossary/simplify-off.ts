/**
 * What plainly leaves out of retext-simplify's list, read from
 * glossary/simplify-off.yml (data, with a reason for each):
 * - `off:` phrases it does not suggest at all;
 * - `drop:` suggestions it does not give for a phrase it still flags
 *   ("thus" for "therefore"), because they change the meaning, are no
 *   plainer, or are words plainly itself flags.
 */
import {readData} from '../shared/schema-data.js'
import type {SimplifyPattern} from './simplify-list.js'
import type {GlossaryProblem} from './types.js'

export const SIMPLIFY_OFF_FILE_NAME = 'simplify-off.yml'

/** Suggestions not given for one phrase. */
export interface SimplifyDrop {
  /** The suggestions, as retext-simplify lists them. */
  alternatives: string[]
  why: string
  /** Where the item is, for problems. */
  line: number
}

export interface SimplifyOff {
  /** Phrases switched off (lower case). */
  phrases: string[]
  /** Each switched-off phrase's "why". */
  reasons: Map<string, string>
  /** Suggestions dropped, by phrase (lower case). */
  drops: Map<string, SimplifyDrop>
  problems: GlossaryProblem[]
}

/** Parse the file. Pure; problems name the file and line. */
export function parseSimplifyOff(text: string, file: string): SimplifyOff {
  const read = readData(text)
  const problems: GlossaryProblem[] = read.problems.map((problem) => ({file, ...problem}))
  const reasons = new Map<string, string>()
  const drops = new Map<string, SimplifyDrop>()
  const data = read.data as {off?: unknown; drop?: unknown} | undefined
  const list = data?.off
  if (!Array.isArray(list)) return {phrases: [], reasons, drops, problems: [...problems, {file, line: 1, message: 'expected "off:" with a list of phrases'}]}
  list.forEach((item: {phrase?: unknown; why?: unknown} | null, index) => {
    if (typeof item?.phrase !== 'string' || typeof item.why !== 'string' || Object.keys(item).some((key) => key !== 'phrase' && key !== 'why')) {
      problems.push({file, line: read.lineOf(['off', index]), message: 'each item needs exactly "phrase:" and "why:"'})
    } else reasons.set(item.phrase.trim().toLowerCase(), item.why.trim())
  })
  const dropList = data?.drop ?? []
  if (!Array.isArray(dropList)) problems.push({file, line: read.lineOf(['drop']), message: '"drop:" must be a list of phrases, each with the "alternatives:" not to suggest and "why:"'})
  else {
    dropList.forEach((item: {phrase?: unknown; alternatives?: unknown; why?: unknown} | null, index) => {
      const line = read.lineOf(['drop', index]) ?? 1
      const alternatives = item?.alternatives
      if (
        typeof item?.phrase !== 'string' ||
        typeof item.why !== 'string' ||
        !Array.isArray(alternatives) ||
        alternatives.length === 0 ||
        alternatives.some((word) => typeof word !== 'string') ||
        Object.keys(item).some((key) => key !== 'phrase' && key !== 'alternatives' && key !== 'why')
      ) {
        problems.push({file, line, message: 'each item needs exactly "phrase:", "alternatives:" (a list of words) and "why:"'})
        return
      }
      const phrase = item.phrase.trim().toLowerCase()
      if (drops.has(phrase)) problems.push({file, line, message: `"${item.phrase}" is listed twice under "drop:"`})
      else if (reasons.has(phrase)) problems.push({file, line, message: `"${item.phrase}" is switched off under "off:", so it has no suggestions to drop`})
      else drops.set(phrase, {alternatives: (alternatives as string[]).map((word) => word.trim()), why: item.why.trim(), line})
    })
  }
  return {phrases: [...reasons.keys()], reasons, drops, problems}
}

/**
 * retext-simplify's list without the dropped suggestions. Problems when a
 * drop names a phrase or suggestion that is not in the list, or leaves a
 * phrase with nothing to say (switch it off instead).
 */
export function withoutDropped(list: readonly SimplifyPattern[], off: Pick<SimplifyOff, 'drops'>, file: string): {phrases: SimplifyPattern[]; problems: GlossaryProblem[]} {
  const problems: GlossaryProblem[] = []
  const used = new Set<string>()
  const phrases = list.map((pattern) => {
    const drop = off.drops.get(pattern.phrase.toLowerCase())
    if (!drop) return pattern
    used.add(pattern.phrase.toLowerCase())
    for (const word of drop.alternatives) {
      if (!pattern.replace.includes(word)) problems.push({file, line: drop.line, message: `retext-simplify does not suggest "${word}" for "${pattern.phrase}" (it suggests ${pattern.replace.map((item) => `"${item}"`).join(', ')})`})
    }
    const replace = pattern.replace.filter((word) => !drop.alternatives.includes(word))
    if (replace.length === 0 && !pattern.omit) problems.push({file, line: drop.line, message: `dropping every suggestion leaves "${pattern.phrase}" with nothing to say: switch it off under "off:" instead`})
    return {...pattern, replace}
  })
  for (const [phrase, drop] of off.drops) {
    if (!used.has(phrase)) problems.push({file, line: drop.line, message: `"${phrase}" is not one of retext-simplify's phrases`})
  }
  return {phrases, problems}
}
