/**
 * The run memo, for --cache: when a check is run again exactly as before
 * (the same command, folder and settings) and nothing it read has changed,
 * write the reports it wrote last time, without loading the checker.
 *
 * bin/plainly.js asks `replay` first; it loads only this small module
 * (dist/bundle/replay.cjs), so an unchanged run costs Node's own start-up,
 * a stat of each file and folder the run depends on, and writing the
 * report. Any difference and the run is an ordinary --cache run, which then
 * saves a new memo.
 *
 * A memo is kept in the user's cache folder (see data-cache.ts), under
 * runs/, named by a hash of what the command was: plainly's build, Node's
 * version, the working folder, the arguments, the environment variables
 * that change a report (colour, CI), and whether each output is a
 * terminal. It holds the exit code, the bytes written to standard output
 * and standard error, and the stamp (size, modification and change times,
 * inode, device) of everything the run depended on:
 *   - each file checked, and each settings file, glossary and plugin used;
 *   - each folder it looked through (a file added, removed or renamed there
 *     changes the folder's times);
 *   - every place a settings file could be, in each folder from a checked
 *     file up to the root (there or not), and the ignore file.
 * A memo is saved only for a run that read no input from elsewhere and
 * wrote nothing but its report to standard output: not with standard input,
 * glob patterns, --output, --fix, --review, --cache-strategy content, and
 * not when the run ended in an error (exit code 2). A stamp taken within two
 * seconds of a change is not trusted (a second change in the same tick of
 * the file system's clock could leave the times as they were), so a run
 * over files changed a moment ago saves no memo.
 */
