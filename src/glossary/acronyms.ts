/**
 * Acronyms: the shipped list of ones readers know (glossary/acronyms.yml),
 * what looks like an acronym, and whether a run of words spells one out.
 */
import {isMap, isScalar, isSeq, LineCounter, parseDocument} from 'yaml'
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
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, {lineCounter})
  const problems: GlossaryProblem[] = doc.errors.map((error) => ({file, line: lineCounter.linePos(error.pos[0]).line, message: 'this is not valid YAML'}))
  const acronyms: string[] = []
  const groups = isMap(doc.contents) ? doc.contents.get('groups', true) : undefined
  if (!isSeq(groups)) {
    problems.push({file, line: 1, message: 'expected "groups:" with a list of groups'})
    return {acronyms, problems}
  }
  for (const group of groups.items) {
    const range = (group as {range?: [number, number, number]} | null)?.range
    const line = range ? lineCounter.linePos(range[0]).line : undefined
    const list = isMap(group) ? group.get('acronyms', true) : undefined
    if (!isMap(group) || typeof group.get('source') !== 'string' || typeof group.get('licence') !== 'string' || !isSeq(list)) {
      problems.push({file, line, message: 'each group needs "source:", "licence:" and an "acronyms:" list'})
      continue
    }
    for (const item of list.items) {
      if (isScalar(item) && typeof item.value === 'string' && item.value.trim()) acronyms.push(item.value.trim())
      else problems.push({file, line, message: 'each acronym must be text'})
    }
  }
  return {acronyms, problems}
}
