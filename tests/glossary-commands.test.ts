import {describe, expect, it} from 'vitest'
import {readFileSync, writeFileSync, existsSync} from 'node:fs'
import path from 'node:path'
import {parse as parseYaml} from 'yaml'
import {Ajv} from 'ajv'
import {parseCsv, toCsv, CsvError} from '../src/glossary/csv.js'
import {renderGlossaryDoc, shippedSections} from '../src/glossary/docs.js'
import {createTable} from '../src/glossary/table.js'
import {availablePacks, loadEntries, packFile, shippedGlossaryFiles} from '../src/io/glossary-files.js'
import {parseGlossary} from '../src/io/glossary-files.js'
import {glossaryYaml, runCli, tempDir} from './helpers.js'

const root = path.resolve(import.meta.dirname, '..')

describe('CSV', () => {
  it('round-trips commas, quotes, line breaks and non-ASCII text', () => {
    const rows = [['id', 'note'], ['a', 'Say "use", not\n“utilise” — café'], ['b', ' spaced ']]
    const csv = toCsv(rows)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(parseCsv(csv)).toEqual(rows)
  })

  it('reads CRLF inside cells as line breaks, and reports an unclosed quote with its line', () => {
    expect(parseCsv('a,b\r\n"x\r\ny",z\r\n')).toEqual([['a', 'b'], ['x\ny', 'z']])
    expect(() => parseCsv('a,b\nc,"never closed\n')).toThrow(CsvError)
    try {
      parseCsv('a,b\nc,"never closed\n')
    } catch (error) {
      expect((error as CsvError).line).toBe(2)
    }
  })
})

describe('plainly glossary list and show', () => {
  it('lists entries as a table, filtered by --search', async () => {
    const result = await runCli(['glossary', 'list', '--search', 'partner'], {cwd: root})
    expect(result.code).toBe(0)
    expect(result.stdout.split('\n')[0]).toMatch(/^id +words +say instead +severity$/)
    expect(result.stdout).toContain('partner-organisations')
    expect(result.stdout).not.toContain('leverage')
    // A term's words are found without its context brackets: "following surgery" is the term "following (surgery)".
    const context = await runCli(['glossary', 'list', '--search', 'following surgery'], {cwd: root})
    expect(context.stdout).toMatch(/^following +/m)
  })

  it('lists entries as JSON and CSV', async () => {
    const json = JSON.parse((await runCli(['glossary', 'list', '--format', 'json'], {cwd: root})).stdout)
    expect(json.length).toBe(loadEntries({cwd: root}).length)
    const csv = parseCsv((await runCli(['glossary', 'list', '--format', 'csv', '-s', 'leverage'], {cwd: root})).stdout)
    expect(csv[0]![0]).toBe('id')
    expect(csv.slice(1).map((row) => row[0])).toContain('leverage')
  })

  it('shows the entry for any form of a term', async () => {
    const result = await runCli(['glossary', 'show', 'leveraging'], {cwd: root})
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^leverage\n {2}Say instead: use, make the most of\n {2}Why: +“Leverage” is business jargon/)
    expect(result.stdout).toContain('Source:      plainly contributors (MIT)')
    const phrase = await runCli(['glossary', 'show', 'Hard-to-reach'], {cwd: root})
    expect(phrase.stdout.split('\n')[0]).toBe('hard to reach')
  })

  it('says when plainly does not flag a word, with exit code 1 and the nearest word it does', async () => {
    const result = await runCli(['glossary', 'show', 'sunshine'], {cwd: root})
    expect(result).toMatchObject({code: 1, stdout: '', stderr: 'plainly: “sunshine” is not in the glossary or the list of wordy phrases, so plainly does not flag it\n'})
    const typo = await runCli(['glossary', 'show', 'stakeholdrs'], {cwd: root})
    expect(typo.stderr).toContain('(did you mean "stakeholder"?)')
  })

  it('finds every word a report can flag: glossary entries, wordy phrases and acronyms, with how to switch each off', async () => {
    const dir = tempDir({'a.md': 'Prior to the visit, our remuneration and the XYZQ and ICB helped.\n'})
    const report = JSON.parse((await runCli(['check', 'a.md', '--format', 'json'], {cwd: dir})).stdout)
    const flagged = report.files[0].findings.filter((finding: {ruleId: string}) => /^(jargon\/|simplify\/|acronym$)/.test(finding.ruleId))
    expect(flagged.map((finding: {ruleId: string}) => finding.ruleId)).toEqual(expect.arrayContaining(['simplify/prior-to', 'simplify/remuneration', 'acronym', 'jargon/icb']))
    for (const finding of flagged) {
      const shown = await runCli(['glossary', 'show', finding.actual], {cwd: dir})
      expect(shown.code, finding.actual).toBe(0)
      expect(shown.stdout, finding.actual).toContain(`Rule:        ${finding.ruleId}`)
      expect(shown.stdout, finding.actual).toContain('Switch off:')
    }
    const phrase = (await runCli(['glossary', 'show', 'prior', 'to'], {cwd: dir})).stdout
    expect(phrase).toBe(
      [
        'prior to (a wordy phrase)',
        '  Say instead: before',
        "  List:        wordy phrases, from retext-simplify (MIT); each is a suggestion",
        '  Rule:        simplify/prior-to',
        '  Switch off:  allow: [prior to] in your settings, rules: {simplify/prior-to: off}, or --no-simplify for all wordy phrases',
        ''
      ].join('\n')
    )
    expect((await runCli(['glossary', 'show', 'NHS'], {cwd: dir})).stdout).toContain('Not flagged: it is in the list of acronyms that readers know')
    expect((await runCli(['glossary', 'show', 'it', 'is'], {cwd: dir})).stdout).toContain('Not flagged: plainly switches this phrase off (glossary/simplify-off.yml)')

    const solicit = (await runCli(['glossary', 'show', 'solicit'], {cwd: dir})).stdout
    expect(solicit).toContain('  Say instead: ask for\n')
    expect(solicit).toContain('  Not offered: request, which retext-simplify suggests (glossary/simplify-off.yml): The glossary asks writers to replace the verb “request” (jargon/request).\n')
  })

  it("uses the settings file's team glossary, as a check in the same folder does", async () => {
    const dir = tempDir({
      'team.yml': 'entries:\n  - id: synergy\n    term: synergy\n    alternatives: [working together]\n    note: Few people say it.\n    severity: warning\n    source: tests\n    licence: MIT\n',
      '.plainlyrc.yml': 'glossaries: [team.yml]\n'
    })
    const shown = await runCli(['glossary', 'show', 'synergies'], {cwd: dir})
    expect(shown.code).toBe(0)
    expect(shown.stdout).toContain('Rule:        jargon/synergy (team.yml:2)')
  })
})

