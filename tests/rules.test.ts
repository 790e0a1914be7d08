/**
 * The list of rules (src/core/rules.ts): every rule declared once, beside
 * its code, and everything that names rules made from that list.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {Findings} from '../src/core/results.js'
import {CHECKS, PLAINLY_RULES, RULES, RuleBook} from '../src/core/rules.js'
import {loadEnglishData, loadGlossary} from '../src/io/glossary-files.js'
import type {PluginSettings} from '../src/plugins/check.js'
import retextUnits from '../src/plugins/retext-units.js'
import {reportWith} from './helpers.js'
const sarif = reportWith('sarif')
import {renderRulesDoc} from '../src/reporters/rules-doc.js'
import {DEFAULT_OPTIONS, SEVERITIES, type Report} from '../src/types.js'
import {runCli, tempDir, textChecker} from './helpers.js'

const root = path.resolve(fileURLToPath(import.meta.url), '../..')

describe('the list of rules', () => {
  it('declares each rule once, with a title, a default severity and a description', () => {
    const ids = RULES.map((rule) => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const rule of RULES) {
      expect(rule.id, rule.id).toMatch(/^[a-z][a-z-]*$/)
      expect(rule.title.length, rule.id).toBeGreaterThan(3)
      expect(SEVERITIES, rule.id).toContain(rule.severity)
      expect(rule.description.length, rule.id).toBeGreaterThan(20)
    }
  })

  it('knows every rule id a check gives, for every kind of finding', async () => {
    const checker = textChecker()
    const results = [
      await checker.checkText(readFileSync(path.join(root, 'examples/jargon-leaflet.md'), 'utf8'), 'leaflet.md'),
      await checker.checkText('<!-- plainly-disable stakholder -->\n\nWe will leverage it. Ask the QXR.\n', 'comment.md'),
      await checker.checkText('', 'empty.md'),
      await checker.checkBytes(new Uint8Array([0, 1, 2, 0, 0, 255]), 'binary.txt')
    ]
    const ids = new Set(results.flatMap((result) => result.findings.map((finding) => finding.ruleId)))
    for (const id of ['acronym', 'reading-age', 'long-sentence', 'unknown-control', 'empty-file', 'file/binary']) expect(ids).toContain(id)
    for (const id of ids) expect(PLAINLY_RULES.ruleFor(id), id).toBeDefined()
  })

  it('names rules in settings, comments and hints: ids, families, family rules', () => {
    const book = new RuleBook(RULES, () => ({jargon: new Set(['robust']), simplify: new Set(['in-order-to'])}))
    for (const name of ['long-sentence', 'jargon', 'jargon/*', 'jargon/robust', 'simplify/in-order-to', 'file/binary']) expect(book.isRuleName(name), name).toBe(true)
    for (const name of ['long-sentance', 'jargon/robustt', 'long-sentence/*', 'file/nothing', 'nothing/*']) expect(book.isRuleName(name), name).toBe(false)
    expect(book.ruleNames()).toContain('jargon/robust')
    expect(book.titleOf('jargon/robust')).toBe('Jargon: robust')
    expect(book.titleOf('file/binary')).toBe('File is not text')
    // Another plugin's family takes any rule name: nobody lists them.
    const withPlugin = new RuleBook([...RULES, {id: 'retext-passive', family: true, title: 'retext-passive', severity: 'suggestion', description: 'Passive voice.'}])
    expect(withPlugin.isRuleName('retext-passive/was-fired')).toBe(true)
    expect(withPlugin.ruleFor('retext-passive/was-fired')?.id).toBe('retext-passive')
  })

  it('gives SARIF its rule titles', () => {
    const finding = (ruleId: string) => ({ruleId, severity: 'warning' as const, message: 'm', actual: null, expected: [], note: null, url: null, line: 1, column: 1, endLine: 1, endColumn: 2})
    const report: Report = {
      version: 1,
      plainlyVersion: '0',
      files: [{path: 'a.md', format: 'markdown', readingAge: null, findings: ['long-sentence', 'jargon/robust', 'file/binary', 'unknown-control'].map(finding), counts: {error: 0, warning: 4, suggestion: 0}, suppressed: []}],
      summary: {files: 1, error: 0, warning: 4, suggestion: 0, suppressed: 0, unreadable: 0, aboveTarget: 0}
    }
    const rules = JSON.parse(sarif(report, {color: 0})).runs[0].tool.driver.rules
    const titles = Object.fromEntries(rules.map((rule: {id: string; shortDescription: {text: string}}) => [rule.id, rule.shortDescription.text]))
    expect(titles).toEqual({'file/binary': 'File is not text', 'jargon/robust': 'Jargon: robust', 'long-sentence': 'Long sentence', 'unknown-control': 'Comment names an unknown rule or word'})
  })

  it('gives examples that are true: the rule flags the one and passes the other', async () => {
    const checker = textChecker()
    let checked = 0
    for (const rule of RULES) {
      if (!rule.example) continue
      const ruleIds = async (text: string) => (await checker.checkText(`${text}\n`, 'example.md')).findings.map((finding) => finding.ruleId)
      const matches = (id: string) => id === rule.id || id.startsWith(`${rule.id}/`)
      expect((await ruleIds(rule.example.flag)).some(matches), `${rule.id} flags: ${rule.example.flag}`).toBe(true)
      if (rule.example.pass) expect((await ruleIds(rule.example.pass)).some(matches), `${rule.id} passes: ${rule.example.pass}`).toBe(false)
      checked++
    }
    expect(checked).toBeGreaterThanOrEqual(6)
  })

  it('makes docs/rules.md (run `npm run docs` when this fails)', () => {
    const doc = readFileSync(path.join(root, 'docs/rules.md'), 'utf8')
    expect(doc).toBe(renderRulesDoc())
    for (const rule of RULES) expect(doc).toContain(`\`${rule.id}\``)
  })

  it('lets `glossary show` explain a rule by its id', async () => {
    const result = await runCli(['glossary', 'show', 'long-sentence'], {cwd: tempDir()})
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('long-sentence (a rule): Long sentence')
    expect(result.stdout).toContain('maxSentenceWords')
    expect(result.stdout).toContain('rules: {long-sentence: off}')
  })
})

describe('rules that yield to others', () => {
  const settings: PluginSettings = {options: DEFAULT_OPTIONS, glossary: loadGlossary(), simplifyPhrases: loadEnglishData().simplifyPhrases, simplifyOff: [], profiles: loadEnglishData().profiles}
  const check = async (text: string, checks = CHECKS) => {
    const processor = unified().use(retextEnglish).use(retextUnits)
    for (const each of checks) {
      const plugin = each.plugin?.(settings)
      if (plugin) processor.use(...((Array.isArray(plugin) ? plugin : [plugin]) as [never]))
    }
    const file = new VFile(text)
    await processor.run(processor.parse(file), file)
    const found = new Findings(file)
    found.take(file)
    return found.findings.map((finding) => `${finding.line}:${finding.column} ${finding.ruleId}`).sort()
  }
  const text =
    'We will work with hard to reach groups going forward.\n\n' +
    'Notwithstanding the aforementioned considerations, the organisation will endeavour to facilitate comprehensive engagement with all relevant stakeholders across the whole of the local system in order to deliver.\n\n' +
    'Consequently, implementation considerations necessitate comprehensive interdepartmental deliberation regarding organisational restructuring.\n'

  it('leaves out a wordy phrase inside a glossary term, and a hard sentence that is already long', async () => {
    const found = await check(text)
    expect(found).toContain('3:1 long-sentence')
    expect(found).not.toContain('3:1 hard-sentence')
    expect(found).toContain('5:1 hard-sentence')
    // Both lists know "going forward": the glossary's advice comes first.
    expect(found.filter((finding) => finding.startsWith('1:'))).toEqual(expect.arrayContaining([expect.stringMatching(/^1:\d+ jargon\//)]))
    expect(found.some((finding) => /^1:\d+ simplify\//.test(finding))).toBe(false)
  })

  it('gives the same findings whatever order the plugins run in', async () => {
    expect(await check(text, [...CHECKS].reverse())).toEqual(await check(text))
  })
})
