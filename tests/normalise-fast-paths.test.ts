/**
 * The quick paths in glossary/normalise.ts (for plain lower-case words and
 * terms of words joined by single spaces) must give exactly what the full
 * rules give. The full rules are copied here as they were before the quick
 * paths, and compared on many strings made of the characters that matter.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {exactWord, foldSpelling, normaliseWord, splitTerm, termVariants} from '../src/glossary/normalise.js'

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g
const APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4]/g
const HYPHENS = /[\u2010\u2011\u2012\u2013\u2014\u2212]/g
const POSSESSIVE = /(?:'s|s')$/
const IZE = /([iy])z(e|es|ed|ing|er|ers|ation|ations|ational|ant|antly|ance)$/

const reference = {
  foldSpelling: (word: string) => word.replace(IZE, '$1s$2'),
  normaliseWord(word: string): string {
    let value = word.normalize('NFC').replace(INVISIBLE, '').replace(APOSTROPHES, "'").toLowerCase()
    if (POSSESSIVE.test(value) && value.length > 3) value = value.endsWith("s'") ? value.slice(0, -1) : value.slice(0, -2)
    return reference.foldSpelling(value)
  },
  exactWord(word: string): string {
    const value = word.normalize('NFC').replace(INVISIBLE, '').replace(APOSTROPHES, "'")
    return /'s$/i.test(value) ? value.slice(0, -2) : value
  },
  splitTerm(term: string): {words: string[]; joins: Array<' ' | '-'>} {
    const cleaned = term.replace(HYPHENS, '-').replace(APOSTROPHES, "'").trim()
    const words: string[] = []
    const joins: Array<' ' | '-'> = []
    for (const match of cleaned.matchAll(/[^\s-]+|\s+|-+/g)) {
      const part = match[0]
      if (/^\s+$/.test(part)) {
        if (words.length > joins.length) joins.push(' ')
      } else if (/^-+$/.test(part)) {
        if (words.length > joins.length) joins.push('-')
        else if (words.length === joins.length && joins.length > 0) joins[joins.length - 1] = '-'
      } else {
        words.push(part)
      }
    }
    return {words, joins: joins.slice(0, Math.max(0, words.length - 1))}
  },
  termVariants(term: string): string[][] {
    const {words, joins} = reference.splitTerm(term)
    let variants: string[][] = [[words[0] ?? '']]
    for (let index = 0; index < joins.length; index++) {
      const next = words[index + 1]!
      const grown: string[][] = []
      for (const variant of variants) {
        grown.push([...variant, next])
        if (joins[index] === '-') grown.push([...variant.slice(0, -1), variant[variant.length - 1] + next])
      }
      variants = grown
    }
    return variants.filter((variant) => variant.every(Boolean))
  }
}

const characters = fc.constantFrom(
  ...'azyeinsgtZYSA09'.split(''),
  ' ', '  ', '\t', '\n', '\u00a0', '-', '--', '\u2010', '\u2013', '\u2014', '\u2212',
  "'", '\u2018', '\u2019', '\u02bc', '`', '\u00b4', '\u00ad', '\u200b', '\ufeff',
  'é', 'e\u0301', 'ß', 'İ', '😀', '.', '&', 'ize', 'izes', 'yzed', "'s", "s'"
)
const text = fc.array(characters, {maxLength: 10}).map((parts) => parts.join(''))
const words = fc.array(fc.constantFrom('realize', 'analyzing', 'cost', 'stakeholders', 'co', 'NHS', 'a1', 'é'), {minLength: 1, maxLength: 4}).map((parts) => parts.join(' '))

describe('quick paths in normalise.ts', () => {
  it('give the same words as the full rules', () => {
    fc.assert(
      fc.property(fc.oneof(text, words), (value) => {
        expect(normaliseWord(value)).toBe(reference.normaliseWord(value))
        expect(exactWord(value)).toBe(reference.exactWord(value))
        expect(foldSpelling(value)).toBe(reference.foldSpelling(value))
        expect(splitTerm(value)).toEqual(reference.splitTerm(value))
        expect(termVariants(value)).toEqual(reference.termVariants(value))
      }),
      {numRuns: 5000}
    )
  })
})
