/**
 * The quick reader (src/glossary/quick-yaml.ts, quick-glossary.ts) may give
 * up on anything, but whatever it accepts it must read exactly as the yaml
 * package does, and a glossary it accepts must be one the full parser
 * accepts with no problem and builds the same entries for. Checked on the
 * shipped files, on the styles plainly's own tools write, and on many
 * generated documents full of YAML's corner cases.
 */
import {readFileSync} from 'node:fs'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {ENTRY_KEYS} from '../src/glossary/fields.js'
import {availablePacks, packFile, shippedGlossaryFiles} from '../src/glossary/load.js'
import {quickGlossary} from '../src/glossary/quick-glossary.js'
import {QuickMap, quickYaml, type QuickValue} from '../src/glossary/quick-yaml.js'
import {parseGlossaryFully} from '../src/glossary/schema.js'
import {glossaryYaml} from './helpers.js'

/** A quick value as the plain data yaml's parse() gives. */
function plain(value: QuickValue): unknown {
  if (value instanceof QuickMap) return Object.fromEntries(Object.entries(value.values).map(([key, item]) => [key, plain(item)]))
  if (Array.isArray(value)) return value.map(plain)
  return value
}

/** yaml's reading of a document, or 'error'. */
function full(text: string): unknown {
  try {
    return parse(text, {uniqueKeys: true, prettyErrors: false})
  } catch {
    return 'error'
  }
}

/** The quick reading must be yaml's, whenever there is one; returns whether there was. */
function sameAsYaml(text: string): boolean {
  const quick = quickYaml(text)
  if (quick === undefined) return false
  expect(plain(quick)).toEqual(full(text))
  return true
}

/** A glossary the quick way must be the full way's, with no problem; returns whether the quick way answered. */
function sameGlossary(text: string): boolean {
  const quick = quickGlossary(text, 'team.yml')
  if (quick === undefined) return false
  const slow = parseGlossaryFully(text, 'team.yml')
  expect(slow.problems).toEqual([])
  expect(quick).toEqual(slow)
  // toEqual passes over undefined fields; the JSON (what plainly prints) must match too.
  expect(JSON.stringify(quick)).toBe(JSON.stringify(slow))
  return true
}

describe('the quick glossary reader', () => {
  it('reads every shipped file and pack, the same as the full parser', () => {
    for (const file of [...shippedGlossaryFiles(), ...availablePacks().map((pack) => packFile(pack))]) {
      const text = readFileSync(file, 'utf8')
      expect(sameGlossary(text), file).toBe(true)
      expect(sameAsYaml(text), file).toBe(true)
    }
  })

  it('reads the styles plainly writes and documents: one line per field, JSON strings, flow maps, CRLF', () => {
    const styles = [
      glossaryYaml({id: 'assurance', term: 'assurance', alternatives: ['checks', 'proof'], note: 'Few "people" know it: really.'}, {id: 'icb', terms: ['ICB'], acronym: true, explain: true}),
      'entries:\n  - {id: made-up-1, term: zqx1word, alternatives: [plain], note: Test., severity: warning, source: tests, licence: MIT}\n',
      'description: Team words\nknownAcronyms: [NHS, GP]\nentries:\n- id: leverage\n  disabled: true\n- id: going-forward\n  term: going forward\n  alternatives:\n  - from now on\n  - next\n  note: >-\n    Office talk.\n\n    Say when.\n  severity: suggestion\n  source: team # ours\n  licence: MIT\n  examples:\n    flag: [We will do it going forward.]\n    pass:\n      - "Going forward: the car moved."\n',
      'entries:\r\n  - id: a-b\r\n    term: a b\r\n    alternatives: [c]\r\n    note: |\r\n      Line one\r\n      line two\r\n    severity: error\r\n    source: s\r\n    licence: MIT\r\n'
    ]
    for (const text of styles) {
      expect(sameGlossary(text), text).toBe(true)
      expect(sameAsYaml(text), text).toBe(true)
    }
  })

  it('reads every field an entry may have (so no valid field sends a file the slow way)', () => {
    const every = [
      'entries:',
      '  - id: going-forward',
      '    term: going forward',
      '    alternatives: [from now on]',
      '    explain: false',
      '    note: Office talk.',
      '    severity: suggestion',
      '    source: team',
      '    licence: MIT',
      '    acronym: false',
      '    except: [going forward slowly]',
      '    forms: [went forward]',
      '    inflect: false',
      '    status: accepted',
      '    proposedBy: comms team',
      '    reviewed: 2026-11-26',
      '    url: https://example.org/going-forward',
      '    examples: {flag: [We will do it going forward.], pass: [Plain words.]}',
      '    disabled: false',
      '    autofix: true',
      '  - id: icb',
      '    terms: [ICB]',
      '    explain: true',
      '    note: Say integrated care board.',
      '    severity: warning',
      '    source: team',
      '    licence: MIT',
      ''
    ].join('\n')
    const used = new Set(every.split('\n').map((line) => /^ {2}(?:- | {2})(\w+):/.exec(line)?.[1]).filter(Boolean))
    expect([...used].sort()).toEqual([...ENTRY_KEYS].sort())
    expect(sameGlossary(every)).toBe(true)
  })

  it('gives up on problems, leaving the messages and lines to the full parser', () => {
    const valid = glossaryYaml({id: 'assurance', term: 'assurance'})
    for (const text of [valid.replace('severity: "warning"', 'severity: "loud"'), `${valid}${valid.replace('entries:\n', '')}`, valid.replace('note:', 'notes:'), 'a: &a [1]\nentries: *a\n', 'entries: 3\n', '- just a list\n']) {
      expect(quickGlossary(text, 'team.yml')).toBeUndefined()
    }
  })
})

