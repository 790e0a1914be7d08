/**
 * Read a document into a VFile. Problems that stop a file being checked
 * (cannot read, binary, not UTF-8) become one fatal finding on that file, so
 * the run goes on with the others. A UTF-8 byte order mark is removed (and
 * remembered) so columns match what editors show.
 */
import {readFileSync, statSync} from 'node:fs'
import {VFile} from 'vfile'
import {addFinding} from '../core/messages.js'
import type {Format} from '../types.js'
import {DocumentProblem, docxToHtml} from './docx.js'
import {formatFor} from './formats.js'
import {pdfToText} from './pdf.js'

declare module 'vfile' {
  interface DataMap {
    /** The file started with a byte order mark. */
    bom: boolean
    /** How the file's bytes were decoded, so that --fix writes them back the same way. */
    encoding: 'utf-8' | 'utf-16le' | 'utf-16be'
    /** A report or baseline that plainly wrote: not to be checked (see ReadOptions). */
    ownReport: boolean
  }
}

export interface ReadOptions {
  /** Files larger than this many bytes are not read (default 50 MB). */
  maxSize?: number
  /** Tells a report or baseline that plainly wrote from its bytes: such a file is not read any further. */
  isOwnReport?: (bytes: Uint8Array) => boolean
}

/** Files larger than this are not read (see --max-file-size). */
export const DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024

/** Read a file from disk. Never throws. Only regular files are read: a pipe or device could block for ever. */
export async function readDocument(filePath: string, shownPath: string, options: ReadOptions = {}): Promise<VFile> {
  const maxSize = options.maxSize ?? DEFAULT_MAX_FILE_SIZE
  let bytes: Uint8Array
  try {
    // Synchronous reads: for the many small files of a batch they are several times quicker than fs/promises.
    const info = statSync(filePath)
    if (info.isDirectory()) return unreadable(shownPath, 'this is a folder, not a file')
    if (!info.isFile()) return unreadable(shownPath, 'this is not an ordinary file (it is a pipe, socket or device), so plainly does not read it', undefined, 'file/unsupported')
    if (info.size > maxSize) {
      return unreadable(shownPath, `this file is ${megabytes(info.size)}, more than plainly checks (${megabytes(maxSize)}); split it, or raise the limit with --max-file-size`, undefined, 'file/too-large')
    }
    bytes = readFileSync(filePath)
  } catch (error) {
    return unreadable(shownPath, describeReadError(error as NodeJS.ErrnoException))
  }
  if (options.isOwnReport?.(bytes)) {
    const file = new VFile({path: shownPath, value: ''})
    file.data.ownReport = true
    return file
  }
  return loadDocument(bytes, shownPath)
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`
}

/** Bytes of any supported format → a VFile ready to check (Word and PDF are converted first). Never throws. */
export async function loadDocument(bytes: Uint8Array, shownPath: string, format: Format = formatFor(shownPath)): Promise<VFile> {
  if (format !== 'docx' && format !== 'pdf') return decodeDocument(bytes, shownPath, format)
  try {
    const file = new VFile({path: shownPath})
    file.data.format = format
    file.data.container = format
    if (format === 'docx') {
      file.value = await docxToHtml(bytes)
    } else {
      const pdf = await pdfToText(bytes)
      file.value = pdf.text
      file.data.blocks = pdf.blocks
      file.data.notProse = pdf.blocks.filter((block) => block.isHeading).map((block) => [block.start, block.end])
    }
    return file
  } catch (error) {
    if (error instanceof DocumentProblem) return unreadable(shownPath, error.message, undefined, error.ruleId, format)
    return unreadable(shownPath, `plainly could not read this file: ${(error as Error).message}`, undefined, 'file/damaged', format)
  }
}

/** Turn bytes into a VFile, or a VFile with a fatal finding. Pure. */
export function decodeDocument(bytes: Uint8Array, shownPath: string, format: Format = formatFor(shownPath)): VFile {
  let text: string
  let bom = false
  let encoding: 'utf-8' | 'utf-16le' | 'utf-16be' = 'utf-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2))
    encoding = 'utf-16le'
    bom = true
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2))
    encoding = 'utf-16be'
    bom = true
  } else {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      bom = true
      bytes = bytes.subarray(3)
    }
    const nul = bytes.indexOf(0)
    if (nul !== -1) {
      return unreadable(shownPath, 'this looks like a binary file, not text: plainly checks Markdown, plain text and HTML', undefined, 'file/binary')
    }
    try {
      text = new TextDecoder('utf-8', {fatal: true}).decode(bytes)
    } catch {
      const bad = firstInvalidByte(bytes)
      return unreadable(shownPath, 'this file is not saved as UTF-8 text: save it as UTF-8 (in most editors, "Save as" and choose UTF-8) and try again', lineAt(bytes, bad), 'file/encoding')
    }
  }
  const file = new VFile({path: shownPath, value: text})
  file.data.format = format
  file.data.bom = bom
  file.data.encoding = encoding
  return file
}

/** Text back to bytes the way it was read: the same encoding and byte order mark. */
export function encodeDocument(text: string, encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bom: boolean): Uint8Array {
  if (encoding === 'utf-8') return Buffer.from(bom ? `\uFEFF${text}` : text, 'utf8')
  const little = Buffer.from(`\uFEFF${text}`, 'utf16le')
  if (encoding === 'utf-16le') return little
  for (let index = 0; index + 1 < little.length; index += 2) {
    const byte = little[index]!
    little[index] = little[index + 1]!
    little[index + 1] = byte
  }
  return little
}

function unreadable(shownPath: string, reason: string, line?: number, ruleId = 'file/unreadable', format: Format = formatFor(shownPath)): VFile {
  const file = new VFile({path: shownPath, value: ''})
  file.data.format = format
  const message = addFinding(file, {
    reason: reason.charAt(0).toUpperCase() + reason.slice(1),
    ruleId,
    severity: 'error',
    place: line ? {line, column: 1} : undefined
  })
  message.fatal = true
  return file
}

export function describeReadError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'cannot find this file'
    case 'EACCES':
    case 'EPERM':
      return 'cannot read this file: permission denied'
    case 'EISDIR':
      return 'this is a folder, not a file'
    case 'ELOOP':
      return 'this is a link that leads round in a circle back to itself'
    default:
      return `cannot read this file (${error.code ?? error.message})`
  }
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1
  for (let index = 0; index < offset && index < bytes.length; index++) if (bytes[index] === 0x0a) line++
  return line
}

/** Offset of the first byte that is not valid UTF-8. */
function firstInvalidByte(bytes: Uint8Array): number {
  let low = 0
  let high = bytes.length
  // The longest prefix that decodes (allowing a cut multi-byte character at its end).
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    try {
      new TextDecoder('utf-8', {fatal: true}).decode(bytes.subarray(0, middle), {stream: true})
      low = middle
    } catch {
      high = middle - 1
    }
  }
  return low
}
