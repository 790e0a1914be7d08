import path from 'node:path'
import type {Format} from '../types.js'

/** File extensions checked when a folder is given, and the format of each. */
export const EXTENSIONS: Readonly<Record<string, Format>> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.text': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf'
}

/** Extra extensions understood when a file is named directly or matched by a pattern. */
const ALSO: Readonly<Record<string, Format>> = {
  '.mdown': 'markdown',
  '.mkd': 'markdown',
  '.mdx': 'markdown',
  '.xhtml': 'html'
}

/** The format for a file name; files with other extensions are read as plain text. */
export function formatFor(name: string): Format {
  const extension = path.extname(name).toLowerCase()
  return EXTENSIONS[extension] ?? ALSO[extension] ?? 'text'
}

/** Checked when found in a folder. */
export function isSupported(name: string): boolean {
  return path.extname(name).toLowerCase() in EXTENSIONS
}

/** Checked when matched by a glob pattern. */
export function isKnown(name: string): boolean {
  const extension = path.extname(name).toLowerCase()
  return extension in EXTENSIONS || extension in ALSO
}
