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
import {countBefore} from '../shared/arrays.js'
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
  // UTF-16 only with its byte order mark.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be'
    text = new TextDecoder(encoding).decode(bytes.subarray(2))
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
      // The line of the first byte that is not UTF-8.
      const line = bytes.subarray(0, firstInvalidByte(bytes)).reduce((count, byte) => (byte === 0x0a ? count + 1 : count), 1)
      return unreadableDocument(shownPath, 'this file is not saved as UTF-8 text: save it as UTF-8 (in most editors, "Save as" and choose UTF-8) and try again', line, 'encoding')
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
  addFinding(file, {reason: reason.charAt(0).toUpperCase() + reason.slice(1), ruleId: fileProblemId(kind), severity: 'error', place: line ? {line, column: 1} : undefined, fatal: true})
  return file
}

/** Offset of the first byte that is not valid UTF-8: the end of the longest prefix that decodes (a cut character at its end allowed). */
function firstInvalidByte(bytes: Uint8Array): number {
  return countBefore(bytes.length, (index) => {
    try {
      new TextDecoder('utf-8', {fatal: true}).decode(bytes.subarray(0, index + 1), {stream: true})
      return true
    } catch {
      return false
    }
  })
}
