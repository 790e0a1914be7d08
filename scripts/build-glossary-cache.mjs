#!/usr/bin/env node
// Part of `npm run build`: parse and validate the shipped data files once
// (the glossary, the packs, acronyms.yml, language.yml, simplify-off.yml)
// and store each result in dist/glossary-cache/ with a copy of the file as
// built (see src/glossary/prebuilt.ts), so that checks start quickly. A
// file that fails validation is left out (plainly then parses it and
// reports the problem).
import {mkdirSync, readFileSync, rmSync} from 'node:fs'
import path from 'node:path'
import {parseAcronyms} from '../dist/glossary/acronyms.js'
import {packEntryKeys} from '../dist/glossary/compile.js'
import {parseLanguageLists} from '../dist/glossary/language.js'
import {availablePacks, packFile, shippedGlossaryFiles, SHIPPED_GLOSSARY_DIR} from '../dist/glossary/load.js'
import {PREBUILT_DIR, writePrebuilt} from '../dist/glossary/prebuilt.js'
import {parseGlossary} from '../dist/glossary/schema.js'
import {parseSimplifyOff, SIMPLIFY_OFF_FILE} from '../dist/glossary/simplify-off.js'

rmSync(PREBUILT_DIR, {recursive: true, force: true})
mkdirSync(PREBUILT_DIR, {recursive: true})

for (const file of [...shippedGlossaryFiles(), ...availablePacks().map((pack) => packFile(pack))]) {
  const bytes = readFileSync(file)
  const parsed = parseGlossary(bytes.toString('utf8').replace(/^\uFEFF/, ''), file)
  if (parsed.problems.length > 0) continue
  const keys = parsed.entries.map((entry) => ('disabled' in entry ? null : packEntryKeys(entry) ?? null))
  // Each entry's file is the path as the run shows it, which readLayer sets when it reads this;
  // an empty one here keeps the build's own folder out of the cache, and its place in the entry.
  const entries = parsed.entries.map((entry) => ({...entry, file: ''}))
  writePrebuilt('glossary', file, bytes, {entries, knownAcronyms: parsed.knownAcronyms, keys})
}

const acronymsFile = path.join(SHIPPED_GLOSSARY_DIR, 'acronyms.yml')
const acronymsBytes = readFileSync(acronymsFile)
const acronyms = parseAcronyms(acronymsBytes.toString('utf8'), 'acronyms.yml')
if (acronyms.problems.length === 0) writePrebuilt('acronyms', acronymsFile, acronymsBytes, acronyms.acronyms)

const simplifyBytes = readFileSync(SIMPLIFY_OFF_FILE)
const simplify = parseSimplifyOff(simplifyBytes.toString('utf8'), 'simplify-off.yml')
if (simplify.problems.length === 0) writePrebuilt('simplify-off', SIMPLIFY_OFF_FILE, simplifyBytes, simplify.phrases)

const languageFile = path.join(SHIPPED_GLOSSARY_DIR, 'language.yml')
const languageBytes = readFileSync(languageFile)
try {
  writePrebuilt('language', languageFile, languageBytes, parseLanguageLists(languageBytes.toString('utf8')))
} catch {
  // Reported when plainly runs.
}
