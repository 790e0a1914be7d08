import {describe, expect, it} from 'vitest'
import {readFileSync, chmodSync} from 'node:fs'
import path from 'node:path'
import {checkFiles} from '../src/index.js'
import {describeReadError} from '../src/io/read.js'
import {glossaryYaml, runCli, tempDir} from './helpers.js'

const plain = 'Your flu vaccine is free. Ring the surgery to book. A nurse will see you.\n'
const jargon = 'We will leverage our stakeholders.\n'
const hardNoJargon = 'Consequently, implementation considerations necessitate comprehensive interdepartmental deliberation.\n'

describe('help', () => {
  const help = async (...argv: string[]) => (await runCli([...argv, '--help'], {cwd: tempDir()})).stdout

  it('shows no empty defaults', async () => {
    for (const command of [['check'], ['baseline'], ['init'], ['glossary', 'list'], ['glossary', 'show'], ['glossary', 'export'], ['glossary', 'validate']]) {
      const text = await help(...command)
      expect(text, command.join(' ')).toContain('Usage: plainly')
      expect(text, command.join(' ')).not.toContain('(default: [])')
      expect(text, command.join(' ')).not.toMatch(/default: (?:\[\]|""|undefined)/)
    }
  })

  it('lists for each command only the options that apply to it', async () => {
    // The Options section only (the examples after it may mention other commands' options).
    const options = (text: string) => text.slice(text.indexOf('Options:'), text.indexOf('-h, --help'))
    const check = options(await help('check'))
    const baseline = options(await help('baseline'))
    for (const option of ['--fix', '--cache', '--format', '--fail-on', '--max-warnings', '--baseline', '--quiet', '--color', '--hardest']) {
      expect(check).toContain(option)
      expect(baseline, option).not.toContain(`${option} `)
    }
    for (const option of ['--glossary', '--pack', '--allow', '--target-age', '--ignore-pattern', '--output']) expect(baseline).toContain(option)
  })
})

