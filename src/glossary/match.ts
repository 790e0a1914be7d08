/**
 * Find glossary terms in a run of document words. Pure: words in, matches out.
 */
import type {Point} from 'unist'
import type {CompiledGlossary} from './compile.js'
import {exactWord, normaliseWord} from './normalise.js'
import type {GlossaryEntry} from './types.js'

/** One document word. */
export interface WordToken {
  kind: 'word'
  /** Compared form (see normaliseWord). */
  norm: string
  /** Exact form, for acronyms. */
  exact: string
  /** Written with a possessive 's ("population's"): it can end a phrase, not be inside one ("population's health" is not "population health"). */
  possessive?: true
  start: Point
  end: Point
}

/** Punctuation, a symbol or code: it breaks a phrase. */
export interface MarkToken {
  kind: 'mark'
  value: string
  start?: Point
  end?: Point
}

export type Token = WordToken | MarkToken

export interface GlossaryMatch {
  entry: GlossaryEntry
  /** The entry's term (or form) that matched. */
  term: string
  /** Token indices: [from, to). */
  from: number
  to: number
}

/** Longest match wins; one match per span; exceptions and capitals respected. */
export function matchTokens(tokens: readonly Token[], glossary: CompiledGlossary): GlossaryMatch[] {
  const matches: GlossaryMatch[] = []
  let index = 0
  while (index < tokens.length) {
    const found = longestAt(tokens, index, glossary)
    if (found) {
      matches.push(found)
      index = found.to
    } else {
      index++
    }
  }
  return matches
}

function longestAt(tokens: readonly Token[], from: number, glossary: CompiledGlossary): GlossaryMatch | undefined {
  let node = glossary.root
  let best: GlossaryMatch | undefined
  for (let index = from; index < tokens.length; index++) {
    const token = tokens[index]
    if (token?.kind !== 'word') break
    const child = node.next.get(token.norm) ?? node.next.get(withoutStop(token.norm))
    if (!child) break
    node = child
    if (!node.ends) continue
    for (const terminal of node.ends) {
      if (terminal.exact && !sameExact(tokens, from, terminal.exact)) continue
      if (isException(tokens, from, index + 1, glossary.exceptions.get(terminal.entry.id))) continue
      best = {entry: terminal.entry, term: terminal.term, from, to: index + 1}
      break
    }
    if (token.possessive) break
  }
  return best
}

function sameExact(tokens: readonly Token[], from: number, exact: readonly string[]): boolean {
  return exact.every((word, offset) => {
    const token = tokens[from + offset]
    return token?.kind === 'word' && token.exact === word
  })
}

/**
 * A word as the parser may give it with a full stop kept on, where it reads
 * the word as an abbreviation ("5 per cent. Then…" gives "cent."): without
 * the stop, so that terms and exceptions written without one still match it.
 */
function withoutStop(norm: string): string {
  return norm.length > 1 && norm.endsWith('.') ? norm.slice(0, -1) : norm
}

/** True when the match sits inside one of the entry's "except" phrases. */
function isException(tokens: readonly Token[], from: number, to: number, phrases: string[][] | undefined): boolean {
  // Each place the phrase could start and still cover [from, to).
  return (phrases ?? []).some((phrase) => {
    for (let start = Math.max(0, to - phrase.length); start <= from; start++) {
      if (phrase.every((word, offset) => tokens[start + offset]?.kind === 'word' && withoutStop((tokens[start + offset] as WordToken).norm) === word)) return true
    }
    return false
  })
}

/** Loose text (a word or phrase typed by a person) as match tokens, without positions. */
export function textToTokens(text: string): Token[] {
  const point = {line: 1, column: 1}
  return text
    .split(/[\s\-\u2010\u2011]+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}']+$/gu, ''))
    .filter(Boolean)
    .map((word) => ({kind: 'word' as const, norm: normaliseWord(word), exact: exactWord(word), start: point, end: point}))
}
