/**
 * The shipped data files (glossary, packs, acronyms, word lists, simplify
 * list), already parsed and validated at build time by
 * scripts/build-glossary-cache.mjs: reading YAML with line numbers is most
 * of what plainly would otherwise do before checking the first word.
 *
 * For each file, dist/glossary-cache/ holds the result (JSON) and a copy of
 * the file as it was built. The result is used only while the file is still
 * byte for byte that copy, so an edited glossary is never read from a stale
 * cache: it is simply parsed as usual. (Comparing bytes also spares loading
 * node:crypto to hash them.)
 */
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {SHIPPED_GLOSSARY_DIR} from './paths.js'

export const PREBUILT_DIR = fileURLToPath(new URL('../../dist/glossary-cache/', import.meta.url))

export type PrebuiltKind = 'glossary' | 'acronyms' | 'language' | 'simplify-off'

/** The cache's name for a shipped file (undefined for any other file). */
function prebuiltName(kind: PrebuiltKind, file: string): string | undefined {
  const relative = path.relative(SHIPPED_GLOSSARY_DIR, file)
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return undefined
  return path.join(PREBUILT_DIR, `${kind}-${relative.split(path.sep).join('-')}`)
}

/** The data parsed at build time from this shipped file, if `bytes` are still exactly what was built. */
export function readPrebuilt<T>(kind: PrebuiltKind, file: string, bytes: Uint8Array): T | undefined {
  const name = prebuiltName(kind, file)
  if (!name) return undefined
  try {
    if (!readFileSync(`${name}.source`).equals(bytes)) return undefined
    return JSON.parse(readFileSync(`${name}.json`, 'utf8')) as T
  } catch {
    // Not built: parse the YAML.
    return undefined
  }
}

/** Store what was parsed from a shipped file (scripts/build-glossary-cache.mjs). */
export function writePrebuilt(kind: PrebuiltKind, file: string, bytes: Uint8Array, data: unknown): void {
  const name = prebuiltName(kind, file)
  if (!name) throw new Error(`${file} is not a shipped data file`)
  writeFileSync(`${name}.source`, bytes)
  writeFileSync(`${name}.json`, JSON.stringify(data))
}
