import {describe, expect, it} from 'vitest'
import {readFileSync, writeFileSync, existsSync} from 'node:fs'
import path from 'node:path'
import {runCli, tempDir} from './helpers.js'

const jargon = 'We will leverage our stakeholders.\n'
const plain = 'Your flu vaccine is free. Ring the surgery to book.\n'

describe('CI gates', () => {
  it('--max-warnings fails only when warnings exceed the number', async () => {
    const dir = tempDir({'a.md': 'We leverage it. Staff utilise it.\n'})
    const gate = (n: string) => runCli(['check', 'a.md', '--target-age', '99', '--max-warnings', n], {cwd: dir})
    expect((await gate('2')).code).toBe(0)
    expect((await gate('1')).code).toBe(1)
  })

  it('--max-reading-age fails when a document is above it', async () => {
    const dir = tempDir({'a.md': 'Consequently, implementation considerations necessitate comprehensive interdepartmental deliberation.\n'})
    expect((await runCli(['check', 'a.md', '--target-age', '99', '--max-reading-age', '12'], {cwd: dir})).code).toBe(1)
    expect((await runCli(['check', 'a.md', '--target-age', '99', '--max-reading-age', '99'], {cwd: dir})).code).toBe(0)
  })

  it('says on its last line which gate failed, and its threshold', async () => {
    const hard = 'Consequently, implementation considerations necessitate comprehensive interdepartmental deliberation.\n'
    const dir = tempDir({'a.md': 'We leverage it. Staff utilise it.\n', 'hard.md': hard, 'hard2.md': `${hard}\nThe organisational infrastructure necessitates comprehensive reconfiguration.\n`})
    const lastLine = async (...args: string[]) => {
      const result = await runCli(['check', ...args], {cwd: dir})
      return {code: result.code, line: result.stderr.trimEnd().split('\n').at(-1)}
    }
    expect(await lastLine('a.md', '--target-age', '99')).toEqual({code: 1, line: 'Failed: 2 warnings with --fail-on warning.'})
    writeFileSync(path.join(dir, 'b.md'), 'We leverage it in order to help.\n')
    expect(await lastLine('b.md', '--target-age', '99', '--fail-on', 'suggestion')).toEqual({code: 1, line: 'Failed: 1 warning and 1 suggestion with --fail-on suggestion.'})
    expect(await lastLine('a.md', '--target-age', '99', '--max-warnings', '1')).toEqual({code: 1, line: 'Failed: 2 warnings, more than --max-warnings 1.'})
    expect(await lastLine('a.md', '--target-age', '99', '--max-warnings', '2')).toEqual({code: 0, line: ''})
    expect(await lastLine('hard.md', '--target-age', '99', '--max-reading-age', '12')).toMatchObject({code: 1, line: expect.stringMatching(/^Failed: reading age \d+ of hard\.md is above --max-reading-age 12\.$/)})
    expect(await lastLine('hard.md', 'hard2.md', '--target-age', '99', '--fail-on', 'never', '--max-reading-age', '12')).toMatchObject({
      code: 1,
      line: expect.stringMatching(/^Failed: 2 documents have a reading age above --max-reading-age 12 \(the highest is \d+, hard2?\.md\)\.$/)
    })
    // A reading age above target is a warning finding, named with the others.
    expect(await lastLine('hard.md')).toEqual({code: 1, line: 'Failed: 1 warning with --fail-on warning.'})
    // Several gates at once, and a gate from a settings file is named with the file.
    writeFileSync(path.join(dir, '.plainlyrc.yml'), 'maxWarnings: 0\nmaxReadingAge: 12\nfailOn: error\n')
    expect(await lastLine('hard.md')).toMatchObject({code: 1, line: expect.stringMatching(/^Failed: 1 warning, more than maxWarnings: 0 in \.plainlyrc\.yml; reading age \d+ of hard\.md is above maxReadingAge: 12 in \.plainlyrc\.yml\.$/)})
  })

  it('config can set the gates', async () => {
    const dir = tempDir({'a.md': 'We leverage it.\n', '.plainlyrc.yml': 'targetAge: 99\nmaxWarnings: 5\n'})
    expect((await runCli(['check', 'a.md'], {cwd: dir})).code).toBe(0)
    writeFileSync(path.join(dir, '.plainlyrc.yml'), 'targetAge: 99\nfailOn: never\n')
    expect((await runCli(['check', 'a.md'], {cwd: dir})).code).toBe(0)
  })
})

