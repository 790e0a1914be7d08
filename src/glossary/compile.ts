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

  // Indexed loops and no arrays per key: this runs once per start, before
  // the JIT warms up, when for…of and spreads allocate.
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!
    byId.set(entry.id, entry)
    const known = rememberedKeys(entry)
    if (known) {
      for (let at = 0; at < known.keys.length; at++) {
        const key = known.keys[at]!
        insert(root, key.words, key.words.length, undefined, {entry, term: key.term, exact: key.exact})
      }
      if (known.except.length > 0) exceptions.set(entry.id, known.except)
      continue
    }
    eachKey(entry, (head, last, term, exact) => insert(root, head, head.length, last, {entry, term, exact}))
    if (entry.except.length > 0) exceptions.set(entry.id, exceptionWords(entry))
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
  eachKey(entry, (head, last, term, exact) => keys.push({words: [...head, last], term, exact}))
  return {keys, except: exceptionWords(entry)}
}

/** An entry's "except" phrases, each as every run of normalised words that writes it. */
function exceptionWords(entry: GlossaryEntry): string[][] {
  return entry.except.flatMap((phrase) => termVariants(phrase).map((words) => words.map((word) => normaliseWord(word))))
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

function rememberedKeys(entry: GlossaryEntry): EntryKeys | undefined {
  const known = remembered.get(entry)
  if (!known) return undefined
  const [terms, forms, except, inflect, acronym] = known.from
  return terms === entry.terms && forms === entry.forms && except === entry.except && inflect === entry.inflect && acronym === entry.acronym ? known.keys : undefined
}

const NO_WORDS: readonly string[] = Object.freeze([])

/**
 * Every run of words that writes each of the entry's terms (and forms), in
 * order, with regular endings on the last word unless the entry says not:
 * `visit` gets the normalised words before the last, the last one, the term,
 * and for acronyms the exact words.
 */
function eachKey(entry: GlossaryEntry, visit: (head: readonly string[], last: string, term: string, exact: string[] | undefined) => void): void {
  const {terms, forms} = entry
  const count = terms.length + forms.length
  for (let index = 0; index < count; index++) {
    const term = index < terms.length ? terms[index]! : forms[index - terms.length]!
    const withEndings = forms.includes(term) ? false : entry.inflect
    const variants = termVariants(term)
    for (let variant = 0; variant < variants.length; variant++) {
      const words = variants[variant]!
      const last = words[words.length - 1]!
      const head = words.length === 1 ? NO_WORDS : words.slice(0, -1)
      const normalHead = head.length === 0 ? NO_WORDS : head.map((word) => normaliseWord(word))
      if (entry.acronym) {
        visit(normalHead, normaliseWord(last), term, words.map((word) => exactWord(word)))
        if (withEndings && /[A-Z\d]$/.test(last)) visit(normalHead, normaliseWord(`${last}s`), term, [...head.map((word) => exactWord(word)), exactWord(`${last}s`)])
        continue
      }
      if (!withEndings) {
        visit(normalHead, normaliseWord(last), term, undefined)
        continue
      }
      const endings = inflect(foldSpelling(last.toLowerCase()))
      for (let ending = 0; ending < endings.length; ending++) visit(normalHead, normaliseWord(endings[ending]!), term, undefined)
    }
  }
}

/** The words after a leaf: none. Shared by every leaf (most nodes), and never changed: insert gives a node its own map first. */
const LEAF: Map<string, TrieNode> = new Map()

/** Add a terminal for words[0, count), then `last` if given. */
function insert(root: TrieNode, words: readonly string[], count: number, last: string | undefined, terminal: Terminal): void {
  let node = root
  const length = last === undefined ? count : count + 1
  for (let index = 0; index < length; index++) {
    const word = index < count ? words[index]! : last!
    let child = node.next.get(word)
    if (!child) {
      // Both fields from the start: adding `ends` later would need a second block of memory per node.
      child = {next: LEAF, ends: undefined}
      if (node.next === LEAF) node.next = new Map()
      node.next.set(word, child)
    }
    node = child
  }
  // A later layer's entry for the same words goes first. (An array literal is
  // the size it needs; [] then unshift would reserve room for 17.)
  node.ends = node.ends ? [terminal, ...node.ends] : [terminal]
}
