import {describe, expect, it} from 'vitest'
import {writeFileSync} from 'node:fs'
import path from 'node:path'
import {parseGlossary} from '../src/io/glossary-files.js'
import {GlossaryError, loadEntries} from '../src/io/glossary-files.js'
import {glossaryYaml, tempDir} from './helpers.js'

const valid = `entries:
  - id: assurance
    term: assurance
    alternatives: [checks]
    note: Few people know it.
    severity: warning
    source: tests
    licence: MIT
`

describe('glossary validation', () => {
  it('accepts a valid entry and fills in defaults', () => {
    const {entries, problems} = parseGlossary(valid, 'g.yml')
    expect(problems).toEqual([])
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({id: 'assurance', terms: ['assurance'], alternatives: ['checks'], status: 'accepted', inflect: true, acronym: false, explain: false, line: 2, file: 'g.yml'})
  })

  it('names the file and line of an unknown key, with a suggestion', () => {
    const yaml = valid.replace('    alternatives: [checks]', '    alternatives: [checks]\n    alterntives: [proof]')
    const {problems} = parseGlossary(yaml, 'team.yml')
    expect(problems).toEqual([{file: 'team.yml', line: 5, message: 'unknown key "alterntives" in entry (did you mean "alternatives"?)'}])
  })

  it('reports missing alternatives unless the term must be explained', () => {
    const missing = parseGlossary(valid.replace('    alternatives: [checks]\n', ''), 'g.yml')
    expect(missing.problems).toHaveLength(1)
    expect(missing.problems[0]!.message).toMatch(/entry "assurance" has no "alternatives:"/)
    expect(missing.problems[0]!.line).toBe(2)
    const explained = parseGlossary(valid.replace('    alternatives: [checks]\n', '    explain: true\n'), 'g.yml')
    expect(explained.problems).toEqual([])
  })

  it('takes words in brackets only at the start or end of a term, as context', () => {
    const withTerms = (terms: string) => parseGlossary(valid.replace('    term: assurance', `    terms: ${terms}`), 'g.yml')
    expect(withTerms('["following (the)", "(may) experience", "(you) (may) (be) experiencing"]').problems).toEqual([])
    // An acronym is matched by its exact capitals, so it has no context words.
    const acronym = parseGlossary(valid.replace('    term: assurance', '    terms: ["(the) ZQP"]\n    acronym: true'), 'g.yml')
    expect(acronym.problems.map((problem) => problem.message)).toEqual(['entry "assurance": an acronym is matched by its exact capitals, so its terms cannot have context words in brackets'])
    // Other brackets are characters of the term, as they always were.
    expect(withTerms('["=HYPERLINK(\\"x\\")", "Care Act (2014)"]').problems).toEqual([])
    // A context word is one document word (no hyphen), and the words outside the brackets need letters or digits.
    for (const bad of ['["a (b) c"]', '["(only) (context)"]', '["(a) (b) middle (c) end"]', '["(long-term) condition"]', '["(the) -"]']) {
      const {problems} = withTerms(bad)
      expect(problems, bad).toHaveLength(1)
      expect(problems[0]!.message, bad).toMatch(/brackets only round whole words at its start or end/)
    }
  })

  it('reports duplicate ids with both lines', () => {
    const yaml = valid + valid.replace('entries:\n', '')
    const {problems, entries} = parseGlossary(yaml, 'g.yml')
    expect(entries).toHaveLength(1)
    expect(problems).toEqual([{file: 'g.yml', line: 9, message: 'duplicate id "assurance" (first used on line 2)'}])
  })

  it('reports YAML syntax errors with a line', () => {
    const {problems} = parseGlossary('entries:\n  - id: x\n    term: [unclosed\n', 'bad.yml')
    expect(problems.length).toBeGreaterThan(0)
    expect(problems[0]!.file).toBe('bad.yml')
    expect(problems[0]!.line).toBeGreaterThanOrEqual(3)
    expect(problems[0]!.message).toMatch(/not valid YAML/)
  })

  it.each([
    ['severity: loud', /"severity" must be one of error, warning, suggestion/],
    ['source: ""', /needs a "source:"/],
    ['licence: ""', /needs a "licence:"/],
    ['status: maybe', /"status" must be one of proposed, accepted, retired/],
    ['reviewed: last week', /"reviewed" must be a date/],
    ['note: ""', /needs a "note:"/]
  ])('rejects %s', (replacement, message) => {
    const key = replacement.split(':')[0]!
    const lines = valid.split('\n').filter((line) => !line.trim().startsWith(`${key}:`))
    lines.splice(3, 0, `    ${replacement}`)
    const {problems} = parseGlossary(lines.join('\n'), 'g.yml')
    expect(problems.map((problem) => problem.message)).toEqual([expect.stringMatching(message)])
    expect(problems[0]!.line).toBe(4)
  })

  it('rejects a bad id, a term without letters, and a file that is not a map', () => {
    expect(parseGlossary(valid.replace('id: assurance', 'id: Assurance Thing'), 'g.yml').problems[0]!.message).toMatch(/"id:" of lower-case letters/)
    expect(parseGlossary(valid.replace('term: assurance', 'term: "--"'), 'g.yml').problems[0]!.message).toMatch(/needs letters or digits/)
    expect(parseGlossary('- just a list\n', 'g.yml').problems[0]!.message).toMatch(/must be a map with an "entries:" list/)
    expect(parseGlossary('entries: 3\n', 'g.yml').problems[0]!.message).toMatch(/expected "entries:"/)
  })

  it('accepts a disabled entry with only an id', () => {
    const {entries, problems} = parseGlossary('entries:\n  - id: assurance\n    disabled: true\n', 'g.yml')
    expect(problems).toEqual([])
    expect(entries).toEqual([{id: 'assurance', disabled: true, file: 'g.yml', line: 2}])
  })
})

