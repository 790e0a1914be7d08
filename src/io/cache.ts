/**
 * --cache: remember each file's results, keyed by its content and by
 * everything that could change them (plainly's version, the glossary files,
 * the settings and config that apply to it). Unchanged files are not
 * checked again. The cache is one JSON file, written atomically.
 */
import {createHash} from 'node:crypto'
import {readFileSync, statSync} from 'node:fs'
import {mkdir} from 'node:fs/promises'
import path from 'node:path'
import type {FileResult} from '../types.js'
import {writeFileAtomic} from './write.js'

export const DEFAULT_CACHE_LOCATION = 'node_modules/.cache/plainly/'
const CACHE_FILE = 'cache.json'
const CACHE_VERSION = 1

interface CacheEntry {
  key: string
  result: FileResult
  source?: string
}

interface CacheData {
  version: number
  files: Record<string, CacheEntry>
}

/** The bytes of an ordinary file, for its cache key; undefined for anything else (a pipe could block for ever). */
export function readForKey(file: string): Buffer | undefined {
  try {
    return statSync(file).isFile() ? readFileSync(file) : undefined
  } catch {
    return undefined
  }
}

function isDirectory(absolute: string): boolean {
  try {
    return statSync(absolute).isDirectory()
  } catch {
    return false
  }
}

export function hashText(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex')
}

export class ResultCache {
  readonly file: string
  #data: CacheData
  #dirty = false

  private constructor(file: string, data: CacheData) {
    this.file = file
    this.#data = data
  }

  /** Open the cache at a folder (ending in /) or a file. A missing or unreadable cache starts empty. */
  static async open(location: string, cwd: string): Promise<ResultCache> {
    const absolute = path.resolve(cwd, location)
    const isFolder = location.endsWith('/') || location.endsWith(path.sep) || isDirectory(absolute)
    const file = isFolder ? path.join(absolute, CACHE_FILE) : absolute
    let data: CacheData = {version: CACHE_VERSION, files: {}}
    try {
      // Read synchronously: Node's readFileSync turns UTF-8 into text in one step, several times quicker for a large cache.
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as CacheData
      if (parsed.version === CACHE_VERSION && parsed.files && typeof parsed.files === 'object') data = parsed
    } catch {
      // No cache yet, or a damaged one: start again.
    }
    return new ResultCache(file, data)
  }

  get(absolute: string, key: string): CacheEntry | undefined {
    const entry = this.#data.files[absolute]
    return entry && entry.key === key ? entry : undefined
  }

  set(absolute: string, key: string, result: FileResult, source?: string): void {
    this.#data.files[absolute] = source === undefined ? {key, result} : {key, result, source}
    this.#dirty = true
  }

  async save(): Promise<void> {
    if (!this.#dirty) return
    await mkdir(path.dirname(this.file), {recursive: true})
    await writeFileAtomic(this.file, JSON.stringify(this.#data))
    this.#dirty = false
  }
}