describe('baseline', () => {
  it('records findings, then fails only on new ones, surviving edits that move lines', async () => {
    const dir = tempDir({'a.md': `# Notes\n\n${jargon}`})
    const recorded = await runCli(['baseline', 'a.md', '--output', 'baseline.json', '--target-age', '99'], {cwd: dir})
    expect(recorded.code).toBe(0)
    expect(recorded.stderr).toBe('plainly: recorded 2 findings from 1 file in baseline.json\n')
    expect(JSON.parse(readFileSync(path.join(dir, 'baseline.json'), 'utf8')).entries).toHaveLength(2)

    // Unrelated lines added above: the same findings, on other lines.
    writeFileSync(path.join(dir, 'a.md'), `# Notes\n\nA new first paragraph.\n\nAnd another.\n\n${jargon}`)
    const same = await runCli(['check', 'a.md', '--baseline', 'baseline.json', '--target-age', '99', '--format', 'json'], {cwd: dir})
    expect(same.code).toBe(0)
    const report = JSON.parse(same.stdout)
    expect(report.files[0].findings).toEqual([])
    expect(report.files[0].suppressed.map((finding: {suppression: {kind: string}}) => finding.suppression.kind)).toEqual(['baseline', 'baseline'])

    // A new problem fails the check.
    writeFileSync(path.join(dir, 'a.md'), `# Notes\n\n${jargon}\nWe must facilitate this.\n`)
    const fresh = await runCli(['check', 'a.md', '--baseline', 'baseline.json', '--target-age', '99', '--format', 'json'], {cwd: dir})
    expect(fresh.code).toBe(1)
    expect(JSON.parse(fresh.stdout).files[0].findings.map((finding: {ruleId: string}) => finding.ruleId)).toEqual(['jargon/facilitate'])
  })

  it('counts repeats: a second copy of a known problem is new', async () => {
    const dir = tempDir({'a.md': 'We leverage it.\n'})
    await runCli(['baseline', 'a.md', '-o', 'b.json', '--target-age', '99'], {cwd: dir})
    writeFileSync(path.join(dir, 'a.md'), 'We leverage it. We leverage that.\n')
    const result = JSON.parse((await runCli(['check', 'a.md', '--baseline', 'b.json', '--target-age', '99', '-f', 'json'], {cwd: dir})).stdout)
    expect(result.files[0].findings).toHaveLength(1)
  })

  it('a missing or damaged baseline is a clear error', async () => {
    const dir = tempDir({'a.md': plain, 'bad.json': '{"version": 7}'})
    expect((await runCli(['check', 'a.md', '--baseline', 'none.json'], {cwd: dir})).stderr).toBe('plainly: none.json: cannot find this baseline file\n')
    expect((await runCli(['check', 'a.md', '--baseline', 'bad.json'], {cwd: dir})).stderr).toMatch(/^plainly: bad\.json: this is not a plainly baseline file/)
    expect((await runCli(['baseline', 'a.md'], {cwd: dir})).stderr).toContain('say where to write the baseline with --output')
  })
})

