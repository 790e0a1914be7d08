import {describe, expect, it} from 'vitest'
import {loadEntries, shippedGlossaryFiles} from '../src/io/glossary-files.js'
import {parseGlossary} from '../src/io/glossary-files.js'
import {readFileSync} from 'node:fs'
import {textChecker} from './helpers.js'

const entries = loadEntries()
const session = textChecker({simplify: false, hardest: 0})

describe('the shipped glossary', () => {
  it('loads without problems', () => {
    for (const file of shippedGlossaryFiles()) {
      expect(parseGlossary(readFileSync(file, 'utf8'), file).problems).toEqual([])
    }
    expect(entries.length).toBeGreaterThanOrEqual(250)
  })

  it('covers every term named in the research report', () => {
    const ids = new Set(entries.map((entry) => entry.id))
    const named = ['assurance', 'co-production', 'power', 'hard-to-reach', 'service-user', 'stakeholder', 'engagement', 'partner-organisations', 'inter-agency', 'icb', 'cognisant', 'facilitate', 'iterative', 'embedded', 'barriers', 'methodology', 'buy-in', 'in-terms-of', 'easy-read', 'lived-experience', 'going-forward', 'leverage', 'robust', 'deliver', 'pathway', 'commissioning', 'signpost', 'holistic']
    expect(named.filter((id) => !ids.has(id))).toEqual([])
  })

  it('gives every entry a source, a licence, a note and at least one example to flag', () => {
    for (const entry of entries) {
      expect(entry.source, entry.id).not.toBe('')
      expect(entry.licence, entry.id).not.toBe('')
      expect(entry.note.length, entry.id).toBeGreaterThan(20)
      expect(entry.examples.flag.length, entry.id).toBeGreaterThan(0)
      // Entries with exceptions must show one that passes.
      if (entry.except.length > 0) expect(entry.examples.pass.length, entry.id).toBeGreaterThan(0)
      // Whole sentences: catches a YAML list split at a comma by mistake.
      for (const example of [...entry.examples.flag, ...entry.examples.pass]) expect(example, entry.id).toMatch(/^[\p{Lu}\d].*[.?!]$/u)
    }
  })

  describe.each(entries.map((entry) => [entry.id, entry] as const))('%s', (id, entry) => {
    it.each(entry.examples.flag)('flags: %s', async (sentence) => {
      const result = await session.checkText(sentence, 'example.txt')
      expect(result.findings.map((finding) => finding.ruleId)).toContain(`jargon/${id}`)
    })
    it.each(entry.examples.pass)('passes: %s', async (sentence) => {
      const result = await session.checkText(sentence, 'example.txt')
      expect(result.findings.map((finding) => finding.ruleId)).not.toContain(`jargon/${id}`)
    })
  })
})
