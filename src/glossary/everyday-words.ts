/**
 * glossary/everyday-words.txt (see scripts/copy-everyday-words.mjs): English
 * words that, written in capitals, are emphasis and not acronyms. Read on
 * first use: only a document with a capitalised word that could be an
 * unknown acronym asks.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {SHIPPED_GLOSSARY_DIR} from './paths.js'

export const EVERYDAY_WORDS_FILE = path.join(SHIPPED_GLOSSARY_DIR, 'everyday-words.txt')
let words: ReadonlySet<string> | undefined

/** The words of the list's text: one lower-case word a line; lines starting with # are notes. */
export function parseEverydayWords(text: string): Set<string> {
  const set = new Set<string>()
  for (const line of text.split('\n')) {
    const word = line.trim()
    if (word && !word.startsWith('#')) set.add(word)
  }
  return set
}

/** True when `word` (any case) is an everyday English word. */
export function isEverydayWord(word: string): boolean {
  words ??= parseEverydayWords(readFileSync(EVERYDAY_WORDS_FILE, 'utf8'))
  return words.has(word.toLowerCase())
}
