/** The small English word lists in glossary/language.yml, read once. */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {parse} from 'yaml'
import {SHIPPED_GLOSSARY_DIR} from './paths.js'
import {readPrebuilt} from './prebuilt.js'

export interface LanguageLists {
  acronymSmallWords: ReadonlySet<string>
  explainingWords: ReadonlySet<string>
  explainingLinks: ReadonlySet<string>
}

/** The lists as plain data (lower case), as the build stores them. */
export type LanguageWords = Record<keyof LanguageLists, string[]>

export const LANGUAGE_FILE_NAME = 'language.yml'
let lists: LanguageLists | undefined

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

export function languageLists(): LanguageLists {
  if (!lists) {
    const file = path.join(SHIPPED_GLOSSARY_DIR, LANGUAGE_FILE_NAME)
    const bytes = readFileSync(file)
    const words = readPrebuilt<LanguageWords>('language', file, bytes) ?? parseLanguageLists(bytes.toString('utf8'))
    lists = {acronymSmallWords: new Set(words.acronymSmallWords), explainingWords: new Set(words.explainingWords), explainingLinks: new Set(words.explainingLinks)}
  }
  return lists
}
