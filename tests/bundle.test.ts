/**
 * The command runs from one bundled file (scripts/bundle.mjs, loaded by
 * bin/load-bundle.js). It must behave exactly like the modules it was made
 * from: the same report, byte for byte, for every kind of file, on one
 * thread or several, and for a glossary problem.
 */
import {spawnSync} from 'node:child_process'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {leafletDocx, leafletPdf} from './fixtures/documents.js'
import {runCli, tempDir} from './helpers.js'

const root = path.resolve(fileURLToPath(import.meta.url), '../..')
const bin = path.join(root, 'bin/plainly.js')

function bundled(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', GITHUB_ACTIONS: ''}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

async function both(args: string[], cwd: string) {
  const modules = await runCli(args, {cwd, env: {NO_COLOR: '1'}})
  return {bundled: bundled(args, cwd), modules}
}

describe('the bundled command', () => {
  it('gives the same reports as the modules it is made from, for every kind of file', async () => {
    const dir = tempDir({
      'leaflet.docx': await leafletDocx(),
      'leaflet.pdf': await leafletPdf(),
      'page.html': '<p>We will leverage our synergies with stakeholders.</p>',
      'notes.md': '# Notes\n\nWe utilise a holistic approach going forward.\n',
      'letter.txt': 'Please attend your appointment in order to facilitate your care.\n'
    })
    for (const format of ['json', 'terminal', 'sarif', 'html']) {
      const {bundled: fromBundle, modules} = await both(['check', '.', '--no-config', '--jobs', '1', '--format', format], dir)
      expect(fromBundle.stderr).toBe(modules.stderr)
      expect(fromBundle.stdout).toBe(modules.stdout)
      expect(fromBundle.code).toBe(modules.code)
    }
  }, 60_000)

  it('gives the same report with a config file, a team glossary, a glob pattern and colour', async () => {
    const dir = tempDir({
      'docs/notes.md': '# Notes\n\nWe utilise a holistic approach with our stakeholders.\n',
      'docs/letter.txt': 'Please leverage the synergy.\n',
      'team.yml': 'entries:\n  - id: synergy\n    term: synergy\n    alternatives: [working together]\n    note: Few people say it.\n    severity: warning\n    source: tests\n    licence: MIT\n',
      '.plainlyrc.yml': 'targetAge: 12\nglossaries: [team.yml]\nallow: [holistic]\n'
    })
    for (const args of [['check', 'docs/*.md', 'docs/*.txt', '--format', 'json'], ['check', 'docs', '--color']]) {
      const modules = await runCli(args, {cwd: dir, env: {FORCE_COLOR: '1'}})
      const fromBundle = spawnSync(process.execPath, [bin, ...args], {cwd: dir, encoding: 'utf8', env: {...process.env, FORCE_COLOR: '1', NO_COLOR: '', GITHUB_ACTIONS: ''}})
      expect(fromBundle.stdout).toBe(modules.stdout)
      expect(fromBundle.stdout).toContain('synergy')
      expect(fromBundle.status).toBe(modules.code)
    }
  }, 60_000)

  it('gives the same report with worker threads', async () => {
    const files = Object.fromEntries(Array.from({length: 12}, (_, index) => [`docs/${index}.md`, `Page ${index}. We leverage our stakeholders.\n`]))
    const dir = tempDir(files)
    const {bundled: fromBundle, modules} = await both(['check', 'docs', '--no-config', '--jobs', '2', '--format', 'json'], dir)
    expect(fromBundle.stdout).toBe(modules.stdout)
    expect(fromBundle.code).toBe(1)
  }, 60_000)

  it('reports a glossary problem the same way, in the main thread and in workers', async () => {
    const files = Object.fromEntries(Array.from({length: 10}, (_, index) => [`docs/${index}.md`, 'Hello.\n']))
    const dir = tempDir({...files, 'team.yml': 'entries:\n  - id: x\n    term: thing\n'})
    for (const jobs of ['1', '2']) {
      const {bundled: fromBundle, modules} = await both(['check', 'docs', '--no-config', '--glossary', 'team.yml', '--jobs', jobs], dir)
      expect(fromBundle.code).toBe(2)
      expect(fromBundle.stderr).toBe(modules.stderr)
    }
  }, 60_000)

  it('has a code cache that this Node takes', () => {
    // The loader bin/plainly.js runs, in a process of its own.
    const result = spawnSync(process.execPath, ['-e', "process.stdout.write(String(require('./bin/load-bundle.js').loadBundle().cached))"], {cwd: root, encoding: 'utf8'})
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe('true')
  })
})
