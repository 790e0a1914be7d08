/** The small English word lists of glossary/language.yml, and the other English data the checker uses besides the glossary. */
import {parse} from 'yaml'
import type {ProfileData} from './profiles.js'
import type {SimplifyPattern} from './simplify-list.js'

/** The lists of glossary/language.yml, each a list of words. */
export const LANGUAGE_KEYS = ['acronymSmallWords', 'explainingWords', 'explainingLinks', 'namingWords', 'articles', 'nameWords', 'sentenceOpeners', 'selfNaming', 'explainingQuestions', 'definingVerbs', 'definingStarts'] as const

export type LanguageLists = Record<(typeof LANGUAGE_KEYS)[number], ReadonlySet<string>>

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
  /** retext-simplify's wordy phrases (glossary/retext-simplify.json), without the suggestions glossary/simplify-off.yml drops. */
  simplifyPhrases: SimplifyPattern[]
  /** The phrases of that list plainly does not suggest (glossary/simplify-off.yml). */
  simplifyOff: string[]
  /** Kinds of document and their settings, and reading ages of real text (glossary/profiles.yml). */
  profiles: ProfileData
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
  return Object.fromEntries(LANGUAGE_KEYS.map((key) => [key, list(key)])) as unknown as LanguageWords
}

const made = new WeakMap<LanguageWords, LanguageLists>()

/** The lists as sets, made once for each set of words. */
export function languageLists(words: LanguageWords): LanguageLists {
  let lists = made.get(words)
  if (!lists) {
    lists = Object.fromEntries(LANGUAGE_KEYS.map((key) => [key, new Set(words[key])])) as unknown as LanguageLists
    made.set(words, lists)
  }
  return lists
}
