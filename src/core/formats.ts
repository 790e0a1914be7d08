/**
 * The document formats plainly reads, each in one place: its file
 * extensions, its media type, which parser reads its text, and, for a file
 * converted first (Word, PDF), how its bytes become text. Adding an input
 * format: its entry here, its name in Format (types.ts), and its converter's
 * file if it needs one.
 */
import type {Format} from '../types.js'
import {docxToHtml} from './docx.js'
import type {Block} from './locate.js'
import {pdfToText} from './pdf.js'

/** A converted document: its text for the parser, and for text from PDF pages its paragraphs. */
export interface Converted {
  text: string
  /** Paragraphs (and their pages and headings), to place findings by paragraph. */
  blocks?: Block[]
}

export interface FormatInfo {
  /** Extensions checked when a folder is given. */
  extensions: readonly string[]
  /** Extensions also read when a file is named directly or matched by a pattern. */
  also?: readonly string[]
  /** Its media type (SARIF artifacts). */
  mime: string
  /** The parser that reads its text: Markdown, HTML or plain text. */
  parser: 'markdown' | 'html' | 'text'
  /** For a format converted from its bytes first: findings are then placed by paragraph, and --fix never changes the file. */
  convert?: (bytes: Uint8Array) => Promise<Converted>
}

export const FORMATS: Readonly<Record<Format, FormatInfo>> = {
  markdown: {extensions: ['.md', '.markdown'], also: ['.mdown', '.mkd', '.mdx'], mime: 'text/markdown', parser: 'markdown'},
  text: {extensions: ['.txt', '.text'], mime: 'text/plain', parser: 'text'},
  html: {extensions: ['.html', '.htm'], also: ['.xhtml'], mime: 'text/html', parser: 'html'},
  docx: {
    extensions: ['.docx'],
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    parser: 'html',
    convert: async (bytes) => ({text: await docxToHtml(bytes)})
  },
  pdf: {extensions: ['.pdf'], mime: 'application/pdf', parser: 'text', convert: pdfToText}
}

const byExtension = new Map<string, {format: Format; inFolders: boolean}>()
for (const [format, info] of Object.entries(FORMATS) as Array<[Format, FormatInfo]>) {
  for (const extension of info.extensions) byExtension.set(extension, {format, inFolders: true})
  for (const extension of info.also ?? []) byExtension.set(extension, {format, inFolders: false})
}

/** The extension of a file name, lower case, with its dot ("" if none). */
function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
  const dot = base.lastIndexOf('.')
  return dot <= 0 ? '' : base.slice(dot).toLowerCase()
}

/** The format for a file name; files with other extensions are read as plain text. */
export function formatFor(name: string): Format {
  return byExtension.get(extensionOf(name))?.format ?? 'text'
}

/** Checked when found in a folder. */
export function isSupported(name: string): boolean {
  return byExtension.get(extensionOf(name))?.inFolders === true
}

/** Checked when matched by a glob pattern. */
export function isKnown(name: string): boolean {
  return byExtension.has(extensionOf(name))
}

/** True for formats converted first (Word, PDF): placed by paragraph, never changed. */
export function isConverted(format: Format): boolean {
  return FORMATS[format]?.convert !== undefined
}
