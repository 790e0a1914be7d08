/**
 * retext-simplify's list of wordy phrases, as data: glossary/retext-simplify.json,
 * copied from the package by scripts/copy-simplify-phrases.mjs (the package
 * does not export its list) and checked against it by a test. Read once.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {SHIPPED_GLOSSARY_DIR} from './paths.js'

export interface SimplifyPattern {
  /** The phrase as retext-simplify lists it, e.g. `a number of`. */
  phrase: string
  /** Its suggestions. */
  replace: readonly string[]
  /** Leaving the phrase out is also an option. */
  omit: boolean
}

export const SIMPLIFY_LIST_FILE_NAME = 'retext-simplify.json'
let list: readonly SimplifyPattern[] | undefined

export function simplifyList(): readonly SimplifyPattern[] {
  if (!list) {
    const data = JSON.parse(readFileSync(path.join(SHIPPED_GLOSSARY_DIR, SIMPLIFY_LIST_FILE_NAME), 'utf8')) as {phrases?: unknown}
    if (!Array.isArray(data.phrases)) throw new Error(`glossary/${SIMPLIFY_LIST_FILE_NAME}: expected "phrases": a list`)
    list = data.phrases.map((item: {phrase?: unknown; replace?: unknown; omit?: unknown}, index: number) => {
      if (typeof item?.phrase !== 'string' || !Array.isArray(item.replace) || item.replace.some((word) => typeof word !== 'string')) {
        throw new Error(`glossary/${SIMPLIFY_LIST_FILE_NAME}: phrase ${index + 1} needs "phrase" and a list of "replace" words`)
      }
      return {phrase: item.phrase, replace: item.replace as string[], omit: item.omit === true}
    })
  }
  return list
}
