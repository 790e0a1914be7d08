/**
 * Compile glossary entries into a word-keyed trie, once per run. Matching
 * walks the trie from each document word, so the cost per word depends on
 * the length of the longest term, not on the number of entries.
 */
import type {GlossaryEntry} from './types.js'
import {LANGUAGE_KEYS, languageLists, type EnglishData, type LanguageLists, type LanguageWords} from './language.js'
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
  /** Words that introduce explanations and that acronyms skip (language.yml). */
  language: LanguageLists
  /** Everyday words that, in capitals, are emphasis (everyday-words.txt, as text). */
  everydayWords: string
}

export interface CompileOptions {
  knownAcronyms?: readonly string[]
  /** The shipped English data (io/glossary-files.ts loadEnglishData); without it, the word lists are empty. */
  english?: Pick<EnglishData, 'language' | 'everydayWords'>
}

const NO_LANGUAGE = Object.fromEntries(LANGUAGE_KEYS.map((key) => [key, []])) as unknown as LanguageWords

/**
 * From this many entries (the shipped glossary has some 450), entries go
 * into the trie only when a document word could start one of their terms
 * (see LazyRoot): most of a glossary is never needed by a given run, and
 * building all of it is most of the cost of a large one.
 */
const LAZY_FROM = 200

/** Build the matcher for a list of entries. Pure. */
export function compileGlossary(entries: readonly GlossaryEntry[], options: CompileOptions = {}): CompiledGlossary {
  const byId = new Map<string, GlossaryEntry>()
  const exceptions = new Map<string, string[][]>()
  for (let index = 0; index < entries.length; index++) byId.set(entries[index]!.id, entries[index]!)
  // Each entry once (the order of terminals is kept by entry position).
  // Each entry's place (built in a loop: no pair array per entry); a repeated entry object leaves the map smaller.
  let position: Map<GlossaryEntry, number> | undefined
  if (entries.length >= LAZY_FROM) {
    position = new Map()
    for (let index = 0; index < entries.length; index++) if (!position.has(entries[index]!)) position.set(entries[index]!, index)
    if (position.size !== entries.length) position = undefined
  }
  const lazy = position !== undefined
  const pending = new Map<string, number[]>()
  const done = new Uint8Array(entries.length)

  const add = (index: number): void => {
    if (done[index]) return
    done[index] = 1
    const entry = entries[index]!
    const known = rememberedKeys(entry)
    if (known !== undefined) {
      eachPackedKey(known, entry, (words, term, exact) => insert(root, words, words.length, undefined, {entry, term, exact}, position))
    } else {
      // The keys of one term (its endings) share one terminal, and where it is
      // a node's only terminal, one list of it: both are only read.
      let shared: Terminal | undefined
      let alone: Terminal[] | undefined
      eachKey(entry, (head, last, term, exact) => {
        if (exact !== undefined || shared === undefined || shared.exact !== undefined || shared.term !== term) {
          shared = {entry, term, exact}
          alone = [shared]
        }
        insert(root, head, head.length, last, shared, position, alone)
      })
    }
  }

  /** Add the entries waiting for `word` (all of them for undefined). */
  const expand = (word: string | undefined): void => {
    if (pending.size === 0) return
    if (word === undefined) {
      pending.clear()
      for (let index = 0; index < entries.length; index++) add(index)
      return
    }
    const waiting = pending.get(word)
    if (!waiting) return
    pending.delete(word)
    for (let at = 0; at < waiting.length; at++) add(waiting[at]!)
  }

  const root: TrieNode = {next: lazy ? new LazyRoot(expand) : new Map()}
  // One function for all entries (not one per entry): the entry is waitingIndex.
  let waitingIndex = 0
  const wait = (first: string): void => {
    const waiting = pending.get(first)
    if (!waiting) pending.set(first, [waitingIndex])
    else if (waiting[waiting.length - 1] !== waitingIndex) waiting.push(waitingIndex)
  }
  // Indexed loops and no arrays per key: this runs once per start, before
  // the JIT warms up, when for…of and spreads allocate.
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!
    const known = rememberedKeys(entry)
    if (known !== undefined) {
      const except = packedExceptions(known)
      if (except) exceptions.set(entry.id, except)
    } else if (entry.except.length > 0) {
      exceptions.set(entry.id, exceptionWords(entry))
    }
    if (!lazy) {
      add(index)
      continue
    }
    // Wait until a document word is the first word of one of its terms.
    waitingIndex = index
    if (known !== undefined) eachPackedFirstWord(known, wait)
    else eachFirstWord(entry, wait)
  }

  return {
    entries: [...entries],
    byId,
    root,
    exceptions,
    knownAcronyms: new Set(options.knownAcronyms ?? []),
    language: languageLists(options.english?.language ?? NO_LANGUAGE),
    everydayWords: options.english?.everydayWords ?? ''
  }
}

