import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {Ajv} from 'ajv'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import type {Element, Root} from 'hast'
import {describe, expect, it} from 'vitest'
import {toReport} from '../src/core/results.js'
import {plainView} from '../src/core/view.js'
import {csvField, escapeGithubData, escapeGithubProperty, escapeMarkdown, escapeXmlAttribute, escapeXmlText, pathToUri, plural, thousands} from '../src/reporters/escape.js'
import {CONTENT_SECURITY_POLICY, HTML_FINDINGS_PER_DOCUMENT} from '../src/reporters/html.js'
import {runCli, tempDir} from './helpers.js'
import {markdown} from '../src/reporters/markdown.js'
import {reportWith} from './helpers.js'
const [csv, github, html, junit, sarif] = [reportWith('csv'), reportWith('github'), reportWith('html'), reportWith('junit'), reportWith('sarif')]
import type {ReporterOptions} from '../src/reporters/types.js'
import type {FileResult, Finding, ReadingAge, Report} from '../src/types.js'

// ------------------------------------------------------------ test report

/** The place of `words` in `source` (its first match after `from`), as a finding's fields. */
function place(source: string, words: string, from = 0): Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'> {
  const offset = source.indexOf(words, from)
  if (offset === -1) throw new Error(`"${words}" is not in the source`)
  const point = (at: number) => {
    const lines = source.slice(0, at).split(/\r\n|\r|\n/)
    return {line: lines.length, column: lines.at(-1)!.length + 1}
  }
  const start = point(offset)
  const end = point(offset + words.length)
  return {line: start.line, column: start.column, endLine: end.line, endColumn: end.column}
}

const finding = (fields: Partial<Finding> & Pick<Finding, 'ruleId' | 'severity' | 'message'>): Finding => ({
  actual: null,
  expected: [],
  note: null,
  url: null,
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 1,
  ...fields
})

const readingAge = (age: number): ReadingAge => ({
  age,
  target: {min: 9, max: 11},
  withinTarget: age <= 11,
  method: 'test',
  formulas: null,
  counts: {words: 20, sentences: 2, syllables: 30, polysyllables: 2, letters: 90, complexWords: 2},
  hardestSentences: []
})

const counted = (file: Omit<FileResult, 'counts' | 'suppressed'> & Partial<Pick<FileResult, 'suppressed'>>): FileResult => ({
  suppressed: [],
  ...file,
  counts: {
    error: file.findings.filter((item) => item.severity === 'error').length,
    warning: file.findings.filter((item) => item.severity === 'warning').length,
    suggestion: file.findings.filter((item) => item.severity === 'suggestion').length
  }
})

const CAFE = 'docs/Annual report/Café news.md'
const cafeSource = [
  '# Café news',
  '',
  'Our stakeholders told us that, in order to be heard, hard-to-reach groups need more time & care from every one of us.',
  'Contact <b>us</b> today.'
].join('\n')
const sentence = 'Our stakeholders told us that, in order to be heard, hard-to-reach groups need more time & care from every one of us.'

const TRICKY = 'docs/tricky.md'
const trickySource = [
  '# Tricky',
  '=HYPERLINK("http://evil.example","click") <script>alert(1)</script>',
  '<img src=x onerror="alert(2)"> [click](javascript:alert(3))',
  '</textarea></style><script>alert(4)</script> and more words here.'
].join('\n')
const TRICKY_MESSAGE = 'Avoid "a | b", <script>alert(1)</script> and `code`: 50% of readers,\nreally @someone #12'

const files: FileResult[] = [
  counted({
    path: CAFE,
    format: 'markdown',
    readingAge: readingAge(14),
    findings: [
      finding({
        ruleId: 'reading-age',
        severity: 'warning',
        message: 'Reading age is 14, above the target of 9 to 11: start with the hardest sentences',
        actual: '14',
        expected: ['9 to 11'],
        note: 'Many people read best at the level of a 9 to 11-year-old.',
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 1
      }),
      finding({
        ruleId: 'long-sentence',
        severity: 'warning',
        message: 'This sentence has 26 words: try to keep sentences to 25 words or fewer',
        actual: sentence,
        ...place(cafeSource, sentence)
      }),
      finding({
        ruleId: 'jargon/stakeholder',
        severity: 'warning',
        message: 'Use “people involved” or “partners” instead of “stakeholders”',
        actual: 'stakeholders',
        expected: ['people involved', 'partners'],
        note: 'Say who you mean.',
        fix: {range: [cafeSource.indexOf('stakeholders'), cafeSource.indexOf('stakeholders') + 12], text: 'people involved'},
        ...place(cafeSource, 'stakeholders')
      }),
      finding({
        ruleId: 'simplify/in-order-to',
        severity: 'suggestion',
        message: 'Use “to” instead of “in order to”',
        actual: 'in order to',
        expected: ['to'],
        url: 'https://github.com/retextjs/retext-simplify#readme',
        ...place(cafeSource, 'in order to')
      }),
      finding({
        ruleId: 'jargon/hard-to-reach',
        severity: 'error',
        message: 'Use “people we do not hear from enough” instead of “hard-to-reach groups”',
        actual: 'hard-to-reach groups',
        expected: ['people we do not hear from enough'],
        note: 'It blames people for not being reached.',
        ...place(cafeSource, 'hard-to-reach groups')
      })
    ],
    suppressed: [
      {
        ...finding({ruleId: 'jargon/care', severity: 'suggestion', message: 'Say what care you mean', actual: 'care', ...place(cafeSource, 'care')}),
        suppression: {kind: 'comment', reason: 'our service is called this', line: 2}
      },
      {...finding({ruleId: 'jargon/heard', severity: 'warning', message: 'Say who listens', actual: 'heard', ...place(cafeSource, 'heard')}), suppression: {kind: 'baseline'}}
    ]
  }),
  counted({
    path: TRICKY,
    format: 'markdown',
    readingAge: readingAge(10),
    findings: [
      finding({
        ruleId: 'custom/pipes',
        severity: 'warning',
        message: TRICKY_MESSAGE,
        actual: '=HYPERLINK("http://evil.example","click")',
        expected: ['+44 20 7946 0000', '@SUM(A1)'],
        note: '-1 point & more\ttabs\u0007bell',
        url: 'https://example.org/rules/pipes?a=1&b=2',
        ...place(trickySource, '=HYPERLINK("http://evil.example","click")')
      }),
      finding({
        ruleId: 'hard-sentence',
        severity: 'suggestion',
        message: 'This sentence may be hard to read for ages 9 to 11: it has 12 words',
        ...place(trickySource, '<img src=x onerror="alert(2)"> [click](javascript:alert(3))\n</textarea></style><script>alert(4)</script> and more words here.')
      })
    ]
  }),
  counted({
    path: 'notes/broken.txt',
    format: 'text',
    readingAge: null,
    findings: [
      finding({
        ruleId: 'file/encoding',
        severity: 'error',
        message: 'This file is not saved as UTF-8 text: save it as UTF-8 and try again',
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 1,
        fatal: true
      })
    ]
  }),
  counted({path: 'docs/plain.md', format: 'markdown', readingAge: readingAge(9), findings: []})
]

