/**
 * --cache: remember each file's results, keyed by its content and by
 * everything that could change them (plainly's version, the glossary files,
 * the settings and config that apply to it). Unchanged files are not
 * checked again. The cache is one JSON file, written atomically.
 *
 * A file's content is known by its SHA-256 hash. So that an unchanged file
 * need not be read and hashed again, the cache also keeps, with each hash,
 * the file's size, modification and change times (to the nanosecond), inode
 * and device, as git's index does: while all of them are the same, so is
 * the file (the "metadata" strategy, the default, as in ESLint). Any
 * difference, even a touch, and the file is read and hashed again; its
 * results are used again if the content is the same. A file changed within
 * two seconds of being read is always hashed next time: a second change
 * within the same tick of the clock could leave its times as they were.
 * With --cache-strategy content, every file is read and hashed every time.
 *
 * When the cache is saved, it forgets files that are gone (deleted, moved
 * or renamed): otherwise it would grow with every file ever checked, and
 * every later run would read it all. A file this run did not check but
 * that is still there keeps its entry, so a run over a few files (a
 * pre-commit hook) does not cost the others theirs.
 */
import {createHash} from 'node:crypto'
import {existsSync, readFileSync, statSync} from 'node:fs'
import {mkdir} from 'node:fs/promises'
import path from 'node:path'
import type {DocumentView, FileResult} from '../types.js'
import {writeFileAtomic} from './write.js'

/** Beside where plainly runs, as ESLint keeps .eslintcache: a hidden file, so plainly never checks it. */
export const DEFAULT_CACHE_LOCATION = '.plainlycache'
const CACHE_FILE = 'cache.json'
const CACHE_VERSION = 5

export const CACHE_STRATEGIES = ['metadata', 'content'] as const
export type CacheStrategy = (typeof CACHE_STRATEGIES)[number]

/** File times this close to the moment the file was read are not trusted next time (nanoseconds). */
const RACY_NS = 2_000_000_000n

interface CacheEntry {
  /** Index of the settings fingerprint in CacheData.settings. */
  settings: number
  /** SHA-256 of the file's bytes. */
  content: string
  /** None for a report that plainly wrote (never checked). */
  result?: FileResult
  /** The document as a reader sees it, when a run wanted it (the HTML report). */
  view?: DocumentView
}

interface KnownHash {
  /** Size, times, inode and device when hashed ('' when they are not to be trusted). */
  stamp: string
  hash: string
}

interface CacheData {
  version: number
  /** Settings fingerprints (see Session.cacheKeyFor), each kept once. */
  settings: string[]
  files: Record<string, CacheEntry>
  hashes: Record<string, KnownHash>
}

export interface ResultCacheOptions {
  strategy?: CacheStrategy
  /** The time now, in nanoseconds since 1970 (for tests). */
  now?: () => bigint
}

function isDirectory(absolute: string): boolean {
  try {
    return statSync(absolute).isDirectory()
  } catch {
    return false
  }
}

function isCacheData(value: unknown): value is CacheData {
  const data = value as CacheData
  return (
    typeof data === 'object' && data !== null && data.version === CACHE_VERSION && Array.isArray(data.settings) &&
    typeof data.files === 'object' && data.files !== null && typeof data.hashes === 'object' && data.hashes !== null
  )
}

export class ResultCache {
  readonly file: string
  readonly strategy: CacheStrategy
  /** Files read and hashed by contentHash in this run (the others were known by their times). */
  filesHashed = 0
  #data: CacheData
  #settings: Map<string, number>
  #now: () => bigint
  #dirty = false
  /** Files this run asked about: known to exist or to be checked, so not looked for when saving. */
  #seen = new Set<string>()

  private constructor(file: string, data: CacheData, options: ResultCacheOptions) {
    this.file = file
    this.#data = data
    this.#settings = new Map(data.settings.map((fingerprint, index) => [fingerprint, index]))
    this.strategy = options.strategy ?? 'metadata'
    this.#now = options.now ?? (() => BigInt(Date.now()) * 1_000_000n)
  }

