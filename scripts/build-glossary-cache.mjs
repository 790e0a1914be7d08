#!/usr/bin/env node
// Part of `npm run build`: parse and validate the shipped glossary and packs
// once, and store the result by each file's content hash in
// dist/glossary-cache.json, so that checks start quickly. A file that fails
// validation is left out (plainly then parses it and reports the problem).
import {createHash} from 'node:crypto'
import {readFileSync, writeFileSync} from 'node:fs'
import {parseGlossary} from '../dist/glossary/schema.js'
import {availablePacks, packFile, PREBUILT_FILE, shippedGlossaryFiles} from '../dist/glossary/load.js'

const files = {}
for (const file of [...shippedGlossaryFiles(), ...availablePacks().map((pack) => packFile(pack))]) {
  const text = readFileSync(file, 'utf8')
  const parsed = parseGlossary(text.replace(/^\uFEFF/, ''), file)
  if (parsed.problems.length > 0) continue
  files[createHash('sha256').update(text).digest('hex')] = {entries: parsed.entries, knownAcronyms: parsed.knownAcronyms}
}
writeFileSync(PREBUILT_FILE, JSON.stringify({files}))
