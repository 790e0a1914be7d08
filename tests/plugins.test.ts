/**
 * Other retext plugins, added in a settings file (`plugins:`): real ones
 * (retext-passive, retext-intensify, installed as dev dependencies) and a
 * small one written here, installed beside the settings file as a team
 * would install it.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, symlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import retextPassive from 'retext-passive'
import {describe, expect, it} from 'vitest'
import {createChecker} from '../src/core/checker.js'
import {checkFiles, loadCheckerData} from '../src/index.js'
import {REPORTER_NAMES} from '../src/reporters/index.js'
import {runCli, tempDir} from './helpers.js'

const root = path.resolve(fileURLToPath(import.meta.url), '../..')
const bin = path.join(root, 'bin/plainly.js')

const TEXT = 'The window was broken by the wind. It is probably fine.\n\n<!-- plainly-disable-next-line retext-passive -- the wind did it -->\nThe letter was sent.\n'

/** A folder with its own node_modules holding the real plugins (linked) and any made here. */
function project(files: Record<string, string>, own: Record<string, string> = {}): string {
  const dir = tempDir(files)
  mkdirSync(path.join(dir, 'node_modules'))
  for (const name of ['retext-passive', 'retext-intensify']) symlinkSync(path.join(root, 'node_modules', name), path.join(dir, 'node_modules', name), 'dir')
  for (const [name, code] of Object.entries(own)) {
    mkdirSync(path.join(dir, 'node_modules', name))
    writeFileSync(path.join(dir, 'node_modules', name, 'package.json'), JSON.stringify({name, version: '1.0.0', type: 'module', exports: './index.js'}))
    writeFileSync(path.join(dir, 'node_modules', name, 'index.js'), code)
  }
  return dir
}

/** A plugin that flags one word, named in its options (or "urgent"). */
const shout = (message: string) => `export default function shout(options = {}) {
  const word = options.word ?? 'urgent'
  return (tree, file) => {
    const text = String(file)
    let at = text.toLowerCase().indexOf(word)
    while (at !== -1) {
      const before = text.slice(0, at)
      const line = before.split('\\n').length
      const column = at - before.lastIndexOf('\\n')
      const found = file.message(${JSON.stringify(message)}, {place: {start: {line, column, offset: at}, end: {line, column: column + word.length, offset: at + word.length}}, ruleId: word, source: 'shout'})
      found.actual = text.slice(at, at + word.length)
      at = text.toLowerCase().indexOf(word, at + 1)
    }
  }
}
`

async function json(args: string[], cwd: string) {
  const result = await runCli([...args, '--format', 'json'], {cwd})
  return {...result, report: result.stdout ? JSON.parse(result.stdout) : undefined}
}

const ruleIds = (report: {files: Array<{findings: Array<{ruleId: string}>}>}) => report.files.flatMap((file) => file.findings.map((finding) => finding.ruleId))