describe('plainly glossary validate', () => {
  it('passes the shipped glossary and its packs', async () => {
    const result = await runCli(['glossary', 'validate'], {cwd: root})
    expect(result.stdout).toBe('The glossary is valid.\n')
    expect(result.code).toBe(0)
  })

  it('reports schema errors, repeated terms, jargon alternatives and failing examples, with file and line; exit 2', async () => {
    const dir = tempDir({
      'team.yml': `${glossaryYaml(
        {id: 'synergy', term: 'synergy', alternatives: ['leverage teamwork'], examples: {flag: ['We want synergy.'], pass: ['Synergy is fine here.']}},
        {id: 'stakeholders-again', term: 'stakeholders', alternatives: ['people']}
      )}  - id: broken\n    term: broken\n    alternatives: [fixed]\n    note: x\n    severity: loud\n    source: s\n    licence: MIT\n`
    })
    const result = await runCli(['glossary', 'validate', 'team.yml'], {cwd: dir})
    expect(result.code).toBe(2)
    const lines = result.stdout.trim().split('\n')
    expect(lines).toEqual(['team.yml:21: entry "broken": "severity" must be one of error, warning, suggestion', '1 problem found.'])

    writeFileSync(path.join(dir, 'team.yml'), glossaryYaml(
      {id: 'synergy', term: 'synergy', alternatives: ['leverage teamwork'], examples: {flag: ['We want synergy.'], pass: ['Synergy is fine here.']}},
      {id: 'stakeholders-again', term: 'stakeholders', alternatives: ['people']},
      // retext-simplify tells "solicit" to become "ask for": a team entry that flags "ask for" closes the circle.
      {id: 'ask-for', term: 'ask for', alternatives: ['ask']}
    ))
    const second = await runCli(['glossary', 'validate', 'team.yml'], {cwd: dir})
    expect(second.code).toBe(2)
    expect(second.stdout).toContain('team.yml:10: the term "stakeholders" of "stakeholders-again" is already matched by "stakeholder" (')
    expect(second.stdout).toContain('team.yml:2: the alternative "leverage teamwork" of "synergy" is itself flagged by "jargon/leverage"')
    expect(second.stdout).toContain('team.yml:2: the example "Synergy is fine here." should pass but is flagged by "synergy"')
    // Reported on the team's entry (the shipped list is not the team's to change).
    expect(second.stdout).toContain('team.yml:17: "ask-for" flags "ask for", which retext-simplify suggests for the wordy phrase "solicit": change the entry, or switch the phrase off with rules: {simplify/solicit: off} in your settings')
    // The shipped "request" entry offers "ask for" too: also reported on the team's entry, not the shipped file.
    expect(second.stdout).toContain('team.yml:17: "ask-for" flags "ask for", which the shipped entry "request" offers: change the entry, or reuse the id "request" to replace that entry')
    expect(second.stdout).not.toMatch(/retext-simplify\.json|letters\.yml/)
  })
})

