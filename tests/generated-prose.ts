/**
 * Large, varied, reproducible text for tests that compare a port with the
 * package it replaces (retext-readability, retext-simplify): the project's
 * own documents, plus sentences generated from a seeded random source.
 *
 * The generated sentences mix short everyday words (the Dale–Chall and
 * Spache lists' own data), long words taken from the documents, capitals,
 * hyphens, apostrophes, numbers, quotes, brackets, dashes, line breaks and
 * any phrases the caller passes in (in odd casing and spacing).
 */
import {readFileSync} from 'node:fs'
import {daleChall} from 'dale-chall'
import {spache} from 'spache'

const ROOT = new URL('../', import.meta.url)

/** The project's own prose: README, generated glossary docs, examples. */
export function projectDocuments(): string[] {
  return ['README.md', 'docs/glossary.md', 'docs/reliability.md', 'examples/jargon-leaflet.md', 'examples/plain-leaflet.md', 'examples/appointment-letter.txt'].map((file) =>
    readFileSync(new URL(file, ROOT), 'utf8')
  )
}

/** A small seeded random source (mulberry32), so failures can be replayed. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface ProseOptions {
  seed: number
  sentences: number
  /** Phrases to sprinkle in, e.g. a plugin's own phrase list. */
  phrases?: readonly string[]
}

export function generatedProse({seed, sentences, phrases = []}: ProseOptions): string {
  const random = randomSource(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const longWords = [...new Set(projectDocuments().join(' ').match(/\b[a-z]{9,}\b/g) ?? [])].sort()
  const everyday = [...daleChall, ...spache]

  const word = (): string => {
    const roll = random()
    let value = roll < 0.55 ? pick(everyday) : roll < 0.85 ? pick(longWords) : roll < 0.9 ? String(Math.floor(random() * 2000)) : `${pick(everyday)}-${pick(longWords)}`
    if (random() < 0.08) value = value[0]!.toUpperCase() + value.slice(1)
    if (random() < 0.03) value = value.toUpperCase()
    if (random() < 0.04) value += pick(['’s', "'s", 'n’t'])
    return value
  }
  const phrase = (): string => {
    let value = pick(phrases)
    if (random() < 0.2) value = value[0]!.toUpperCase() + value.slice(1)
    if (random() < 0.1) value = value.toUpperCase()
    if (random() < 0.1) value = value.replace(/ /g, pick(['  ', '\n', ' \t ']))
    if (random() < 0.1) value = value.replace(/-/g, '')
    if (random() < 0.1) {
      // A hyphen or apostrophe inside a word: "ac-company", "accompany’s".
      const at = 1 + Math.floor(random() * (value.length - 2))
      if (/\p{L}\p{L}/u.test(value.slice(at - 1, at + 1))) value = value.slice(0, at) + pick(['-', "'", '’']) + value.slice(at)
    }
    return value
  }
  const wrap = (value: string): string => {
    const roll = random()
    if (roll < 0.03) return `“${value}”`
    if (roll < 0.06) return `"${value}"`
    if (roll < 0.08) return `(${value})`
    if (roll < 0.1) return `- ${value} -`
    if (roll < 0.12) return `${value}:`
    if (roll < 0.14) return `‘${value}’`
    return value
  }

  const out: string[] = []
  for (let index = 0; index < sentences; index++) {
    const length = 1 + Math.floor(random() * random() * 45)
    const parts: string[] = []
    for (let at = 0; at < length; at++) {
      parts.push(wrap(phrases.length > 0 && random() < 0.12 ? phrase() : word()))
      if (random() < 0.06) parts.push(pick([',', ';', ' —', ' –']))
    }
    let sentence = parts.join(' ').replace(/ ([,;])/g, '$1')
    sentence = sentence[0]!.toUpperCase() + sentence.slice(1) + pick(['.', '.', '.', '?', '!', ''])
    out.push(sentence)
    out.push(random() < 0.15 ? '\n\n' : random() < 0.05 ? '\n- ' : ' ')
  }
  return out.join('')
}
