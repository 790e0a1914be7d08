#!/usr/bin/env node
// Part of `npm run build`: parse and validate the shipped data files once
// (the glossary, the packs, acronyms.yml, language.yml, simplify-off.yml)
// and store each result in dist/glossary-cache/ under a hash of the file's
// text (see src/glossary/prebuilt.ts), so that checks start quickly. A file
// that fails validation is left out (plainly then parses it and reports the
// problem).
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {parseAcronyms} from '../dist/glossary/acronyms.js'
import {entryKeys} from '../dist/glossary/compile.js'
import {parseLanguageLists} from '../dist/glossary/language.js'
import {availablePacks, packFile, shippedGlossaryFiles, SHIPPED_GLOSSARY_DIR} from '../dist/glossary/load.js'
import {PREBUILT_DIR, prebuiltFile} from '../dist/glossary/prebuilt.js'
import {parseGlossary} from '../dist/glossary/schema.js'
import {parseSimplifyOff, SIMPLIFY_OFF_FILE} from '../dist/glossary/simplify-off.js'

rmSync(PREBUILT_DIR, {recursive: true, force: true})
mkdirSync(PREBUILT_DIR, {recursive: true})
const store = (kind, text, data) => writeFileSync(prebuiltFile(kind, text), JSON.stringify(data))
const read = (file) => readFileSync(file, 'utf8')

for (const file of [...shippedGlossaryFiles(), ...availablePacks().map((pack) => packFile(pack))]) {
  const text = read(file)
  const parsed = parseGlossary(text.replace(/^\uFEFF/, ''), file)
  if (parsed.problems.length > 0) continue
  const keys = parsed.entries.map((entry) => ('disabled' in entry ? null : entryKeys(entry)))
  store('glossary', text, {entries: parsed.entries, knownAcronyms: parsed.knownAcronyms, keys})
}

const acronymsText = read(path.join(SHIPPED_GLOSSARY_DIR, 'acronyms.yml'))
const acronyms = parseAcronyms(acronymsText, 'acronyms.yml')
if (acronyms.problems.length === 0) store('acronyms', acronymsText, acronyms.acronyms)

const simplifyText = read(SIMPLIFY_OFF_FILE)
const simplify = parseSimplifyOff(simplifyText, 'simplify-off.yml')
if (simplify.problems.length === 0) store('simplify-off', simplifyText, simplify.phrases)

const languageText = read(path.join(SHIPPED_GLOSSARY_DIR, 'language.yml'))
try {
  store('language', languageText, parseLanguageLists(languageText))
} catch {
  // Reported when plainly runs.
}
