/**
 * The batch: the one way plainly checks files, used by the command, the
 * library's checkFiles and the worker threads alike. It finds the files the
 * inputs name (folders, patterns), leaves out what the ignore rules skip,
 * takes unchanged files' results from the cache, checks the rest (in worker
 * threads when there are many), and gives the results back in the order
 * the files were found.
 */
import {availableParallelism} from 'node:os'
import {statSync} from 'node:fs'
import type {CacheStrategy} from '../io/cache.js'
import {ResultCache} from '../io/cache.js'
import {createIgnore, findFiles, type FoundFile, type FoundFiles, type IgnoreOptions} from '../io/find-files.js'
import type {DocumentView, FileResult} from '../types.js'
import {checkInPool} from './pool.js'
import {checkFileOnDisk, type CheckedFile} from './worker.js'
import type {BatchOptions, Settings} from './settings.js'

/** Below this many files, starting worker threads costs more than it saves. */
const POOL_THRESHOLD = 8
/**
 * Unless the number of jobs is given, smaller batches are checked in one
 * thread: each worker thread warms up its own compiler, word caches and
 * glossary, and one Node thread already keeps a second core busy collecting
 * garbage. On 2 cores, 1 MB of plain text took 1.4 s in one thread and
 * 2.0 s with two workers; at 5.5 MB they were level (BENCHMARKS.md).
 */
const POOL_MIN_BYTES = 4 * 1024 * 1024

export interface BatchRequest {
  /** Files, folders and glob patterns, relative to `options.cwd`. */
  inputs: readonly string[]
  /** The settings every file is checked with (see settings.ts); `options` are the same, for worker threads. */
  settings: Settings
  options: BatchOptions
  /** Ignore rules (.plainlyignore, patterns); none when `enabled` is false. */
  ignore?: IgnoreOptions
  cache?: {location: string; strategy?: CacheStrategy}
  /** How many files to check at once; when not given, one thread unless the batch is large. */
  jobs?: number
  /** Also give back each document as a reader sees it (for the HTML report). */
  views?: boolean
  /** Told each time a file has been checked (not for files from the cache). */
  onProgress?: (done: number, total: number) => void
}

export interface BatchFile extends FoundFile {
  result: FileResult
  view?: DocumentView
}

/** What was found (see find-files.ts), each file with its result. */
export interface BatchResult extends Omit<FoundFiles, 'files'> {
  files: BatchFile[]
  /** Reports and baselines that plainly wrote, found and left out. */
  ownReports: string[]
  /** The cache could not be saved (its error code). */
  cacheNotSaved?: string
}

export async function checkBatch(request: BatchRequest): Promise<BatchResult> {
  const {settings, options} = request
  const cwd = options.cwd ?? process.cwd()
  const found = await findFiles(request.inputs, cwd, createIgnore(cwd, request.ignore))
  const cache = request.cache ? await ResultCache.open(request.cache.location, cwd, {strategy: request.cache.strategy}) : undefined

  const checked: CheckedFile[] = new Array(found.files.length)
  const keys: Array<{settings: string; content: string} | undefined> = []
  const todo: number[] = []
  for (const [index, file] of found.files.entries()) {
    if (cache) {
      const content = cache.contentHash(file.absolute)
      const key = content === undefined ? undefined : {settings: settings.cacheKeyFor(file.absolute, (input) => cache.contentHash(input)), content}
      keys[index] = key
      const hit = key ? cache.get(file.absolute, key.settings, key.content) : undefined
      if (hit && (!request.views || hit.view !== undefined || hit.result === undefined)) {
        checked[index] = hit.result === undefined ? {} : {result: {...hit.result, path: file.shown}, view: hit.view}
        continue
      }
    }
    todo.push(index)
  }

  const tasks = todo.map((index) => found.files[index]!)
  const jobs = request.jobs ?? availableParallelism()
  const pooled = jobs > 1 && tasks.length >= POOL_THRESHOLD && (request.jobs !== undefined || totalSize(tasks) >= POOL_MIN_BYTES)
  const read = {maxFileSize: options.maxFileSize, view: request.views}
  let done = 0
  const progress = () => request.onProgress?.(++done, tasks.length)
  const fresh: CheckedFile[] = pooled ? await checkInPool(tasks, {jobs, options, read, onDone: progress}) : []
  if (!pooled) {
    for (const task of tasks) {
      fresh.push(await checkFileOnDisk(settings, task, read))
      progress()
    }
  }
  todo.forEach((index, position) => {
    const item = fresh[position]!
    checked[index] = item
    const key = keys[index]
    if (cache && key) cache.set(found.files[index]!.absolute, key.settings, key.content, item.result, request.views ? item.view : undefined)
  })
  let cacheNotSaved: string | undefined
  await cache?.save().catch((error: NodeJS.ErrnoException) => (cacheNotSaved = error.code ?? error.message))

  const files: BatchFile[] = []
  const ownReports: string[] = []
  checked.forEach((item, index) => {
    const file = found.files[index]!
    if (item.result) files.push({shown: file.shown, absolute: file.absolute, result: item.result, view: item.view})
    else ownReports.push(file.shown)
  })
  return {...found, files, ownReports, cacheNotSaved}
}

/** Total size of the files, from the file system (files that cannot be read count as 0). */
function totalSize(files: ReadonlyArray<{absolute: string}>): number {
  let total = 0
  for (const file of files) {
    try {
      total += statSync(file.absolute).size
    } catch {
      // Reported when it is checked.
    }
  }
  return total
}
