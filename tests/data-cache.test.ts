/**
 * Data files are parsed once per content (src/io/data-cache.ts): team
 * glossaries into the cache folder, the shipped ones into the command's
 * bundle at build time. What a run reads from either must be exactly what
 * parsing the YAML gives, and a changed file is always parsed again.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {compileGlossary, type CompiledGlossary, type TrieNode} from '../src/glossary/compile.js'
import {cacheFolder, dataKey} from '../src/io/data-cache.js'
import {availablePacks, layerEntries, loadEnglishData, loadLayers, packFile, parseGlossary, shippedGlossaryFiles, SHIPPED_GLOSSARY_DIR} from '../src/io/glossary-files.js'
import {parseAcronyms} from '../src/glossary/acronyms.js'
import {glossaryYaml, tempDir} from './helpers.js'

const root = path.resolve(fileURLToPath(import.meta.url), '../..')
const read = (file: string) => readFileSync(file, 'utf8')

/** The trie as plain data: words, then each terminal's entry id, term and exact words, in order. */
function shape(glossary: CompiledGlossary): unknown {
  const walk = (node: TrieNode): unknown => ({
    ends: node.ends?.map((terminal) => [terminal.entry.id, terminal.term, terminal.exact ?? null]) ?? [],
    next: [...node.next].map(([word, child]) => [word, walk(child)])
  })
  return {root: walk(glossary.root), exceptions: [...glossary.exceptions], ids: [...glossary.byId.keys()], acronyms: [...glossary.knownAcronyms]}
}

/** Load with an empty cache folder of its own, and say which cache files the load wrote. */
function withCacheFolder<T>(load: () => T): {value: T; written: string[]} {
  const folder = mkdtempSync(path.join(tmpdir(), 'plainly-cache-'))
  const before = process.env.PLAINLY_CACHE_DIR
  process.env.PLAINLY_CACHE_DIR = folder
  try {
    const value = load()
    return {value, written: existsSync(folder) ? readdirSync(folder) : []}
  } finally {
    process.env.PLAINLY_CACHE_DIR = before
  }
}

describe('parsed data files', () => {
  it('are cached by content in the cache folder, and give the same entries and compiled glossary as parsing the YAML', () => {
    const packs = availablePacks()
    const first = withCacheFolder(() => loadLayers({packs}))
    // Every shipped glossary file, pack and the acronyms were parsed and kept.
    expect(first.written.length).toBe(shippedGlossaryFiles().length + packs.length + 1)
    const cwd = process.cwd()
    const parse = (file: string) => parseGlossary(read(file), path.relative(cwd, file))
    const shipped = shippedGlossaryFiles().map(parse)
    const parsed = layerEntries([shipped.flatMap((item) => item.entries), ...packs.map((pack) => parse(packFile(pack)).entries)])
    const knownAcronyms = [...parseAcronyms(read(path.join(SHIPPED_GLOSSARY_DIR, 'acronyms.yml')), 'acronyms.yml').acronyms, ...shipped.flatMap((item) => item.knownAcronyms)]
    const english = loadEnglishData()
    for (const loaded of [first.value, loadLayers({packs})]) {
      expect(loaded.entries).toEqual(parsed)
      expect(loaded.knownAcronyms).toEqual(knownAcronyms)
      expect(shape(compileGlossary(loaded.entries, {knownAcronyms: loaded.knownAcronyms, english}))).toEqual(shape(compileGlossary(parsed, {knownAcronyms, english})))
    }
  })

  it('keep no path of the folder they were read from (each entry is given its file as it is read)', () => {
    const dir = tempDir({'team.yml': glossaryYaml({id: 'synergy', term: 'synergy'})})
    const {value, written} = withCacheFolder(() => loadLayers({layers: ['team.yml'], cwd: dir, shipped: false}))
    expect(value.entries[0]!.file).toBe('team.yml')
    expect(written).toHaveLength(1)
  })

  it('are parsed again when a file changes, and a file with problems is never kept', () => {
    const dir = tempDir({'team.yml': glossaryYaml({id: 'synergy', term: 'synergy'})})
    const folder = mkdtempSync(path.join(tmpdir(), 'plainly-cache-'))
    process.env.PLAINLY_CACHE_DIR = folder
    try {
      expect(loadLayers({layers: ['team.yml'], cwd: dir, shipped: false}).entries.map((entry) => entry.terms)).toEqual([['synergy']])
      writeFileSync(path.join(dir, 'team.yml'), glossaryYaml({id: 'synergy', term: 'synergies of scale'}))
      expect(loadLayers({layers: ['team.yml'], cwd: dir, shipped: false}).entries.map((entry) => entry.terms)).toEqual([['synergies of scale']])
      writeFileSync(path.join(dir, 'team.yml'), glossaryYaml({id: 'synergy', term: 'synergy', severity: 'loud'}))
      expect(() => loadLayers({layers: ['team.yml'], cwd: dir, shipped: false})).toThrow(/severity/)
      expect(readdirSync(folder)).toHaveLength(2)
      const bytes = readFileSync(path.join(dir, 'team.yml'))
      expect(readdirSync(folder)).not.toContain(`${dataKey('glossary', bytes)}.json`)
    } finally {
      process.env.PLAINLY_CACHE_DIR = path.join(tmpdir(), 'plainly-test-cache')
    }
  })

  it('live in the user cache folder unless PLAINLY_CACHE_DIR says otherwise', () => {
    expect(cacheFolder({PLAINLY_CACHE_DIR: '/x'})).toBe('/x')
    expect(cacheFolder({XDG_CACHE_HOME: '/home/a/.cache'})).toBe('/home/a/.cache/plainly')
  })

  it('are built into the command for the shipped files: a check with an empty cache folder parses and writes nothing', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'plainly-cache-'))
    const dir = tempDir({'a.md': 'We will leverage it, in order to help.\n'})
    const result = spawnSync(process.execPath, [path.join(root, 'bin/plainly.js'), 'check', 'a.md', '--no-config', '--pack', 'govau', '--format', 'json'], {cwd: dir, encoding: 'utf8', env: {...process.env, PLAINLY_CACHE_DIR: folder}})
    expect(JSON.parse(result.stdout).files[0].findings.length).toBeGreaterThan(1)
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([])
  })
})
