/**
 * Expand what the user named (files, folders, glob patterns) into a sorted,
 * de-duplicated list of files. Folders are searched recursively for the
 * supported extensions; node_modules, .git and other hidden folders are
 * skipped. Inputs that match nothing are returned, not thrown.
 */
import {readdir, stat} from 'node:fs/promises'
import path from 'node:path'
import {glob} from 'tinyglobby'
import {EXTENSIONS, isSupported} from './formats.js'

export interface FoundFile {
  /** Absolute path. */
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
}

const ALWAYS_SKIPPED = new Set(['node_modules', '.git'])
const GLOB_CHARS = /[*?[\]{}]/

export async function findFiles(inputs: readonly string[], cwd: string): Promise<FoundFiles> {
  const seen = new Set<string>()
  const files: FoundFile[] = []
  const unmatched: Unmatched[] = []
  const add = (absolute: string) => {
    if (seen.has(absolute)) return
    seen.add(absolute)
    files.push({absolute, shown: showPath(absolute, cwd)})
  }

  for (const input of inputs) {
    const absolute = path.resolve(cwd, input)
    const info = await stat(absolute).catch(() => undefined)
    if (info?.isDirectory()) {
      const found = await walk(absolute)
      if (found.length === 0) unmatched.push({input, reason: `no files to check in this folder (looked for ${Object.keys(EXTENSIONS).join(' ')})`})
      for (const file of found) add(file)
    } else if (info) {
      add(absolute)
    } else if (GLOB_CHARS.test(input)) {
      const found = (await glob(input, {cwd, absolute: true, dot: false, ignore: ['**/node_modules/**', '**/.git/**']}))
        .filter((file) => isSupported(file))
        .sort()
      if (found.length === 0) unmatched.push({input, reason: 'no files match this pattern'})
      for (const file of found) add(path.normalize(file))
    } else {
      unmatched.push({input, reason: 'cannot find this file or folder'})
    }
  }
  return {files, unmatched}
}

async function walk(folder: string): Promise<string[]> {
  const found: string[] = []
  let entries
  try {
    entries = await readdir(folder, {withFileTypes: true})
  } catch {
    return found
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    if (ALWAYS_SKIPPED.has(entry.name) || entry.name.startsWith('.')) continue
    const full = path.join(folder, entry.name)
    // Symbolic links to folders are not followed (no loops); links to files are read.
    if (entry.isDirectory()) found.push(...(await walk(full)))
    else if ((entry.isFile() || entry.isSymbolicLink()) && isSupported(entry.name)) found.push(full)
  }
  return found
}

export function showPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute)
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute
  return shown.split(path.sep).join('/')
}
