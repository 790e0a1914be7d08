/**
 * Expand what the user named (files, folders, glob patterns) into a sorted,
 * de-duplicated list of files. Folders are searched recursively for the
 * supported extensions; node_modules, .git and hidden folders are always
 * skipped, and ignore rules (.plainlyignore, --ignore-pattern, config
 * "ignorePatterns") apply in gitignore syntax, relative to the working folder.
 * Inputs that match nothing are returned, not thrown.
 */
// Synchronous: quicker than fs/promises for the many small calls of a walk.
import {readdirSync, readFileSync, statSync, type Stats} from 'node:fs'
import path from 'node:path'
import ignore, {type Ignore} from 'ignore'
import {glob} from 'tinyglobby'
import {FORMATS, isKnown, isSupported} from '../core/formats.js'
import {describeReadError} from './read.js'

export interface FoundFile {
  absolute: string
  /** Path shown in reports: relative to the working folder, with forward slashes. */
  shown: string
}

export interface Unmatched {
  input: string
  reason: string
}

export interface FoundFiles {
  files: FoundFile[]
  unmatched: Unmatched[]
  /** Files named directly that ignore rules left out. */
  ignored: string[]
  /** PDFs found in folders beside a Word file of the same name (a copy of it), so left out. */
  pdfCopies: string[]
  /** Reviewed copies (leaflet.plainly.docx, see --review) found in folders beside their Word file, so left out. */
  reviewedCopies: string[]
  /** Folders whose lists of files were read (see io/run-memo.ts). */
  folders: string[]
  /** Whether a glob pattern was expanded (the folders it read are not known). */
  patterns: boolean
}

export interface IgnoreOptions {
  /** The ignore file (default: .plainlyignore in the working folder, if there is one). */
  ignorePath?: string
  /** Extra patterns, gitignore syntax. */
  patterns?: readonly string[]
  /** False to switch ignore rules off (--no-ignore). */
  enabled?: boolean
}

const ALWAYS_SKIPPED = new Set(['node_modules', '.git'])
const GLOB_CHARS = /[*?[\]{}]/
export const IGNORE_FILE = '.plainlyignore'

export class IgnoreFileError extends Error {}

/** Build the ignore matcher for a run. Throws IgnoreFileError when a named ignore file cannot be read. */
export function createIgnore(cwd: string, options: IgnoreOptions = {}): Ignore | undefined {
  if (options.enabled === false) return undefined
  const matcher = ignore()
  const file = options.ignorePath ? path.resolve(cwd, options.ignorePath) : path.join(cwd, IGNORE_FILE)
  try {
    matcher.add(readFileSync(file, 'utf8'))
  } catch (error) {
    if (options.ignorePath) throw new IgnoreFileError(`cannot read the ignore file ${options.ignorePath} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`)
  }
  matcher.add([...(options.patterns ?? [])])
  return matcher
}

export async function findFiles(inputs: readonly string[], cwd: string, ignored?: Ignore): Promise<FoundFiles> {
  const seen = new Set<string>()
  const files: FoundFile[] = []
  const pdfCopies: string[] = []
  const reviewedCopies: string[] = []
  const unmatched: Unmatched[] = []
  const left: string[] = []
  const folders: string[] = []
  let patterns = false
  const isIgnored = (absolute: string, folder = false) => {
    if (!ignored) return false
    const relative = path.relative(cwd, absolute).split(path.sep).join('/')
    if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return false
    return ignored.ignores(folder ? `${relative}/` : relative)
  }
  const add = (absolute: string) => {
    if (seen.has(absolute)) return
    seen.add(absolute)
    files.push({absolute, shown: showPath(absolute, cwd)})
  }

  for (const input of inputs) {
    const absolute = path.resolve(cwd, input)
    let info: Stats | undefined
    try {
      info = statSync(absolute)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOOP') {
        unmatched.push({input, reason: describeReadError(error as NodeJS.ErrnoException)})
        continue
      }
    }
    if (info?.isDirectory()) {
      const found = await walk(absolute, (item, folder) => isIgnored(item, folder), (copy, kind) => (kind === 'pdf' ? pdfCopies : reviewedCopies).push(showPath(copy, cwd)), folders)
      if (found.length === 0) unmatched.push({input, reason: `no files to check in this folder (looked for ${Object.values(FORMATS).flatMap((format) => format.extensions).join(' ')})`})
      for (const file of found) add(file)
    } else if (info) {
      if (isIgnored(absolute)) left.push(input)
      else add(absolute)
    } else if (GLOB_CHARS.test(input)) {
      patterns = true
      const found = (await glob(input, {cwd, absolute: true, dot: false, ignore: ['**/node_modules/**', '**/.git/**']}))
        .map((file) => path.normalize(file))
        .filter((file) => isKnown(file) && !isIgnored(file))
        .sort()
      if (found.length === 0) unmatched.push({input, reason: 'no files match this pattern'})
      for (const file of found) add(file)
    } else {
      unmatched.push({input, reason: 'cannot find this file or folder'})
    }
  }
  return {files, unmatched, ignored: left, pdfCopies, reviewedCopies, folders, patterns}
}

/**
 * A folder's files to check, in order. A PDF beside a Word file of the same
 * name (leaflet.pdf and leaflet.docx) is most likely an export of it, and
 * leaflet.plainly.docx beside leaflet.docx is the copy plainly wrote of it
 * (--review): the Word file is checked and the copy left out (`onCopy`
 * hears of it), so its findings are not reported twice.
 */
async function walk(folder: string, isIgnored: (absolute: string, folder: boolean) => boolean, onCopy: (copy: string, kind: 'pdf' | 'reviewed') => void, walked: string[]): Promise<string[]> {
  const found: string[] = []
  walked.push(folder)
  let entries
  try {
    entries = readdirSync(folder, {withFileTypes: true})
  } catch {
    return found
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const names = new Set(entries.map((entry) => entry.name.toLowerCase()))
  for (const entry of entries) {
    if (ALWAYS_SKIPPED.has(entry.name) || entry.name.startsWith('.')) continue
    const full = path.join(folder, entry.name)
    // Symbolic links to folders are not followed (no loops); links to files are read.
    if (entry.isDirectory()) {
      if (!isIgnored(full, true)) for (const file of await walk(full, isIgnored, onCopy, walked)) found.push(file)
    } else if ((entry.isFile() || entry.isSymbolicLink()) && isSupported(entry.name) && !isIgnored(full, false)) {
      if (/\.pdf$/i.test(entry.name) && names.has(`${entry.name.slice(0, -4).toLowerCase()}.docx`)) onCopy(full, 'pdf')
      else if (/\.plainly\.docx$/i.test(entry.name) && names.has(`${entry.name.slice(0, -13).toLowerCase()}.docx`)) onCopy(full, 'reviewed')
      else found.push(full)
    }
  }
  return found
}

export function showPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute)
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute
  return shown.split(path.sep).join('/')
}
