/**
 * retext-simplify's phrase search (retext-simplify 8.0.0 with nlcst-search
 * 4.0.0), ported for speed and checked against the real plugin
 * (tests/simplify-port.test.ts runs both on the same text and asserts the
 * same matches).
 *
 * The phrases are retext-simplify's own list (copied as data into
 * glossary/retext-simplify.json), indexed once by their normalised first
 * word. Matching follows nlcst-search: a word is normalised as it does it
 * (lower case; apostrophes and hyphens left out),
 * a phrase may run over white space between words, and a word between
 * delimiters (“quoted”, - set off -) is a literal and never starts a match
 * (nlcst-is-literal, asked only for words that start some phrase). Matches at
 * one word come in the order of retext-simplify's list.
 */
import type {Parent, SentenceContent, Word} from 'nlcst'
import {isLiteral} from 'nlcst-is-literal'
import type {SimplifyPattern} from '../glossary/simplify-list.js'
import {textOf} from './words.js'

export interface SimplifyPhrase extends SimplifyPattern {
  /** retext-simplify's rule id, e.g. `a-number-of`. */
  ruleId: string
  /** plainly's rule id for it, e.g. `simplify/a-number-of`. */
  fullRuleId: string
  /** Normalised words after the first (`*` matches any word). */
  rest: readonly string[]
}

export interface PhraseIndex {
  /** Phrases starting with `*`, tried at every word (retext-simplify has none). */
  wildcard: readonly SimplifyPhrase[]
  byFirstWord: ReadonlyMap<string, readonly SimplifyPhrase[]>
}

const NORMALISE = /[’'-]/
const NORMALISE_ALL = /[’'-]/g

/** retext-simplify's phrases with their rule ids and normalised words, made once for each list. */
const made = new WeakMap<readonly SimplifyPattern[], readonly SimplifyPhrase[]>()

function allPhrases(list: readonly SimplifyPattern[]): readonly SimplifyPhrase[] {
  let phrases = made.get(list)
  if (phrases) return phrases
  phrases = list.map(({phrase, replace, omit}) => ({
    phrase,
    ruleId: simplifyRuleId(phrase),
    fullRuleId: `simplify/${simplifyRuleId(phrase)}`,
    replace,
    omit,
    rest: phrase
      .split(' ')
      .slice(1)
      .map((word) => (word === '*' ? word : normalizeWord(word)))
  }))
  made.set(list, phrases)
  return phrases
}

/** A phrase's rule id, without its family: "in order to" is in-order-to (simplify/in-order-to). */
export function simplifyRuleId(phrase: string): string {
  return phrase.replace(/\s+/g, '-').toLowerCase()
}

/** The rule ids of retext-simplify's phrases (simplify/<id>). */
export function simplifyRuleIds(list: readonly SimplifyPattern[]): Set<string> {
  return new Set(allPhrases(list).map((phrase) => phrase.ruleId))
}

/** The listed phrase that a piece of text writes, word for word ("Prior to" finds "prior to"), if any. */
export function findPhrase(text: string, list: readonly SimplifyPattern[]): SimplifyPhrase | undefined {
  const words = text.trim().split(/\s+/).map((word) => normalizeWord(word))
  return allPhrases(list).find((phrase) => {
    if (phrase.rest.length !== words.length - 1 || normalizeWord(phrase.phrase.split(' ', 1)[0]!) !== words[0]) return false
    return phrase.rest.every((word, index) => word === '*' || word === words[index + 1])
  })
}

/** Index retext-simplify's phrases, leaving out `ignore` (phrases as listed). */
export function indexPhrases(list: readonly SimplifyPattern[], ignore: readonly string[] = []): PhraseIndex {
  const off = new Set(ignore)
  const wildcard: SimplifyPhrase[] = []
  const byFirstWord = new Map<string, SimplifyPhrase[]>()
  for (const phrase of allPhrases(list)) {
    if (off.has(phrase.phrase)) continue
    const first = normalizeWord(phrase.phrase.split(' ', 1)[0]!)
    if (first === '*') wildcard.push(phrase)
    else {
      const list = byFirstWord.get(first)
      if (list) list.push(phrase)
      else byFirstWord.set(first, [phrase])
    }
  }
  return {wildcard, byFirstWord}
}

/** Each match in document order: the nodes from the first word to the last (white space between included). */
export function findPhrases(tree: Parent, index: PhraseIndex, onMatch: (nodes: SentenceContent[], phrase: SimplifyPhrase, sentence: Parent, opensSentence: boolean) => void): void {
  const {wildcard, byFirstWord} = index
  const walk = (parent: Parent) => {
    const children = parent.children as SentenceContent[]
    // Each word normalised at most once, however many phrases are tried at it.
    const keys: Array<string | undefined> = []
    const keyAt = (position: number): string => (keys[position] ??= normalizeWord(textOf(children[position] as Word)))
    const firstWord = parent.type === 'SentenceNode' ? children.findIndex((node) => node.type === 'WordNode') : -1
    for (let position = 0; position < children.length; position++) {
      const node = children[position]!
      if (node.type !== 'WordNode') {
        if ('children' in node) walk(node as Parent)
        continue
      }
      const listed = byFirstWord.get(keyAt(position))
      if (listed === undefined && wildcard.length === 0) continue
      const candidates = wildcard.length === 0 ? listed! : [...wildcard, ...(listed ?? [])]
      // A word between delimiters never starts a match: asked only once a phrase matches here.
      let literal: boolean | undefined
      for (const phrase of candidates) {
        const end = matchRest(children, position, phrase.rest, keyAt)
        if (end === undefined) continue
        literal ??= isLiteral(parent as never, position)
        if (literal) break
        onMatch(children.slice(position, end), phrase, parent, position === firstWord)
      }
    }
  }
  walk(tree)
}

/** End (exclusive) of a match of `rest` after the word at `start`, or undefined. */
function matchRest(siblings: readonly SentenceContent[], start: number, rest: readonly string[], keyAt: (position: number) => string): number | undefined {
  let position = start + 1
  for (const expected of rest) {
    while (position < siblings.length && siblings[position]!.type === 'WhiteSpaceNode') position++
    const node = siblings[position]
    if (!node || node.type !== 'WordNode' || (expected !== '*' && expected !== keyAt(position))) return undefined
    position++
  }
  return position
}

/** nlcst-normalize with its defaults: lower case, ’ as ', then hyphens and apostrophes left out. */
export function normalizeWord(value: string): string {
  const lower = value.toLowerCase()
  return NORMALISE.test(lower) ? lower.replace(NORMALISE_ALL, '') : lower
}
