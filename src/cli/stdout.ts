/**
 * Standard output for bin/plainly.js, written straight to its file
 * descriptor with writeSync.
 *
 * - Quicker to start: Node builds process.stdout from its stream modules
 *   (twenty or so) the first time it is asked for. plainly writes each report
 *   in one piece, so it needs none of that.
 * - Never a stack trace when the reader goes away (`plainly check docs | head`,
 *   EPIPE; ECONNRESET when the other end is a socket):
 *   the rest of the report is dropped quietly, as other command-line tools do.
 * - A long report is encoded a piece at a time into one small buffer, rather
 *   than into a new buffer the size of the report.
 *
 * Only where it is safe: when the descriptor is non-blocking (a parent that
 * shares its own pipe), writeSync would fail with EAGAIN, so the rest goes
 * to process.stdout, which waits for the reader. Whether it is a terminal is
 * asked of process.stdout only when the descriptor could be one.
 */
import {closeSync, fstatSync, openSync, writeSync} from 'node:fs'
import type {OutputStream} from './io.js'

/** Characters encoded at a time: at most three bytes each in UTF-8. */
const PIECE = 16_384

/** What process.stdout offers that this needs. */
export interface FallbackStream {
  write(chunk: string | Uint8Array): unknown
  isTTY?: boolean
}

export interface DirectOutputOptions {
  /** The stream to hand over to: process.stdout, made only when needed. */
  fallback: () => FallbackStream
  /** For tests: instead of writeSync. */
  write?: (fd: number, buffer: Uint8Array, offset: number, length: number) => number
}

/** Standard output or error, which also takes bytes (a report written before, see io/run-memo.ts). */
export interface DirectOutput extends OutputStream {
  writeBytes(bytes: Uint8Array): void
}

export function directOutput(fd: number, options: DirectOutputOptions): DirectOutput {
  const write = options.write ?? writeSync
  let handedOver: FallbackStream | undefined
  let closed = false
  let buffer: Buffer | undefined
  const encoder = new TextEncoder()

  /** Write bytes[0, length): all of them, or up to where the reader went away, or the rest to the fallback. */
  const writeAll = (bytes: Uint8Array, length: number): void => {
    let offset = 0
    while (offset < length) {
      try {
        offset += write(fd, bytes, offset, length - offset)
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'EPIPE' || code === 'ECONNRESET') {
          closed = true
          return
        }
        if (code !== 'EAGAIN') throw error
        handedOver = options.fallback()
        // A copy: the buffer is used again. Bytes, as a character may have been cut in two.
        handedOver.write(Uint8Array.prototype.slice.call(bytes, offset, length))
        return
      }
    }
  }

  return {
    writeBytes(bytes: Uint8Array) {
      if (closed) return
      if (handedOver) handedOver.write(bytes)
      else writeAll(bytes, bytes.length)
    },
    write(text: string) {
      if (closed) return true
      if (handedOver) return handedOver.write(text)
      buffer ??= Buffer.allocUnsafe(PIECE * 3)
      let start = 0
      while (start < text.length && !closed && !handedOver) {
        let end = Math.min(text.length, start + PIECE)
        // Never split a surrogate pair: the halves would each become U+FFFD.
        const last = text.charCodeAt(end - 1)
        if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--
        const {read, written} = encoder.encodeInto(start === 0 && end === text.length ? text : text.slice(start, end), buffer)
        start += read
        writeAll(buffer, written)
      }
      // writeAll may have handed over (TypeScript cannot see that through the closure).
      const over = handedOver as FallbackStream | undefined
      if (over && start < text.length) over.write(text.slice(start))
      return true
    },
    get isTTY() {
      // A file, pipe or socket is never a terminal; a character device may be one (or /dev/null).
      return mayBeTerminal(fd) ? Boolean(options.fallback().isTTY) : false
    }
  }
}

function mayBeTerminal(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice()
  } catch {
    return false
  }
}

/**
 * Write a report to a file (--output), piece by piece the same way: a long
 * report is never turned into one buffer the size of the whole report.
 */
export function writeReportFile(file: string, pieces: Iterable<string>): void {
  const fd = openSync(file, 'w')
  try {
    const output = directOutput(fd, {
      fallback: () => {
        throw Object.assign(new Error(`${file} is not ready to be written`), {code: 'EAGAIN'})
      }
    })
    for (const piece of pieces) output.write(piece)
  } finally {
    closeSync(fd)
  }
}
