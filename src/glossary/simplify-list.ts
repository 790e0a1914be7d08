/**
 * retext-simplify's list of wordy phrases, as data: glossary/retext-simplify.json,
 * copied from the package by scripts/copy-simplify-phrases.mjs (the package
 * does not export its list) and checked against it by a test.
 */
export interface SimplifyPattern {
  /** The phrase as retext-simplify lists it, e.g. `a number of`. */
  phrase: string
  /** Its suggestions. */
  replace: readonly string[]
  /** Leaving the phrase out is also an option. */
  omit: boolean
}

export const SIMPLIFY_LIST_FILE_NAME = 'retext-simplify.json'

/** The list from the file's JSON text. Throws when it is not the list. */
export function parseSimplifyList(text: string): SimplifyPattern[] {
  const data = JSON.parse(text) as {phrases?: unknown}
  if (!Array.isArray(data.phrases)) throw new Error(`glossary/${SIMPLIFY_LIST_FILE_NAME}: expected "phrases": a list`)
  return data.phrases.map((item: {phrase?: unknown; replace?: unknown; omit?: unknown}, index: number) => {
    if (typeof item?.phrase !== 'string' || !Array.isArray(item.replace) || item.replace.some((word) => typeof word !== 'string')) {
      throw new Error(`glossary/${SIMPLIFY_LIST_FILE_NAME}: phrase ${index + 1} needs "phrase" and a list of "replace" words`)
    }
    return {phrase: item.phrase, replace: item.replace as string[], omit: item.omit === true}
  })
}
