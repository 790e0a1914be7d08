#!/usr/bin/env node
// Copy retext-simplify's list of wordy phrases (its lib/patterns.js, which the
// package does not export) into glossary/retext-simplify.json, as data that
// plainly's port of its search reads (src/glossary/simplify-list.ts).
// Run it after upgrading retext-simplify; tests/simplify-port.test.ts fails
// until the copy matches the installed package.
import {readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {pathToFileURL} from 'node:url'

const require = createRequire(import.meta.url)
const entry = require.resolve('retext-simplify')
const {version} = JSON.parse(readFileSync(new URL('package.json', pathToFileURL(entry)), 'utf8'))
const {patterns} = await import(new URL('lib/patterns.js', pathToFileURL(entry)).href)

const phrases = Object.entries(patterns).map(([phrase, pattern]) => ({phrase, replace: [...pattern.replace], ...(pattern.omit ? {omit: true} : {})}))
const data = {
  about: `retext-simplify ${version}'s list of wordy phrases (lib/patterns.js), copied by scripts/copy-simplify-phrases.mjs. MIT licence, (c) Titus Wormer: see glossary/NOTICE.md. Do not edit by hand: tests/simplify-port.test.ts checks it against the installed package.`,
  phrases
}
const file = new URL('../glossary/retext-simplify.json', import.meta.url)
// One phrase a line, so a diff after an upgrade shows what changed.
writeFileSync(file, `{\n  "about": ${JSON.stringify(data.about)},\n  "phrases": [\n${phrases.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]\n}\n`)
console.log(`${phrases.length} phrases from retext-simplify ${version} → glossary/retext-simplify.json`)