describe('batches', () => {
  const many = Object.fromEntries(
    Array.from({length: 30}, (_, index) => [`docs/file-${String(index).padStart(2, '0')}.md`, index % 3 === 0 ? jargon : index % 3 === 1 ? plain : 'We met in order to talk about co-production.\n'])
  )

  it('gives byte-identical JSON with one worker or several, and with and without the cache', async () => {
    const dir = tempDir(many)
    const one = await runCli(['check', 'docs', '--format', 'json', '--jobs', '1'], {cwd: dir})
    const two = await runCli(['check', 'docs', '--format', 'json', '--jobs', '2'], {cwd: dir})
    expect(two.stdout).toBe(one.stdout)
    expect(two.code).toBe(one.code)
    const cold = await runCli(['check', 'docs', '--format', 'json', '--cache'], {cwd: dir})
    const warm = await runCli(['check', 'docs', '--format', 'json', '--cache'], {cwd: dir})
    expect(cold.stdout).toBe(one.stdout)
    expect(warm.stdout).toBe(one.stdout)
    // A hidden file where plainly runs, never a node_modules folder among the documents.
    expect(existsSync(path.join(dir, '.plainlycache'))).toBe(true)
    expect(existsSync(path.join(dir, 'node_modules'))).toBe(false)
    // A folder walk never checks it.
    expect(JSON.parse(warm.stdout).files.map((file: {path: string}) => file.path)).not.toContain('.plainlycache')
  })

  it('the cache notices changed files, settings and glossaries', async () => {
    const dir = tempDir({'a.md': plain, 'team.yml': 'entries:\n  - id: ring\n    term: ring\n    alternatives: [phone]\n    note: Test.\n    severity: warning\n    source: us\n    licence: MIT\n'})
    const run = async (...extra: string[]) => JSON.parse((await runCli(['check', 'a.md', '-f', 'json', '--cache-location', 'cache/', ...extra], {cwd: dir})).stdout).files[0]
    expect((await run()).findings).toEqual([])
    expect((await run('--glossary', 'team.yml')).findings.map((finding: {ruleId: string}) => finding.ruleId)).toEqual(['jargon/ring'])
    writeFileSync(path.join(dir, 'team.yml'), readFileSync(path.join(dir, 'team.yml'), 'utf8').replace('term: ring', 'term: surgery'))
    expect((await run('--glossary', 'team.yml')).findings.map((finding: {actual: string}) => finding.actual)).toEqual(['surgery'])
    writeFileSync(path.join(dir, 'a.md'), jargon)
    expect((await run()).findings.map((finding: {ruleId: string}) => finding.ruleId)).toContain('jargon/leverage')
    expect((await run('--target-age', '14')).readingAge.target).toEqual({min: 14, max: 14})
  })

  it('shows a progress bar on a terminal for long runs, but not in CI or with --quiet', async () => {
    const dir = tempDir(many)
    const progress = async (env: Record<string, string>, ...extra: string[]) => {
      const {fakeIo} = await import('./helpers.js')
      const io = fakeIo({cwd: dir, env})
      ;(io.stderr as {isTTY?: boolean}).isTTY = true
      const {run} = await import('../src/cli/run.js')
      await run(['check', 'docs', '--jobs', '1', ...extra], io)
      return io.err()
    }
    expect(await progress({})).toMatch(/\[#+\.*\] \d+\/30 files/)
    // Only the line that says why the check failed.
    expect(await progress({CI: 'true'})).toBe('Failed: 40 warnings with --fail-on warning.\n')
    expect(await progress({}, '--quiet')).toBe('Failed: 40 warnings with --fail-on warning.\n')
  })
})

describe('output choices', () => {
  it('uses GitHub annotations by default inside GitHub Actions, and terminal otherwise', async () => {
    const dir = tempDir({'a.md': 'We leverage it.\n'})
    const actions = await runCli(['check', 'a.md', '--no-config'], {cwd: dir, env: {GITHUB_ACTIONS: 'true'}})
    expect(actions.stdout).toMatch(/^::warning file=a\.md,line=1,col=4,/m)
    const local = await runCli(['check', 'a.md', '--no-config'], {cwd: dir})
    expect(local.stdout).not.toContain('::warning')
    expect(local.stdout).toContain('jargon/leverage')
  })

  it('writes several formats from one run, one to the screen and the others to files', async () => {
    const dir = tempDir({'a.md': 'We leverage it.\n'})
    const result = await runCli(['check', 'a.md', '--no-config', '--format', 'terminal', '--format', 'sarif:out.sarif', '--format', 'html:report.html', '--format', 'junit:junit.xml', '--format', 'csv:rows.csv', '--format', 'markdown:summary.md'], {cwd: dir})
    expect(result.stdout).toContain('jargon/leverage')
    expect(JSON.parse(readFileSync(path.join(dir, 'out.sarif'), 'utf8')).version).toBe('2.1.0')
    expect(readFileSync(path.join(dir, 'report.html'), 'utf8')).toContain('Content-Security-Policy')
    expect(readFileSync(path.join(dir, 'junit.xml'), 'utf8')).toContain('<testsuite')
    expect(readFileSync(path.join(dir, 'rows.csv'), 'utf8')).toContain('jargon/leverage')
    expect(readFileSync(path.join(dir, 'summary.md'), 'utf8')).toContain('leverage')
    expect(result.code).toBe(1)
    // One line for each file written, then why the check failed; none of it with --quiet but that last line.
    expect(result.stderr).toBe(
      [
        'plainly: wrote the SARIF report to out.sarif',
        'plainly: wrote the HTML report to report.html',
        'plainly: wrote the JUnit report to junit.xml',
        'plainly: wrote the CSV report to rows.csv',
        'plainly: wrote the Markdown report to summary.md',
        'Failed: 2 warnings with --fail-on warning.',
        ''
      ].join('\n')
    )
    const quiet = await runCli(['check', 'a.md', '--no-config', '--quiet', '--output', 'report.json', '--format', 'json'], {cwd: dir})
    expect(quiet.stderr).toBe('Failed: 2 warnings with --fail-on warning.\n')
    const loud = await runCli(['check', 'a.md', '--no-config', '--output', 'report.json', '--format', 'json'], {cwd: dir})
    expect(loud.stderr).toBe('plainly: wrote the JSON report to report.json\nFailed: 2 warnings with --fail-on warning.\n')
  })

  it('refuses two formats on the screen, and --output with several formats', async () => {
    const dir = tempDir({'a.md': 'Hello.\n'})
    expect((await runCli(['check', 'a.md', '-f', 'json', '-f', 'terminal'], {cwd: dir})).stderr).toContain('only one format can go to the screen')
    expect((await runCli(['check', 'a.md', '-f', 'json', '-f', 'sarif:x.sarif', '-o', 'y.json'], {cwd: dir})).stderr).toContain('--output works with one format')
    expect((await runCli(['check', 'a.md', '-f', 'pdf'], {cwd: dir})).stderr).toContain('unknown format "pdf"')
  })
})

describe("plainly's own output", () => {
  it('is never checked by a later run, whatever its name, in any format, with or without the cache and workers', async () => {
    const dir = tempDir({'docs/a.md': 'We leverage our stakeholders.\n', 'docs/b.txt': 'Plain words here.\n'})
    const formats = ['html:docs/report.html', 'markdown:docs/summary.md', 'csv:docs/rows.txt', 'json:docs/report.txt', 'sarif:docs/scan.txt', 'junit:docs/junit.html']
    const first = await runCli(['check', 'docs', '--no-config', ...formats.flatMap((format) => ['--format', format]), '--format', 'terminal'], {cwd: dir})
    expect(first.code).toBe(1)
    await runCli(['baseline', 'docs', '--no-config', '--output', 'docs/baseline.md'], {cwd: dir})
    // A file of the user's that only mentions plainly is still checked.
    writeFileSync(path.join(dir, 'docs/about.md'), '<!-- a note -->\nThe generator is plainly. We leverage it.\n')
    for (const extra of [[], ['--cache'], ['--cache'], ['--jobs', '2']]) {
      const second = await runCli(['check', 'docs', '--no-config', '--format', 'json', ...extra], {cwd: dir})
      expect(JSON.parse(second.stdout).files.map((file: {path: string}) => file.path)).toEqual(['docs/a.md', 'docs/about.md', 'docs/b.txt'])
      expect(second.stderr).toContain('plainly: left out 7 reports that plainly wrote (docs/baseline.md, docs/junit.html, docs/report.html and 4 more)\n')
    }
    // Named directly, it is left out too.
    const named = await runCli(['check', 'docs/report.txt', 'docs/a.md', '--no-config', '--format', 'json'], {cwd: dir})
    expect(JSON.parse(named.stdout).files.map((file: {path: string}) => file.path)).toEqual(['docs/a.md'])
    expect(named.stderr).toContain('plainly: left out a report that plainly wrote (docs/report.txt)\n')
  })
})

describe('one batch for the command and the library', () => {
  it("gives the command's JSON from checkFiles, with an ignore file, overrides and a team glossary", async () => {
    const {checkFiles} = await import('../src/index.js')
    const dir = tempDir({
      '.plainlyignore': 'drafts/\n*.tmp.md\n',
      '.plainlyrc.yml': 'glossaries: [team.yml]\noverrides:\n  - files: ["easy-read/**"]\n    targetAge: 9\n    maxSentenceWords: 12\n  - files: ["staff/**"]\n    allow: [leverage]\n',
      'team.yml': 'entries:\n  - id: synergy\n    term: synergy\n    alternatives: [working together]\n    note: Few people say it.\n    severity: warning\n    source: tests\n    licence: MIT\n',
      'docs/a.md': jargon,
      'docs/b.md': 'Our synergy with partners helps everyone in the area get the care that they need when they need it most.\n',
      'docs/c.tmp.md': jargon,
      'drafts/d.md': jargon,
      'easy-read/e.md': 'Your flu vaccine is free, and you can ring the surgery at any time to book it.\n',
      'staff/f.md': jargon
    })
    const command = await runCli(['check', '.', '--format', 'json'], {cwd: dir})
    const api = await checkFiles(['.'], {cwd: dir})
    expect(`${JSON.stringify(api, null, 2)}\n`).toBe(command.stdout)
    // What each setting did, so the two cannot agree by doing nothing.
    const byPath = Object.fromEntries(api.files.map((file) => [file.path, file]))
    expect(Object.keys(byPath).sort()).toEqual(['docs/a.md', 'docs/b.md', 'easy-read/e.md', 'staff/f.md'])
    expect(byPath['docs/b.md']!.findings.map((finding) => finding.ruleId)).toContain('jargon/synergy')
    expect(byPath['easy-read/e.md']!.findings.map((finding) => finding.ruleId)).toContain('long-sentence')
    expect(byPath['staff/f.md']!.findings.map((finding) => finding.ruleId)).not.toContain('jargon/leverage')
    expect(byPath['docs/a.md']!.findings.map((finding) => finding.ruleId)).toContain('jargon/leverage')
  })
})
