/**
 * compileGlossary builds its trie in a way that allocates little (no arrays
 * per key, shared leaf maps, keys from the build cache). The trie must be
 * the one the plain way gives: that way is copied here as it was, and both
 * are compared on the shipped glossary, the packs and entries with every
 * kind of field.
 */
import {describe, expect, it} from 'vitest'
import {compileGlossary, eachFirstWord, entryKeys, type CompiledGlossary, type Terminal, type TrieNode} from '../src/glossary/compile.js'
import {availablePacks, loadLayers} from '../src/io/glossary-files.js'
import {exactWord, foldSpelling, inflect, normaliseWord, termVariants} from '../src/glossary/normalise.js'
import type {GlossaryEntry} from '../src/glossary/types.js'
import {glossaryFrom, glossaryYaml} from './helpers.js'

function referenceCompile(entries: readonly GlossaryEntry[]): CompiledGlossary {
  const root: TrieNode = {next: new Map()}
  const byId = new Map<string, GlossaryEntry>()
  const exceptions = new Map<string, string[][]>()
  for (const entry of entries) {
    byId.set(entry.id, entry)
    for (const term of [...entry.terms, ...entry.forms]) {
      for (const words of wordSequences(term, entry, entry.forms.includes(term) ? false : entry.inflect)) {
        insert(root, words.map((word) => normaliseWord(word)), {entry, term, exact: entry.acronym ? words.map((word) => exactWord(word)) : undefined})
      }
    }
    if (entry.except.length > 0) {
      exceptions.set(entry.id, entry.except.flatMap((phrase) => termVariants(phrase).map((words) => words.map((word) => normaliseWord(word)))))
    }
  }
  return {entries: [...entries], byId, root, exceptions, knownAcronyms: new Set(), language: compileGlossary([]).language, everydayWords: ''}
}

function wordSequences(term: string, entry: GlossaryEntry, withEndings: boolean): string[][] {
  const sequences: string[][] = []
  for (const words of termVariants(term)) {
    const last = words[words.length - 1]!
    const head = words.slice(0, -1)
    if (entry.acronym) {
      sequences.push(words)
      if (withEndings && /[A-Z\d]$/.test(last)) sequences.push([...head, `${last}s`])
      continue
    }
    const forms = withEndings ? inflect(foldSpelling(last.toLowerCase())) : [last]
    for (const form of forms) sequences.push([...head, form])
  }
  return sequences
}

function insert(root: TrieNode, words: string[], terminal: Terminal): void {
  let node = root
  for (const word of words) {
    let child = node.next.get(word)
    if (!child) {
      child = {next: new Map()}
      node.next.set(word, child)
    }
    node = child
  }
  node.ends ??= []
  node.ends.unshift(terminal)
}

/**
 * The trie as plain data, terminals by entry id, term and exact words, in
 * order; words sorted (a large glossary's trie is filled in on demand, so its
 * words may come in another order).
 */
function shape(glossary: CompiledGlossary): unknown {
  const walk = (node: TrieNode): unknown => ({
    ends: node.ends?.map((terminal) => [terminal.entry.id, terminal.term, terminal.exact ?? null]) ?? null,
    next: [...node.next].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([word, child]) => [word, walk(child)])
  })
  return {root: walk(glossary.root), exceptions: [...glossary.exceptions], ids: [...glossary.byId.keys()]}
}

