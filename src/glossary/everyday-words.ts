/**
 * glossary/everyday-words.txt (see scripts/copy-everyday-words.mjs): English
 * words that, written in capitals, are emphasis and not acronyms. Given as
 * text (EnglishData) and made into a set on first use: only a document with
 * a capitalised word that could be an unknown acronym asks.
 */
export const EVERYDAY_WORDS_FILE_NAME = 'everyday-words.txt'

/** The words of the list's text: one lower-case word a line; lines starting with # are notes. */
export function parseEverydayWords(text: string): Set<string> {
  return new Set(text.split('\n').map((line) => line.trim()).filter((word) => word && !word.startsWith('#')))
}

const sets = new Map<string, Set<string>>()
/** Lists whose lines need no trimming, with how many words were looked up in their text. */
const tidy = new Map<string, {asked: number}>()
/** Looked up in the text itself this many times before the set is made (about 15 ms for the shipped list). */
const LOOKUPS_BEFORE_SET = 64

/** True when `word` (any case) is one of the words of the list's `text`. */
export function isEverydayWord(text: string, word: string): boolean {
  const caseless = word.toLowerCase()
  let set = sets.get(text)
  if (set) return set.has(caseless)
  // A check of a short document asks a few times: find the line in the text.
  let lookups = tidy.get(text)
  if (lookups === undefined && !/[ \t\r]\n|\n[ \t]|^[ \t]/.test(text)) {
    tidy.clear()
    tidy.set(text, (lookups = {asked: 0}))
  }
  if (lookups && lookups.asked++ < LOOKUPS_BEFORE_SET) {
    if (caseless === '' || caseless.startsWith('#') || caseless.includes('\n')) return false
    return text.startsWith(`${caseless}\n`) || text.includes(`\n${caseless}\n`) || text.endsWith(`\n${caseless}`) || text === caseless
  }
  set = parseEverydayWords(text)
  sets.clear()
  sets.set(text, set)
  return set.has(caseless)
}
