/**
 * A document's bytes (or text) as a VFile ready to check: text is decoded
 * (UTF-8, or UTF-16 with a byte order mark, which is removed and
 * remembered so columns match what editors show); formats converted first
 * (Word into HTML, PDF into paragraphs of text: formats.ts) are converted. Problems
 * that stop a file being checked (binary, not UTF-8, damaged, protected)
 * become one fatal finding on that file, so a batch goes on with the others.
 * Pure: bytes in, a VFile out; never throws.
 */
import {VFile} from 'vfile'
import {addFinding} from '../plugins/messages.js'
import type {Format} from '../types.js'
import {fileProblemId, type FileProblem} from './core-rules.js'
import {DocumentProblem} from './docx.js'
import {formatFor, FORMATS} from './formats.js'

declare module 'vfile' {
  interface DataMap {
    /** The file started with a byte order mark. */
    bom: boolean
    /** How the file's bytes were decoded, so that --fix writes them back the same way. */
    encoding: 'utf-8' | 'utf-16le' | 'utf-16be'
  }
}

/** Bytes of any supported format → a VFile ready to check (Word and PDF are converted first: see formats.ts). Never throws. */
export async function loadDocument(bytes: Uint8Array, shownPath: string, format: Format = formatFor(shownPath)): Promise<VFile> {
  const convert = FORMATS[format].convert
  if (!convert) return decodeDocument(bytes, shownPath, format)
  try {
    const converted = await convert(bytes)
    const file = new VFile({path: shownPath, value: converted.text})
    file.data.format = format
    file.data.container = format
    if (converted.blocks) {
      file.data.blocks = converted.blocks
      file.data.notProse = converted.blocks.filter((block) => block.isHeading).map((block) => [block.start, block.end])
    }
    return file
  } catch (error) {
    if (error instanceof DocumentProblem) return unreadableDocument(shownPath, error.message, undefined, error.kind, format)
    return unreadableDocument(shownPath, `plainly could not read this file: ${(error as Error).message}`, undefined, 'damaged', format)
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
      return unreadableDocument(shownPath, 'this looks like a binary file, not text: plainly checks Markdown, plain text and HTML', undefined, 'binary')
    }
    try {
      text = new TextDecoder('utf-8', {fatal: true}).decode(bytes)
    } catch {
      const bad = firstInvalidByte(bytes)
      return unreadableDocument(shownPath, 'this file is not saved as UTF-8 text: save it as UTF-8 (in most editors, "Save as" and choose UTF-8) and try again', lineAt(bytes, bad), 'encoding')
    }
  }
  const file = new VFile({path: shownPath, value: text})
  file.data.format = format
  file.data.bom = bom
  file.data.encoding = encoding
  return file
}

/** A file that cannot be checked: one fatal finding saying why. */
export function unreadableDocument(shownPath: string, reason: string, line?: number, kind: FileProblem = 'unreadable', format: Format = formatFor(shownPath)): VFile {
  const file = new VFile({path: shownPath, value: ''})
  file.data.format = format
  const message = addFinding(file, {
    reason: reason.charAt(0).toUpperCase() + reason.slice(1),
    ruleId: fileProblemId(kind),
    severity: 'error',
    place: line ? {line, column: 1} : undefined
  })
  message.fatal = true
  return file
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