describe('plainly glossary export and import', () => {
  it('round-trips a glossary through a spreadsheet without losing anything', async () => {
    const dir = tempDir()
    writeFileSync(path.join(dir, 'team.yml'), readFileSync(path.join(root, 'glossary/research-report.yml')))
    const exported = await runCli(['glossary', 'export', '--format', 'csv', '--no-shipped', '-g', 'team.yml', '-o', 'team.csv'], {cwd: dir})
    expect(exported.code).toBe(0)
    const imported = await runCli(['glossary', 'import', 'team.csv', '--into', 'copy.yml'], {cwd: dir})
    expect(imported).toMatchObject({code: 0, stderr: ''})
    const strip = (file: string) => parseGlossary(readFileSync(path.join(dir, file), 'utf8'), file).entries.map((entry) => {
        const {file: _file, line: _line, ...rest} = entry as unknown as Record<string, unknown>
        return rest
      })
    expect(strip('copy.yml')).toEqual(strip('team.yml'))
  })

  it('makes a column of every field in the schema: a new field needs nothing more in the spreadsheet code', () => {
    const schema = JSON.parse(readFileSync(path.join(root, 'glossary/glossary.schema.json'), 'utf8'))
    schema.definitions.active.properties.audience = {type: 'array', items: {type: 'string'}}
    const table = createTable(schema)
    expect(table.columns).toContain('audience')
    expect(table.columns).toEqual(expect.arrayContaining(['terms', 'examples.flag', 'examples.pass', 'file']))
    const entry = {...parseGlossary(glossaryYaml({id: 'synergy', term: 'synergy', alternatives: ['working together'], examples: {flag: ['Our synergy.']}}), 'team.yml').entries[0], audience: ['staff', 'public']}
    const row = table.toRow(entry as never)
    expect(row[table.columns.indexOf('audience')]).toBe('staff\npublic')
    expect(table.toYaml(table.columns, row).yaml).toMatchObject({id: 'synergy', term: 'synergy', alternatives: ['working together'], audience: ['staff', 'public'], examples: {flag: ['Our synergy.']}})
  })

  it('updates an entry in place and adds new ones, keeping comments', async () => {
    const dir = tempDir({'team.yml': `# Our team's words\n${glossaryYaml({id: 'synergy', term: 'synergy', alternatives: ['working together']})}`})
    const rows = parseCsv((await runCli(['glossary', 'export', '--no-shipped', '-g', 'team.yml'], {cwd: dir})).stdout)
    const header = rows[0]!
    const edited = rows[1]!.slice()
    edited[header.indexOf('alternatives')] = 'teamwork\nworking together'
    const added = rows[1]!.slice()
    added[header.indexOf('id')] = 'cascade'
    added[header.indexOf('terms')] = 'cascade'
    added[header.indexOf('note')] = 'Say "pass on", with a comma, and "quotes".'
    writeFileSync(path.join(dir, 'edits.csv'), toCsv([header, edited, added]))
    const result = await runCli(['glossary', 'import', 'edits.csv'], {cwd: dir})
    expect(result.stdout).toBe('Imported 2 entries into team.yml\n')
    const text = readFileSync(path.join(dir, 'team.yml'), 'utf8')
    expect(text.startsWith("# Our team's words\n")).toBe(true)
    const entries = parseGlossary(text, 'team.yml').entries
    expect(entries.map((entry) => entry.id)).toEqual(['synergy', 'cascade'])
    expect(entries[0]).toMatchObject({alternatives: ['teamwork', 'working together']})
    expect(entries[1]).toMatchObject({note: 'Say "pass on", with a comma, and "quotes".'})
  })

  it('checks every row before writing anything', async () => {
    const dir = tempDir({'team.yml': glossaryYaml({id: 'synergy', term: 'synergy'})})
    const rows = parseCsv((await runCli(['glossary', 'export', '--no-shipped', '-g', 'team.yml'], {cwd: dir})).stdout)
    const bad = rows[1]!.slice()
    bad[rows[0]!.indexOf('severity')] = 'loud'
    writeFileSync(path.join(dir, 'bad.csv'), toCsv([rows[0]!, rows[1]!, bad]))
    const result = await runCli(['glossary', 'import', 'bad.csv', '--into', 'new.yml'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('plainly: bad.csv:3: entry "synergy": "severity" must be one of error, warning, suggestion')
    expect(existsSync(path.join(dir, 'new.yml'))).toBe(false)
  })
})

describe('packs', () => {
  it('are off by default and switched on with --pack', async () => {
    const packs = availablePacks()
    expect(packs.length).toBeGreaterThanOrEqual(2)
    const base = loadEntries({cwd: root}).length
    for (const pack of packs) expect(loadEntries({cwd: root, packs: [pack]}).length).toBeGreaterThan(base)
  })

  it('an unknown pack is a clear error (exit 2)', async () => {
    const dir = tempDir({'a.md': 'Hello.\n'})
    const result = await runCli(['check', 'a.md', '--pack', 'klingon'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^plainly: glossary problem: --pack klingon: there is no pack called "klingon" \(packs: /)
  })
})

describe('the JSON Schema for glossary files', () => {
  const schema = JSON.parse(readFileSync(path.join(root, 'glossary/glossary.schema.json'), 'utf8'))
  const validate = new Ajv({allErrors: true, strict: false}).compile(schema)

  it('accepts every shipped glossary file and pack', () => {
    const packFiles = availablePacks().map((pack) => packFile(pack))
    for (const file of [...shippedGlossaryFiles(), ...packFiles]) {
      const valid = validate(parseYaml(readFileSync(file, 'utf8')))
      expect(valid, `${file}: ${JSON.stringify(validate.errors)}`).toBe(true)
    }
  })

  it('rejects what plainly rejects: unknown keys, missing alternatives, bad severity', () => {
    const entry = {id: 'x', term: 'x', alternatives: ['y'], note: 'n', severity: 'warning', source: 's', licence: 'MIT'}
    expect(validate({entries: [entry]})).toBe(true)
    expect(validate({entries: [{...entry, alterntives: ['y']}]})).toBe(false)
    const {alternatives: _unused, ...noAlternatives} = entry
    expect(validate({entries: [noAlternatives]})).toBe(false)
    expect(validate({entries: [{...noAlternatives, explain: true}]})).toBe(true)
    expect(validate({entries: [{...entry, severity: 'loud'}]})).toBe(false)
    expect(validate({entries: [{id: 'x', disabled: true}]})).toBe(true)
  })

  it('names the same entry fields as the loader', async () => {
    const fields = Object.keys(schema.definitions.active.properties).sort()
    const yaml = `entries:\n  - ${fields.map((field) => `${field}: null`).join('\n    ')}\n`
    const unknown = parseGlossary(yaml, 'all.yml').problems.filter((problem) => problem.message.startsWith('unknown key'))
    expect(unknown).toEqual([])
  })
})

describe('docs/glossary.md', () => {
  it('is up to date with the YAML (run `npm run docs` to regenerate)', () => {
    const expected = renderGlossaryDoc(shippedSections((packs) => loadEntries({packs, cwd: root}), availablePacks()))
    expect(readFileSync(path.join(root, 'docs/glossary.md'), 'utf8')).toBe(expected)
  })

  it('credits every source with its licence and entry count, and links the full notice', () => {
    const sections = shippedSections((packs) => loadEntries({packs, cwd: root}), availablePacks())
    const doc = renderGlossaryDoc(sections)
    const credits = doc.slice(doc.indexOf('## Sources and licences'), doc.indexOf('## On by default'))
    expect(credits).toContain('[glossary/NOTICE.md](../glossary/NOTICE.md)')
    expect(credits).toContain('Open Government Licence v3.0')
    const entries = new Map(sections.flatMap((section) => section.entries).map((entry) => [entry.id, entry]))
    const rows = [...credits.matchAll(/^\| (.+) \| ([\w.-]+) \| (\d+) \|$/gm)]
    expect(rows.reduce((total, row) => total + Number(row[3]), 0)).toBe(entries.size)
    for (const entry of entries.values()) expect(rows.some((row) => row[1]!.includes(entry.source) && row[2] === entry.licence), entry.id).toBe(true)
  })
})

describe('plainly glossary sources', () => {
  it('prints the attribution notice', async () => {
    const result = await runCli(['glossary', 'sources'], {cwd: root})
    expect(result.stdout).toBe(readFileSync(path.join(root, 'glossary/NOTICE.md'), 'utf8'))
    expect(result.stdout).toContain('Open Government Licence v3.0')
  })
})