describe('exit codes', () => {
  it('0 when nothing is at or above --fail-on and reading age is within target', async () => {
    const dir = tempDir({'plain.md': plain})
    const result = await runCli(['check', 'plain.md'], {cwd: dir})
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('✔ 1 file checked: no problems found.')
    expect(result.stderr).toBe('')
  })

  it('1 for jargon at the default threshold (warning)', async () => {
    const dir = tempDir({'jargon.md': jargon})
    expect((await runCli(['check', 'jargon.md'], {cwd: dir})).code).toBe(1)
  })

  it('follows --fail-on', async () => {
    const dir = tempDir({'jargon.md': jargon, 'wordy.md': 'We have a number of ways to help.\n'})
    // A high target keeps reading age out of this test.
    expect((await runCli(['check', 'jargon.md', '--fail-on', 'error', '--target-age', '99'], {cwd: dir})).code).toBe(0)
    expect((await runCli(['check', 'jargon.md', '--fail-on', 'warning', '--target-age', '99'], {cwd: dir})).code).toBe(1)
    expect((await runCli(['check', 'wordy.md'], {cwd: dir})).code).toBe(0)
    expect((await runCli(['check', 'wordy.md', '--fail-on', 'suggestion'], {cwd: dir})).code).toBe(1)
    expect((await runCli(['check', 'jargon.md', '--fail-on', 'never'], {cwd: dir})).code).toBe(0)
    // --fail-on error with no errors passes, whatever the reading age.
    expect((await runCli(['check', 'jargon.md', '--fail-on', 'error'], {cwd: dir})).code).toBe(0)
  })

  it('counts a reading age above target as a warning, like any other finding', async () => {
    const dir = tempDir({'hard.md': hardNoJargon})
    const onError = await runCli(['check', 'hard.md', '--fail-on', 'error', '--format', 'json'], {cwd: dir})
    const file = JSON.parse(onError.stdout).files[0]
    expect(file.readingAge.withinTarget).toBe(false)
    expect(file.findings.find((finding: {ruleId: string}) => finding.ruleId === 'reading-age').severity).toBe('warning')
    expect(onError.code).toBe(0)
    expect((await runCli(['check', 'hard.md', '--format', 'json'], {cwd: dir})).code).toBe(1)
    expect((await runCli(['check', 'hard.md', '--target-age', '99'], {cwd: dir})).code).toBe(0)
    // Made an error by the settings, it fails --fail-on error.
    const rules = tempDir({'hard.md': hardNoJargon, '.plainlyrc.yml': 'rules:\n  reading-age: error\n'})
    expect((await runCli(['check', 'hard.md', '--fail-on', 'error'], {cwd: rules})).code).toBe(1)
  })

  it('2 for bad flags, with one clear line', async () => {
    const dir = tempDir({'plain.md': plain})
    for (const argv of [
      ['check', 'plain.md', '--format', 'pdf'],
      ['check', 'plain.md', '--target-age', 'ten'],
      ['check', 'plain.md', '--hardest', '-1'],
      ['check', 'plain.md', '--max-sentence-words', '0'],
      ['check', 'plain.md', '--no-such-flag']
    ]) {
      const result = await runCli(argv, {cwd: dir})
      expect(result.code, argv.join(' ')).toBe(2)
      expect(result.stderr, argv.join(' ')).toMatch(/^plainly: /)
      expect(result.stderr).not.toMatch(/\n\s+at /)
    }
  })

  it('2 when no path is given, with a hint', async () => {
    const result = await runCli(['check'], {cwd: tempDir()})
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('plainly: name a file or folder to check\n  for example: plainly check leaflet.md, or plainly check docs/\n')
  })

  it('2 for a path that matches nothing, naming it, while other files are still checked', async () => {
    const dir = tempDir({'plain.md': plain, 'empty/notes.odt': 'x'})
    const result = await runCli(['check', 'missing.md', 'plain.md', 'empty', 'nothing/*.md'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      [
        'plainly: missing.md: cannot find this file or folder',
        'plainly: empty: no files to check in this folder (looked for .md .markdown .txt .text .html .htm .docx .pdf)',
        'plainly: nothing/*.md: no files match this pattern',
        ''
      ].join('\n')
    )
    expect(result.stdout).toContain('plain.md')
  })

  it('2 when nothing at all matched', async () => {
    const result = await runCli(['check', 'missing.md'], {cwd: tempDir()})
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('plainly: there were no files to check')
  })

  it('2 for a malformed glossary, naming the file and line, without a stack trace', async () => {
    const dir = tempDir({'plain.md': plain, 'team.yml': 'entries:\n  - id: synergy\n    term: synergy\n    alternatives: [working together]\n    note: Vague.\n    severity: loud\n    source: us\n    licence: MIT\n'})
    const result = await runCli(['check', 'plain.md', '--glossary', 'team.yml'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('plainly: glossary problem: team.yml:6: entry "synergy": "severity" must be one of error, warning, suggestion\nplainly: fix the glossary and run the check again\n')
    expect(result.stdout).toBe('')
  })
})

describe('inputs', () => {
  it('searches folders recursively for the supported extensions, skipping node_modules and .git, in a stable order', async () => {
    const dir = tempDir({
      'docs/b.md': plain,
      'docs/a.txt': plain,
      'docs/sub/c.html': `<p>${plain}</p>`,
      'docs/sub/d.htm': `<p>${plain}</p>`,
      'docs/e.markdown': plain,
      'docs/f.text': plain,
      'docs/skip.odt': 'x',
      'docs/node_modules/x.md': jargon,
      'docs/.git/y.md': jargon
    })
    const result = await runCli(['check', 'docs', '--format', 'json'], {cwd: dir})
    const report = JSON.parse(result.stdout)
    expect(report.files.map((file: {path: string}) => file.path)).toEqual(['docs/a.txt', 'docs/b.md', 'docs/e.markdown', 'docs/f.text', 'docs/sub/c.html', 'docs/sub/d.htm'])
    expect(report.files.map((file: {format: string}) => file.format)).toEqual(['text', 'markdown', 'markdown', 'text', 'html', 'html'])
    expect(result.code).toBe(0)
  })

  it('expands glob patterns', async () => {
    const dir = tempDir({'docs/a.md': plain, 'docs/b.md': jargon, 'docs/c.txt': plain})
    const report = JSON.parse((await runCli(['check', 'docs/*.md', '--format', 'json'], {cwd: dir})).stdout)
    expect(report.files.map((file: {path: string}) => file.path)).toEqual(['docs/a.md', 'docs/b.md'])
  })

  it('reads standard input with -, using --stdin-filename for the format and the name', async () => {
    const result = await runCli(['check', '-', '--stdin-filename', 'page.html', '--format', 'json'], {cwd: tempDir(), stdin: '<p>We will leverage it.</p><script>leverage</script>'})
    const report = JSON.parse(result.stdout)
    expect(report.files[0]).toMatchObject({path: 'page.html', format: 'html'})
    expect(report.files[0].findings.filter((finding: {ruleId: string}) => finding.ruleId === 'jargon/leverage')).toHaveLength(1)
    expect(result.code).toBe(1)
  })

  it('reads piped standard input when only --stdin-filename is given', async () => {
    const report = JSON.parse((await runCli(['check', '--stdin-filename', 'notes.txt', '--format', 'json'], {cwd: tempDir(), stdin: plain})).stdout)
    expect(report.files[0]).toMatchObject({path: 'notes.txt', format: 'text'})
  })

  it('treats unnamed standard input as Markdown called <stdin>', async () => {
    const report = JSON.parse((await runCli(['check', '-', '--format', 'json'], {cwd: tempDir(), stdin: '`leverage` is code'})).stdout)
    expect(report.files[0]).toMatchObject({path: '<stdin>', format: 'markdown', findings: []})
  })
})

describe('bad input files', () => {
  it('an empty file gets one notice and the run passes', async () => {
    const dir = tempDir({'empty.md': '', 'blank.txt': '  \n\n'})
    const result = await runCli(['check', 'empty.md', 'blank.txt', '--format', 'json'], {cwd: dir})
    const report = JSON.parse(result.stdout)
    for (const file of report.files) {
      expect(file.findings).toEqual([expect.objectContaining({ruleId: 'empty-file', severity: 'suggestion', message: 'This file is empty, so there was nothing to check'})])
      expect(file.readingAge).toBeNull()
    }
    expect(result.code).toBe(0)
  })

  it('a binary file and invalid UTF-8 each get one fatal line naming the file; other files still run', async () => {
    const dir = tempDir({
      'a-binary.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
      'b-latin1.txt': Buffer.concat([Buffer.from('Line one\nCaf'), Buffer.from([0xe9]), Buffer.from(' line two\n')]),
      'c-good.md': jargon
    })
    const result = await runCli(['check', '.'], {cwd: dir})
    expect(result.code).toBe(1)
    const lines = result.stdout.split('\n')
    expect(lines[0]).toBe('a-binary.md')
    expect(lines[1]).toMatch(/^ {2}1:1 {2}error {7}This looks like a binary file, not text: plainly checks Markdown, plain text and HTML {2}file\/binary$/)
    expect(result.stdout).toMatch(/b-latin1\.txt\n {2}2:1 {2}error {7}This file is not saved as UTF-8 text/)
    expect(result.stdout).toContain('jargon/leverage')
    expect(result.stdout).toContain('2 files could not be checked.')
    expect(result.stdout).not.toMatch(/\n\s+at /)
  })

  it('a folder named like a file is reported as a folder', async () => {
    const dir = tempDir({'x.md/inner.txt': plain})
    const result = await runCli(['check', 'x.md', '--format', 'json'], {cwd: dir})
    expect(JSON.parse(result.stdout).files.map((file: {path: string}) => file.path)).toEqual(['x.md/inner.txt'])
  })

  it('describes a file it may not read in plain words', () => {
    expect(describeReadError(Object.assign(new Error('x'), {code: 'EACCES'}))).toBe('cannot read this file: permission denied')
    expect(describeReadError(Object.assign(new Error('x'), {code: 'EISDIR'}))).toBe('this is a folder, not a file')
  })

  it.skipIf(process.getuid?.() === 0)('a file without read permission gets one fatal line', async () => {
    const dir = tempDir({'locked.md': plain})
    chmodSync(path.join(dir, 'locked.md'), 0o000)
    const result = await runCli(['check', 'locked.md'], {cwd: dir})
    expect(result.stdout).toContain('Cannot read this file: permission denied')
    expect(result.code).toBe(1)
  })
})

describe('glossary layers from the command line', () => {
  it('--glossary adds, replaces and switches off entries, in order', async () => {
    const dir = tempDir({
      'doc.md': 'Our synergy and stakeholders leverage it.\n',
      'team.yml': `${glossaryYaml({id: 'synergy', term: 'synergy', alternatives: ['working together']}, {id: 'stakeholder', term: 'stakeholder', alternatives: ['residents'], severity: 'error'})}`,
      'off.yml': 'entries:\n  - id: leverage\n    disabled: true\n'
    })
    const report = JSON.parse((await runCli(['check', 'doc.md', '-g', 'team.yml', '--glossary', 'off.yml', '--format', 'json'], {cwd: dir})).stdout)
    const findings = report.files[0].findings.filter((finding: {ruleId: string}) => finding.ruleId.startsWith('jargon/'))
    expect(findings.map((finding: {ruleId: string; severity: string; expected: string[]}) => [finding.ruleId, finding.severity, finding.expected])).toEqual([
      ['jargon/synergy', 'warning', ['working together']],
      ['jargon/stakeholder', 'error', ['residents']]
    ])
  })
})

describe('output', () => {
  it('JSON from the CLI equals the library API result', async () => {
    const dir = tempDir({'a.md': jargon, 'b.html': `<p>${plain}</p>`})
    const cli = JSON.parse((await runCli(['check', '.', '--format', 'json'], {cwd: dir})).stdout)
    const api = await checkFiles(['.'], {cwd: dir})
    expect(cli).toEqual(JSON.parse(JSON.stringify(api)))
  })

  it('--output writes the report to a file and nothing to the screen', async () => {
    const dir = tempDir({'a.md': jargon})
    const result = await runCli(['check', 'a.md', '--format', 'json', '--output', 'report.json'], {cwd: dir})
    expect(result.stdout).toBe('')
    expect(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')).summary.files).toBe(1)
    expect(result.code).toBe(1)
  })

  it('uses colour only on a terminal, and honours NO_COLOR, FORCE_COLOR and --no-color', async () => {
    const dir = tempDir({'a.md': jargon})
    const escape = /\u001B\[/
    expect((await runCli(['check', 'a.md'], {cwd: dir})).stdout).not.toMatch(escape)
    expect((await runCli(['check', 'a.md'], {cwd: dir, isTTY: true})).stdout).toMatch(escape)
    expect((await runCli(['check', 'a.md'], {cwd: dir, isTTY: true, env: {NO_COLOR: '1'}})).stdout).not.toMatch(escape)
    expect((await runCli(['check', 'a.md', '--no-color'], {cwd: dir, isTTY: true})).stdout).not.toMatch(escape)
    expect((await runCli(['check', 'a.md'], {cwd: dir, env: {FORCE_COLOR: '1'}})).stdout).toMatch(escape)
  })

  it('--no-simplify leaves out wordy-phrase suggestions', async () => {
    const dir = tempDir({'a.md': 'We have a number of ways to help.\n'})
    expect((await runCli(['check', 'a.md'], {cwd: dir})).stdout).toContain('simplify/a-number-of')
    expect((await runCli(['check', 'a.md', '--no-simplify'], {cwd: dir})).stdout).not.toContain('simplify/')
  })

  it('--quiet shows only findings that fail the check, and the exit code is unchanged', async () => {
    const dir = tempDir({'a.md': 'We have a number of ways to leverage it.\n'})
    const result = await runCli(['check', 'a.md', '--quiet'], {cwd: dir})
    expect(result.stdout).toContain('jargon/leverage')
    expect(result.stdout).not.toContain('simplify/a-number-of')
    expect(result.code).toBe(1)
  })
})

describe('help and version', () => {
  it('--help lists the commands with one-line descriptions and the exit codes', async () => {
    const result = await runCli(['--help'], {cwd: tempDir()})
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/check \[options\] \[paths\.\.\.\]\s+check documents for jargon, long sentences and\s+reading age/)
    expect(result.stdout).toMatch(/help \[command\] +show help for a command/)
    expect(result.stdout).toContain('Exit codes:')
  })

  it('check --help explains the options, exit codes and how reading age is combined', async () => {
    const result = await runCli(['check', '--help'], {cwd: tempDir()})
    expect(result.stdout).toContain('--target-age <age>')
    expect(result.stdout).toContain('average of the three syllable-based grade formulas')
    expect(result.stdout).toContain('2  could not do the job')
  })

  it('--version prints the version from package.json', async () => {
    const result = await runCli(['--version'], {cwd: tempDir()})
    expect(result.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version)
    expect(result.code).toBe(0)
  })
})

describe('a word used again and again', () => {
  const text = 'Please utilise the form.\n\nStaff utilise it too.\n\nYou can utilise the app, or utilise the phone.\n'

  it('is shown once in the terminal, at its first use, with how many more times and where', async () => {
    const dir = tempDir({'leaflet.md': text})
    const result = await runCli(['check', 'leaflet.md', '--no-config', '--no-color'], {cwd: dir})
    const listed = result.stdout.split('\n').filter((line) => line.includes('jargon/utilise'))
    expect(listed).toHaveLength(1)
    expect(listed[0]).toMatch(/^\s+1:8\s/)
    expect(result.stdout).toContain('Used 3 more times: lines 3 and 5.')
    expect(result.stdout).toContain('3 later uses of the same words are counted under their first use (--show-repeats lists each one).')
    // The totals still count every use (and the reading age, 2 above the target, is a suggestion).
    expect(result.stdout).toContain('4 warnings, 1 suggestion')
    const every = await runCli(['check', 'leaflet.md', '--no-config', '--no-color', '--show-repeats'], {cwd: dir})
    expect(every.stdout.split('\n').filter((line) => line.includes('jargon/utilise'))).toHaveLength(4)
    expect(every.stdout).not.toContain('more times')
  })

  it('is every use in the machine formats, each numbered, and --fix fixes them all', async () => {
    const dir = tempDir({'leaflet.md': text})
    const json = JSON.parse((await runCli(['check', 'leaflet.md', '--no-config', '--format', 'json'], {cwd: dir})).stdout)
    const uses = json.files[0].findings.filter((finding: {ruleId: string}) => finding.ruleId === 'jargon/utilise')
    expect(uses.map((finding: {line: number; occurrence: number; occurrences: number}) => [finding.line, finding.occurrence, finding.occurrences])).toEqual([
      [1, 1, 4],
      [3, 2, 4],
      [5, 3, 4],
      [5, 4, 4]
    ])
    // Findings about sentences or the document are not numbered.
    for (const finding of json.files[0].findings) if (!finding.ruleId.includes('/')) expect(finding.occurrence).toBeUndefined()
    const github = (await runCli(['check', 'leaflet.md', '--no-config', '--format', 'github'], {cwd: dir})).stdout.split('\n').filter((line) => line.includes('jargon/utilise'))
    expect(github).toHaveLength(4)
    expect(github[0]).toContain('(First of 4 uses in this file)')
    expect(github[3]).toContain('(Use 4 of 4 in this file)')
    const sarif = JSON.parse((await runCli(['check', 'leaflet.md', '--no-config', '--format', 'sarif'], {cwd: dir})).stdout)
    const results = sarif.runs[0].results.filter((result: {ruleId: string}) => result.ruleId === 'jargon/utilise')
    expect(results.map((result: {properties: {occurrence: number; occurrences: number}}) => `${result.properties.occurrence}/${result.properties.occurrences}`)).toEqual(['1/4', '2/4', '3/4', '4/4'])
    const junit = (await runCli(['check', 'leaflet.md', '--no-config', '--format', 'junit'], {cwd: dir})).stdout
    expect(junit).toContain('(Use 2 of 4 in this file)')
    const csv = (await runCli(['check', 'leaflet.md', '--no-config', '--format', 'csv'], {cwd: dir})).stdout.split('\r\n').filter((line) => line.includes('jargon/utilise'))
    expect(csv.map((line) => line.split(',').slice(-2).join('/'))).toEqual(['1/4', '2/4', '3/4', '4/4'])
    await runCli(['check', 'leaflet.md', '--no-config', '--fix'], {cwd: dir})
    expect(readFileSync(path.join(dir, 'leaflet.md'), 'utf8')).toBe(text.replaceAll('utilise', 'use'))
  })
})
