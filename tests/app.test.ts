/**
 * The web page's pieces that need no browser, and `plainly app` itself
 * (spawned, as a user runs it). The page in a browser is
 * tests/app.browser.test.ts.
 */
import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {useWord} from '../src/app/edit.js'
import {suggestionsCsv} from '../src/app/suggestions.js'
import {lineStartsOf} from '../src/core/view.js'
import type {Finding} from '../src/types.js'
import {glossaryYaml, runCli, tempDir} from './helpers.js'

const root = path.resolve(fileURLToPath(import.meta.url), '../..')
const bin = path.join(root, 'bin/plainly.js')

function plainly(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd, input: '', encoding: 'utf8', env: {...process.env, NO_COLOR: '', FORCE_COLOR: undefined, GITHUB_ACTIONS: undefined}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** The page's data, as the page reads it. */
function pageData(html: string) {
  const json = /<script type="application\/json" id="plainly-data">(.*?)<\/script>/s.exec(html)![1]!
  return JSON.parse(json) as {data: {entries: Array<{id: string; note: string; file: string}>}; settings: Record<string, unknown>; madeWith: string[]}
}

describe('suggested words', () => {
  it('download as CSV that glossary import reads as proposed entries, each with its own id', async () => {
    const csv = suggestionsCsv([
      {term: 'Wayfinding', alternatives: ['finding your way', ' '], why: 'Readers do not know it.', team: 'Comms', when: '2026-01-01T00:00:00Z'},
      {term: 'wayfinding', alternatives: [], why: 'Said twice.', team: 'Estates', when: '2026-01-02T00:00:00Z'},
      {term: '=HYPERLINK("x")', alternatives: ['link'], why: 'A formula in a cell.', team: 'Comms', when: '2026-01-03T00:00:00Z'}
    ])
    const dir = tempDir({'words.csv': csv})
    const imported = await runCli(['glossary', 'import', 'words.csv', '--into', 'team.yml'], {cwd: dir})
    expect(imported.stderr).toBe('')
    expect(imported.code).toBe(0)
    const yaml = readFileSync(path.join(dir, 'team.yml'), 'utf8')
    expect(yaml.match(/status: proposed/g)).toHaveLength(3)
    expect(yaml).toMatch(/id: wayfinding\n/)
    expect(yaml).toMatch(/id: wayfinding-2\n/)
    // No plainer word given: the advice is to explain it.
    expect(yaml).toMatch(/explain: true/)
    expect(yaml).toMatch(/proposedBy: Estates/)
  })
})

describe('use this word', () => {
  const finding = (text: string, actual: string): Finding => {
    const start = text.indexOf(actual)
    const before = text.slice(0, start).split('\n')
    const after = text.slice(0, start + actual.length).split('\n')
    return {ruleId: 'jargon/x', severity: 'warning', message: '', actual, expected: [], note: null, url: null, line: before.length, column: before.at(-1)!.length + 1, endLine: after.length, endColumn: after.at(-1)!.length + 1}
  }

  it('swaps the words where they were found, keeping a capital first letter', () => {
    const text = 'First line.\nLeverage it, and leverage that.'
    const view = {lineStarts: lineStartsOf(text)}
    expect(useWord(text, view, finding(text, 'Leverage'), 'use')).toEqual({text: 'First line.\nUse it, and leverage that.', start: 12, end: 15})
    const second = {...finding(text, 'leverage that'), endColumn: finding(text, 'leverage that').column + 8, actual: 'leverage'}
    expect(useWord(text, view, second, 'use')?.text).toBe('First line.\nLeverage it, and use that.')
    // An acronym's replacement is not capitalised by force.
    expect(useWord('The ICB said.', {lineStarts: [0]}, finding('The ICB said.', 'ICB'), 'integrated care board')?.text).toBe('The integrated care board said.')
    // The text has changed since it was checked: nothing is swapped.
    expect(useWord('Changed.\nLeverage it.', view, finding(text, 'Leverage'), 'use')).toBeUndefined()
  })
})

describe('plainly app', () => {
  it('writes one page with the team glossary and settings in it, and a note in it cannot end its <script>', () => {
    const dir = tempDir({
      'team.yml': glossaryYaml({id: 'wayfinding', term: 'wayfinding', alternatives: ['finding your way'], note: 'Say it plainly </script><script>window.__pwned = 1</script>.', severity: 'warning'}),
      '.plainlyrc.yml': 'targetAge: 9-11\nmaxSentenceWords: 20\nallow: [stakeholder]\nrules:\n  hard-sentence: off\n'
    })
    const made = plainly(['app', '--output', 'out/plainly.html', '--glossary', 'team.yml'], dir)
    expect(made.stderr).toMatch(/^Wrote out\/plainly\.html \([\d.]+ MB\), with the shipped glossary, team\.yml, settings from \.plainlyrc\.yml\. Open it in a web browser/)
    expect(made.code).toBe(0)
    const html = readFileSync(path.join(dir, 'out/plainly.html'), 'utf8')
    // Three script elements, each ended once: nothing in the data ends one early.
    expect(html.match(/<script\b/g)).toHaveLength(3)
    expect(html.match(/<\/script>/g)).toHaveLength(3)
    const data = pageData(html)
    expect(data.data.entries.find((entry) => entry.id === 'wayfinding')?.note).toContain('</script>')
    expect(data.settings).toEqual({targetAge: {min: 9, max: 11}, maxSentenceWords: 20, allow: ['stakeholder'], rules: {'hard-sentence': 'off'}})
    // Where the files were read is not in the page.
    expect(html).not.toContain(dir)
    expect(new Set(data.data.entries.map((entry) => entry.file))).toContain('team.yml')
  })

  it('says what is wrong, in one line, and writes nothing: no --output, a bad glossary, a typo in the settings', () => {
    const dir = tempDir({'bad.yml': 'entries: [{id: x}]\n', 'typo.yml': 'rules:\n  long-sentense: off\n'})
    const none = plainly(['app'], dir)
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/say where to write the page with --output/)
    expect(plainly(['app', '-o', 'a.html', '--glossary', 'bad.yml'], dir).code).toBe(2)
    const typo = plainly(['app', '-o', 'a.html', '--config', 'typo.yml'], dir)
    expect(typo.code).toBe(2)
    expect(typo.stderr).toMatch(/typo\.yml: unknown rule "long-sentense" under "rules" \(did you mean "long-sentence"\?\)/)
    expect(spawnSync('ls', [dir], {encoding: 'utf8'}).stdout).not.toMatch(/a\.html/)
  })

  it('is not loaded by a check: the command keeps none of the page in its bundle', () => {
    const bundle = readFileSync(path.join(root, 'dist/bundle/plainly.cjs'), 'latin1')
    expect(bundle).toContain('plainly-data')
    expect(bundle).not.toContain('plainly-worker')
    expect(bundle).not.toContain('suggest-status')
  })
})
