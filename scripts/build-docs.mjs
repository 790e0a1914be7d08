#!/usr/bin/env node
// Regenerate docs/glossary.md from the YAML in glossary/ and docs/rules.md from the rules (run `npm run docs`).
import {mkdirSync, writeFileSync} from 'node:fs'
import {renderGlossaryDoc, shippedSections} from '../dist/glossary/docs.js'
import {availablePacks, loadEntries} from '../dist/io/glossary-files.js'
import {renderRulesDoc} from '../dist/reporters/rules-doc.js'

const root = new URL('../', import.meta.url)
const text = renderGlossaryDoc(shippedSections((packs) => loadEntries({packs, cwd: root.pathname}), availablePacks()))
mkdirSync(new URL('docs/', root), {recursive: true})
writeFileSync(new URL('docs/glossary.md', root), text)
console.log('Wrote docs/glossary.md')
writeFileSync(new URL('docs/rules.md', root), renderRulesDoc())
console.log('Wrote docs/rules.md')