const mapGet = Map.prototype.get as (this: Map<string, TrieNode>, word: string) => TrieNode | undefined

/**
 * The first level of a large glossary's trie, filled in on demand: looking a
 * word up first adds the entries that have a term starting with it, and
 * anything that lists the words (size, keys, iteration…) first adds all.
 * To every reader it is the Map the whole trie would have; only the order of
 * its words can differ.
 */
class LazyRoot extends Map<string, TrieNode> {
  constructor(private readonly expand: (word: string | undefined) => void) {
    super()
  }

  override get(word: string): TrieNode | undefined {
    this.expand(word)
    return super.get(word)
  }

  override has(word: string): boolean {
    this.expand(word)
    return super.has(word)
  }

  override get size(): number {
    this.expand(undefined)
    return super.size
  }

  override forEach(callback: (value: TrieNode, key: string, map: Map<string, TrieNode>) => void, thisArg?: unknown): void {
    this.expand(undefined)
    super.forEach(callback, thisArg)
  }

  override entries(): MapIterator<[string, TrieNode]> {
    this.expand(undefined)
    return super.entries()
  }

  override keys(): MapIterator<string> {
    this.expand(undefined)
    return super.keys()
  }

  override values(): MapIterator<TrieNode> {
    this.expand(undefined)
    return super.values()
  }