describe('compileGlossary', () => {
  it('builds the same trie as the plain way, for the shipped glossary and the packs', () => {
    for (const packs of [[], availablePacks()]) {
      const {entries} = loadLayers({packs})
      expect(shape(compileGlossary(entries))).toEqual(shape(referenceCompile(entries)))
    }
  })

  it('fills in a large glossary on demand: the same matches, and the same trie once all is listed', () => {
    // Over 1,000 entries of its own: entries join the trie when a word of theirs is looked up.
    const made = Array.from({length: 1500}, (_, index) => {
      const word = ['local', 'care', 'stakeholder', 'plan', 'NHS', 'co-production', 'utilise'][index % 7]!
      return index % 5 === 0
        ? {id: `made-${index}`, terms: [`${word} zq${index}`, `zq${index}`], acronym: false, forms: [`zq${index}ings`]}
        : index % 11 === 0
          ? {id: `made-${index}`, terms: [`ZQ${index % 50}`], acronym: true}
          : {id: `made-${index}`, term: index % 3 === 0 ? word : `${word} ${['plan', 'care', 'zz'][index % 3]}`, except: index % 13 === 0 ? [`${word} room`] : []}
    })
    // "late" comes in through its own word first, then "early" through "care": "late" must still go first.
    made.push({id: 'early', term: 'care plans'} as (typeof made)[number], {id: 'late', terms: ['zzlate', 'care plans']} as (typeof made)[number])
    const team = glossaryFrom(glossaryYaml(...made)).entries
    const entries = [...loadLayers().entries, ...team]
    const reference = referenceCompile(entries)
    const lazy = compileGlossary(entries)
    // Matching looks words up one by one, so compare what a lookup finds before anything is listed.
    for (const word of ['zzlate', 'local', 'zq5', 'nhs', 'stakeholders', 'plan', 'care', 'coproduction', 'co', 'zq10ings', 'unknown', 'ZQ11'.toLowerCase()]) {
      const found = lazy.root.next.get(word)
      const expected = reference.root.next.get(word)
      expect(found?.ends?.map((terminal) => [terminal.entry.id, terminal.term]), word).toEqual(expected?.ends?.map((terminal) => [terminal.entry.id, terminal.term]))
      expect([...(found?.next.keys() ?? [])].sort(), word).toEqual([...(expected?.next.keys() ?? [])].sort())
    }
    expect(shape(lazy)).toEqual(shape(reference))
    expect(lazy.root.next.size).toBe(reference.root.next.size)
    // Every other way of reading a Map gives what the whole trie has, whichever is asked first.
    const fresh = () => compileGlossary(entries).root.next
    expect(fresh().has('zzlate')).toBe(true)
    expect(fresh().has('zzunknown')).toBe(false)
    expect([...fresh().keys()].sort()).toEqual([...reference.root.next.keys()].sort())
    expect([...fresh().values()].length).toBe(reference.root.next.size)
    const seen: string[] = []
    fresh().forEach((_node, word) => seen.push(word))
    expect(seen.sort()).toEqual([...reference.root.next.keys()].sort())
  })

  it('finds the same terminals, in the same order, two and three words deep, before anything is listed', () => {
    // Terms of two and three words after common first words, with endings, forms, short, "iz…" and non-ASCII second words.
    const seconds = ['plan', 'planning', 'ty', 'izzard', 'café', 'zq', 'review', 'plans', 'pl', 'ties']
    const made = Array.from({length: 400}, (_, index) => {
      const first = ['care', 'local', 'health'][index % 3]!
      const second = seconds[index % seconds.length]!
      const third = index % 4 === 0 ? ` zq${index}` : ''
      return index % 7 === 0
        ? {id: `made-${index}`, terms: [`${first} ${second}${third}`, `${first} ty`], forms: [`${first} ${second}s`]}
        : {id: `made-${index}`, terms: [`${first} ${second}${third}`], forms: index % 5 === 0 ? [`${first} ${second}s`] : [], inflect: index % 6 !== 0}
    })
    const entries = [...loadLayers().entries, ...glossaryFrom(glossaryYaml(...made)).entries]
    const reference = referenceCompile(entries)
    const lazy = compileGlossary(entries)
    const terminals = (node: TrieNode | undefined) => node?.ends?.map((terminal) => [terminal.entry.id, terminal.term])
    for (const first of ['care', 'local', 'health']) {
      const lazyFirst = lazy.root.next.get(first)
      const referenceFirst = reference.root.next.get(first)
      for (const second of ['plan', 'plans', 'planned', 'planning', 'plannings', 'ty', 'ties', 'izzard', 'izzards', 'café', 'zq', 'zqs', 'review', 'reviewed', 'pl', 'pls', 'unknown']) {
        const word = normaliseWord(second)
        const found = lazyFirst?.next.get(word)
        const expected = referenceFirst?.next.get(word)
        expect(terminals(found), `${first} ${second}`).toEqual(terminals(expected))
        for (const third of ['zq0', 'zq4', 'zq8', 'zq12']) expect(terminals(found?.next.get(third)), `${first} ${second} ${third}`).toEqual(terminals(expected?.next.get(third)))
      }
    }
    expect(shape(lazy)).toEqual(shape(reference))
  })

  it('knows the first word of every key of an entry without making the keys', () => {
    const team = glossaryFrom(
      glossaryYaml(
        {id: 'utilise', terms: ['utilize', 'make use of'], forms: ['utilisation', 'utilize'], except: ['utilise the room']},
        {id: 'icb', terms: ['ICB', "ICB's", 'A&E', 'ICB board'], acronym: true},
        {id: 'pcn', terms: ['PCN'], acronym: true, inflect: false},
        {id: 'co-production', terms: ['co-production', 'hard-to-reach groups', 'co\u2011design']},
        {id: 'odd', terms: ['stakeholder\u2019s', 'cafe\u0301', 'x\u200b', 'foo \u200b', 'try', 'agree', 'stop', 'Analyze']}
      )
    ).entries
    for (const entry of [...loadLayers({packs: availablePacks()}).entries, ...team]) {
      const firsts = new Set<string>()
      eachFirstWord(entry, (word) => firsts.add(word))
      expect([...firsts].sort(), entry.id).toEqual([...new Set(entryKeys(entry).keys.map((key) => key.words[0]!))].sort())
    }
  })

  it('builds the same trie for entries with every kind of field', () => {
    const glossary = glossaryFrom(
      glossaryYaml(
        {id: 'utilise', terms: ['utilize', 'make use of'], forms: ['utilisation', 'utilize'], except: ['utilise the room', 'co-op use']},
        {id: 'icb', terms: ['ICB', "ICB's", 'A&E'], acronym: true},
        {id: 'pcn', terms: ['PCN'], acronym: true, inflect: false},
        {id: 'co-production', term: 'co-production'},
        {id: 'hard', term: 'hard\u2011to\u2011reach  groups', inflect: false},
        {id: 'odd', terms: ['stakeholder’s', 'cafe\u0301', 'x\u200b', 'foo \u200b', 'try', 'agree', 'stop']},
        {id: 'later', term: 'make use of', alternatives: ['use']}
      )
    )
    expect(shape(compileGlossary(glossary.entries))).toEqual(shape(referenceCompile(glossary.entries)))
  })
})
