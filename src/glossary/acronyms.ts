/**
 * Acronyms: the shipped list of ones readers know (glossary/acronyms.yml),
 * what looks like an acronym, and whether a run of words spells one out.
 */
import {readData} from '../shared/schema-data.js'
import type {GlossaryProblem} from './types.js'

/** Two or more capitals (digits and & allowed), optionally a plural "s": NHS, PCNs, A&E, MI5. */
const ACRONYM = /^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Z\d&]{1,7}s?$/
const ROMAN = /^[IVXLC]+$/

export function isAcronymLike(word: string): boolean {
  return ACRONYM.test(word) && !ROMAN.test(word)
}

/** PCNs → PCN */
export function singularAcronym(word: string): string {
  return word.endsWith('s') ? word.slice(0, -1) : word
}

/**
 * True when `words` (as written) end with a spelling-out of `acronym`, by
 * their first letters, skipping small words ("and", "of": language.yml's
 * acronymSmallWords): "Special Educational Needs and Disabilities" spells
 * out SEND.
 */
export function spellsOut(words: readonly string[], acronym: string, smallWords: ReadonlySet<string>): boolean {
  const letters = singularAcronym(acronym).replace(/[^A-Z\d]/g, '')
  let letter = letters.length - 1
  for (let index = words.length - 1; index >= 0 && letter >= 0; index--) {
    const word = words[index]!
    if (word[0]?.toUpperCase() === letters[letter]) {
      letter--
      // A word may supply its own inner capitals too: "HealthWatch" → HW.
      continue
    }
    if (smallWords.has(word.toLowerCase())) continue
    return false
  }
  return letter < 0
}

export const ACRONYMS_FILE_NAME = 'acronyms.yml'

/** Parse glossary/acronyms.yml: groups of acronyms, each group with its source and licence. */
export function parseAcronyms(text: string, file: string): {acronyms: string[]; problems: GlossaryProblem[]} {
  const read = readData(text)
  const problems: GlossaryProblem[] = read.problems.map((problem) => ({file, ...problem}))
  const acronyms: string[] = []
  const groups = (read.data as {groups?: unknown} | undefined)?.groups
  if (!Array.isArray(groups)) return {acronyms, problems: [...problems, {file, line: 1, message: 'expected "groups:" with a list of groups'}]}
  groups.forEach((group: {source?: unknown; licence?: unknown; acronyms?: unknown} | null, index) => {
    const line = read.lineOf(['groups', index])
    if (typeof group?.source !== 'string' || typeof group.licence !== 'string' || !Array.isArray(group.acronyms)) {
      problems.push({file, line, message: 'each group needs "source:", "licence:" and an "acronyms:" list'})
      return
    }
    for (const item of group.acronyms) {
      if (typeof item === 'string' && item.trim()) acronyms.push(item.trim())
      else problems.push({file, line, message: 'each acronym must be text'})
    }
  })
  return {acronyms, problems}
}