describe('other retext plugins', () => {
  it('run with their own rule ids, severities and options, in every report format', async () => {
    const dir = project({
      '.plainlyrc.yml': 'plugins:\n  - retext-passive\n  - package: retext-intensify\n    severity: suggestion\n    options: {ignore: [fine]}\n',
      'a.md': TEXT
    })
    const {report, code} = await json(['check', 'a.md'], dir)
    expect(code).toBe(1)
    const findings = report.files[0].findings
    expect(findings.find((finding: {ruleId: string}) => finding.ruleId === 'retext-passive/broken')).toMatchObject({severity: 'warning', line: 1, column: 16, actual: 'broken'})
    expect(findings.find((finding: {ruleId: string}) => finding.ruleId === 'retext-intensify/weasel')).toMatchObject({severity: 'suggestion', actual: 'probably'})
    // The comment switched off the passive voice on line 4, and says why.
    expect(ruleIds(report)).not.toContain('retext-passive/sent')
    expect(report.files[0].suppressed).toEqual([expect.objectContaining({ruleId: 'retext-passive/sent', suppression: {kind: 'comment', reason: 'the wind did it', line: 3}})])
    for (const format of REPORTER_NAMES) {
      const output = (await runCli(['check', 'a.md', '--format', format], {cwd: dir})).stdout
      expect(output, format).toContain('retext-passive/broken')
    }
  })

  it('are switched off and on by rules: and comments, by family or one rule, and typos are caught', async () => {
    const dir = project({'a.md': TEXT})
    const withRules = async (rules: string) => {
      writeFileSync(path.join(dir, '.plainlyrc.yml'), `plugins: [retext-passive, retext-intensify]\nrules:\n${rules}`)
      return json(['check', 'a.md'], dir)
    }
    expect(ruleIds((await withRules('  retext-passive: off\n')).report)).toEqual(expect.not.arrayContaining(['retext-passive/broken']))
    expect(ruleIds((await withRules('  retext-passive/*: off\n')).report)).toEqual(expect.not.arrayContaining(['retext-passive/broken']))
    const one = (await withRules('  retext-intensify/weasel: error\n')).report
    expect(one.files[0].findings.find((finding: {ruleId: string}) => finding.ruleId === 'retext-intensify/weasel').severity).toBe('error')
    const typo = await withRules('  retext-pasive: off\n')
    expect(typo.code).toBe(2)
    expect(typo.stderr).toBe('plainly: settings problem: .plainlyrc.yml:3: unknown rule "retext-pasive" under "rules" (did you mean "retext-passive"?)\n')
  })

  it('stop the run with one clear line when a plugin is not installed or is not a plugin', async () => {
    const missing = project({'.plainlyrc.yml': 'targetAge: 11\nplugins:\n  - retext-passive\n  - retext-nonsense\n', 'a.md': TEXT})
    const result = await runCli(['check', 'a.md'], {cwd: missing})
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('plainly: settings problem: .plainlyrc.yml:4: the plugin "retext-nonsense" is not installed: install it beside this settings file (npm install --save-dev retext-nonsense)\n')
    expect(result.stdout).toBe('')

    const notPlugin = project({'.plainlyrc.yml': 'plugins: [not-a-plugin]\n', 'a.md': TEXT}, {'not-a-plugin': 'export default 42\n'})
    const bad = await runCli(['check', 'a.md'], {cwd: notPlugin})
    expect(bad.code).toBe(2)
    expect(bad.stderr).toBe('plainly: settings problem: .plainlyrc.yml:1: "not-a-plugin" is not a retext plugin: it does not export a plugin function\n')

    const shape = project({'.plainlyrc.yml': 'plugins:\n  - package: retext-passive\n    severity: loud\n', 'a.md': TEXT})
    const wrong = await runCli(['check', 'a.md'], {cwd: shape})
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toMatch(/^plainly: settings problem: \.plainlyrc\.yml:2: each plugin must be a package name, such as retext-passive, or a map with "package:"/)
  })

  it('are cached like the rest: a new version or new options of a plugin checks the files again', async () => {
    const dir = project({'.plainlyrc.yml': 'plugins: [shout]\n', 'a.md': 'This is urgent. Read it now.\n'}, {shout: shout('Do not shout')})
    // Each run in a process of its own, as people run it (Node keeps an imported module for the life of a process).
    const run = () => {
      const result = spawnSync(process.execPath, [bin, 'check', 'a.md', '--cache', '--format', 'json'], {cwd: dir, encoding: 'utf8'})
      return {stdout: result.stdout, report: JSON.parse(result.stdout)}
    }
    const message = (report: {files: Array<{findings: Array<{ruleId: string; message: string}>}>}) => report.files[0]!.findings.find((finding) => finding.ruleId === 'shout/urgent')?.message
    const first = run()
    expect(message(first.report)).toBe('Do not shout')
    // The same settings and files: from the cache, the same report.
    expect(existsSync(path.join(dir, '.plainlycache'))).toBe(true)
    expect(run().stdout).toBe(first.stdout)
    // The plugin's code changes (a new version installed): checked again.
    writeFileSync(path.join(dir, 'node_modules/shout/index.js'), shout('Please do not shout'))
    expect(message(run().report)).toBe('Please do not shout')
    // New options: checked again.
    writeFileSync(path.join(dir, '.plainlyrc.yml'), 'plugins:\n  - package: shout\n    options: {word: now}\n')
    expect(ruleIds(run().report)).toContain('shout/now')
  })

  it('run the same in worker threads, in the bundled command and through the library', async () => {
    const files = Object.fromEntries(Array.from({length: 10}, (_, index) => [`docs/${index}.md`, `Page ${index}. ${TEXT}`]))
    const dir = project({'.plainlyrc.yml': 'plugins: [retext-passive, retext-intensify]\n', ...files})
    const one = await json(['check', 'docs', '--jobs', '1'], dir)
    const pooled = await json(['check', 'docs', '--jobs', '2'], dir)
    expect(pooled.stdout).toBe(one.stdout)
    expect(ruleIds(one.report).filter((id) => id === 'retext-passive/broken')).toHaveLength(10)
    const bundled = spawnSync(process.execPath, [bin, 'check', 'docs', '--jobs', '1', '--format', 'json'], {cwd: dir, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', GITHUB_ACTIONS: ''}})
    expect(bundled.stderr).toBe(one.stderr)
    expect(bundled.stdout).toBe(one.stdout)
    const api = await checkFiles(['docs'], {cwd: dir})
    expect(JSON.stringify(api, null, 2)).toBe(one.stdout.trimEnd())
  }, 60_000)

  it('can be given to the checker itself, as functions', async () => {
    const checker = createChecker({data: loadCheckerData(), plugins: [{name: 'retext-passive', plugin: retextPassive, severity: 'suggestion'}]})
    const {result} = await checker.check({path: 'a.txt', text: 'The window was broken by the wind.\n'})
    expect(result.findings.find((finding) => finding.ruleId === 'retext-passive/broken')?.severity).toBe('suggestion')
    expect(() => createChecker({data: loadCheckerData(), plugins: [{name: 'jargon', plugin: retextPassive}]})).toThrow(/plainly's own rules/)
  })
})
