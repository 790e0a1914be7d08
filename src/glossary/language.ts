/** The small English word lists in glossary/language.yml, read once. */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {parse} from 'yaml'
import {SHIPPED_GLOSSARY_DIR} from './paths.js'

export interface LanguageLists {
  acronymSmallWords: ReadonlySet<string>
  explainingWords: ReadonlySet<string>
  explainingLinks: ReadonlySet<string>
}

export const LANGUAGE_FILE_NAME = 'language.yml'
let lists: LanguageLists | undefined

export function languageLists(): LanguageLists {
  if (!lists) {
    const data = parse(readFileSync(path.join(SHIPPED_GLOSSARY_DIR, LANGUAGE_FILE_NAME), 'utf8')) as Record<string, unknown>
    const set = (key: string) => {
      const value = data?.[key]
      if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw new Error(`glossary/${LANGUAGE_FILE_NAME}: "${key}" must be a list of words`)
      return new Set(value.map((item: string) => item.toLowerCase()))
    }
    lists = {acronymSmallWords: set('acronymSmallWords'), explainingWords: set('explainingWords'), explainingLinks: set('explainingLinks')}
  }
  return lists
}
