/**
 * Compile glossary entries into a word-keyed trie, once per run. Matching
 * walks the trie from each document word, so the cost per word depends on
 * the length of the longest term, not on the number of entries.
 */
import type {GlossaryEntry} from './types.js'
import {exactWord, foldSpelling, inflect, normaliseWord, termVariants} from './normalise.js'

export interface Terminal {
  entry: GlossaryEntry
  /** For acronyms: the exact words (capitals kept) that must be seen. */
  exact?: string[]
  /** The term (or form) of the entry that these words write. */
  term: string
}

export interface TrieNode {
  next: Map<string, TrieNode>
  ends?: Terminal[]
}

export interface CompiledGlossary {
  /** Active entries (accepted, not disabled), in layer order. */
  entries: GlossaryEntry[]
  byId: Map<string, GlossaryEntry>
  root: TrieNode
  /** Exception phrases per entry id, as word sequences. */
  exceptions: Map<string, string[][]>
  /** Acronyms readers know without spelling out (exact capitals). */
  knownAcronyms: Set<string>
}

export interface CompileOptions {
  knownAcronyms?: readonly string[]
}

/** Build the matcher for a list of entries. Pure. */
export function compileGlossary(entries: readonly GlossaryEntry[], options: CompileOptions = {}): CompiledGlossary {
  const root: TrieNode = {next: new Map()}
  const byId = new Map<string, GlossaryEntry>()
  const exceptions = new Map<string, string[][]>()

  // Indexed loops: this runs once per start, before the JIT warms up, when for…of allocates.
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!
    byId.set(entry.id, entry)
    const {keys, except} = keysFor(entry)
    for (let at = 0; at < keys.length; at++) {
      const key = keys[at]!
      insert(root, key.words, {entry, term: key.term, exact: key.exact})
    }
    if (except.length > 0) exceptions.set(entry.id, except)
  }

  return {entries: [...entries], byId, root, exceptions, knownAcronyms: new Set(options.knownAcronyms ?? [])}
}

/** One way an entry can be written: normalised words, the term they write and, for acronyms, the exact words. */
export interface EntryKey {
  words: string[]
  term: string
  exact?: string[]
}

/** What compiling takes from one entry: its keys in order, and its exception phrases as normalised words. */
export interface EntryKeys {
  keys: EntryKey[]
  except: string[][]
}

/** The keys of an entry. Pure; the build stores them for the shipped glossary (see rememberEntryKeys). */
export function entryKeys(entry: GlossaryEntry): EntryKeys {
  const keys: EntryKey[] = []
  for (const term of [...entry.terms, ...entry.forms]) {
    for (const words of wordSequences(term, entry, entry.forms.includes(term) ? false : entry.inflect)) {
      keys.push({words: words.map((word) => normaliseWord(word)), term, exact: entry.acronym ? words.map((word) => exactWord(word)) : undefined})
    }
  }
  const except = entry.except.flatMap((phrase) => termVariants(phrase).map((words) => words.map((word) => normaliseWord(word))))
  return {keys, except}
}

interface Remembered {
  keys: EntryKeys
  /** What the keys were made from, to notice an entry changed since. */
  from: [string[], string[], string[], boolean, boolean]
}

const remembered = new WeakMap<GlossaryEntry, Remembered>()

/**
 * Give an entry the keys the build computed for it (shipped glossary files,
 * see glossary/prebuilt.ts), so compiling does not work them out again.
 * They are used only while the entry's terms, forms, exceptions, inflect and
 * acronym fields are still the ones they were made from.
 */
export function rememberEntryKeys(entry: GlossaryEntry, keys: EntryKeys): void {
  remembered.set(entry, {keys, from: [entry.terms, entry.forms, entry.except, entry.inflect, entry.acronym]})
}

function keysFor(entry: GlossaryEntry): EntryKeys {
  const known = remembered.get(entry)
  if (known) {
    const [terms, forms, except, inflect, acronym] = known.from
    if (terms === entry.terms && forms === entry.forms && except === entry.except && inflect === entry.inflect && acronym === entry.acronym) return known.keys
  }
  return entryKeys(entry)
}

/** Every run of words that writes `term`, with endings on its last word. */
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

/** The words after a leaf: none. Shared by every leaf (most nodes), and never changed: insert gives a node its own map first. */
const LEAF: Map<string, TrieNode> = new Map()

function insert(root: TrieNode, words: readonly string[], terminal: Terminal): void {
  let node = root
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!
    let child = node.next.get(word)
    if (!child) {
      child = {next: LEAF}
      if (node.next === LEAF) node.next = new Map()
      node.next.set(word, child)
    }
    node = child
  }
  // A later layer's entry for the same words goes first. (An array literal is
  // the size it needs; [] then unshift would reserve room for 17.)
  node.ends = node.ends ? [terminal, ...node.ends] : [terminal]
}
