/**
 * The result cache (src/io/cache.ts): files known by their size and times
 * while unchanged, read and hashed again on any difference, settings kept
 * once, and older caches started afresh.
 */
import {createHash} from 'node:crypto'
import {readFileSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {ResultCache} from '../src/io/cache.js'
import type {FileResult} from '../src/types.js'
import {runCli, tempDir} from './helpers.js'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const result = (name: string): FileResult => ({path: name, format: 'markdown', readingAge: null, findings: [], suppressed: []}) as unknown as FileResult
/** A clock a minute ahead: files written by the test count as long unchanged. */
const later = () => (BigInt(Date.now()) + 60_000n) * 1_000_000n

describe('result cache: knowing a file is unchanged', () => {
  it('hashes the bytes of ordinary files only', async () => {
    const dir = tempDir({'a.md': 'Hello.\n'})
    const cache = await ResultCache.open('cache/', dir)
    expect(cache.contentHash(path.join(dir, 'a.md'))).toBe(sha256('Hello.\n'))
    expect(cache.contentHash(dir)).toBeUndefined()
    expect(cache.contentHash(path.join(dir, 'missing.md'))).toBeUndefined()
  })

  it('does not read an unchanged file again once its times are old enough to trust', async () => {
    const dir = tempDir({'a.md': 'Hello.\n'})
    const file = path.join(dir, 'a.md')
    const cache = await ResultCache.open('cache/', dir, {now: later})
    expect(cache.contentHash(file)).toBe(sha256('Hello.\n'))
    expect(cache.contentHash(file)).toBe(sha256('Hello.\n'))
    expect(cache.filesHashed).toBe(1)
    // Saved and opened again (the next run): still known without reading.
    await cache.save()
    const next = await ResultCache.open('cache/', dir, {now: later})
    expect(next.contentHash(file)).toBe(sha256('Hello.\n'))
    expect(next.filesHashed).toBe(0)
  })

  it('reads a file again when it changed just before it was read (its times could repeat)', async () => {
    const dir = tempDir({'a.md': 'Hello.\n'})
    const file = path.join(dir, 'a.md')
    const cache = await ResultCache.open('cache/', dir)
    cache.contentHash(file)
    cache.contentHash(file)
    expect(cache.filesHashed).toBe(2)
  })

  it('notices a change of the same size even when the modification time is put back', async () => {
    const dir = tempDir({'a.md': 'Hello.\n'})
    const file = path.join(dir, 'a.md')
    const cache = await ResultCache.open('cache/', dir, {now: later})
    // Whole seconds, so that the time can be put back exactly.
    utimesSync(file, 1_700_000_000, 1_700_000_000)
    const before = statSync(file, {bigint: true})
    expect(cache.contentHash(file)).toBe(sha256('Hello.\n'))
    // File times tick in steps of a few milliseconds on Linux: let the change time move on.
    await new Promise((resolve) => setTimeout(resolve, 25))
    writeFileSync(file, 'Jello.\n')
    utimesSync(file, 1_700_000_000, 1_700_000_000)
    const after = statSync(file, {bigint: true})
    expect([after.size, after.mtimeNs, after.ino]).toEqual([before.size, before.mtimeNs, before.ino])
    expect(cache.contentHash(file)).toBe(sha256('Jello.\n'))
  })

  it('reads a touched file again, and its results still count when the content is the same', async () => {
    const dir = tempDir({'a.md': 'Hello.\n'})
    const file = path.join(dir, 'a.md')
    const cache = await ResultCache.open('cache/', dir, {now: later})
    const content = cache.contentHash(file)!
    cache.set(file, 'settings', content, result('a.md'))
    const future = new Date(Date.now() + 5_000)
    utimesSync(file, future, future)
    expect(cache.contentHash(file)).toBe(content)
    expect(cache.filesHashed).toBe(2)
    expect(cache.get(file, 'settings', content)?.result!.path).toBe('a.md')
  })

  it('reads every file every time with the content strategy', async () => {
    const dir = tempDir({'a.md': 'Hello.\n'})
    const file = path.join(dir, 'a.md')
    const cache = await ResultCache.open('cache/', dir, {now: later, strategy: 'content'})
    cache.contentHash(file)
    cache.contentHash(file)
    expect(cache.filesHashed).toBe(2)
  })
})

describe('result cache: entries', () => {
  it('gives results back only for the same settings and content, across runs', async () => {
    const dir = tempDir({'a.md': 'Hello.\n', 'b.md': 'Bye.\n'})
    const a = path.join(dir, 'a.md')
    const b = path.join(dir, 'b.md')
    const cache = await ResultCache.open('cache/', dir)
    cache.set(a, 'settings one', 'hash a', result('a.md'))
    cache.set(b, 'settings two', 'hash b', result('b.md'))
    expect(cache.get(a, 'settings one', 'hash a')?.result!.path).toBe('a.md')
    expect(cache.get(a, 'settings two', 'hash a')).toBeUndefined()
    expect(cache.get(a, 'settings one', 'other hash')).toBeUndefined()
    // b's results under new settings: the old settings are no longer used by any file, so not saved.
    cache.set(b, 'settings one', 'hash b', result('b.md'))
    await cache.save()
    const saved = JSON.parse(readFileSync(path.join(dir, 'cache', 'cache.json'), 'utf8'))
    expect(saved.settings).toEqual(['settings one'])
    const next = await ResultCache.open('cache/', dir)
    expect(next.get(a, 'settings one', 'hash a')?.result!.path).toBe('a.md')
    expect(next.get(b, 'settings one', 'hash b')?.result!.path).toBe('b.md')
  })

  it('forgets files that are gone when it saves, and keeps files this run did not check', async () => {
    const dir = tempDir({'a.md': 'A.\n', 'b.md': 'B.\n', 'c.md': 'C.\n'})
    const [a, b, c] = ['a.md', 'b.md', 'c.md'].map((name) => path.join(dir, name))
    const first = await ResultCache.open('cache/', dir)
    for (const file of [a!, b!, c!]) first.set(file, 'settings', first.contentHash(file)!, result(path.basename(file)))
    await first.save()
    // b is deleted; the next run checks a only.
    rmSync(b!)
    const next = await ResultCache.open('cache/', dir)
    next.set(a!, 'settings', next.contentHash(a!)!, result('a.md'))
    await next.save()
    const saved = JSON.parse(readFileSync(path.join(dir, 'cache', 'cache.json'), 'utf8'))
    expect(Object.keys(saved.files).sort()).toEqual([a, c])
    expect(Object.keys(saved.hashes).sort()).toEqual([a, c])
    const third = await ResultCache.open('cache/', dir)
    expect(third.get(c!, 'settings', sha256('C.\n'))?.result!.path).toBe('c.md')
  })

  it('starts afresh from a damaged cache or one written by an older plainly', async () => {
    const old = JSON.stringify({version: 1, files: {'/x/a.md': {key: 'k', result: result('a.md')}}})
    const version2 = JSON.stringify({version: 2, settings: ['k'], files: {'/x/a.md': {settings: 0, content: 'k', result: result('a.md'), source: 'text'}}, hashes: {}})
    // Version 3 had no numbered uses of a word (occurrence) in its results.
    const version3 = JSON.stringify({version: 3, settings: ['k'], files: {'/x/a.md': {settings: 0, content: 'k', result: result('a.md'), source: 'text'}}, hashes: {}})
    // Version 4 read words split by formatting as several words, and gave Word findings no safe swap.
    const version4 = JSON.stringify({version: 4, settings: ['k'], files: {'/x/a.md': {settings: 0, content: 'k', result: result('a.md'), source: 'text'}}, hashes: {}})
    for (const text of [old, version2, version3, version4, '{not json', '{"version": 5, "settings": "no"}']) {
      const dir = tempDir({'cache.json': text})
      const cache = await ResultCache.open('cache.json', dir)
      expect(cache.get('/x/a.md', 'k', 'k')).toBeUndefined()
      cache.set(path.join(dir, 'a.md'), 's', 'c', result('a.md'))
      await cache.save()
      expect(JSON.parse(readFileSync(path.join(dir, 'cache.json'), 'utf8')).version).toBe(5)
    }
  })
})

describe('--cache-strategy', () => {
  it('gives the same report either way, and refuses other strategies', async () => {
    const dir = tempDir({'a.md': 'We will leverage the synergies.\n'})
    const cold = await runCli(['check', 'a.md', '--no-config', '-f', 'json'], {cwd: dir})
    for (const strategy of ['metadata', 'content']) {
      const first = await runCli(['check', 'a.md', '--no-config', '-f', 'json', '--cache-strategy', strategy], {cwd: dir})
      const again = await runCli(['check', 'a.md', '--no-config', '-f', 'json', '--cache-strategy', strategy], {cwd: dir})
      expect(first.stdout).toBe(cold.stdout)
      expect(again.stdout).toBe(cold.stdout)
    }
    const bad = await runCli(['check', 'a.md', '--cache-strategy', 'mtime'], {cwd: dir})
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('metadata, content')
  })
})