// Generated documents: glossary-shaped YAML with random styles and the characters that trip readers up.
const fragment = fc.oneof(
  {weight: 12, arbitrary: fc.constantFrom('word', 'two words', 'a', 'Z', 'é', 'café au lait', 'http://x.org/a#b', 'yes', 'No', '…', '—', ' ', 'x:y', 'A&E', "it's", '"so"')},
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      ': ', ':', ' #', '#', '- ', '-', '[', ']', '{', '}', ',', '&a', '*a', '!t', '|', '>', '%', '@', '`', "'", '"', '\\', 'true', 'False', 'null',
      '~', 'NULL', '12', '-3', '1.5', '1e3', '0x1F', '0o7', '.inf', '.NaN', '😀', '\u200b', '  ', '?', '\u00a0', '\t', '\u2028', '\u0085'
    )
  }
)
const text = fc.array(fragment, {minLength: 1, maxLength: 4}).map((parts) => parts.join(''))
const scalar = fc.oneof(
  {weight: 5, arbitrary: text},
  {weight: 2, arbitrary: text.map((value) => `'${value.replaceAll("'", "''")}'`)},
  {weight: 2, arbitrary: text.map((value) => JSON.stringify(value))},
  {weight: 1, arbitrary: fc.constantFrom('"a\\x41\\u00e9\\U0001F600\\t\\/b"', '"bad \\q escape"', '"open', "'open", '""', "''", '"\\"quoted\\""', "'it''s'")}
)
const key = fc.oneof({weight: 8, arbitrary: fc.constantFrom('id', 'term', 'terms', 'alternatives', 'note', 'severity', 'source', 'licence', 'explain', 'acronym', 'inflect', 'except', 'forms', 'url', 'status', 'examples', 'disabled', 'autofix', 'reviewed')}, {weight: 1, arbitrary: fc.constantFrom('a b', '"id"', 'Id', 'constructor', 'x-y', '_k', '9k', '__proto__', 'k:')})
const flowList = fc.tuple(fc.array(scalar, {maxLength: 3}), fc.boolean(), fc.constantFrom(', ', ',', ' , ')).map(([items, trailing, comma]) => `[${items.join(comma)}${trailing ? ',' : ''}]`)
const blockScalar = fc.tuple(fc.constantFrom('|', '>', '|-', '>-', '|+', '>2', '| # c'), fc.array(fc.oneof(text, fc.constant(''), text.map((value) => `  ${value}`)), {minLength: 1, maxLength: 4})).map(([header, lines]) => ({header, lines}))

type Field = {key: string; value: string | {header: string; lines: string[]} | {list: string[]} | {more: string[]}}
const field: fc.Arbitrary<Field> = fc.tuple(
  key,
  fc.oneof(
    {weight: 6, arbitrary: scalar},
    {weight: 2, arbitrary: flowList},
    {weight: 1, arbitrary: blockScalar},
    {weight: 1, arbitrary: fc.array(scalar, {minLength: 1, maxLength: 3}).map((list) => ({list}))},
    {weight: 1, arbitrary: fc.array(text, {minLength: 1, maxLength: 2}).map((more) => ({more}))},
    {weight: 1, arbitrary: fc.constantFrom('', ' # empty', 'true', 'false', 'warning', 'suggestion', 'MIT')}
  )
).map(([name, value]) => ({key: name, value}))
// Mostly distinct keys (a repeated key is an error, which the full parser must report).
const entry = fc.oneof({weight: 9, arbitrary: fc.uniqueArray(field, {minLength: 1, maxLength: 8, selector: (item) => item.key})}, {weight: 1, arbitrary: fc.array(field, {minLength: 1, maxLength: 8})})
const style = fc.record({indent: fc.constantFrom(0, 2, 4), listIndent: fc.constantFrom(0, 2), comments: fc.boolean(), blankLines: fc.boolean(), trailing: fc.boolean(), crlf: fc.boolean()})

