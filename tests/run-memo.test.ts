import {describe, expect, it} from 'vitest'
import {spawnSync} from 'node:child_process'
import {appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {run} from '../src/cli/run.js'
import {replay, saveRun, watchedPaths, type RunContext, type RunInputs} from '../src/io/run-memo.js'
import {entryYaml, fakeIo, glossaryYaml, tempDir} from './helpers.js'

const jargon = 'We will leverage our stakeholders to deliver assurance.\n'
const plain = 'Ring the surgery to book. A nurse will see you.\n'
/** A clock far enough ahead that every stamp can be trusted (files made a moment ago are not, see io/run-memo.ts). */
const later = () => BigInt(Date.now() + 10_000) * 1_000_000n

/** A folder to check (a settings file, a team glossary, two documents in a sub-folder), and a cache folder of its own. */
function project() {
  const dir = tempDir({
    '.plainlyrc.yml': 'glossaries: [team.yml]\n',
    'team.yml': glossaryYaml({id: 'widgetry', term: 'widgetry', alternatives: ['tools'], severity: 'warning'}),
    'docs/a.md': `# A\n\n${jargon}`,
    'docs/b.txt': plain
  })
  return {dir, env: {PLAINLY_CACHE_DIR: path.join(dir, '.user-cache')}}
}

/** Run plainly as bin/plainly.js would, and what it told `remember`. */
async function check(argv: string[], dir: string, env: Record<string, string>) {
  const io = fakeIo({cwd: dir, env})
  let inputs: RunInputs | undefined
  io.remember = (given) => (inputs = given)
  const code = await run(argv, io)
  const context: RunContext = {argv, cwd: dir, env, terminals: [false, false]}
  return {code, stdout: io.out(), stderr: io.err(), inputs, context}
}

function replayed(context: RunContext) {
  const out: Record<number, string> = {1: '', 2: ''}
  const code = replay(context, (fd, bytes) => (out[fd] += Buffer.from(bytes).toString('utf8')))
  return {code, stdout: out[1], stderr: out[2]}
}

/** Check, save the run's memo, and return what replaying it gives. */
async function checkAndSave(argv: string[], dir: string, env: Record<string, string>) {
  const first = await check(argv, dir, env)
  expect(first.inputs, 'a --cache run that wrote only its report is remembered').toBeDefined()
  const saved = saveRun(first.context, first.inputs!, {exitCode: first.code, stdout: [Buffer.from(first.stdout)], stderr: [Buffer.from(first.stderr)]}, {now: later})
  expect(saved).toBe(true)
  return first
}

describe('the run memo (--cache, nothing changed)', () => {
  const argv = ['check', 'docs', '--cache', '--format', 'json']

  it('knows what a run depended on: the files checked, the settings file and glossaries, the folders, and where settings files could be', async () => {
    const {dir, env} = project()
    const {inputs} = await check(argv, dir, env)
    expect(inputs!.files).toEqual(expect.arrayContaining([path.join(dir, 'docs/a.md'), path.join(dir, 'docs/b.txt'), path.join(dir, '.plainlyrc.yml'), path.join(dir, 'team.yml'), path.join(dir, '.plainlyignore')]))
    expect(inputs!.folders).toEqual([path.join(dir, 'docs')])
    const watched = watchedPaths(inputs!)
    // A settings file that is not there yet, in the documents' folder and above the project.
    expect(watched).toEqual(expect.arrayContaining([path.join(dir, 'docs/.plainlyrc.yml'), path.join(path.dirname(dir), 'package.json'), path.join(dir, 'docs/package.json')]))
  })

  it('writes the same report and exit code again while nothing has changed', async () => {
    const {dir, env} = project()
    const first = await checkAndSave(argv, dir, env)
    expect(first.code).toBe(1)
    expect(replayed(first.context)).toEqual({code: first.code, stdout: first.stdout, stderr: first.stderr})
  })

  const changes: Array<[string, (dir: string) => void]> = [
    ['a checked file is edited', (dir) => appendFileSync(path.join(dir, 'docs/b.txt'), 'More words.\n')],
    ['a file is added to a checked folder', (dir) => writeFileSync(path.join(dir, 'docs/c.md'), jargon)],
    ['a checked file is deleted', (dir) => rmSync(path.join(dir, 'docs/b.txt'))],
    ['the team glossary is edited in place', (dir) => appendFileSync(path.join(dir, 'team.yml'), `${entryYaml({id: 'nurse', term: 'nurse', alternatives: ['carer']})}\n`)],
    ['the settings file is edited in place', (dir) => appendFileSync(path.join(dir, '.plainlyrc.yml'), 'targetAge: 14\n')],
    ['a nearer settings file appears', (dir) => writeFileSync(path.join(dir, 'docs/.plainlyrc.yml'), 'targetAge: 14\n')],
    ['an ignore file appears', (dir) => writeFileSync(path.join(dir, '.plainlyignore'), 'docs/b.txt\n')]
  ]
  for (const [what, change] of changes) {
    it(`checks again when ${what}`, async () => {
      const {dir, env} = project()
      const first = await checkAndSave(argv, dir, env)
      change(dir)
      expect(replayed(first.context).code).toBeUndefined()
      // And the new run says what changed.
      const again = await check(argv, dir, env)
      expect(again.stdout).not.toBe(first.stdout)
    })
  }

  it('is one memo per command, folder and environment', async () => {
    const {dir, env} = project()
    const first = await checkAndSave(argv, dir, env)
    expect(replayed({...first.context, argv: [...argv, '--quiet']}).code).toBeUndefined()
    expect(replayed({...first.context, cwd: path.join(dir, 'docs')}).code).toBeUndefined()
    expect(replayed({...first.context, env: {...env, NO_COLOR: '1'}}).code).toBeUndefined()
    expect(replayed({...first.context, terminals: [true, false]}).code).toBeUndefined()
    // Variables that change no report do not matter.
    expect(replayed({...first.context, env: {...env, OLDPWD: '/somewhere'}}).code).toBe(first.code)
  })

  it('saves nothing for files changed a moment ago (their times could stay the same through another change)', async () => {
    const {dir, env} = project()
    const first = await check(argv, dir, env)
    expect(saveRun(first.context, first.inputs!, {exitCode: first.code, stdout: [Buffer.from(first.stdout)], stderr: []})).toBe(false)
    expect(replayed(first.context).code).toBeUndefined()
  })

  it('is not kept for a run that read standard input or a pattern, wrote files, or did not use the cache by file times', async () => {
    const {dir, env} = project()
    const output = path.join(dir, 'report.json')
    for (const other of [
      ['check', 'docs', '--format', 'json'],
      ['check', 'docs/*.md', '--cache'],
      ['check', 'docs', '--cache', '--output', output],
      ['check', 'docs', '--cache', '--fix'],
      ['check', 'docs', '--cache', '--fix-dry-run'],
      ['check', 'docs', '--cache-strategy', 'content']
    ]) {
      expect((await check(other, dir, env)).inputs, other.join(' ')).toBeUndefined()
    }
    const io = fakeIo({cwd: dir, env, stdin: jargon})
    let told = false
    io.remember = () => (told = true)
    await run(['check', '-', '--cache'], io)
    expect(told).toBe(false)
  })

  it('keeps only the newest memos', async () => {
    const {dir, env} = project()
    for (let index = 0; index < 34; index++) await checkAndSave([...argv, '--hardest', String(index)], dir, env)
    expect(readdirSync(path.join(env.PLAINLY_CACHE_DIR, 'runs')).filter((name) => name.endsWith('.memo')).length).toBe(32)
  })
})

describe('the run memo, end to end (bin/plainly.js)', () => {
  const bin = fileURLToPath(new URL('../bin/plainly.js', import.meta.url))

  it('replays an unchanged run without checking, and checks again after a change', async () => {
    const {dir, env} = project()
    // Files made a moment ago are not trusted: wait until they are.
    await new Promise((resolve) => setTimeout(resolve, 2100))
    const plainly = (...args: string[]) => spawnSync(process.execPath, [bin, 'check', 'docs', '--cache', '--format', 'json', ...args], {cwd: dir, env: {...process.env, ...env, NO_COLOR: '1'}, encoding: 'utf8'})
    const first = plainly()
    expect(first.status).toBe(1)
    const runs = path.join(env.PLAINLY_CACHE_DIR, 'runs')
    const [memo] = readdirSync(runs)
    expect(memo).toMatch(/\.memo$/)
    const second = plainly()
    expect([second.status, second.stdout, second.stderr]).toEqual([first.status, first.stdout, first.stderr])
    // Proof that the second run was written from the memo: change the memo's copy of the report (same length), and that is what comes out.
    const file = path.join(runs, memo!)
    const bytes = readFileSync(file)
    const at = bytes.lastIndexOf('"docs/a.md"')
    expect(at).toBeGreaterThan(0)
    bytes.write('"docs/A.md"', at)
    writeFileSync(file, bytes)
    expect(plainly().stdout).toContain('"docs/A.md"')
    // A change to a checked file: checked again, the true report.
    mkdirSync(path.join(dir, 'docs/more'))
    writeFileSync(path.join(dir, 'docs/more/c.md'), jargon)
    const third = plainly()
    expect(third.stdout).toContain('"docs/a.md"')
    expect(third.stdout).toContain('"docs/more/c.md"')
  })
})
