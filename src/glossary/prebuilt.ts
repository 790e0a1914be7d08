/**
 * The shipped data files (glossary, packs, acronyms, word lists, simplify
 * list), already parsed and validated at build time by
 * scripts/build-glossary-cache.mjs: reading YAML with line numbers is most
 * of what plainly would otherwise do before checking the first word.
 *
 * One small JSON file per data file, in dist/glossary-cache/, named by a
 * hash of what it holds and the file's exact text: a file whose text
 * differs from the build is simply parsed as usual, so an edited glossary
 * is never read from a stale cache.
 */
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

export const PREBUILT_DIR = fileURLToPath(new URL('../../dist/glossary-cache/', import.meta.url))

export type PrebuiltKind = 'glossary' | 'acronyms' | 'language' | 'simplify-off'

/** Where the prebuilt data for this kind of file with this text lives (present or not). */
export function prebuiltFile(kind: PrebuiltKind, text: string): string {
  return path.join(PREBUILT_DIR, `${kind}-${createHash('sha256').update(text).digest('hex').slice(0, 32)}.json`)
}

/** The data parsed at build time from exactly this text, or undefined. */
export function readPrebuilt<T>(kind: PrebuiltKind, text: string): T | undefined {
  try {
    return JSON.parse(readFileSync(prebuiltFile(kind, text), 'utf8')) as T
  } catch {
    // Not built, or this text is not the shipped one: parse the YAML.
    return undefined
  }
}