  override [Symbol.iterator](): MapIterator<[string, TrieNode]> {
    return this.entries()
  }
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

/**
 * An entry's keys and exception phrases in one string, for the build cache
 * (JSON reads one string much faster than thousands of small arrays). The
 * first line holds the exception phrases: words joined by spaces, phrases by
 * tabs. Each further line is a key: the index of its term in [...terms,
 * ...forms], a tab, its words joined by spaces, and for an acronym a tab and
 * its exact words. Undefined if a word holds white space or an exception
 * word is empty (never so far): compiling then works the keys out itself.
 */
export function packEntryKeys(entry: GlossaryEntry): string | undefined {
  const {keys, except} = entryKeys(entry)
  const plain = (words: readonly string[]) => words.every((word) => !/\s/.test(word))
  if (!except.every((phrase) => plain(phrase) && phrase.every(Boolean)) || except.length === 0 !== (entry.except.length === 0)) return undefined
  if (!keys.every((key) => plain(key.words) && (!key.exact || plain(key.exact)))) return undefined
  const terms = [...entry.terms, ...entry.forms]
  const lines = [except.map((phrase) => phrase.join(' ')).join('\t')]
  for (const key of keys) lines.push(`${terms.indexOf(key.term)}\t${key.words.join(' ')}${key.exact ? `\t${key.exact.join(' ')}` : ''}`)
  return lines.join('\n')
}

/** The first word of each key in packed keys. */
function eachPackedFirstWord(packed: string, visit: (first: string) => void): void {
  for (const key of packed.matchAll(/\n[^\t\n]*\t([^ \t\n]*)/g)) visit(key[1]!)
}

/** Each key in packed keys: its words, term and exact words. */
function eachPackedKey(packed: string, entry: GlossaryEntry, visit: (words: string[], term: string, exact: string[] | undefined) => void): void {
  const lines = packed.split('\n')
  for (let index = 1; index < lines.length; index++) {
    const [term, words, exact] = lines[index]!.split('\t')
    const at = Number(term)
    visit(words!.split(' '), at < entry.terms.length ? entry.terms[at]! : entry.forms[at - entry.terms.length]!, exact === undefined ? undefined : exact.split(' '))
  }
}

/** The exception phrases in packed keys (none: undefined). */
function packedExceptions(packed: string): string[][] | undefined {
  const end = packed.indexOf('\n')
  const line = end === -1 ? packed : packed.slice(0, end)
  return line === '' ? undefined : line.split('\t').map((phrase) => phrase.split(' '))
}

interface Remembered {
  packed: string
  /** What the keys were made from, to notice an entry changed since. */
  from: [string[], string[], string[], boolean, boolean]
}

const remembered = new WeakMap<GlossaryEntry, Remembered>()

/**
 * Give an entry the keys the build worked out for it (packEntryKeys; shipped
 * glossary files, see glossary/prebuilt.ts), so compiling does not work them
 * out again. They are used only while the entry's terms, forms, exceptions,
 * inflect and acronym fields are still the ones they were made from.
 */
export function rememberEntryKeys(entry: GlossaryEntry, packed: string): void {
  remembered.set(entry, {packed, from: [entry.terms, entry.forms, entry.except, entry.inflect, entry.acronym]})
}

function rememberedKeys(entry: GlossaryEntry): string | undefined {
  const known = remembered.get(entry)
  if (!known) return undefined
  const [terms, forms, except, inflect, acronym] = known.from
  return terms === entry.terms && forms === entry.forms && except === entry.except && inflect === entry.inflect && acronym === entry.acronym ? known.packed : undefined
}

const NO_WORDS: readonly string[] = Object.freeze([])

/**
 * Every run of words that writes each of the entry's terms (and forms), in
 * order, with regular endings on the last word unless the entry says not:
 * `visit` gets the normalised words before the last, the last one, the term,
 * and for acronyms the exact words.
 */
function eachKey(entry: GlossaryEntry, visit: (head: readonly string[], last: string, term: string, exact: string[] | undefined) => void): void {
  eachVariant(entry, (words, term, withEndings) => {
    const last = words[words.length - 1]!
    const head = words.length === 1 ? NO_WORDS : words.slice(0, -1)
    const normalHead = head.length === 0 ? NO_WORDS : head.map((word) => normaliseWord(word))
    if (entry.acronym) {
      visit(normalHead, normaliseWord(last), term, words.map((word) => exactWord(word)))
      if (withEndings && /[A-Z\d]$/.test(last)) visit(normalHead, normaliseWord(`${last}s`), term, [...head.map((word) => exactWord(word)), exactWord(`${last}s`)])
      return
    }
    if (!withEndings) {
      visit(normalHead, normaliseWord(last), term, undefined)
      return
    }
    const endings = inflect(foldSpelling(last.toLowerCase()))
    for (let ending = 0; ending < endings.length; ending++) visit(normalHead, normaliseWord(endings[ending]!), term, undefined)
  })
}

/** The first word of each of the entry's keys (with repeats), for a large glossary's entries that wait for their first word (see LazyRoot). */
export function eachFirstWord(entry: GlossaryEntry, visit: (first: string) => void): void {
  eachKey(entry, (head, last) => visit(head[0] ?? last))
}

/** Each way of writing each of the entry's terms and forms, with whether regular endings go on its last word. */
function eachVariant(entry: GlossaryEntry, visit: (words: readonly string[], term: string, withEndings: boolean) => void): void {
  const {terms, forms} = entry
  const count = terms.length + forms.length
  for (let index = 0; index < count; index++) {
    const term = index < terms.length ? terms[index]! : forms[index - terms.length]!
    const withEndings = forms.includes(term) ? false : entry.inflect
    const variants = termVariants(term)
    for (let variant = 0; variant < variants.length; variant++) visit(variants[variant]!, term, withEndings)
  }
}

/** The words after a leaf: none. Shared by every leaf (most nodes), and never changed: insert gives a node its own map first. */
const LEAF: Map<string, TrieNode> = new Map()

/**
 * Add a terminal for words[0, count), then `last` if given (`alone`, if
 * given, is a list of just that terminal, to use as is). Terminals at one
 * node go later entry first, and for one entry later key first; with
 * `position` (entries added out of order, see LazyRoot) each goes where that
 * order puts it, otherwise in front (entries come in order).
 */
function insert(root: TrieNode, words: readonly string[], count: number, last: string | undefined, terminal: Terminal, position?: Map<GlossaryEntry, number>, alone?: Terminal[]): void {
  let node = root
  const length = last === undefined ? count : count + 1
  for (let index = 0; index < length; index++) {
    const word = index < count ? words[index]! : last!
    // Map's own get: a LazyRoot's would add other entries now.
    let child = mapGet.call(node.next, word)
    if (!child) {
      // Both fields from the start: adding `ends` later would need a second block of memory per node.
      child = {next: LEAF, ends: undefined}
      if (node.next === LEAF) node.next = new Map()
      node.next.set(word, child)
    }
    node = child
  }
  const ends = node.ends
  if (!ends) {
    // A node's list of terminals is never changed, only replaced: one list may serve several nodes.
    node.ends = alone ?? [terminal]
  } else if (!position) {
    // (An array literal is the size it needs; [] then unshift would reserve room for 17.)
    node.ends = [terminal, ...ends]
  } else {
    // This entry's earlier keys are already here; before them, after later entries.
    const rank = position.get(terminal.entry)!
    let at = 0
    while (at < ends.length && position.get(ends[at]!.entry)! > rank) at++
    node.ends = [...ends.slice(0, at), terminal, ...ends.slice(at)]
  }
}
