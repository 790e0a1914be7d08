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

/** True when `word` (any case) is one of the words of the list's `text`. */
export function isEverydayWord(text: string, word: string): boolean {
  let set = sets.get(text)
  if (!set) {
    set = parseEverydayWords(text)
    sets.clear()
    sets.set(text, set)
  }
  return set.has(word.toLowerCase())
}