  /** Open the cache at a folder (ending in /) or a file. A missing, unreadable or older cache starts empty. */
  static async open(location: string, cwd: string, options: ResultCacheOptions = {}): Promise<ResultCache> {
    const absolute = path.resolve(cwd, location)
    const isFolder = location.endsWith('/') || location.endsWith(path.sep) || isDirectory(absolute)
    const file = isFolder ? path.join(absolute, CACHE_FILE) : absolute
    let data: CacheData = {version: CACHE_VERSION, settings: [], files: {}, hashes: {}}
    try {
      // Read synchronously: Node's readFileSync turns UTF-8 into text in one step, several times quicker for a large cache.
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'))
      if (isCacheData(parsed)) data = parsed
    } catch {
      // No cache yet, or a damaged one: start again.
    }
    return new ResultCache(file, data, options)
  }

  /** The SHA-256 of a file's bytes (known from its stamp: see above); undefined for anything but a readable ordinary file (a pipe could block for ever). */
  contentHash(absolute: string): string | undefined {
    this.#seen.add(absolute)
    let stat
    try {
      stat = statSync(absolute, {bigint: true})
    } catch {
      return undefined
    }
    if (!stat.isFile()) return undefined
    const stamp = `${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}:${stat.ino}:${stat.dev}`
    const known = this.#data.hashes[absolute]
    if (this.strategy === 'metadata' && known !== undefined && known.stamp !== '' && known.stamp === stamp) return known.hash
    let bytes: Buffer
    try {
      bytes = readFileSync(absolute)
    } catch {
      return undefined
    }
    this.filesHashed++
    const hash = createHash('sha256').update(bytes).digest('hex')
    // Changed just before it was read: it could change again with the same times.
    const now = this.#now()
    const trusted = now - stat.mtimeNs >= RACY_NS && now - stat.ctimeNs >= RACY_NS
    const remembered = {stamp: trusted ? stamp : '', hash}
    if (known?.stamp !== remembered.stamp || known.hash !== hash) {
      this.#data.hashes[absolute] = remembered
      this.#dirty = true
    }
    return hash
  }

  /** The cached results for a file, if they were made with these settings from this content. */
  get(absolute: string, settings: string, content: string): CacheEntry | undefined {
    this.#seen.add(absolute)
    const entry = this.#data.files[absolute]
    const index = this.#settings.get(settings)
    return entry && index !== undefined && entry.settings === index && entry.content === content ? entry : undefined
  }

  set(absolute: string, settings: string, content: string, result: FileResult | undefined, view?: DocumentView): void {
    let index = this.#settings.get(settings)
    if (index === undefined) {
      index = this.#data.settings.push(settings) - 1
      this.#settings.set(settings, index)
    }
    this.#seen.add(absolute)
    const entry: CacheEntry = {settings: index, content}
    if (result !== undefined) entry.result = result
    if (view !== undefined) entry.view = view
    this.#data.files[absolute] = entry
    this.#dirty = true
  }

  async save(): Promise<void> {
    if (!this.#dirty) return
    await mkdir(path.dirname(this.file), {recursive: true})
    await writeFileAtomic(this.file, JSON.stringify(this.#compacted()))
    this.#dirty = false
  }

  /** The data without files that are gone, or settings fingerprints that no file uses any more. */
  #compacted(): CacheData {
    const data = this.#data
    // Most files are in both tables: look for each one on disk once.
    const looked = new Map<string, boolean>()
    const gone = (file: string): boolean => {
      if (this.#seen.has(file)) return false
      let missing = looked.get(file)
      if (missing === undefined) looked.set(file, (missing = !existsSync(file)))
      return missing
    }
    const used = new Map<number, number>()
    const settings: string[] = []
    const files: Record<string, CacheEntry> = {}
    for (const [file, entry] of Object.entries(data.files)) {
      if (gone(file)) continue
      let index = used.get(entry.settings)
      if (index === undefined) {
        index = settings.push(data.settings[entry.settings]!) - 1
        used.set(entry.settings, index)
      }
      files[file] = index === entry.settings ? entry : {...entry, settings: index}
    }
    const hashes: Record<string, KnownHash> = {}
    for (const [file, known] of Object.entries(data.hashes)) if (!gone(file)) hashes[file] = known
    return {version: CACHE_VERSION, settings, files, hashes}
  }
}
