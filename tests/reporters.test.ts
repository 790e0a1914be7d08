import {describe, expect, it} from 'vitest'
import {json, jsonPieces} from '../src/reporters/json.js'
import {terminal} from '../src/reporters/terminal.js'
import {reporters, REPORTER_NAMES} from '../src/reporters/index.js'
import {toReport} from '../src/core/results.js'
import type {FileResult, Finding, ReadingAge} from '../src/types.js'

const finding = (overrides: Partial<Finding>): Finding => ({
  ruleId: 'jargon/stakeholder',
  severity: 'warning',
  message: 'Use “people involved” instead of “stakeholders”',
  actual: 'stakeholders',
  expected: ['people involved'],
  note: 'Say who you mean.',
  url: null,
  line: 3,
  column: 5,
  endLine: 3,
  endColumn: 17,
  ...overrides
})

const readingAge = (age: number, withinTarget: boolean): ReadingAge => ({
  age,
  target: {min: 9, max: 11},
  withinTarget,
  method: 'test',
  formulas: {
    fleschKincaid: {grade: age - 5, age},
    smog: {grade: age - 5, age, lowConfidence: true},
    automatedReadability: {grade: age - 5, age},
    colemanLiau: {grade: age - 5, age},
    gunningFog: {grade: age - 5, age},
    fleschReadingEase: {score: 70}
  },
  counts: {words: 40, sentences: 3, syllables: 60, polysyllables: 4, letters: 180, complexWords: 3},
  hardestSentences: withinTarget
    ? []
    : [{text: 'Our stakeholders need assurance.', line: 3, column: 1, endLine: 3, endColumn: 33, words: 4, longWords: ['stakeholders', 'assurance'], raises: 2.5, reasons: ['4 words', '2 long words (stakeholders, assurance)']}]
})

const files: FileResult[] = [
  {
    path: 'docs/update.md',
    format: 'markdown',
    readingAge: readingAge(14, false),
    findings: [finding({}), finding({ruleId: 'simplify/in-order-to', severity: 'suggestion', message: 'Use “to” instead of “in order to”', note: 'Shorter is better.', line: 5, column: 1})],
    counts: {error: 0, warning: 1, suggestion: 1},
    suppressed: []
  },
  {path: 'docs/plain.md', format: 'markdown', readingAge: readingAge(9, true), findings: [], counts: {error: 0, warning: 0, suggestion: 0}, suppressed: []}
]
const report = toReport(files, '9.9.9')

describe('registry', () => {
  it('names every reporter once, for --format', () => {
    expect(REPORTER_NAMES).toEqual(['terminal', 'json', 'sarif', 'github', 'junit', 'csv', 'markdown', 'html'])
    expect(Object.keys(reporters)).toEqual(REPORTER_NAMES)
  })
})

describe('terminal reporter', () => {
  const plain = terminal(report, {color: 0})

  it('groups findings under each file, one line each with place, severity, message and rule, then why', () => {
    const lines = plain.split('\n')
    const start = lines.indexOf('docs/update.md')
    expect(start).toBe(0)
    expect(lines[1]).toMatch(/^ {2}3:5 {2}warning {5}Use “people involved” instead of “stakeholders” {2}jargon\/stakeholder$/)
    expect(lines[2]).toMatch(/^ +Why: Say who you mean\.$/)
    expect(lines[3]).toMatch(/^ {2}5:1 {2}suggestion {2}Use “to” instead of “in order to” {2}simplify\/in-order-to$/)
  })

  it('shows reading age against target, the hardest sentences when above target, and counts', () => {
    expect(plain).toContain('  Reading age 14: above the target of 9 to 11 (short text: treat as a rough guide)')
    expect(plain).toContain('    3:1  4 words, 2 long words (stakeholders, assurance): “Our stakeholders need assurance.”')
    expect(plain).toContain('  1 warning, 1 suggestion')
    expect(plain).toContain('  Reading age 9: within the target of 9 to 11')
    expect(plain).toContain('  No problems found')
  })

  it('ends with a total', () => {
    expect(plain.trimEnd().split('\n').at(-1)).toBe('✖ 2 files checked: 1 warning, 1 suggestion. 1 file is above the target reading age.')
  })

  it('writes no colour codes at colour level 0, and some at level 1', () => {
    expect(plain).not.toMatch(/\u001B\[/)
    expect(terminal(report, {color: 1})).toMatch(/\u001B\[33mwarning/)
  })

  it('with quiet, hides findings below the failure level but still counts them', () => {
    const quiet = terminal(report, {color: 0, quiet: true, failOn: 'warning'})
    expect(quiet).not.toContain('in order to')
    expect(quiet).toContain('1 warning, 1 suggestion')
  })

  it('matches the reviewed snapshot', () => {
    expect(plain).toMatchSnapshot()
  })
})

describe('JSON reporter', () => {
  const parsed = JSON.parse(json(report, {color: 0}))

  it('writes the documented shape', () => {
    expect(parsed).toMatchObject({version: 1, plainlyVersion: '9.9.9', summary: {files: 2, error: 0, warning: 1, suggestion: 1, unreadable: 0, aboveTarget: 1}})
    expect(parsed.files[0]).toMatchObject({path: 'docs/update.md', format: 'markdown', readingAge: {age: 14, target: {min: 9, max: 11}, withinTarget: false}})
    expect(Object.keys(parsed.files[0].findings[0]).sort()).toEqual(['actual', 'column', 'endColumn', 'endLine', 'expected', 'line', 'message', 'note', 'ruleId', 'severity', 'url'])
  })

  it('matches the reviewed snapshot', () => {
    expect(json(report, {color: 0})).toMatchSnapshot()
  })

  it('is JSON.stringify with two-space indentation, whole or in pieces (two per file: separator and text)', () => {
    const empty = toReport([], '9.9.9')
    const odd = {version: 1, files: [{a: undefined, b: [1, {c: 'a “quote” and a \u{1F600}'}], d: {}, e: []}, null], gone: undefined, summary: {files: 2}}
    for (const value of [report, empty, odd, {}, {files: []}]) {
      const expected = `${JSON.stringify(value, null, 2)}\n`
      const pieces = jsonPieces(value as typeof report)
      expect(pieces.join('')).toBe(expected)
      expect(json(value as typeof report, {color: 0})).toBe(expected)
      const files = (value as {files?: unknown[]}).files
      expect(pieces).toHaveLength(files && files.length > 0 ? 2 * files.length + 2 : 1)
    }
  })
})
