/**
 * The build parses the shipped data files once and stores the results
 * (scripts/build-glossary-cache.mjs, src/glossary/prebuilt.ts). What a run
 * reads from that cache must be exactly what parsing the YAML gives.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseAcronyms, readAcronymsFile} from '../src/glossary/acronyms.js'
import {compileGlossary, type CompiledGlossary, type TrieNode} from '../src/glossary/compile.js'
import {languageLists, parseLanguageLists} from '../src/glossary/language.js'
import {availablePacks, layerEntries, loadLayers, packFile, shippedGlossaryFiles, SHIPPED_GLOSSARY_DIR} from '../src/glossary/load.js'
import {PREBUILT_DIR, readPrebuilt} from '../src/glossary/prebuilt.js'
import {parseGlossary} from '../src/glossary/schema.js'
import {loadSimplifyOff, parseSimplifyOff, SIMPLIFY_OFF_FILE} from '../src/glossary/simplify-off.js'
import {tempDir} from './helpers.js'

const read = (file: string) => readFileSync(file, 'utf8')
const bytes = (file: string) => readFileSync(file)

/** The trie as plain data: words, then each terminal's entry id, term and exact words, in order. */
function shape(glossary: CompiledGlossary): unknown {
  const walk = (node: TrieNode): unknown => ({
    ends: node.ends?.map((terminal) => [terminal.entry.id, terminal.term, terminal.exact ?? null]) ?? [],
    next: [...node.next].map(([word, child]) => [word, walk(child)])
  })
  return {root: walk(glossary.root), exceptions: [...glossary.exceptions], ids: [...glossary.byId.keys()], acronyms: [...glossary.knownAcronyms]}
}

describe('the build cache of the shipped data files', () => {
  it('has every shipped glossary file and pack', () => {
    for (const file of [...shippedGlossaryFiles(), ...availablePacks().map((pack) => packFile(pack))]) {
      expect(readPrebuilt('glossary', file, bytes(file)), file).toBeDefined()
    }
  })

  it('keeps no path of the folder it was built in (each entry is given its file as it is read)', () => {
    const names = readdirSync(PREBUILT_DIR).filter((name) => name.endsWith('.json'))
    expect(names.length).toBeGreaterThan(0)
    for (const name of names) expect(readFileSync(path.join(PREBUILT_DIR, name), 'utf8'), name).not.toContain(SHIPPED_GLOSSARY_DIR)
  })

  it('gives the same entries and the same compiled glossary as parsing the YAML', () => {
    const packs = availablePacks()
    const cached = loadLayers({packs})
    const cwd = process.cwd()
    const parse = (file: string) => parseGlossary(read(file), path.relative(cwd, file))
    const shipped = shippedGlossaryFiles().map(parse)
    const layers = [shipped.flatMap((parsed) => parsed.entries), ...packs.map((pack) => parse(packFile(pack)).entries)]
    const parsed = layerEntries(layers)
    const knownAcronyms = [...readAcronymsFile(path.join(SHIPPED_GLOSSARY_DIR, 'acronyms.yml'), 'acronyms.yml').acronyms, ...shipped.flatMap((item) => item.knownAcronyms)]
    expect(cached.entries).toEqual(parsed)
    expect(cached.knownAcronyms).toEqual(knownAcronyms)
    expect(shape(compileGlossary(cached.entries, {knownAcronyms: cached.knownAcronyms}))).toEqual(shape(compileGlossary(parsed, {knownAcronyms})))
  })

  it('notices an entry changed after loading, and compiles it afresh', () => {
    const entries = loadLayers().entries
    // The same object as loaded (with keys from the build), given other terms.
    entries.find((entry) => entry.id === 'leverage')!.terms = ['lever arch']
    const glossary = compileGlossary(entries)
    expect(glossary.root.next.get('lever')?.next.get('arch')?.ends?.[0]?.entry.id).toBe('leverage')
    expect(glossary.root.next.get('leverage')).toBeUndefined()
  })

  it('gives the same acronyms, word lists and simplify list as parsing the YAML', () => {
    const acronymsFile = path.join(SHIPPED_GLOSSARY_DIR, 'acronyms.yml')
    expect(readPrebuilt('acronyms', acronymsFile, bytes(acronymsFile))).toEqual(parseAcronyms(read(acronymsFile), 'acronyms.yml').acronyms)
    const simplify = parseSimplifyOff(read(SIMPLIFY_OFF_FILE), 'simplify-off.yml').phrases
    expect(readPrebuilt('simplify-off', SIMPLIFY_OFF_FILE, bytes(SIMPLIFY_OFF_FILE))).toEqual(simplify)
    expect(loadSimplifyOff()).toEqual(simplify)
    const languageFile = path.join(SHIPPED_GLOSSARY_DIR, 'language.yml')
    const words = parseLanguageLists(read(languageFile))
    expect(readPrebuilt('language', languageFile, bytes(languageFile))).toEqual(words)
    expect(languageLists().explainingWords).toEqual(new Set(words.explainingWords))
  })

  it('is not used for a shipped file whose bytes changed, nor for any other file', () => {
    const file = shippedGlossaryFiles()[0]!
    expect(readPrebuilt('glossary', file, Buffer.concat([bytes(file), Buffer.from('\n')]))).toBeUndefined()
    const copy = path.join(tempDir(), path.basename(file))
    expect(readPrebuilt('glossary', copy, bytes(file))).toBeUndefined()
  })
})
