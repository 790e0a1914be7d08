/**
 * glossary/everyday-words.txt (see scripts/copy-everyday-words.mjs): English
 * words that, written in capitals, are emphasis and not acronyms. Given as
 * text (EnglishData) and searched as it is: only a document with a
 * capitalised word that could be an unknown acronym asks.
 */
export const EVERYDAY_WORDS_FILE_NAME = 'everyday-words.txt'

/** The words of the list's text: one lower-case word a line; lines starting with # are notes. */
export function parseEverydayWords(text: string): Set<string> {
  return new Set(text.split('\n').map((line) => line.trim()).filter((word) => word && !word.startsWith('#')))
}

/**
 * True when `word` (any case) is one of the words of the list's `text`,
 * found by halving: the list is one word a line in code-unit order, notes
 * first (scripts/copy-everyday-words.mjs makes it so, and a test checks it),
 * so no set of its 35,000 words need be made (about 20 ms at each start).
 */
export function isEverydayWord(text: string, word: string): boolean {
  const key = word.toLowerCase()
  if (key === '' || key.startsWith('#') || key.includes('\n')) return false
  let low = 0
  let high = text.length
  while (low < high) {
    const middle = (low + high) >>> 1
    const start = middle === 0 ? 0 : text.lastIndexOf('\n', middle - 1) + 1
    let end = text.indexOf('\n', middle)
    if (end === -1) end = text.length
    const line = text.slice(start, end)
    if (line === key) return true
    if (line < key) low = end + 1
    else high = start
  }
  return false
}