const report: Report = toReport(files, '9.9.9')
const options: ReporterOptions = {color: 0}
// The documents as given (as plain text is shown); tests of the real views of Markdown and HTML are below.
const views = new Map([
  [CAFE, plainView(cafeSource)],
  [TRICKY, plainView(trickySource)],
  ['docs/plain.md', plainView('We are open on Monday.')]
])
const allFindings = files.flatMap((file) => file.findings)
const allSuppressed = files.flatMap((file) => file.suppressed)

// ------------------------------------------------------------------ SARIF

describe('sarif reporter', () => {
  const text = sarif(report, options)
  const log = JSON.parse(text)
  const run = log.runs[0]
  const results: any[] = run.results

  it('is valid against the official SARIF 2.1.0 schema', () => {
    const schema = JSON.parse(readFileSync(new URL('../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8'))
    // The schema is draft-04 in form (`id`); Ajv 8 reads it as draft-07 once the
    // draft-04 meta reference is dropped (it uses no draft-04-only keywords).
    // One of its patterns is not valid with the `u` flag, hence unicodeRegExp: false.
    delete schema.$schema
    schema.$id = schema.id
    delete schema.id
    const ajv = new Ajv({strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false})
    const validate = ajv.compile(schema)
    const valid = validate(log)
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
    // A quiet report, and an empty one, are valid too.
    expect(validate(JSON.parse(sarif(report, {color: 0, quiet: true, failOn: 'error'})))).toBe(true)
    expect(validate(JSON.parse(sarif(toReport([], '9.9.9'), options)))).toBe(true)
  })

  it('names the log, the version and the tool', () => {
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json')
    expect(log.version).toBe('2.1.0')
    expect(log.runs).toHaveLength(1)
    expect(run.tool.driver).toMatchObject({name: 'plainly', version: '9.9.9'})
    expect(run.tool.driver.informationUri).toBeUndefined()
    expect(run.columnKind).toBe('utf16CodeUnits')
  })

  it('has one rule per rule id, sorted, and each result points at its own rule', () => {
    const ids = run.tool.driver.rules.map((rule: any) => rule.id)
    expect(ids).toEqual([...new Set([...allFindings, ...allSuppressed].map((item) => item.ruleId))].sort())
    expect(results).toHaveLength(allFindings.length + allSuppressed.length)
    for (const result of results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId)
    const stakeholder = run.tool.driver.rules.find((rule: any) => rule.id === 'jargon/stakeholder')
    expect(stakeholder).toMatchObject({
      shortDescription: {text: 'Jargon: stakeholder'},
      fullDescription: {text: 'Say who you mean.'},
      help: {text: 'Say who you mean.'},
      defaultConfiguration: {level: 'warning'}
    })
    expect(run.tool.driver.rules.find((rule: any) => rule.id === 'simplify/in-order-to')).toMatchObject({
      shortDescription: {text: 'Wordy phrase: in-order-to'},
      helpUri: 'https://github.com/retextjs/retext-simplify#readme',
      defaultConfiguration: {level: 'note'}
    })
  })

  it('maps error, warning and suggestion to error, warning and note', () => {
    const level = (ruleId: string) => results.find((result) => result.ruleId === ruleId).level
    expect(level('jargon/hard-to-reach')).toBe('error')
    expect(level('jargon/stakeholder')).toBe('warning')
    expect(level('simplify/in-order-to')).toBe('note')
    expect(level('file/encoding')).toBe('error')
  })

  it('gives a relative, percent-encoded URI with forward slashes, and the exact region', () => {
    const result = results.find((item) => item.ruleId === 'jargon/stakeholder')
    const location = result.locations[0].physicalLocation
    expect(location.artifactLocation.uri).toBe('docs/Annual%20report/Caf%C3%A9%20news.md')
    expect(decodeURIComponent(location.artifactLocation.uri)).toBe(CAFE)
    expect(location.artifactLocation.uriBaseId).toBe('%SRCROOT%')
    expect(run.artifacts[location.artifactLocation.index].location.uri).toBe(location.artifactLocation.uri)
    expect(location.region).toEqual({startLine: 3, startColumn: 5, endLine: 3, endColumn: 17})
    expect(result.message.text).toBe('Use “people involved” or “partners” instead of “stakeholders”')
  })

  it('shows a finding at a point (no end) on its whole line', () => {
    const result = results.find((item) => item.ruleId === 'reading-age')
    expect(result.locations[0].physicalLocation.region).toEqual({startLine: 3, startColumn: 1})
  })

  it('adds alternatives to a message that does not name them', () => {
    const result = results.find((item) => item.ruleId === 'custom/pipes')
    expect(result.message.text).toBe(`${TRICKY_MESSAGE} (try: +44 20 7946 0000, @SUM(A1))`)
    expect(result.properties).toMatchObject({actual: '=HYPERLINK("http://evil.example","click")', expected: ['+44 20 7946 0000', '@SUM(A1)']})
  })

  it('reports a file that could not be checked as an error and a tool notification', () => {
    const result = results.find((item) => item.ruleId === 'file/encoding')
    expect(result).toMatchObject({level: 'error', properties: {fatal: true}})
    expect(run.invocations[0].executionSuccessful).toBe(true)
    expect(run.invocations[0].toolExecutionNotifications).toHaveLength(1)
    expect(run.invocations[0].toolExecutionNotifications[0]).toMatchObject({level: 'error', descriptor: {id: 'file/encoding'}})
  })

  it('keeps silenced findings as suppressed results: a comment in source, the baseline outside', () => {
    const suppressed = results.filter((result) => result.suppressions)
    expect(suppressed.map((result) => [result.ruleId, result.suppressions])).toEqual([
      ['jargon/care', [{kind: 'inSource', justification: 'our service is called this'}]],
      ['jargon/heard', [{kind: 'external'}]]
    ])
    expect(results.filter((result) => !result.suppressions)).toHaveLength(allFindings.length)
  })

  it('offers plainly\'s safe swap as a SARIF fix', () => {
    const result = results.find((item) => item.ruleId === 'jargon/stakeholder')
    const start = cafeSource.indexOf('stakeholders')
    expect(result.fixes).toEqual([
      {
        description: {text: 'Change to “people involved”'},
        artifactChanges: [
          {
            artifactLocation: {uri: 'docs/Annual%20report/Caf%C3%A9%20news.md', uriBaseId: '%SRCROOT%', index: 0},
            replacements: [{deletedRegion: {charOffset: start, charLength: 12}, insertedContent: {text: 'people involved'}}]
          }
        ]
      }
    ])
  })

  it('keeps each reading age with its file', () => {
    expect(run.artifacts.map((artifact: any) => artifact.properties?.readingAge?.age ?? null)).toEqual([14, 10, null, 9])
    expect(run.artifacts[0].properties.readingAge).toEqual({age: 14, target: {min: 9, max: 11}, withinTarget: false})
    expect(run.properties.summary).toEqual(report.summary)
  })

  it('is the same every time', () => {
    expect(sarif(report, options)).toBe(text)
  })

  it('with quiet, keeps only what fails the check', () => {
    const quiet = JSON.parse(sarif(report, {color: 0, quiet: true, failOn: 'warning'})).runs[0]
    expect(quiet.results.map((result: any) => result.ruleId)).not.toContain('simplify/in-order-to')
    expect(quiet.tool.driver.rules.map((rule: any) => rule.id)).not.toContain('simplify/in-order-to')
  })

  it('matches the reviewed snapshot', () => {
    expect(text).toMatchSnapshot()
  })
})

describe('pathToUri', () => {
  it('encodes each segment and keeps slashes', () => {
    expect(pathToUri('docs/a b/ü.md')).toEqual({uri: 'docs/a%20b/%C3%BC.md', absolute: false})
    expect(pathToUri('docs\\win dows\\a.md').uri).toBe('docs/win%20dows/a.md')
    expect(pathToUri('./a#1?x%.md').uri).toBe('a%231%3Fx%25.md')
    expect(pathToUri('a:b.md').uri).toBe('a%3Ab.md')
  })

  it('makes absolute paths file URIs', () => {
    expect(pathToUri('/home/me/a b.md')).toEqual({uri: 'file:///home/me/a%20b.md', absolute: true})
    expect(pathToUri('C:\\Users\\me\\a.md')).toEqual({uri: 'file:///C:/Users/me/a.md', absolute: true})
  })
})

// ----------------------------------------------------------------- GitHub

/** Undo @actions/core escaping: the inverse of what GitHub's runner does. */
function parseCommand(line: string) {
  const match = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line)
  if (!match) return null
  const unescape = (text: string) => text.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%')
  const properties = Object.fromEntries(
    match[2]!.split(',').map((pair) => {
      const equals = pair.indexOf('=')
      return [pair.slice(0, equals), unescape(pair.slice(equals + 1))]
    })
  )
  return {command: match[1]!, properties, message: unescape(match[3]!)}
}

