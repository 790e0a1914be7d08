/**
 * compileGlossary builds its trie in a way that allocates little (no arrays
 * per key, shared leaf maps, keys from the build cache). The trie must be
 * the one the plain way gives: that way is copied here as it was, and both
 * are compared on the shipped glossary, the packs and entries with every
 * kind of field.
 */
import {describe, expect, it} from 'vitest'
import {compileGlossary, type CompiledGlossary, type Terminal, type TrieNode} from '../src/glossary/compile.js'
import {availablePacks, loadLayers} from '../src/glossary/load.js'
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
  return {entries: [...entries], byId, root, exceptions, knownAcronyms: new Set()}
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

/** The trie as plain data, terminals by entry id, term and exact words, in order. */
function shape(glossary: CompiledGlossary): unknown {
  const walk = (node: TrieNode): unknown => ({
    ends: node.ends?.map((terminal) => [terminal.entry.id, terminal.term, terminal.exact ?? null]) ?? null,
    next: [...node.next].map(([word, child]) => [word, walk(child)])
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
