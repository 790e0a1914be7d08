/** The small English word lists of glossary/language.yml, and the other English data the checker uses besides the glossary. */
import {parse} from 'yaml'
import type {SimplifyPattern} from './simplify-list.js'

export interface LanguageLists {
  acronymSmallWords: ReadonlySet<string>
  explainingWords: ReadonlySet<string>
  explainingLinks: ReadonlySet<string>
}

/** The lists as plain data (lower case), as they are cached and passed around. */
export type LanguageWords = Record<keyof LanguageLists, string[]>

/**
 * Everything the checker knows besides the glossary entries: shipped data
 * files (see io/glossary-files.ts), passed in as plain data so that the
 * checker reads no file itself.
 */
export interface EnglishData {
  language: LanguageWords
  /** glossary/everyday-words.txt as it is (see everyday-words.ts). */
  everydayWords: string
  /** retext-simplify's wordy phrases (glossary/retext-simplify.json). */
  simplifyPhrases: SimplifyPattern[]
  /** The phrases of that list plainly does not suggest (glossary/simplify-off.yml). */
  simplifyOff: string[]
}

export const LANGUAGE_FILE_NAME = 'language.yml'

/** Parse and check glossary/language.yml. Throws when a list is missing or not words. */
export function parseLanguageLists(text: string): LanguageWords {
  const data = parse(text) as Record<string, unknown>
  const list = (key: keyof LanguageLists) => {
    const value = data?.[key]
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw new Error(`glossary/${LANGUAGE_FILE_NAME}: "${key}" must be a list of words`)
    return value.map((item: string) => item.toLowerCase())
  }
  return {acronymSmallWords: list('acronymSmallWords'), explainingWords: list('explainingWords'), explainingLinks: list('explainingLinks')}
}

const made = new WeakMap<LanguageWords, LanguageLists>()

/** The lists as sets, made once for each set of words. */
export function languageLists(words: LanguageWords): LanguageLists {
  let lists = made.get(words)
  if (!lists) {
    lists = {acronymSmallWords: new Set(words.acronymSmallWords), explainingWords: new Set(words.explainingWords), explainingLinks: new Set(words.explainingLinks)}
    made.set(words, lists)
  }
  return lists
}