describe('github reporter', () => {
  const text = github(report, options)
  const lines = text.trimEnd().split('\n')
  const commands = lines.map(parseCommand)

  it('writes one workflow command per finding, then one plain summary line', () => {
    expect(text.endsWith('\n')).toBe(true)
    expect(lines).toHaveLength(allFindings.length + 1)
    expect(commands.slice(0, -1).every(Boolean)).toBe(true)
    expect(lines.at(-1)).toBe('plainly: 4 files checked: 2 errors, 4 warnings, 2 suggestions. 1 file is above the target reading age. 1 file could not be checked.')
  })

  it('uses error, warning and notice, with file, line, columns and title in order', () => {
    const stakeholder = lines.find((line) => line.includes('jargon/stakeholder'))!
    expect(stakeholder).toBe(
      '::warning file=docs/Annual report/Café news.md,line=3,col=5,endLine=3,endColumn=17,title=jargon/stakeholder (plainly)::Use “people involved” or “partners” instead of “stakeholders”%0A%0AWhy: Say who you mean.'
    )
    expect(lines.find((line) => line.includes('jargon/hard-to-reach'))).toMatch(/^::error file=/)
    expect(lines.find((line) => line.includes('simplify/in-order-to'))).toMatch(/^::notice file=/)
    expect(lines.find((line) => line.includes('file/encoding'))).toMatch(/^::error file=notes\/broken\.txt,line=3,col=1,title=/)
  })

  it('gives no columns for a finding over several lines (GitHub would ignore them)', () => {
    const hard = commands.find((command) => command?.properties.title === 'hard-sentence (plainly)')!
    expect(hard.properties).toEqual({file: TRICKY, line: '3', endLine: '4', title: 'hard-sentence (plainly)'})
  })

  it('escapes properties and data exactly as @actions/core does', () => {
    expect(escapeGithubData('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab: c, d')
    expect(escapeGithubProperty('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab%3A c%2C d')
    const line = lines.find((item) => item.includes('custom/pipes'))!
    expect(line).not.toMatch(/\n|\r/)
    expect(line).toContain('50%25 of readers,%0Areally')
    expect(parseCommand(line)!.message).toBe(`${TRICKY_MESSAGE} (try: +44 20 7946 0000, @SUM(A1))\n\nWhy: -1 point & more\ttabs\u0007bell`)
  })

  it('escapes commas, colons and newlines in the file property', () => {
    const odd = toReport([counted({path: 'a,b:c%\nd.md', format: 'text', readingAge: null, findings: [finding({ruleId: 'x', severity: 'warning', message: 'm'})]})], '9.9.9')
    const line = github(odd, options).split('\n')[0]!
    expect(line).toBe('::warning file=a%2Cb%3Ac%25%0Ad.md,line=1,col=1,title=x (plainly)::m')
    expect(parseCommand(line)!.properties.file).toBe('a,b:c%\nd.md')
  })

  it('shows the reading age above target once, as its finding, and not when the finding was switched off', () => {
    expect(lines.filter((line) => /reading age/i.test(line) && line.startsWith('::'))).toHaveLength(1)
    const withoutFinding = toReport([{...files[0]!, findings: files[0]!.findings.filter((item) => item.ruleId !== 'reading-age')}], '9.9.9')
    expect(github(withoutFinding, options).split('\n').filter((line) => /reading age/i.test(line) && line.startsWith('::'))).toEqual([])
  })

  it('matches the reviewed snapshot', () => {
    expect(text).toMatchSnapshot()
  })
})

// ------------------------------------------------------------------ JUnit

/**
 * A small XML 1.0 well-formedness check: one root, tags nest and match,
 * attributes quoted and unique, only the five entities or character
 * references, no characters XML forbids. Returns the problems found.
 */
function xmlProblems(xml: string): string[] {
  const problems: string[] = []
  const entity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)/
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml)) problems.push('forbidden character')
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '')
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.:-]*="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/gy
  const stack: string[] = []
  let roots = 0
  for (const match of body.matchAll(token)) {
    const [, closing, name, attributes, selfClosing, text, stray] = match
    if (stray) problems.push(`stray < at ${match.index}`)
    if (text !== undefined) {
      if (entity.test(text)) problems.push(`bad & in text at ${match.index}`)
      if (stack.length === 0 && text.trim() !== '') problems.push('text outside the root')
      continue
    }
    if (!name) continue
    if (closing) {
      if (stack.pop() !== name) problems.push(`</${name}> does not match`)
      continue
    }
    const names = [...attributes!.matchAll(/([\w.:-]+)="([^"]*)"/g)].map((attribute) => {
      if (entity.test(attribute[2]!)) problems.push(`bad & in ${name}@${attribute[1]}`)
      return attribute[1]
    })
    if (new Set(names).size !== names.length) problems.push(`duplicate attribute on <${name}>`)
    if (stack.length === 0) roots++
    if (!selfClosing) stack.push(name)
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(', ')}`)
  if (roots !== 1) problems.push(`${roots} root elements`)
  const consumed = [...body.matchAll(token)].reduce((total, match) => total + match[0].length, 0)
  if (consumed !== body.length) problems.push('could not read it all')
  return problems
}

describe('junit reporter', () => {
  const text = junit(report, options)

  it('is well-formed XML', () => {
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true)
    expect(xmlProblems(text)).toEqual([])
    expect(xmlProblems('<a><b></a>')).not.toEqual([]) // the check can fail
    expect(xmlProblems('<a>&nope;</a>')).not.toEqual([])
  })

  it('has one suite called plainly with one test case per file, and the right counts', () => {
    expect(text.match(/<testsuite /g)).toHaveLength(1)
    expect(text).toContain('<testsuite name="plainly" tests="4" failures="2" errors="1" skipped="0">')
    expect(text).toContain('<testsuites name="plainly" tests="4" failures="2" errors="1" skipped="0">')
    expect(text.match(/<testcase classname="plainly" name="/g)).toHaveLength(4)
    expect(text).toContain('<testcase classname="plainly" name="docs/plain.md" file="docs/plain.md"/>')
  })

  it('fails a file with problems, listing each as line:column severity message rule', () => {
    expect(text).toContain('<failure message="3 problems; reading age 14 is above the target of 9 to 11" type="error">')
    expect(text).toContain('3:5 warning Use “people involved” or “partners” instead of “stakeholders”  jargon/stakeholder\n')
    expect(text).toContain('3:32 suggestion Use “to” instead of “in order to”  simplify/in-order-to\n')
  })

  it('reports a file that could not be checked as an error', () => {
    expect(text).toContain(
      '<error message="Could not be checked: This file is not saved as UTF-8 text: save it as UTF-8 and try again" type="file/encoding">3:1 error This file is not saved as UTF-8 text: save it as UTF-8 and try again  file/encoding</error>'
    )
  })

  it('escapes markup and drops characters XML cannot hold', () => {
    const tricky = text.slice(text.indexOf(`name="${TRICKY}"`), text.indexOf('name="notes/broken.txt"'))
    expect(tricky).toContain('Avoid "a | b", &lt;script&gt;alert(1)&lt;/script&gt; and `code`')
    expect(tricky).not.toContain('<script>')
    expect(tricky).not.toContain('\u0007')
    expect(escapeXmlAttribute('a"b\'c<d>&e\tf\ng\u0001h\uD800')).toBe('a&quot;b&#39;c&lt;d&gt;&amp;e&#9;f&#10;gh')
    expect(escapeXmlText('a<b>&c\u0000d\uFFFF🙂')).toBe('a&lt;b&gt;&amp;cd🙂')
  })

  it('follows failOn: error fails only errors; never fails nothing', () => {
    const onError = junit(report, {color: 0, failOn: 'error'})
    expect(onError).toContain('tests="4" failures="1" errors="1"')
    expect(onError).toContain(`<testcase classname="plainly" name="${TRICKY}" file="${TRICKY}">\n      <system-out>`)
    const never = junit(report, {color: 0, failOn: 'never'})
    expect(never).toContain('tests="4" failures="0" errors="1"')
    expect(xmlProblems(onError)).toEqual([])
    expect(xmlProblems(never)).toEqual([])
  })

  it('fails a file above its target reading age as the exit code does (a warning), unless silenced', () => {
    const ageFinding = finding({ruleId: 'reading-age', severity: 'warning', message: 'Reading age is 15, above the target of 9 to 11'})
    const above = toReport([counted({path: 'a.md', format: 'markdown', readingAge: readingAge(15), findings: [ageFinding]})], '9.9.9')
    expect(junit(above, {color: 0, failOn: 'error'})).toContain('failures="0"')
    const out = junit(above, {color: 0, failOn: 'warning'})
    expect(out).toContain('failures="1"')
    expect(out).toContain('<failure message="Reading age 15 is above the target of 9 to 11" type="warning">1:1 warning Reading age is 15, above the target of 9 to 11  reading-age</failure>')
    const silenced = toReport([counted({path: 'a.md', format: 'markdown', readingAge: readingAge(15), findings: [], suppressed: [{...ageFinding, suppression: {kind: 'baseline'}}]})], '9.9.9')
    expect(junit(silenced, options)).toContain('failures="0"')
  })

  it('matches the reviewed snapshot', () => {
    expect(text).toMatchSnapshot()
  })
})

// -------------------------------------------------------------------- CSV

/** An RFC 4180 reader, to read the output back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"'
        index++
      } else if (character === '"') quoted = false
      else field += character
    } else if (character === '"') quoted = true
    else if (character === ',') {
      row.push(field)
      field = ''
    } else if (character === '\r' && text[index + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      index++
    } else field += character
  }
  if (field !== '' || row.length > 0) rows.push([...row, field])
  return rows
}

describe('csv reporter', () => {
  const text = csv(report, options)
  const rows = parseCsv(text.slice(1))

  it('starts with a UTF-8 byte order mark and the header, and ends lines with CRLF', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(text.slice(1).split('\r\n')[0]).toBe('path,line,column,endLine,endColumn,severity,ruleId,message,actual,expected,note,readingAge,occurrence,occurrences')
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '').replace(/"[^"]*"/g, '')).not.toMatch(/\n/)
  })

  it('has one row per finding and none for a file with no findings', () => {
    expect(rows).toHaveLength(1 + allFindings.length)
    expect(rows.every((row) => row.length === 14)).toBe(true)
    expect(rows.some((row) => row[0] === 'docs/plain.md')).toBe(false)
    expect(rows[1]).toEqual([CAFE, '3', '1', '3', '1', 'warning', 'reading-age', 'Reading age is 14, above the target of 9 to 11: start with the hardest sentences', '14', '9 to 11', 'Many people read best at the level of a 9 to 11-year-old.', '14', '', ''])
    expect(rows.find((row) => row[6] === 'file/encoding')!.at(-3)).toBe('')
  })

  it('quotes commas, quotes and newlines, and reads back', () => {
    const tricky = rows.find((row) => row[6] === 'custom/pipes')!
    expect(tricky[7]).toBe(TRICKY_MESSAGE)
    expect(text).toContain('"Avoid ""a | b"", <script>alert(1)</script> and `code`: 50% of readers,\nreally @someone #12"')
  })

  it('neutralises cells that a spreadsheet would read as a formula', () => {
    const tricky = rows.find((row) => row[6] === 'custom/pipes')!
    expect(tricky[8]).toBe('\'=HYPERLINK("http://evil.example","click")')
    expect(tricky[9]).toBe("'+44 20 7946 0000; @SUM(A1)")
    expect(tricky[10]).toBe("'-1 point & more\ttabs\u0007bell")
    for (const start of ['=', '+', '-', '@', '\t', '\r', '＝']) expect(csvField(`${start}1`).replace(/^"/, '')).toMatch(/^'/)
    expect(csvField('a=1')).toBe('a=1')
    expect(csvField(-1)).toBe('-1')
  })

  it('matches the reviewed snapshot', () => {
    expect(text).toMatchSnapshot()
  })
})

// --------------------------------------------------------------- Markdown

describe('markdown reporter', () => {
  const text = markdown(report, options)

  it('has a heading, a verdict, a table of files, the top words and folded details', () => {
    const lines = text.split('\n')
    expect(lines[0]).toBe('<!-- plainly-report -->')
    expect(lines).toContain('## Plain English check')
    expect(text).toContain('❌ **3 of 4 files need changes**: 2 errors, 4 warnings and 2 suggestions. 1 file is above the target reading age. 1 file could not be checked. 2 findings silenced by comments or the baseline are not counted.')
    expect(text).toContain('| docs/Annual report/Café news.md | ⚠️ 14 (target 9 to 11) | 1 | 3 | 1 |')
    expect(text).toContain('| docs/plain.md | ✅ 9 (target 9 to 11) | 0 | 0 | 0 |')
    expect(text).toContain('| notes/broken.txt | ❌ could not be checked | 1 | 0 | 0 |')
    expect(text).toContain('### Top words to fix')
    expect(text).toContain('| stakeholders | 1 | people involved, partners |')
    expect(text.match(/<details>/g)).toHaveLength(3)
    expect(text).toContain('<summary><strong>docs/Annual report/Café news.md</strong>: 1 error, 3 warnings, 1 suggestion</summary>')
  })

  it('escapes a pipe, backticks and HTML in document text so they cannot add markup', () => {
    const row = text.split('\n').find((line) => line.includes('custom/pipes'))!
    expect(row).toContain('a \\| b')
    expect(row).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(row).toContain('\\`code\\`')
    expect(text).not.toContain('<script>')
    // Four cells: only the table's own pipes are unescaped.
    expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(6)
    expect(escapeMarkdown('*a* _b_ [c](javascript:x) <img src=x> ~d~ \\')).toBe('\\*a\\* \\_b\\_ \\[c\\](javascript:x) &lt;img src=x&gt; \\~d\\~ \\\\')
  })

  it('stops a document mentioning people or linking issues', () => {
    const row = text.split('\n').find((line) => line.includes('custom/pipes'))!
    expect(row).toContain('@\u200Bsomeone #\u200B12')
  })

  it('says the check passes when nothing fails', () => {
    const clean = markdown(toReport([files[3]!], '9.9.9'), options)
    expect(clean).toContain('✅ **The file passes**: 0 errors, 0 warnings and 0 suggestions.')
    expect(clean).not.toContain('<details>')
    expect(clean).not.toContain('Top words')
  })

  it('stays short for a big run and says what it left out', () => {
    const many = Array.from({length: 120}, (_, index) =>
      counted({
        path: `docs/page-${String(index).padStart(3, '0')}.md`,
        format: 'markdown',
        readingAge: readingAge(index % 2 === 0 ? 10 : 13),
        findings: Array.from({length: index % 3 === 0 ? 0 : 30}, (_, n) =>
          finding({ruleId: `jargon/word-${n}`, severity: n % 2 ? 'warning' : 'suggestion', message: `Use “plain ${n}” instead of “word ${n}” ${'and more '.repeat(30)}`, actual: `word ${n}`, expected: [`plain ${n}`], line: n + 1})
        )
      })
    )
    const big = markdown(toReport(many, '9.9.9'), options)
    expect(big.length).toBeLessThan(65_536)
    expect(big).toContain('_…and 90 more files not shown')
    expect(big).toContain('_…and 20 more words or phrases._')
    expect(big).toMatch(/_Findings for \d+ more files left out to keep this short/)
    expect(big).toContain('_…and 5 more findings in this file._')
  })

  it('matches the reviewed snapshot', () => {
    expect(text).toMatchSnapshot()
  })
})

// ----------------------------------------------------------- Word and PDF

describe('Word and PDF files, placed by paragraph', () => {
  const word = finding({
    ruleId: 'jargon/stakeholder',
    severity: 'warning',
    message: 'Use “people involved” instead of “stakeholders”',
    actual: 'stakeholders',
    expected: ['people involved'],
    line: 3,
    column: 10,
    endLine: 3,
    endColumn: 22,
    paragraph: 3,
    page: 2,
    heading: 'Your visit',
    snippet: '…tell our stakeholders about…'
  })
  const docx = toReport([counted({path: 'leaflets/Visit.docx', format: 'docx', readingAge: readingAge(10), findings: [word]})], '9.9.9')

  it('SARIF points at the file, with the paragraph and page as properties (a Word file has no lines)', () => {
    const result = JSON.parse(sarif(docx, options)).runs[0].results[0]
    expect(result.locations[0].physicalLocation).toEqual({artifactLocation: {uri: 'leaflets/Visit.docx', uriBaseId: '%SRCROOT%', index: 0}})
    expect(result.properties).toMatchObject({paragraph: 3, page: 2, heading: 'Your visit', snippet: '…tell our stakeholders about…'})
  })

  it('GitHub annotates the file and says where in words', () => {
    expect(github(docx, options).split('\n')[0]).toBe('::warning file=leaflets/Visit.docx,title=jargon/stakeholder (plainly)::Paragraph 3, page 2: Use “people involved” instead of “stakeholders”')
  })

  it('JUnit, Markdown and HTML name the paragraph and page', () => {
    expect(junit(docx, options)).toContain('paragraph 3, page 2 warning Use “people involved” instead of “stakeholders”  jargon/stakeholder')
    expect(markdown(docx, options)).toContain('| paragraph 3, page 2 | warning | Use “people involved” instead of “stakeholders” | jargon/stakeholder |')
    const page = html(docx, options)
    expect(page).toContain('<td>Paragraph 3, page 2, under “Your visit”</td>')
    expect(page).toContain('<q>…tell our stakeholders about…</q>')
  })
})

// ------------------------------------------------------------------- HTML

const parseHtml = (text: string) => {
  const file = new VFile(text)
  const tree = unified().use(rehypeParse, {emitParseErrors: true}).parse(file) as Root
  return {tree, errors: file.messages.map((message) => `${message.ruleId}: ${message.reason}`)}
}

const elements = (tree: Root, test: (element: Element) => boolean): Element[] => {
  const found: Element[] = []
  visit(tree, 'element', (element: Element) => {
    if (test(element)) found.push(element)
  })
  return found
}

const classes = (element: Element): string[] => (element.properties.className as string[] | undefined) ?? []

describe('html reporter', () => {
  const text = html(report, {color: 0, views})
  const {tree, errors} = parseHtml(text)

  it('is one valid HTML page in British English', () => {
    expect(errors).toEqual([])
    expect(text.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true)
    expect(elements(tree, (element) => element.tagName === 'h1')).toHaveLength(1)
    expect(elements(tree, (element) => element.tagName === 'th' && element.properties.scope === 'col').length).toBeGreaterThan(5)
  })

  it('shows document text as text: no markup, scripts or links from the document', () => {
    expect(text).not.toContain('<script>alert')
    expect(text).not.toContain('<img')
    expect(text).not.toContain('<b>us</b>')
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(text).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt; [click](javascript:alert(3))')
    expect(text).toContain('&lt;/textarea&gt;&lt;/style&gt;&lt;script&gt;alert(4)&lt;/script&gt;')
    // The only script is the page's own; nothing has an event handler or leaves the page.
    expect(elements(tree, (element) => element.tagName === 'script')).toHaveLength(1)
    expect(elements(tree, (element) => Object.keys(element.properties).some((key) => /^on/i.test(key)))).toEqual([])
    expect(elements(tree, (element) => ['img', 'iframe', 'object', 'embed', 'link', 'form', 'textarea', 'base'].includes(element.tagName))).toEqual([])
    for (const link of elements(tree, (element) => element.tagName === 'a')) expect(String(link.properties.href)).toMatch(/^#/)
  })

  it('has a Content-Security-Policy that allows only its own style and script, by hash', () => {
    const meta = elements(tree, (element) => element.tagName === 'meta' && element.properties.httpEquiv?.toString() === 'Content-Security-Policy')
    expect(meta).toHaveLength(1)
    const policy = String(meta[0]!.properties.content)
    expect(policy).toBe(CONTENT_SECURITY_POLICY)
    expect(policy).toMatch(/^default-src 'none';/)
    expect(policy).not.toContain('unsafe')
    const hash = (content: string) => `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`
    const style = /<style>([\s\S]*?)<\/style>/.exec(text)![1]!
    const script = /<script>([\s\S]*?)<\/script>/.exec(text)![1]!
    expect(policy).toContain(`style-src ${hash(style)};`)
    expect(policy).toContain(`script-src ${hash(script)};`)
    expect(text.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(text.indexOf('<style>'))
    expect(elements(tree, (element) => element.properties.style !== undefined)).toEqual([])
  })

  it('shows the counts and reading ages in the summary table', () => {
    const table = elements(tree, (element) => element.properties.id === 'summary-table')[0]!
    const rows = elements(table as unknown as Root, (element) => element.tagName === 'tr')
    const cells = rows.map((row) => elements(row as unknown as Root, (element) => element.tagName === 'td' || element.tagName === 'th').map((cell) => textOf(cell)))
    expect(cells[0]).toEqual(['Document', 'Reading age', 'Must fix', 'Should fix', 'Suggestions'])
    expect(cells[1]).toEqual([CAFE, '⚠ 14: 3 years above the target of 9 to 11', '1', '3', '1'])
    expect(cells[3]).toEqual(['notes/broken.txt', '✗ Could not be checked', '1', '0', '0'])
    expect(cells[4]).toEqual(['docs/plain.md', '✓ 9: within the target of 9 to 11', '0', '0', '0'])
    expect(cells[5]).toEqual(['All 4 documents', '1 above target', '2', '4', '2'])
    expect(text).toContain('We found 6 problems to fix (2 must fix, 4 should fix) and 2 suggestions.')
  })

  it('shows a reading age a little above the target, a suggestion, as one and not as a problem to fix', () => {
    const near = counted({
      path: 'docs/near.md',
      format: 'markdown',
      readingAge: readingAge(12),
      findings: [finding({ruleId: 'reading-age', severity: 'suggestion', message: 'Reading age is 12, above the target of 9 to 11: start with the hardest sentences', actual: '12', expected: ['9 to 11'], line: 1, column: 1, endLine: 1, endColumn: 1})]
    })
    const page = parseHtml(html(toReport([near], '9.9.9'), {color: 0})).tree
    const table = elements(page, (element) => element.properties.id === 'summary-table')[0]!
    const cell = elements(table as unknown as Root, (element) => classes(element).includes('status-near'))
    expect(cell.map((element) => textOf(element))).toEqual(['12: 1 year above the target of 9 to 11 (a suggestion)'])
    expect(elements(table as unknown as Root, (element) => classes(element).includes('status-over'))).toEqual([])
  })

  it('highlights every finding with a width, cutting overlaps into pieces that never nest', () => {
    const cafe = elements(tree, (element) => element.properties.id === 'doc-1-text')[0]!
    const marks = elements(cafe as unknown as Root, (element) => element.tagName === 'mark')
    expect(marks.every((mark) => elements(mark as unknown as Root, (inner) => inner !== mark && inner.tagName === 'mark').length === 0)).toBe(true)
    // The sentence holds three words: before, stakeholders, between, in order to, between, hard-to-reach groups, after.
    expect(marks.map((mark) => textOf(mark, true))).toEqual([
      'Our ',
      'stakeholders',
      ' told us that, ',
      'in order to',
      ' be heard, ',
      'hard-to-reach groups',
      ' need more time & care from every one of us.'
    ])
    expect(marks.map((mark) => classes(mark).join(' '))).toEqual([
      'hl s-warning',
      'hl w-warning s-warning',
      'hl s-warning',
      'hl w-suggestion s-warning',
      'hl s-warning',
      'hl w-error s-warning',
      'hl s-warning'
    ])
    // A piece where a finding starts is focusable and described by its tooltip.
    const focusable = marks.filter((mark) => mark.properties.tabIndex === 0)
    expect(focusable).toHaveLength(4)
    for (const mark of focusable) {
      const tip = elements(mark as unknown as Root, (element) => element.properties.id === String(mark.properties.ariaDescribedBy))[0]!
      expect(tip.properties.role).toBe('tooltip')
    }
    const tip = textOf(elements(focusable[1]! as unknown as Root, (element) => classes(element).includes('tip'))[0]!)
    expect(tip).toBe('Should fix: Use “people involved” or “partners” instead of “stakeholders”. Why: Say who you mean.Should fix: This sentence has 26 words: try to keep sentences to 25 words or fewer.')
    // The reading-age finding has no width: it is listed above the text.
    expect(text).toContain('<ul class="notes"><li><strong>Should fix:</strong> Reading age is 14, above the target of 9 to 11: start with the hardest sentences.')
  })

  it('highlights a finding over several lines and lists the words to change most often', () => {
    const tricky = elements(tree, (element) => element.properties.id === 'doc-2-text')[0]!
    expect(elements(tricky as unknown as Root, (element) => element.tagName === 'mark')).toHaveLength(2)
    const words = elements(tree, (element) => element.properties.id === 'words-table')[0]!
    expect(textOf(words)).toContain('=HYPERLINK("http://evil.example","click")1+44 20 7946 0000, @SUM(A1)')
  })

  it('finds places after CRLF line ends and emoji (columns count UTF-16 units), and lists findings outside the text', () => {
    const text = 'Intro line\r\n🙂 stakeholders here\r\nEnd'
    const word = finding({ruleId: 'jargon/stakeholder', severity: 'warning', message: 'Say who', line: 2, column: 4, endLine: 2, endColumn: 16})
    const stale = finding({ruleId: 'jargon/gone', severity: 'warning', message: 'This line is no longer there', line: 99, column: 1, endLine: 99, endColumn: 5})
    const page = html(toReport([counted({path: 'crlf.md', format: 'markdown', readingAge: readingAge(9), findings: [word, stale]})], '9.9.9'), {color: 0, views: new Map([['crlf.md', plainView(text)]])})
    const {tree: parsed, errors: problems} = parseHtml(page)
    expect(problems).toEqual([])
    const marks = elements(parsed, (element) => element.tagName === 'mark' && element.properties.tabIndex === 0)
    expect(marks.map((mark) => textOf(mark, true))).toEqual(['stakeholders'])
    expect(page).toContain('<ul class="notes"><li><strong>Should fix:</strong> This line is no longer there.</li></ul>')
  })

  it('lists the problems when the document text was not given', () => {
    const without = html(report, {color: 0})
    expect(without).not.toContain('<mark id=')
    expect(without).toContain('The text of this document was not included in the report, so here is a list of its problems.')
    expect(parseHtml(without).errors).toEqual([])
  })

  it('matches the reviewed snapshot (style and hashes left out)', () => {
    const stable = text
      .replace(/<style>[\s\S]*?<\/style>/, '<style>/* see html.ts */</style>')
      .replace(/&#39;sha256-[^&]+&#39;/g, '&#39;sha256-…&#39;')
    expect(stable.match(/sha256-…/g)).toHaveLength(2)
    expect(stable).toMatchSnapshot()
  })
})

function textOf(node: Element, skipTips = false): string {
  let text = ''
  const walk = (current: Element | Root) => {
    for (const child of current.children) {
      if (child.type === 'text') text += child.value
      else if (child.type === 'element') {
        if (skipTips && classes(child).includes('tip')) continue
        if (String(child.properties.ariaHidden) === 'true') continue
        walk(child)
      }
    }
  }
  walk(node)
  return skipTips ? text : text.trim()
}

describe('html reporter: documents as a reader sees them', () => {
  const reportFor = async (name: string, text: string, extra: string[] = []) => {
    const dir = tempDir({[name]: text})
    const result = await runCli(['check', name, '--no-config', '--format', 'html', ...extra], {cwd: dir})
    return parseHtml(result.stdout)
  }
  const shownText = (tree: Root) => textOf(elements(tree, (element) => element.properties.id === 'doc-1-text')[0]!, true)
  const marked = (tree: Root) => elements(tree, (element) => element.tagName === 'mark' && element.properties.tabIndex === 0).map((mark) => textOf(mark, true))

  it('shows Markdown without its marks, with each finding on its words', async () => {
    const {tree, errors} = await reportFor('leaflet.md', '# Our *stakeholders*\n\nWe will **leverage** [our assets](https://example.org) &amp; more.\n\n- Ask `the PCN`.\n- Going forward, call us.\n\n| Who | Why |\n| --- | --- |\n| Stakeholders | To help |\n\n```\nassurance in code\n```\n')
    expect(errors).toEqual([])
    const text = shownText(tree)
    expect(text).not.toMatch(/[#*`[\]]|&amp;|https:/)
    expect(text).toContain('Our stakeholders')
    expect(text).toContain('We will leverage our assets & more.')
    expect(text).toContain('assurance in code')
    // "Stakeholders" in the table is a second use: shown once, at the first.
    expect(marked(tree)).toEqual(expect.arrayContaining(['stakeholders', 'leverage', 'Going forward']))
    expect(marked(tree)).not.toContain('Stakeholders')
    // Headings, list items and table rows keep their shape.
    expect(elements(tree, (element) => classes(element).includes('doc-heading')).map((element) => textOf(element, true))).toEqual(['Our stakeholders'])
    const shown = elements(tree, (element) => element.properties.id === 'doc-1-text')[0]! as unknown as Root
    expect(elements(shown, (element) => element.tagName === 'li').map((element) => textOf(element, true))).toEqual(['Ask the PCN.', 'Going forward, call us.'])
    expect(elements(shown, (element) => classes(element).includes('doc-row')).map((element) => textOf(element, true))).toEqual(['Who  |  Why', 'Stakeholders  |  To help'])
    expect(elements(shown, (element) => element.tagName === 'pre').map((element) => textOf(element, true))).toEqual(['assurance in code'])
  })

  it('shows an HTML page as its text: no tags, entities or scripts, with each finding on its words', async () => {
    const {tree, errors} = await reportFor('page.html', '<!DOCTYPE html><html><head><title>T</title><style>p{}</style></head><body><h1>Working with <em>stakeholders</em></h1><div>We will leverage our assets &amp; skills.<br>Call <a href="/x">the team</a>.</div><script>var assurance = 1</script><ul><li>Going forward, ask us.</li></ul></body></html>')
    expect(errors).toEqual([])
    const text = shownText(tree)
    expect(text).not.toMatch(/<|>|&amp;|var assurance|p\{\}/)
    expect(text).toContain('We will leverage our assets & skills.')
    expect(marked(tree)).toEqual(expect.arrayContaining(['stakeholders', 'leverage', 'Going forward']))
  })

  it('keeps a long document readable: the first findings and text, and says how many more', async () => {
    const text = 'We need assurance from our stakeholders. '.repeat(2000)
    const {tree, errors} = await reportFor('long.md', `${text}\n`, ['--show-repeats'])
    expect(errors).toEqual([])
    expect(marked(tree).length).toBeLessThanOrEqual(HTML_FINDINGS_PER_DOCUMENT)
    const page = elements(tree, (element) => element.tagName === 'section')[0]!
    expect(textOf(page)).toMatch(/This document has 3,50\d more findings than are shown here/)
  })

  it('shows a word used again and again once, at its first use, with how many more times and where', async () => {
    const text = 'We need assurance.\n\nThey want assurance.\n\nMore assurance, please.\n'
    const {tree} = await reportFor('repeats.md', text)
    expect(marked(tree)).toEqual(['assurance'])
    const page = textOf(elements(tree, (element) => element.tagName === 'section')[0]!)
    expect(page).toContain('Used 2 more times: lines 3 and 5.')
    expect(page).toContain('--show-repeats')
    // Every use when asked.
    const all = await reportFor('repeats.md', text, ['--show-repeats'])
    expect(marked(all.tree)).toEqual(['assurance', 'assurance', 'assurance'])
    expect(textOf(elements(all.tree, (element) => element.tagName === 'section')[0]!)).not.toContain('more times')
  })
})

describe('counts in messages', () => {
  it('writes whole numbers as en-GB does, commas between thousands, without loading locale data', () => {
    for (const count of [0, 1, 7, 42, 999, 1000, 2315, 99_999, 100_000, 1_000_001, 123_456_789]) {
      expect(thousands(count)).toBe(count.toLocaleString('en-GB'))
    }
    expect(thousands(1.5)).toBe((1.5).toLocaleString('en-GB'))
    expect(plural(1, 'warning')).toBe('1 warning')
    expect(plural(2315, 'warning')).toBe('2,315 warnings')
  })
})
