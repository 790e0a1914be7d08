import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {jsonReport} from '../src/reporters/json.js'
import {jsonPieces} from '../src/reporters/json-stream.js'
import {reportWith} from './helpers.js'
const json = reportWith('json')
const terminal = reportWith('terminal')
import {reporters, REPORTER_NAMES} from '../src/reporters/index.js'
import {reportText} from '../src/reporters/types.js'
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
  const parsed = JSON.parse(json(report))

  it('writes the documented shape', () => {
    expect(parsed).toMatchObject({version: 1, plainlyVersion: '9.9.9', summary: {files: 2, error: 0, warning: 1, suggestion: 1, unreadable: 0, aboveTarget: 1}})
    expect(parsed.files[0]).toMatchObject({path: 'docs/update.md', format: 'markdown', readingAge: {age: 14, target: {min: 9, max: 11}, withinTarget: false}})
    expect(Object.keys(parsed.files[0].findings[0]).sort()).toEqual(['actual', 'column', 'endColumn', 'endLine', 'expected', 'line', 'message', 'note', 'ruleId', 'severity', 'url'])
  })

  it('matches the reviewed snapshot', () => {
    expect(json(report)).toMatchSnapshot()
  })

  it('is JSON.stringify with two-space indentation, written a finding at a time', () => {
    const empty = toReport([], '9.9.9')
    const odd = {
      version: 1,
      files: [{a: undefined, b: [1, {c: 'a “quote” and a \u{1F600}'}], d: {}, e: [], findings: [{x: [1, [2]], y: null}, undefined, () => 1], suppressed: []}, null],
      gone: undefined,
      summary: {files: 2, nested: {findings: [{deep: {er: [1]}}]}}
    }
    for (const value of [report, empty, odd, {}, {files: []}, [], [[1], {findings: []}], 'text', 3, null]) {
      const expected = `${JSON.stringify(value, null, 2)}\n`
      expect([...jsonPieces(value, new Set(['files', 'findings', 'suppressed']))].join('') + '\n', JSON.stringify(value)).toBe(expected)
      if (value && typeof value === 'object' && !Array.isArray(value)) expect(json(value as typeof report)).toBe(expected)
    }
    // A list may be any iterable: a generator writes as the array it gives.
    const made = function* () {
      yield {a: 1}
      yield [2, 3]
    }
    expect([...jsonPieces({files: made(), empty: [][Symbol.iterator]()}, new Set(['files', 'empty']))].join('')).toBe(JSON.stringify({files: [{a: 1}, [2, 3]], empty: []}, null, 2))
  })

  it('never holds more than one finding in a piece', () => {
    const many = Array.from({length: 50}, (_, index) => finding({line: index + 1, message: `Finding ${index}`}))
    const big = toReport([{...report.files[0]!, findings: many, counts: {error: 0, warning: 50, suggestion: 0}}], '9.9.9')
    const pieces = [...jsonReport(big, {color: 0})]
    expect(pieces.join('')).toBe(`${JSON.stringify(big, null, 2)}\n`)
    for (const piece of pieces) expect((piece.match(/"ruleId"/g) ?? []).length).toBeLessThanOrEqual(1)
  })
})