import {closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {hashBytes} from '../shared/hash.js'
import {VERSION} from '../version.js'
import {cacheFolder} from './data-cache.js'

/** Raise when the memo's layout changes. */
const MEMO_FORMAT = 1
/** The command's bundle: a memo belongs to one build of it. */
const BUNDLE = fileURLToPath(new URL('../bundle/plainly.cjs', import.meta.url))
/** Environment variables that can change what a check writes (colours, CI annotations, folders). */
const ENVIRONMENT = /^(?:CI|CONTINUOUS_INTEGRATION|BUILD_NUMBER|RUN_ID|GITHUB_ACTIONS|GITLAB_CI|BUILDKITE|CIRCLECI|TRAVIS|APPVEYOR|TEAMCITY_VERSION|TF_BUILD|NO_COLOR|FORCE_COLOR|COLORTERM|TERM|TERM_PROGRAM|TERM_PROGRAM_VERSION|COLUMNS|HOME|LOCALAPPDATA|XDG_CACHE_HOME|NODE_OPTIONS|PLAINLY_\w+)$/
/** A stamp this close to the file's last change is not trusted (nanoseconds). */
const RACY_NS = 2_000_000_000n
/** Memos kept, and their total size at most; the oldest go first. */
const MAX_MEMOS = 32
const MAX_TOTAL_BYTES = 256 * 1024 * 1024
/** Reports larger than this are not kept. */
export const MAX_MEMO_BYTES = 16 * 1024 * 1024

export interface RunContext {
  argv: readonly string[]
  cwd: string
  env: Record<string, string | undefined>
  /** Whether standard output and standard error are terminals. */
  terminals: readonly [boolean, boolean]
}

/** What a run depended on, as the check found it (see cli/run.ts). */
export interface RunInputs {
  /** Files read: checked files, settings files, glossaries, plugins, the ignore file, a baseline. */
  files: readonly string[]
  /** Folders whose list of files mattered: those looked through. */
  folders: readonly string[]
  /** Folders from which settings files were looked for, upwards (each with every folder above it). */
  settingsFrom: readonly string[]
  /** The names a settings file can have, in the order they are looked for. */
  settingsNames: readonly string[]
}

interface MemoHeader {
  format: number
  exitCode: number
  stdout: number
  stderr: number
  stamps: Array<[string, string]>
}

/** The memo's file for this run. */
function memoFile(context: RunContext): string {
  let bundle = '-'
  try {
    const stat = statSync(BUNDLE, {bigint: true})
    bundle = `${stat.size}:${stat.mtimeNs}:${stat.ino}`
  } catch {
    // Run from src/ (the tests): plainly's version alone.
  }
  const environment = Object.keys(context.env)
    .filter((name) => ENVIRONMENT.test(name))
    .sort()
    .map((name) => [name, context.env[name]])
  const key = JSON.stringify([MEMO_FORMAT, VERSION, bundle, process.version, process.execArgv, context.cwd, context.argv, environment, context.terminals])
  return path.join(cacheFolder(context.env), 'runs', `${hashBytes(Buffer.from(key))}.memo`)
}

/** A path's stamp ('-' when it is not there), and whether it can be trusted. */
function stampOf(file: string, now: bigint): {stamp: string; trusted: boolean} {
  let stat
  try {
    stat = statSync(file, {bigint: true})
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return {stamp: code === 'ENOENT' || code === 'ENOTDIR' ? '-' : `error ${code}`, trusted: code === 'ENOENT' || code === 'ENOTDIR'}
  }
  const stamp = `${stat.isDirectory() ? 'd' : 'f'}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}:${stat.ino}:${stat.dev}`
  return {stamp, trusted: now - stat.mtimeNs >= RACY_NS && now - stat.ctimeNs >= RACY_NS}
}

function nowNs(): bigint {
  return BigInt(Date.now()) * 1_000_000n
}

/**
 * Write the reports of an earlier, identical run if nothing it depended on
 * has changed, and give its exit code; undefined when the run must be made.
 * `write(fd, bytes)` writes to standard output (1) or standard error (2).
 */
export function replay(context: RunContext, write: (fd: 1 | 2, bytes: Uint8Array) => void): number | undefined {
  // Only a run with the cache on saves a memo.
  if (!context.argv.some((arg) => arg === '--cache' || arg.startsWith('--cache-'))) return undefined
  const file = memoFile(context)
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch {
    return undefined
  }
  const end = bytes.indexOf(10)
  let header: MemoHeader
  try {
    header = JSON.parse(bytes.subarray(0, end).toString('utf8')) as MemoHeader
  } catch {
    return undefined
  }
  if (header.format !== MEMO_FORMAT || end + 1 + header.stdout + header.stderr !== bytes.length) return undefined
  const now = nowNs()
  for (const [item, stamp] of header.stamps) if (stampOf(item, now).stamp !== stamp) return undefined
  if (header.stdout > 0) write(1, bytes.subarray(end + 1, end + 1 + header.stdout))
  if (header.stderr > 0) write(2, bytes.subarray(end + 1 + header.stdout))
  return header.exitCode
}

/** Every path whose stamp the memo keeps, in a stable order. */
export function watchedPaths(inputs: RunInputs): string[] {
  const paths = new Set<string>([...inputs.files, ...inputs.folders])
  const looked = new Set<string>()
  for (const start of inputs.settingsFrom) {
    for (let folder = start; !looked.has(folder); folder = path.dirname(folder)) {
      looked.add(folder)
      for (const name of inputs.settingsNames) paths.add(path.join(folder, name))
      if (path.dirname(folder) === folder) break
    }
  }
  return [...paths].sort()
}

/**
 * Save the memo of a run that has just ended (see above for which runs
 * qualify: the caller decides). Nothing is saved when a stamp cannot be
 * trusted yet. A memo that cannot be written only costs time next run.
 */
export function saveRun(context: RunContext, inputs: RunInputs, output: {exitCode: number; stdout: readonly Uint8Array[]; stderr: readonly Uint8Array[]}, options: {now?: () => bigint} = {}): boolean {
  const file = memoFile(context)
  const now = options.now?.() ?? nowNs()
  const stamps: Array<[string, string]> = []
  for (const item of watchedPaths(inputs)) {
    const {stamp, trusted} = stampOf(item, now)
    if (!trusted) return false
    stamps.push([item, stamp])
  }
  const size = (chunks: readonly Uint8Array[]) => chunks.reduce((total, chunk) => total + chunk.length, 0)
  const header: MemoHeader = {format: MEMO_FORMAT, exitCode: output.exitCode, stdout: size(output.stdout), stderr: size(output.stderr), stamps}
  if (header.stdout + header.stderr > MAX_MEMO_BYTES) return false
  const temporary = `${file}.${process.pid}.tmp`
  try {
    mkdirSync(path.dirname(file), {recursive: true})
    const fd = openSync(temporary, 'w')
    try {
      writeAll(fd, Buffer.from(`${JSON.stringify(header)}\n`))
      for (const chunk of [...output.stdout, ...output.stderr]) writeAll(fd, chunk)
    } finally {
      closeSync(fd)
    }
    renameSync(temporary, file)
    prune(path.dirname(file))
    return true
  } catch {
    try {
      unlinkSync(temporary)
    } catch {
      // Never made.
    }
    return false
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset)
}

/** Keep the newest memos only: at most MAX_MEMOS of them, MAX_TOTAL_BYTES in all. */
function prune(folder: string): void {
  const dated = readdirSync(folder)
    .filter((name) => name.endsWith('.memo'))
    .map((name) => {
      const file = path.join(folder, name)
      try {
        const stat = statSync(file)
        return {file, time: stat.mtimeMs, size: stat.size}
      } catch {
        return {file, time: 0, size: 0}
      }
    })
  // Newest first: keep them while there is room.
  dated.sort((a, b) => b.time - a.time)
  let total = 0
  const old = dated.filter((memo, index) => (total += memo.size) > MAX_TOTAL_BYTES || index >= MAX_MEMOS)
  for (const {file} of old) {
    try {
      unlinkSync(file)
    } catch {
      // Another run removed it.
    }
  }
}
