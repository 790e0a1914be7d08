/**
 * Read a document's bytes from disk, for the checker (core/document.ts).
 * Only ordinary files are read (a pipe or device could block for ever), and
 * none larger than the limit; a report or baseline that plainly wrote is
 * known by its bytes and not checked. Never throws: what stops a file being
 * read is said in plain words.
 */
import type {FileProblem} from '../core/core-rules.js'
import {readFileSync, statSync} from 'node:fs'

export interface ReadOptions {
  /** Files larger than this many bytes are not read (default 50 MB). */
  maxSize?: number
  /** Tells a report or baseline that plainly wrote from its bytes: such a file is not read any further. */
  isOwnReport?: (bytes: Uint8Array) => boolean
}

/** Files larger than this are not read (see --max-file-size). */
export const DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024

/** Why a file could not be read, and which file problem it is (its rule is file/<kind>). */
export interface ReadProblem {
  reason: string
  kind: FileProblem
}

export type ReadResult = {bytes: Uint8Array} | {ownReport: true} | {problem: ReadProblem}

export function readDocumentBytes(filePath: string, options: ReadOptions = {}): ReadResult {
  const maxSize = options.maxSize ?? DEFAULT_MAX_FILE_SIZE
  let bytes: Uint8Array
  try {
    // Synchronous reads: for the many small files of a batch they are several times quicker than fs/promises.
    const info = statSync(filePath)
    if (info.isDirectory()) return {problem: {reason: 'this is a folder, not a file', kind: 'unreadable'}}
    if (!info.isFile()) return {problem: {reason: 'this is not an ordinary file (it is a pipe, socket or device), so plainly does not read it', kind: 'unsupported'}}
    if (info.size > maxSize) {
      return {problem: {reason: `this file is ${megabytes(info.size)}, more than plainly checks (${megabytes(maxSize)}); split it, or raise the limit with --max-file-size`, kind: 'too-large'}}
    }
    bytes = readFileSync(filePath)
  } catch (error) {
    return {problem: {reason: describeReadError(error as NodeJS.ErrnoException), kind: 'unreadable'}}
  }
  if (options.isOwnReport?.(bytes)) return {ownReport: true}
  return {bytes}
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`
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

