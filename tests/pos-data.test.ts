/**
 * The part-of-speech tagger (en-pos) is made quicker in two ways that must
 * not change a single tag:
 * - the command's bundle gives it two stand-ins made by
 *   scripts/pos-lexicon.mjs: the lexicon looked up in a sorted text file,
 *   and en-inflectors loaded in parts. en-pos must get the same answers from
 *   them as from the objects they stand in for;
 * - its Brill step is plainly's own (src/plugins/pos.ts): each tag's rules
 *   in a list of their own, each condition as en-pos writes it.
 */
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {Tag} from 'en-pos'
import {describe, expect, it} from 'vitest'
import {loadTagger} from '../src/plugins/pos.js'
import {projectDocuments, randomSource} from './generated-prose.js'

const root = path.resolve(fileURLToPath(import.meta.url), '../..')
const require = createRequire(import.meta.url)
const fromFile = require(path.join(root, 'dist/pos/en-lexicon-file.cjs')).lexicon as Record<string, string>
// The same entries as one object (the browser's bundles use it).
const asObject = require(path.join(root, 'dist/pos/en-lexicon.cjs')).lexicon as Record<string, string>
const lazy = require(path.join(root, 'dist/pos/en-inflectors-lazy.cjs'))
const inflectors = require('en-inflectors')

/** Keys an object answers from Object.prototype, and words that are in no list. */
const INHERITED = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf']
const UNKNOWN = ['', 'zzzz', 'plainly', 'Co-production', 'ÉTÉ', 'naïve', '\u{1F600}', 'a b']

describe('the lexicon read from a file', () => {
  it('answers every word as the object does', () => {
    const keys = Object.keys(asObject)
    expect(keys.length).toBeGreaterThan(50_000)
    const wrong = keys.filter((key) => fromFile[key] !== asObject[key])
    expect(wrong).toEqual([])
  })

  it('answers words it does not have, and Object keys, as a plain object does', () => {
    for (const key of [...INHERITED, ...UNKNOWN]) expect(fromFile[key], key).toBe(asObject[key])
    expect(fromFile.walk).toBe(asObject.walk)
    expect('walk' in fromFile).toBe(true)
    expect('zzzz' in fromFile).toBe(false)
  })
})

describe('en-inflectors loaded in parts', () => {
  const words = [...Object.keys(inflectors.infinitives), ...Object.keys(asObject).filter((_, index) => index % 7 === 0), ...INHERITED, ...UNKNOWN]

  it('says whether a word is an infinitive as the verb table does', () => {
    const wrong = words.filter((word) => Boolean(lazy.infinitives[word]) !== Boolean(inflectors.infinitives[word]))
    expect(wrong).toEqual([])
  })

  it('says whether a noun is plural, and conjugates, as the package does', () => {
    const sample = words.filter((_, index) => index % 5 === 0)
    expect(sample.length).toBeGreaterThan(2_000)
    for (const word of sample) {
      expect(new lazy.Inflectors(word).isPlural(), word).toBe(new inflectors.Inflectors(word).isPlural())
      expect(new lazy.Inflectors(word).conjugate('VBP'), word).toBe(new inflectors.Inflectors(word).conjugate('VBP'))
    }
  })
})

describe("plainly's Brill step", () => {
  it('gives the same tags as en-pos on the project documents, and leaves its list whole', async () => {
    const tag = await loadTagger()
    const {rules} = (await import('en-pos/dist/smoothing/brill_rules.js')).default
    const count = rules.length
    const words = projectDocuments()
      .join(' ')
      .split(/\s+/)
      .map((word) => word.replace(/^[*_#>`[(]+|[*_`\])]+$/g, ''))
      .filter(Boolean)
    const random = randomSource(19)
    let windows = 0
    for (let start = 0; start < words.length; start += 5) {
      const window = words.slice(start, start + 4 + Math.floor(random() * 12))
      // As the checker gives it: the first word in small letters.
      window[0] = window[0]!.toLowerCase()
      expect(tag(window), window.join(' ')).toEqual(new Tag([...window]).initial().smooth().tags)
      windows++
    }
    expect(windows).toBeGreaterThan(3_000)
    expect((await import('en-pos/dist/smoothing/brill_rules.js')).default.rules).toBe(rules)
    expect(rules).toHaveLength(count)
  })

  it("gives the same tags as en-pos on windows made of the rules' own words", async () => {
    const tag = await loadTagger()
    const {rules} = (await import('en-pos/dist/smoothing/brill_rules.js')).default
    // Every word a rule looks for, in its own case and in others, with common words, marks and numbers
    // (one rule looks for decades such as 1990s), so that each condition holds somewhere and fails elsewhere.
    // (Their values in capitals are tags, apart from RT and MT.)
    const ruleWords = rules.flatMap((rule) => [rule.c1, rule.c2, rule.c3]).filter((word): word is string => typeof word === 'string' && (!/^[A-Z$]+$/.test(word) || /^(RT|MT)$/.test(word)))
    const vocabulary = [...new Set([...ruleWords, ...ruleWords.map((word) => word.toUpperCase()), ...ruleWords.map((word) => word.charAt(0).toUpperCase() + word.slice(1))])]
    const common = projectDocuments().join(' ').split(/\s+/).filter((word) => /^[A-Za-z']+$/.test(word)).slice(0, 3_000)
    const extra = [',', '.', '"', "'", '(', ')', ':', '1990s', '80s', '12', 'I', 'you', 'the', 'a', 'to', 'be', 'is', 'have', 'has', 'was', 'were', 'not', "n't", 'does', 'do', 'did']
    const random = randomSource(1919)
    const pick = (list: readonly string[]) => list[Math.floor(random() * list.length)]!
    expect(vocabulary.length).toBeGreaterThan(200)
    for (let count = 0; count < 6_000; count++) {
      const length = 1 + Math.floor(random() * 12)
      const window = Array.from({length}, () => (random() < 0.45 ? pick(vocabulary) : random() < 0.6 ? pick(common) : pick(extra)))
      expect(tag(window), window.join(' ')).toEqual(new Tag([...window]).initial().smooth().tags)
    }
    // Conditions that compare words as written, not in small letters (a sentence's first word, and "let us").
    for (const window of [['Let', 'us', 'go'], ['let', 'us', 'go'], ['LET', 'US', 'GO'], ['Let', "'s", 'go'], ['let', "'s", 'see'], ['RT', 'this'], ['MT', 'now'], ['Rt', 'this'], ['rt', 'this']]) {
      expect(tag(window), window.join(' ')).toEqual(new Tag([...window]).initial().smooth().tags)
    }
  })
})
