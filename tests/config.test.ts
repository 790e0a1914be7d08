import {describe, expect, it} from 'vitest'
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {loadConfigFile, ConfigError, fileSettings} from '../src/io/config.js'
import {STARTER_CONFIG} from '../src/cli/init.js'
import {runCli, tempDir} from './helpers.js'

const json = async (argv: string[], cwd: string) => {
  const result = await runCli([...argv, '--format', 'json'], {cwd})
  return {...result, report: result.stdout ? JSON.parse(result.stdout) : undefined}
}
const rules = (file: {findings: Array<{ruleId: string}>}) => file.findings.map((finding) => finding.ruleId)
const jargonText = 'We do co-production and leverage it.\n'

describe('config files', () => {
  it.each([
    ['.plainlyrc.yml', 'targetAge: 14\n'],
    ['.plainlyrc.yaml', 'targetAge: 14\n'],
    ['.plainlyrc.json', '{"targetAge": 14}'],
    ['plainly.config.json', '{"targetAge": "14"}'],
    ['package.json', '{"name": "x", "plainly": {"targetAge": 14}}']
  ])('are read from %s', async (name, content) => {
    const dir = tempDir({[name]: content, 'a.md': 'Hello there.\n'})
    const {report} = await json(['check', 'a.md'], dir)
    expect(report.files[0].readingAge.target).toEqual({min: 14, max: 14})
  })

  it('are found from each file’s folder upwards, the nearest winning', async () => {
    const dir = tempDir({
      '.plainlyrc.yml': 'targetAge: 12\n',
      'docs/easy/.plainlyrc.yml': 'targetAge: 9\nmaxSentenceWords: 15\n',
      'docs/easy/a.md': 'Hello.\n',
      'docs/b.md': 'Hello.\n'
    })
    const {report} = await json(['check', 'docs'], dir)
    expect(report.files.map((file: {path: string; readingAge: {target: unknown}}) => [file.path, file.readingAge.target])).toEqual([
      ['docs/b.md', {min: 12, max: 12}],
      ['docs/easy/a.md', {min: 9, max: 9}]
    ])
  })

  it('command-line flags win over the file; --config names one; --no-config ignores them', async () => {
    const dir = tempDir({'.plainlyrc.yml': 'targetAge: 12\n', 'other.yml': 'targetAge: 16\n', 'a.md': 'Hello.\n'})
    expect((await json(['check', 'a.md', '--target-age', '10'], dir)).report.files[0].readingAge.target).toEqual({min: 10, max: 10})
    expect((await json(['check', 'a.md', '--config', 'other.yml'], dir)).report.files[0].readingAge.target).toEqual({min: 16, max: 16})
    expect((await json(['check', 'a.md', '--no-config'], dir)).report.files[0].readingAge.target).toEqual({min: 9, max: 11})
  })

  it('can set everything a flag can: fail-on, glossaries, packs, allowed words, rules, sentence limit', async () => {
    const dir = tempDir({
      '.plainlyrc.yml': ['failOn: error', 'maxSentenceWords: 5', 'allow: [leverage]', 'rules:', '  simplify: off', '  jargon/co-production: error', 'glossaries: [words/team.yml]'].join('\n'),
      'words/team.yml': 'entries:\n  - id: synergy\n    term: synergy\n    alternatives: [teamwork]\n    note: Vague.\n    severity: warning\n    source: us\n    licence: MIT\n',
      'a.md': 'We do co-production and leverage synergy in order to win big prizes today.\n'
    })
    const {report, code} = await json(['check', 'a.md'], dir)
    const file = report.files[0]
    expect(rules(file)).toEqual(expect.arrayContaining(['jargon/co-production', 'jargon/synergy', 'long-sentence']))
    expect(rules(file)).not.toContain('jargon/leverage')
    expect(rules(file).filter((rule: string) => rule.startsWith('simplify/'))).toEqual([])
    expect(file.findings.find((finding: {ruleId: string}) => finding.ruleId === 'jargon/co-production').severity).toBe('error')
    expect(code).toBe(1)
  })

  it('overrides give folders their own settings', async () => {
    const dir = tempDir({
      '.plainlyrc.yml': ['overrides:', '  - files: ["easy-read/**"]', '    targetAge: 9', '    maxSentenceWords: 15', '  - files: ["staff/**"]', '    allow: [co-production]'].join('\n'),
      'easy-read/a.md': jargonText,
      'staff/b.md': jargonText,
      'other/c.md': jargonText
    })
    const {report} = await json(['check', '.'], dir)
    const byPath = Object.fromEntries(report.files.map((file: {path: string}) => [file.path, file]))
    expect(byPath['easy-read/a.md'].readingAge.target).toEqual({min: 9, max: 9})
    expect(rules(byPath['staff/b.md'])).not.toContain('jargon/co-production')
    expect(rules(byPath['other/c.md'])).toContain('jargon/co-production')
    expect(byPath['other/c.md'].readingAge.target).toEqual({min: 9, max: 11})
  })

  it.each([
    ['targt: 3\n', '.plainlyrc.yml:1: unknown setting "targt"'],
    ['targetAge: old\n', '.plainlyrc.yml:1: "targetAge" must be an age such as 11, or a range such as "9-11"'],
    ['maxSentenceWords: lots\n', '.plainlyrc.yml:1: "maxSentenceWords" must be a whole number of 1 or more'],
    ['rules:\n  long-sentence: maybe\n', '.plainlyrc.yml:2: rule "long-sentence" must be set to off, error, warning or suggestion'],
    ['overrides:\n  - files: x\n    failOn: error\n', '.plainlyrc.yml:3: "failOn" applies to the whole run, so it cannot go in "overrides"'],
    ['allow: [\n', '.plainlyrc.yml:2: this is not valid YAML']
  ])('a bad config exits 2 naming the file, the key or line, and what was expected: %j', async (content, message) => {
    const dir = tempDir({'.plainlyrc.yml': content, 'a.md': 'Hello.\n'})
    const result = await runCli(['check', 'a.md'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stderr.startsWith(`plainly: settings problem: ${message}`)).toBe(true)
    expect(result.stdout).toBe('')
  })

  it.each([
    ['targtAge: 3\n', '.plainlyrc.yml:1: unknown setting "targtAge" (did you mean "targetAge"?'],
    ['rules:\n  long-sentance: off\n', '.plainlyrc.yml:2: unknown rule "long-sentance" under "rules" (did you mean "long-sentence"?)'],
    ['rules:\n  hard-sentence: off\n  jargn: off\n', '.plainlyrc.yml:3: unknown rule "jargn" under "rules" (did you mean "jargon"?)'],
    ['rules:\n  jargon/stakholder: warning\n', '.plainlyrc.yml:2: unknown rule "jargon/stakholder" under "rules" (did you mean "jargon/stakeholder"?)'],
    ['rules:\n  simplify/in-order-too: off\n', '.plainlyrc.yml:2: unknown rule "simplify/in-order-too" under "rules" (did you mean "simplify/in-order-to"?)'],
    ['rules:\n  spelling/*: off\n', '.plainlyrc.yml:2: unknown rule "spelling/*" under "rules"'],
    ['allow:\n  - stakeholder\n  - co-prodution\n', '.plainlyrc.yml:3: "co-prodution" under "allow" is not a word that plainly flags, so allowing it changes nothing (did you mean "co-production"?)'],
    ['overrides:\n  - files: ["*.md"]\n    rules:\n      long-sentense: off\n', '.plainlyrc.yml:4: unknown rule "long-sentense" under "rules" (did you mean "long-sentence"?)'],
    ['overrides:\n  - files: ["*.md"]\n    targetAg: 9\n', '.plainlyrc.yml:3: unknown setting "targetAg" in an override (did you mean "targetAge"?)']
  ])('a name plainly does not know exits 2 with the file, line and the nearest name: %j', async (content, message) => {
    const dir = tempDir({'.plainlyrc.yml': content, 'a.md': 'Hello.\n'})
    const result = await runCli(['check', 'a.md'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`plainly: settings problem: ${message}`)
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(result.stdout).toBe('')
  })

  it('knows every rule, family and word a report can name, and acronyms, as good names', async () => {
    const dir = tempDir({
      '.plainlyrc.yml': 'rules:\n  jargon/stakeholder: error\n  simplify/in-order-to: off\n  simplify/*: off\n  acronym: off\n  reading-age: off\n  empty-file: off\nallow: [co-production, in order to, ICB, Stakeholders]\n',
      'a.md': 'Hello.\n',
      'data.json': '{"plainly": 1}'
    })
    expect((await runCli(['check', 'a.md'], {cwd: dir})).code).toBe(0)
    // And on the command line, named as such.
    const flag = await runCli(['check', 'a.md', '--allow', 'levarage'], {cwd: dir})
    expect(flag.code).toBe(2)
    expect(flag.stderr).toBe('plainly: settings problem: the command line: --allow "levarage" is not a word that plainly flags, so allowing it changes nothing (did you mean "leverage"?)\n')
    // A JSON settings file names the line of the list.
    const json = tempDir({'plainly.config.json': '{\n  "targetAge": 11,\n  "rules": {\n    "jargon/nope": "off"\n  }\n}\n', 'a.md': 'Hello.\n'})
    expect((await runCli(['check', 'a.md'], {cwd: json})).stderr).toMatch(/^plainly: settings problem: plainly\.config\.json:4: unknown rule "jargon\/nope" under "rules"/)
  })

  it('a bad JSON config names its line', () => {
    const dir = tempDir({'plainly.config.json': '{\n  "targetAge": 9,\n  oops\n}'})
    expect(() => loadConfigFile(path.join(dir, 'plainly.config.json'), 'plainly.config.json')).toThrow(ConfigError)
    try {
      loadConfigFile(path.join(dir, 'plainly.config.json'), 'plainly.config.json')
    } catch (error) {
      expect((error as ConfigError).message).toMatch(/^plainly\.config\.json:3: this is not valid JSON/)
    }
  })

  it('a package.json without a "plainly" key is not a config', () => {
    const dir = tempDir({'package.json': '{"name": "x"}'})
    expect(loadConfigFile(path.join(dir, 'package.json'))).toBeUndefined()
  })

  it.each([
    ['targetAge: 12-9\n', '.plainlyrc.yml:1: "targetAge" must be an age such as 11, or a range such as "9-11"'],
    ['allow: [ok, " "]\n', '.plainlyrc.yml:1: "allow" must be a list of text, such as [one, two]'],
    ['failOn: sometimes\n', '.plainlyrc.yml:1: "failOn" must be one of error, warning, suggestion, never'],
    ['hardest: 2\noverrides: {files: x}\n', '.plainlyrc.yml:2: "overrides" must be a list of {files: [...], ...settings}'],
    ['overrides:\n  - targetAge: 9\n', '.plainlyrc.yml:2: each override needs "files:" with one or more glob patterns, such as "easy-read/**"'],
    ['- 1\n', '.plainlyrc.yml:1: expected a map of settings, such as "targetAge: 9-11"']
  ])('the shipped JSON Schema checks every settings file, with its line: %j', (content, message) => {
    const dir = tempDir({'.plainlyrc.yml': content})
    expect(() => loadConfigFile(path.join(dir, '.plainlyrc.yml'), '.plainlyrc.yml')).toThrow(message)
  })

  it('names the line inside package.json, and the schema and the loader know the same settings', () => {
    const dir = tempDir({'package.json': '{\n  "name": "x",\n  "plainly": {\n    "maxWarnings": -1\n  }\n}\n'})
    expect(() => loadConfigFile(path.join(dir, 'package.json'), 'package.json')).toThrow('package.json:4: "maxWarnings" must be a whole number of 0 or more')
    const schema = JSON.parse(readFileSync(path.join(import.meta.dirname, '../glossary/settings.schema.json'), 'utf8'))
    const every: Record<string, unknown> = {targetAge: 10, maxSentenceWords: 20, veryLongSentenceWords: 30, hardest: 2, simplify: false, profile: 'easy-read', glossaries: ['team.yml'], packs: ['legal'], allow: ['x'], rules: {'long-sentence': 'off'}, plugins: ['retext-passive'], failOn: 'error', maxWarnings: 3, maxReadingAge: 12, ignorePatterns: ['drafts/'], maxFileSize: 5, overrides: [{files: '*.md', hardest: 1}]}
    expect(Object.keys(every).sort()).toEqual(Object.keys(schema.properties).filter((key) => key !== '$schema').sort())
    writeFileSync(path.join(dir, 'plainly.config.json'), JSON.stringify(every))
    const config = loadConfigFile(path.join(dir, 'plainly.config.json'))!
    for (const key of Object.keys(every)) expect(config[key as keyof typeof config], key).toBeDefined()
    expect(config.plugins).toEqual([{package: 'retext-passive', from: path.join(dir, 'plainly.config.json')}])
    expect(config.overrides).toEqual([{files: ['*.md'], config: {hardest: 1}}])
  })

  it('override patterns are relative to the config file', () => {
    const dir = tempDir({'.plainlyrc.yml': 'overrides:\n  - files: ["easy/**"]\n    targetAge: 9\n'})
    const config = loadConfigFile(path.join(dir, '.plainlyrc.yml'))!
    expect(fileSettings(config, path.join(dir, 'easy/x.md')).targetAge).toEqual({min: 9, max: 9})
    expect(fileSettings(config, path.join(dir, 'other/easy/x.md')).targetAge).toBeUndefined()
  })
})

describe('plainly init', () => {
  it('writes a commented starter .plainlyrc.yml that plainly accepts, and will not overwrite it', async () => {
    const dir = tempDir({'a.md': 'Hello.\n'})
    expect(await runCli(['init'], {cwd: dir})).toMatchObject({code: 0, stdout: 'Wrote .plainlyrc.yml. Edit it to suit your documents.\n'})
    expect(readFileSync(path.join(dir, '.plainlyrc.yml'), 'utf8')).toBe(STARTER_CONFIG)
    expect(loadConfigFile(path.join(dir, '.plainlyrc.yml'))).toMatchObject({targetAge: {min: 9, max: 11}, failOn: 'warning'})
    expect((await runCli(['check', 'a.md'], {cwd: dir})).code).toBe(0)
    const again = await runCli(['init'], {cwd: dir})
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('there is already a .plainlyrc.yml here')
    expect((await runCli(['init', '--force'], {cwd: dir})).code).toBe(0)
  })

  it('the starter file documents every setting', () => {
    for (const key of ['targetAge', 'maxSentenceWords', 'veryLongSentenceWords', 'failOn', 'maxWarnings', 'maxReadingAge', 'glossaries', 'packs', 'allow', 'rules', 'ignorePatterns', 'overrides']) {
      expect(STARTER_CONFIG).toContain(`${key}:`)
    }
  })
})

describe('ignoring files', () => {
  const files = {'.plainlyignore': 'drafts/\n*.old.md\n', 'a.md': 'Hello.\n', 'drafts/b.md': 'Hello.\n', 'c.old.md': 'Hello.\n', 'node_modules/d.md': 'Hi.\n', 'e/f.md': 'Hi.\n'}

  it('.plainlyignore, --ignore-pattern and config ignorePatterns skip files in folders', async () => {
    const dir = tempDir(files)
    expect((await json(['check', '.'], dir)).report.files.map((file: {path: string}) => file.path)).toEqual(['a.md', 'e/f.md'])
    expect((await json(['check', '.', '--ignore-pattern', 'e/'], dir)).report.files.map((file: {path: string}) => file.path)).toEqual(['a.md'])
    writeFileSync(path.join(dir, '.plainlyrc.yml'), 'ignorePatterns: [a.md]\n')
    expect((await json(['check', '.'], dir)).report.files.map((file: {path: string}) => file.path)).toEqual(['e/f.md'])
  })

  it('--ignore-path names another ignore file; --no-ignore checks everything but node_modules', async () => {
    const dir = tempDir({...files, 'my-ignore': 'a.md\n'})
    expect((await json(['check', '.', '--ignore-path', 'my-ignore'], dir)).report.files.map((file: {path: string}) => file.path)).toEqual(['c.old.md', 'drafts/b.md', 'e/f.md'])
    expect((await json(['check', '.', '--no-ignore'], dir)).report.files.map((file: {path: string}) => file.path)).toEqual(['a.md', 'c.old.md', 'drafts/b.md', 'e/f.md'])
    const missing = await runCli(['check', '.', '--ignore-path', 'nope'], {cwd: dir})
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('cannot read the ignore file nope')
  })

  it('a file named directly but ignored is not checked, and plainly says so, unless --no-ignore', async () => {
    const dir = tempDir(files)
    const result = await runCli(['check', 'drafts/b.md', 'a.md'], {cwd: dir})
    expect(result.stderr).toBe('plainly: drafts/b.md is skipped by the ignore rules (.plainlyignore or --ignore-pattern); add --no-ignore to check it\n')
    expect(result.stdout).not.toContain('drafts/b.md')
    expect(result.code).toBe(0)
    expect((await json(['check', 'drafts/b.md', '--no-ignore'], dir)).report.files[0].path).toBe('drafts/b.md')
  })
})

describe('control comments', () => {
  const text = [
    '# Title',
    '',
    '<!-- plainly-disable-next-line leverage -- quoting the board paper -->',
    'We will leverage our stakeholders.',
    '',
    '<!-- plainly-disable stakeholder, long-sentence -->',
    'Stakeholders again. We leverage.',
    '<!-- plainly-enable -->',
    '',
    'Stakeholders once more. <!-- plainly-disable-line jargon -->',
    '',
    '<!-- plainly-disable-next-line synergyy -->',
    'Plain words here.',
    ''
  ].join('\n')

  it('silence findings by word, rule or family, keep the reason in JSON, and report unknown names', async () => {
    const dir = tempDir({'a.md': text, 'b.html': `<p>We leverage.</p>\n<!-- plainly-disable-next-line jargon/leverage -- a quote -->\n<p>We leverage.</p>\n`})
    const {report} = await json(['check', '.', '--target-age', '99'], dir)
    const [markdown, html] = report.files
    const short = (list: Array<{line: number; ruleId: string}>) => list.map((finding) => `${finding.line} ${finding.ruleId}`)
    expect(short(markdown.findings)).toEqual(['4 jargon/stakeholder', '7 jargon/leverage', '12 unknown-control'])
    expect(short(markdown.suppressed)).toEqual(['4 jargon/leverage', '7 jargon/stakeholder', '10 jargon/stakeholder'])
    expect(markdown.suppressed[0].suppression).toEqual({kind: 'comment', reason: 'quoting the board paper', line: 3})
    expect(markdown.findings[2].message).toBe('This plainly comment names “synergyy”, which is not a rule or a word in the glossary')
    expect(short(html.findings)).toEqual(['1 jargon/leverage'])
    expect(html.suppressed[0]).toMatchObject({line: 3, ruleId: 'jargon/leverage', suppression: {kind: 'comment', reason: 'a quote', line: 2}})
    expect(report.summary.suppressed).toBe(4)
  })
})
