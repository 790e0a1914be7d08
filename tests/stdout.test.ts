/**
 * Standard output written straight to its file descriptor (src/cli/stdout.ts),
 * as bin/plainly.js does: every byte arrives, a reader that goes away ends
 * the report quietly, and a non-blocking pipe hands over to process.stdout.
 */
import {spawn} from 'node:child_process'
import {closeSync, openSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {directOutput, writeReportFile} from '../src/cli/stdout.js'
import {tempDir} from './helpers.js'

const root = path.resolve(fileURLToPath(import.meta.url), '../..')

/** Text with characters of one, two, three and four bytes, some of them on the edges of the pieces. */
function mixedText(length: number): string {
  const parts = ['plain ', '£5 ', '“quoted” ', 'emoji 🙂 ', 'ﬁ ', '\n']
  let text = ''
  for (let index = 0; text.length < length; index++) text += parts[index % parts.length]
  // A surrogate pair exactly across the first piece boundary (16,384 characters).
  return `${text.slice(0, 16_383)}🙂${text.slice(16_383)}`
}

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), {code})
}

describe('direct standard output', () => {
  it('writes every byte of long and short texts to the file, in order', () => {
    const dir = tempDir({})
    const file = path.join(dir, 'out.txt')
    const fd = openSync(file, 'w')
    const text = mixedText(100_000)
    const output = directOutput(fd, {fallback: () => ({write: () => true, isTTY: true})})
    output.write(text)
    output.write('and a last line ✓\n')
    closeSync(fd)
    expect(readFileSync(file, 'utf8')).toBe(`${text}and a last line ✓\n`)
  })

  it('knows a file is not a terminal without asking process.stdout', () => {
    const dir = tempDir({})
    const fd = openSync(path.join(dir, 'out.txt'), 'w')
    let asked = 0
    const output = directOutput(fd, {
      fallback: () => {
        asked++
        return {write: () => true, isTTY: true}
      }
    })
    expect(output.isTTY).toBe(false)
    expect(asked).toBe(0)
    closeSync(fd)
  })

  it('writes what is left when a write takes only part of the bytes', () => {
    const written: number[] = []
    const output = directOutput(99, {
      fallback: () => ({write: () => true}),
      write: (_fd, buffer, offset, length) => {
        const some = Math.min(length, 1000)
        written.push(...buffer.subarray(offset, offset + some))
        return some
      }
    })
    const text = mixedText(40_000)
    output.write(text)
    expect(Buffer.from(written).toString('utf8')).toBe(text)
  })

  it('drops the rest quietly when the reader has gone away (EPIPE)', () => {
    let calls = 0
    const output = directOutput(99, {
      fallback: () => {
        throw new Error('should not hand over')
      },
      write: () => {
        calls++
        throw errno('EPIPE')
      }
    })
    expect(() => output.write(mixedText(50_000))).not.toThrow()
    expect(() => output.write('more\n')).not.toThrow()
    expect(calls).toBe(1)
  })

  it('hands the rest, byte for byte, to the fallback stream when the pipe would block (EAGAIN)', () => {
    const direct: number[] = []
    const handed: Buffer[] = []
    let calls = 0
    const output = directOutput(99, {
      fallback: () => ({
        write: (chunk: string | Uint8Array) => {
          handed.push(Buffer.from(chunk))
          return true
        }
      }),
      write: (_fd, buffer, offset, length) => {
        calls++
        // The second write stops half-way through the bytes of a character, then the pipe is full.
        if (calls === 2) {
          direct.push(...buffer.subarray(offset, offset + 7))
          return 7
        }
        if (calls === 3) throw errno('EAGAIN')
        direct.push(...buffer.subarray(offset, offset + length))
        return length
      }
    })
    const text = mixedText(60_000)
    output.write(text)
    output.write('after\n')
    expect(Buffer.concat([Buffer.from(direct), ...handed]).toString('utf8')).toBe(`${text}after\n`)
    expect(calls).toBe(3)
  })

  it('passes on other errors', () => {
    const output = directOutput(99, {
      fallback: () => ({write: () => true}),
      write: () => {
        throw errno('EIO')
      }
    })
    expect(() => output.write('text')).toThrow('EIO')
  })

  it('ends quietly, with the usual exit code, when the command reading the report stops early', async () => {
    // Enough findings to fill the pipe, so plainly is still writing when the reader goes.
    const dir = tempDir(Object.fromEntries(Array.from({length: 40}, (_, index) => [`page-${index}.md`, 'We will leverage our synergies with stakeholders going forward.\n'.repeat(30)])))
    const child = spawn(process.execPath, [path.join(root, 'bin/plainly.js'), 'check', '.', '--no-config', '--jobs', '1', '--format', 'json'], {cwd: dir, stdio: ['ignore', 'pipe', 'pipe']})
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout.once('data', () => child.stdout.destroy())
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(stderr).toBe('Failed: 4,840 warnings with --fail-on warning.\n')
    expect(code).toBe(1)
  }, 30_000)
})

describe('report files (--output)', () => {
  it('writes the pieces one after another, byte for byte, over what was there', () => {
    const file = path.join(tempDir(), 'report.json')
    writeReportFile(file, ['an older, longer report that must not show through '.repeat(2000)])
    const pieces = [mixedText(40_000), '', ',\n    ', mixedText(20), '🙂\n']
    writeReportFile(file, pieces)
    expect(readFileSync(file, 'utf8')).toBe(pieces.join(''))
  })

  it('fails with the system error code when the file cannot be written', () => {
    expect(() => writeReportFile(path.join(tempDir(), 'no-such-folder', 'report.json'), ['{}'])).toThrow(expect.objectContaining({code: 'ENOENT'}))
  })
})
