import type {Format} from '../types.js'

/** The extension of a file name, lower case, with its dot ("" if none). */
function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
  const dot = base.lastIndexOf('.')
  return dot <= 0 ? '' : base.slice(dot).toLowerCase()
}

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
  const extension = extensionOf(name)
  return EXTENSIONS[extension] ?? ALSO[extension] ?? 'text'
}

/** Checked when found in a folder. */
export function isSupported(name: string): boolean {
  return extensionOf(name) in EXTENSIONS
}

/** Checked when matched by a glob pattern. */
export function isKnown(name: string): boolean {
  const extension = extensionOf(name)
  return extension in EXTENSIONS || extension in ALSO
}
