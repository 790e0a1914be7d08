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
 * out SEND. With `inner`, a word may give more of its letters after its
 * first, in order: "direct oral anticoagulants" spells out DOAC (AC from
 * "anticoagulants"), "discharge of condition" DISCON. That is for words
 * right beside the acronym, in its brackets: over a whole document, too
 * many runs of words would spell out some acronym that way. In brackets,
 * an acronym of four letters or more may also end in one letter (not a
 * digit) that the words leave unsaid, usually the kind of thing it is,
 * when their first letters give all the others: "a non-steroidal
 * anti-inflammatory (NSAID)" leaves out the D of "drug".
 */
export function spellsOut(words: readonly string[], acronym: string, smallWords: ReadonlySet<string>, inner = false): boolean {
  const letters = singularAcronym(acronym).replace(/[^A-Z\d]/g, '')
  if (letters.length === 0) return false
  // The unsaid last letter is allowed only to a name that gives every other letter by its words' first letters.
  return fitsLetters(words, letters, smallWords, inner) || (inner && letters.length >= UNSAID_LAST_LETTER_FROM && /[A-Z]$/.test(letters) && fitsLetters(words, letters.slice(0, -1), smallWords, false))
}

/** Do `words` end by giving all of `letters`, each word its first letter (and, with `inner`, more of its letters in order)? */
function fitsLetters(words: readonly string[], letters: string, smallWords: ReadonlySet<string>, inner: boolean): boolean {
  // From the last word back: can words[0..index] end by giving letters[0..letter]?
  const fits = (index: number, letter: number): boolean => {
    if (letter < 0) return true
    if (index < 0) return false
    const word = words[index]!
    const first = word[0]?.toUpperCase()
    const rest = word.slice(1).toUpperCase()
    // Fewest letters first: the word gives letters[from..letter].
    for (let from = letter; from >= (inner ? 0 : letter); from--) {
      if (letters[from] !== first) continue
      if (isInOrder(letters.slice(from + 1, letter + 1), rest) && fits(index - 1, from - 1)) return true
    }
    return smallWords.has(word.toLowerCase()) && fits(index - 1, letter)
  }
  return fits(words.length - 1, letters.length - 1)
}

/** The shortest acronym whose last letter its brackets may leave unsaid ("NSAID"). */
const UNSAID_LAST_LETTER_FROM = 4

/** Are the letters of `part` in `text`, in the same order (others may sit between)? */
function isInOrder(part: string, text: string): boolean {
  let at = 0
  for (const letter of part) {
    at = text.indexOf(letter, at) + 1
    if (at === 0) return false
  }
  return true
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
