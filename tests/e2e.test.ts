/**
 * A handful of end-to-end tests that run the real bin/plainly.js (built by
 * `npm test`'s pretest step) in a child process.
 */
import {describe, expect, it} from 'vitest'
import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {tempDir} from './helpers.js'

const root = path.resolve(fileURLToPath(import.meta.url), '../..')
const bin = path.join(root, 'bin/plainly.js')

function plainly(args: string[], options: {cwd?: string; input?: string} = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    input: options.input ?? '',
    encoding: 'utf8',
    env: {...process.env, NO_COLOR: '', FORCE_COLOR: undefined, GITHUB_ACTIONS: undefined}
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

describe('bin/plainly.js', () => {
  it('--version prints the package version', () => {
    const result = plainly(['--version'])
    expect(result).toMatchObject({code: 0, stderr: ''})
    expect(result.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version)
  })

  it('--help lists the commands', () => {
    const result = plainly(['--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Usage: plainly')
    expect(result.stdout).toContain('check [options] [paths...]')
  })

  it('exits 0 on the plain example, with no colour codes in a pipe', () => {
    const result = plainly(['check', 'examples/plain-leaflet.md'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('✔ 1 file checked: no problems found.')
    expect(result.stdout).not.toMatch(/\u001B\[/)
  })

  it('exits 1 on the jargon example', () => {
    const result = plainly(['check', 'examples/jargon-leaflet.md'])
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('jargon/assurance')
  })

  it('exits 2 with one line for a bad glossary, and no stack trace', () => {
    const dir = tempDir({'a.md': 'Hello.\n', 'bad.yml': 'entries:\n  - id: x\n    term: [oops\n'})
    const result = plainly(['check', 'a.md', '--glossary', 'bad.yml'], {cwd: dir})
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^plainly: glossary problem: bad\.yml:\d+: this is not valid YAML/)
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(result.stdout).toBe('')
  })

  it('reads standard input and writes JSON that parses', () => {
    const result = plainly(['check', '-', '--stdin-filename', 'letter.txt', '--format', 'json'], {input: 'Going forward we will leverage this.\n'})
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout)
    expect(report.files[0].path).toBe('letter.txt')
    expect(report.files[0].findings.map((finding: {ruleId: string}) => finding.ruleId)).toEqual(expect.arrayContaining(['jargon/going-forward', 'jargon/leverage']))
  })

  it('checks the bundled examples folder', () => {
    const result = plainly(['check', 'examples/', '--format', 'json'])
    const report = JSON.parse(result.stdout)
    expect(report.files.map((file: {path: string}) => file.path)).toEqual([
      'examples/appointment-letter.txt',
      'examples/jargon-leaflet.md',
      'examples/plain-leaflet.md',
      'examples/surgery-page.html'
    ])
    expect(result.code).toBe(1)
  })
})