function render(entries: Field[][], options: {indent: number; listIndent: number; comments: boolean; blankLines: boolean; trailing: boolean; crlf: boolean}, random: () => number): string {
  const lines = ['description: generated', 'entries:']
  const extra = () => {
    if (options.comments && random() < 0.2) lines.push(`${' '.repeat(Math.floor(random() * 6))}# a comment`)
    if (options.blankLines && random() < 0.2) lines.push(random() < 0.5 ? '' : '   ')
  }
  const dash = ' '.repeat(options.listIndent)
  for (const fields of entries) {
    fields.forEach((item, index) => {
      const column = options.listIndent + 2
      const start = index === 0 ? `${dash}- ` : ' '.repeat(column)
      const tail = options.trailing && random() < 0.3 ? ' ' : ''
      const value = item.value
      if (typeof value === 'string') {
        lines.push(`${start}${item.key}: ${value}${tail}`.replace(/: $/, ':'))
      } else if ('header' in value) {
        lines.push(`${start}${item.key}: ${value.header}`)
        for (const line of value.lines) lines.push(line === '' ? '' : `${' '.repeat(column + 2)}${line}`)
      } else if ('list' in value) {
        lines.push(`${start}${item.key}:`)
        for (const element of value.list) lines.push(`${' '.repeat(column + options.indent)}- ${element}${tail}`)
      } else {
        lines.push(`${start}${item.key}: ${value.more[0]}`)
        for (const more of value.more.slice(1)) lines.push(`${' '.repeat(column + 2)}${more}`)
      }
      extra()
    })
  }
  const document = `${lines.join('\n')}\n`
  return options.crlf ? document.replaceAll('\n', '\r\n') : document
}

describe('the quick reader on generated documents', () => {
  it('reads only what the yaml package reads, and reads it the same', () => {
    let accepted = 0
    fc.assert(
      fc.property(fc.array(entry, {minLength: 1, maxLength: 3}), style, fc.integer(), (entries, options, seed) => {
        let state = seed >>> 0
        const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32)
        const document = render(entries, options, random)
        if (sameAsYaml(document)) accepted++
        sameGlossary(document)
      }),
      {numRuns: Number(process.env.QUICK_YAML_RUNS ?? 3000)}
    )
    // The generator must also make plenty the quick reader accepts, or this proves little.
    expect(accepted).toBeGreaterThan(150)
  })

  it('builds the same entries as the full parser for valid generated glossaries', () => {
    const word = fc.constantFrom('stakeholder', 'going forward', 'co-production', 'A&E', 'ICB', 'hard-to-reach', 'café', "people's", 'x')
    const value = fc.oneof(word, word.map((item) => JSON.stringify(item)), word.map((item) => `'${item.replaceAll("'", "''")}'`))
    let accepted = 0
    fc.assert(
      fc.property(
        fc.array(fc.record({terms: fc.array(value, {minLength: 1, maxLength: 3}), alternatives: fc.array(value, {maxLength: 2}), explain: fc.boolean(), acronym: fc.boolean(), inflect: fc.boolean(), block: fc.boolean(), examples: fc.boolean()}), {minLength: 1, maxLength: 4}),
        (items) => {
          const lines = ['entries:']
          items.forEach((item, index) => {
            lines.push(`  - id: entry-${index}`, `    terms: [${item.terms.join(', ')}]`)
            if (item.alternatives.length > 0) lines.push('    alternatives:', ...item.alternatives.map((alternative) => `      - ${alternative}`))
            if (item.explain || item.alternatives.length === 0) lines.push('    explain: true')
            lines.push(item.block ? '    note: >-\n      Why it is\n      a problem.' : '    note: Why.', '    severity: warning', '    source: tests', '    licence: MIT')
            if (item.acronym) lines.push('    acronym: true')
            if (!item.inflect) lines.push('    inflect: false')
            if (item.examples) lines.push('    examples:', `      flag: [${item.terms[0]}]`, '      pass:', '        - Nothing here.')
          })
          if (sameGlossary(`${lines.join('\n')}\n`)) accepted++
        }
      ),
      {numRuns: 500}
    )
    expect(accepted).toBeGreaterThan(250)
  })
})
