/**
 * Parsed data files (glossaries, the acronym and word lists), cached by the
 * hash of their bytes, so that a check does not parse YAML again for files
 * that have not changed, and needs no second, quicker YAML reader:
 *   - the shipped files' parsed data is made at build time
 *     (scripts/bundle.mjs), one JSON file per key in dist/shipped-data/,
 *     and used while the files are the ones built (a key holds the hash of
 *     the bytes); only the keys a check needs are read;
 *   - any other file (a team glossary) is parsed once and kept in the user's
 *     cache folder ($PLAINLY_CACHE_DIR, else $XDG_CACHE_HOME/plainly, else
 *     ~/.cache/plainly; on Windows %LOCALAPPDATA%\plainly\Cache), one small
 *     JSON file per content, written atomically. If the folder cannot be
 *     written, files are simply parsed each time.
 * Keys hold plainly's version and DATA_FORMAT, so a cache never outlives
 * the code that wrote it.
 */
import {mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync} from 'node:fs'
import {homedir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {hashBytes} from '../shared/hash.js'
import {VERSION} from '../version.js'

/** Raise when the shape of cached data, or the way it is worked out, changes (2: glossary keys without context brackets). */
const DATA_FORMAT = 2

/** Made by scripts/bundle.mjs: the shipped files' parsed data, one file per key (dist/shipped-data/; none when running from src/). */
const SHIPPED_FOLDER = fileURLToPath(new URL('../shipped-data/', import.meta.url))

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    // Not there (or unreadable): the caller parses.
    return undefined
  }
}

/** Parsed values made in this process, for scripts/bundle.mjs to build in. */
export const parsedThisRun = new Map<string, unknown>()

export function cacheFolder(env: Record<string, string | undefined> = process.env): string {
  if (env.PLAINLY_CACHE_DIR) return env.PLAINLY_CACHE_DIR
  if (process.platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'plainly', 'Cache')
  return path.join(env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'plainly')
}

/** The key of a file's content for one kind of parsing. */
export function dataKey(kind: string, bytes: Uint8Array): string {
  return `${kind}-${hashBytes(bytes)}-${bytes.length}-${VERSION}-${DATA_FORMAT}`
}

/**
 * `parse(bytes)`'s value, from the cache when these bytes were parsed before.
 * A value `parse` says is not to be kept (one with problems) is not cached.
 */
export function cachedParse<T>(kind: string, bytes: Uint8Array, parse: () => {value: T; keep: boolean}): T {
  const key = dataKey(kind, bytes)
  const shipped = readJson(path.join(SHIPPED_FOLDER, `${key}.json`))
  if (shipped !== undefined) return shipped as T
  const file = path.join(cacheFolder(), `${key}.json`)
  const cached = readJson(file)
  if (cached !== undefined) return cached as T
  const {value, keep} = parse()
  if (keep) {
    parsedThisRun.set(key, value)
    try {
      mkdirSync(path.dirname(file), {recursive: true})
      const temporary = `${file}.${process.pid}.tmp`
      writeFileSync(temporary, JSON.stringify(value))
      renameSync(temporary, file)
      prune(path.dirname(file))
    } catch {
      // A cache that cannot be written only costs time.
    }
  }
  return value
}

/** More files than this in the cache folder, and the older half goes. */
const MAX_FILES = 400

function prune(folder: string): void {
  const names = readdirSync(folder).filter((name) => name.endsWith('.json'))
  if (names.length <= MAX_FILES) return
  const aged = names.map((name) => ({name, time: statSync(path.join(folder, name)).mtimeMs})).sort((a, b) => a.time - b.time)
  for (const {name} of aged.slice(0, names.length - MAX_FILES / 2)) unlinkSync(path.join(folder, name))
}