describe('every reporter on 200,000 findings', () => {
  const COUNT = 200_000
  const many: Finding[] = Array.from({length: COUNT}, (_, index) =>
    finding({line: index + 1, endLine: index + 1, column: 1, endColumn: 13, ruleId: index % 2 ? 'jargon/stakeholder' : 'jargon/assurance', actual: index % 2 ? 'stakeholders' : 'assurance'})
  )
  const big = toReport([{path: 'big.md', format: 'markdown', readingAge: null, findings: many, counts: {error: 0, warning: COUNT, suggestion: 0}, suppressed: []}, report.files[1]!], '9.9.9')
  const view = {lineStarts: Array.from({length: COUNT}, (_, index) => index * 14), blocks: [{kind: 'plain' as const, text: 'stakeholders\n\n'.repeat(COUNT), runs: [0, COUNT * 14, 0, COUNT * 14]}]}

  it.each(REPORTER_NAMES)('%s writes its report a piece at a time, without running out of stack', (name) => {
    const started = performance.now()
    let length = 0
    let pieces = 0
    let largest = 0
    const kept: string[] = []
    // Every use listed (--show-repeats), so that the human reports' caps are what is tested.
    for (const piece of reporters[name](big, {color: 1, showRepeats: true, views: new Map([['big.md', view]])})) {
      length += piece.length
      pieces++
      largest = Math.max(largest, piece.length)
      if (name !== 'github' && name !== 'junit') kept.push(piece)
    }
    const seconds = (performance.now() - started) / 1000
    process.stderr.write(`${name}: ${pieces} pieces, ${(length / 1e6).toFixed(1)} million characters in ${seconds.toFixed(2)} s\n`)
    expect(length).toBeGreaterThan(0)
    if (name === 'json') expect(JSON.parse(kept.join('')).files[0].findings).toHaveLength(COUNT)
    if (name === 'sarif') expect(JSON.parse(kept.join('')).runs[0].results).toHaveLength(COUNT)
    // A header, a row each, and the end of the last line.
    if (name === 'csv') expect(kept.join('').split('\r\n').length).toBe(COUNT + 2)
    // Machine formats keep every finding, a piece at a time; human ones show the first and count the rest.
    if (['json', 'sarif', 'csv', 'github', 'junit'].includes(name)) expect(largest).toBeLessThan(100_000)
    else expect(length).toBeLessThan(5_000_000)
    if (name === 'terminal') expect(kept.join('')).toContain('\u2026and 199,900 more findings in this file.')
    if (name === 'html') expect(kept.join('')).toContain('This document has 199,500 more findings than are shown here.')
  })

  it('human reports write counts as people do (200,000), in sentences and in tables', () => {
    const html = reportText(reporters.html(big, {color: 0}))
    expect(html).toContain('(0 must fix, 200,000 should fix)')
    expect(html).toContain('<td class="num">200,000</td>')
    expect(html).toContain('<td class="num">100,000</td>')
    expect(html).not.toMatch(/[>( ]\d{4,}[<) ]/)
    const markdown = reportText(reporters.markdown(big, {color: 0}))
    expect(markdown).toContain('| 200,000 |')
    expect(markdown).toContain('| 100,000 |')
    expect(markdown).not.toMatch(/\| \d{4,} \|/)
  })

  it('human reports fold the repeats of each word into its first use', () => {
    const terminal = reportText(reporters.terminal(big, {color: 0}))
    const lines = terminal.split('\n').filter((line) => /^\s+\d+:\d+/.test(line))
    expect(lines.filter((line) => line.includes('big.md') === false && /jargon\//.test(line))).toHaveLength(2)
    expect(terminal).toContain('Used 99,999 more times: lines 3, 5, 7, 9, 11, 13, 15, 17 and 99,991 more places.')
    expect(terminal).toContain('199,998 later uses of the same words are counted under their first use (--show-repeats lists each one).')
  })
})

describe('highlighting: the pieces of a block and the findings that cover each', () => {
  it('coveredPieces gives what asking every finding about every piece gives, for any findings', async () => {
    const {coveredPieces} = await import('../src/shared/spans.js')
    await fc.assert(
      fc.property(fc.integer({min: 0, max: 60}), fc.array(fc.tuple(fc.nat(60), fc.nat(20)), {maxLength: 25}), (length, pairs) => {
        const spans = pairs.map(([start, width], index) => ({start: Math.min(start, length), end: Math.min(start + width, length), index}))
        const cuts = [...new Set([0, length, ...spans.flatMap((span) => [span.start, span.end])])].sort((a, b) => a - b)
        const expected = cuts.slice(0, -1).map((from, position) => ({from, to: cuts[position + 1]!, covering: spans.filter((span) => span.start <= from && span.end >= cuts[position + 1]!)}))
        expect(coveredPieces(length, spans)).toEqual(expected)
      }),
      {numRuns: 500}
    )
  })
})