describe('glossary layers', () => {
  it('adds, replaces by id, and switches off entries from a team glossary', () => {
    const dir = tempDir({
      'team.yml': `${glossaryYaml(
        {id: 'assurance', term: 'assurance', alternatives: ['proof'], note: 'Our words.'},
        {id: 'cascade', term: 'cascade', alternatives: ['pass on']}
      )}  - id: leverage\n    disabled: true\n`
    })
    const entries = loadEntries({layers: ['team.yml'], cwd: dir})
    const byId = new Map(entries.map((entry) => [entry.id, entry]))
    expect(byId.get('assurance')?.alternatives).toEqual(['proof'])
    expect(byId.get('assurance')?.file).toBe('team.yml')
    expect(byId.get('cascade')).toBeDefined()
    expect(byId.has('leverage')).toBe(false)
    expect(byId.has('stakeholder')).toBe(true)
  })

  it('leaves out entries that are proposed or retired', () => {
    const dir = tempDir({'team.yml': glossaryYaml({id: 'synergy', term: 'synergy', status: 'proposed'}, {id: 'stakeholder', term: 'stakeholder', status: 'retired'})})
    const ids = loadEntries({layers: ['team.yml'], cwd: dir}).map((entry) => entry.id)
    expect(ids).not.toContain('synergy')
    expect(ids).not.toContain('stakeholder')
  })

  it('throws one error listing every problem, naming files and lines', () => {
    const dir = tempDir()
    writeFileSync(path.join(dir, 'bad.yml'), valid.replace('severity: warning', 'severity: loud'))
    let error: unknown
    try {
      loadEntries({layers: ['bad.yml', 'missing.yml'], cwd: dir})
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(GlossaryError)
    expect((error as GlossaryError).problems).toEqual([
      {file: 'bad.yml', line: 6, message: expect.stringMatching(/severity/)},
      {file: 'missing.yml', message: 'glossary file not found'}
    ])
  })
})
