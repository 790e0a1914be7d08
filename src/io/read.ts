/**
 * Read a document's bytes from disk, for the checker (core/document.ts).
 * Only ordinary files are read (a pipe or device could block for ever), and
 * none larger than the limit; a report or baseline that plainly wrote is
 * known by its bytes and not checked. Never throws: what stops a file being
 * read is said in plain words.
 */
import type {CheckInput} from '../core/checker.js'
import {readFileSync, statSync} from 'node:fs'

export interface ReadOptions {
  /** Files larger than this many bytes are not read (default 50 MB). */
  maxSize?: number
  /** Tells a report or baseline that plainly wrote from its bytes: such a file is not read any further. */
  isOwnReport?: (bytes: Uint8Array) => boolean
}

/** Files larger than this are not read (see --max-file-size). */
export const DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024

/** What was read, or why it could not be: the problem as the checker takes it (its rule is file/<kind>). */
export type ReadResult = {bytes: Uint8Array} | {ownReport: true} | {problem: NonNullable<CheckInput['problem']>}

export function readDocumentBytes(filePath: string, options: ReadOptions = {}): ReadResult {
  const maxSize = options.maxSize ?? DEFAULT_MAX_FILE_SIZE
  let bytes: Uint8Array
  try {
    // Synchronous reads: for the many small files of a batch they are several times quicker than fs/promises.
    const info = statSync(filePath)
    if (info.isDirectory()) return {problem: {reason: READ_ERRORS.EISDIR!, kind: 'unreadable'}}
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
  return encoding === 'utf-16le' ? little : little.swap16()
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'cannot find this file',
  EACCES: 'cannot read this file: permission denied',
  EPERM: 'cannot read this file: permission denied',
  EISDIR: 'this is a folder, not a file',
  ELOOP: 'this is a link that leads round in a circle back to itself'
}

export function describeReadError(error: NodeJS.ErrnoException): string {
  return READ_ERRORS[error.code ?? ''] ?? `cannot read this file (${error.code ?? error.message})`
}
