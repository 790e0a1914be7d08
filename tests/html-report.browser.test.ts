/**
 * The HTML report in a real browser (Debian's chromium, as CI installs it):
 * opened from file://, it must run nothing from the document, load nothing,
 * log no errors, show the right counts, and let a keyboard user reach a
 * highlight and read its tooltip.
 *
 * The project's TypeScript setup has no DOM types (adding them would hide
 * mistakes in src/), so code run in the page reaches the DOM through
 * `globalThis as any`, or is passed as a string.
 */
import {copyFileSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {chromium, type Browser, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {toReport} from '../src/core/results.js'
import {plainView} from '../src/core/view.js'
import {keptFolder, reportWith} from './helpers.js'
const [html, junit] = [reportWith('html'), reportWith('junit')]
import type {FileResult, Finding, ReadingAge} from '../src/types.js'

import {CHROMIUM_ARGS, systemTool} from './system-tools.js'

/** Debian's chromium, as CI installs it; PLAINLY_CHROMIUM may point elsewhere. Without it these tests are skipped (see tests/setup/system-tools.ts). */
const chromiumBinary = systemTool('chromium')
const KEEP_SCREENSHOT = path.join(keptFolder(), 'plainly-html-report.png')

const source = [
  '# Leaflet for <b>residents</b>',
  '',
  'Our stakeholders said <script>window.__pwned=1</script> was fine.',
  '<img src=x onerror="window.__pwned=2"> [click](javascript:window.__pwned=3)',
  '</textarea><script>window.__pwned=4</script></style><script>window.__pwned=5</script>',
  'Going forward we will leverage our partner organisations in order to facilitate change.'
].join('\n')

function place(words: string): Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'> {
  const offset = source.indexOf(words)
  if (offset === -1) throw new Error(`"${words}" is not in the source`)
  const point = (at: number) => {
    const lines = source.slice(0, at).split('\n')
    return {line: lines.length, column: lines.at(-1)!.length + 1}
  }
  const start = point(offset)
  const end = point(offset + words.length)
  return {line: start.line, column: start.column, endLine: end.line, endColumn: end.column}
}

const jargon = (id: string, words: string, severity: Finding['severity'], instead: string[]): Finding => ({
  ruleId: `jargon/${id}`,
  severity,
  message: `Use “${instead.join('” or “')}” instead of “${words}”`,
  actual: words,
  expected: instead,
  note: `“${words}” is jargon <script>window.__pwned=6</script>.`,
  url: null,
  ...place(words)
})

const readingAge = (age: number): ReadingAge => ({
  age,
  target: {min: 9, max: 11},
  withinTarget: age <= 11,
  method: 'test',
  formulas: null,
  counts: {words: 40, sentences: 4, syllables: 70, polysyllables: 6, letters: 200, complexWords: 5},
  hardestSentences: []
})

const sentence = 'Going forward we will leverage our partner organisations in order to facilitate change.'
const findings: Finding[] = [
  {...jargon('stakeholder', 'stakeholders', 'warning', ['people involved']), note: 'Say who you mean.'},
  {
    ruleId: 'long-sentence',
    severity: 'warning',
    message: 'This sentence has 30 words: try to keep sentences to 25 words or fewer',
    actual: sentence,
    expected: [],
    note: null,
    url: null,
    ...place(sentence)
  },
  jargon('going-forward', 'Going forward', 'warning', ['from now on']),
  jargon('leverage', 'leverage', 'error', ['use']),
  jargon('partner-organisations', 'partner organisations', 'warning', ['the council', 'local charities']),
  {ruleId: 'simplify/in-order-to', severity: 'suggestion', message: 'Use “to” instead of “in order to”', actual: 'in order to', expected: ['to'], note: null, url: null, ...place('in order to')},
  jargon('facilitate', 'facilitate', 'suggestion', ['help'])
]

const counts = (list: Finding[]) => ({
  error: list.filter((item) => item.severity === 'error').length,
  warning: list.filter((item) => item.severity === 'warning').length,
  suggestion: list.filter((item) => item.severity === 'suggestion').length
})

const files: FileResult[] = [
  {path: 'leaflets/residents leaflet.md', format: 'markdown', readingAge: readingAge(15), findings, counts: counts(findings), suppressed: []},
  {path: 'leaflets/plain.md', format: 'markdown', readingAge: readingAge(8), findings: [], counts: counts([]), suppressed: []}
]
const report = toReport(files, '9.9.9')
const views = new Map([
  ['leaflets/residents leaflet.md', plainView(source)],
  ['leaflets/plain.md', plainView('Call us on Monday. We can help.')]
])

describe.skipIf(!chromiumBinary.available)('the HTML report in Chromium', () => {
  let folder: string
  let browser: Browser
  let page: Page
  let fileUrl: string
  const consoleErrors: string[] = []
  const pageErrors: string[] = []
  const requests: string[] = []

  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'plainly-html-'))
    const file = path.join(folder, 'report.html')
    writeFileSync(file, html(report, {color: 0, views}))
    fileUrl = pathToFileURL(file).href
    browser = await chromium.launch({executablePath: chromiumBinary.path, args: CHROMIUM_ARGS})
    const context = await browser.newContext({viewport: {width: 1000, height: 900}})
    page = await context.newPage()
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(`${message.type()}: ${message.text()}`)
    })
    page.on('pageerror', (error) => pageErrors.push(error.message))
    page.on('request', (request) => requests.push(request.url()))
    await page.goto(fileUrl, {waitUntil: 'load'})
  }, 15_000)

  afterAll(async () => {
    await browser?.close()
    if (folder) rmSync(folder, {recursive: true, force: true})
  })

  it('runs nothing from the document, loads nothing and logs no errors', async () => {
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined')
    expect(requests).toEqual([fileUrl])
    expect(pageErrors).toEqual([])
    expect(consoleErrors).toEqual([])
    // The page's own style passed the Content-Security-Policy (its hash matches).
    const background = await page.locator('mark.w-error[tabindex="0"]').first().evaluate((element) => (globalThis as any).getComputedStyle(element).backgroundColor as string)
    expect(background).toBe('rgb(246, 215, 210)')
    // The document's markup is shown as text.
    await expect(page.locator('#doc-1-text').textContent()).resolves.toContain('<script>window.__pwned=1</script>')
    expect(await page.locator('#doc-1-text img, #doc-1-text script, #doc-1-text a, #doc-1-text b').count()).toBe(0)
  })

  it('shows the right counts and reading ages in the summary', async () => {
    const rows = await page.locator('#summary-table tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell: any) => String(cell.innerText).trim())))
    expect(rows).toEqual([
      ['Document', 'Reading age', 'Must fix', 'Should fix', 'Suggestions'],
      ['leaflets/residents leaflet.md', '⚠ 15: 4 years above the target of 9 to 11', '1', '4', '2'],
      ['leaflets/plain.md', '✓ 8: within the target of 9 to 11', '0', '0', '0'],
      ['All 2 documents', '1 above target', '1', '4', '2']
    ])
    await expect(page.locator('#verdict').textContent()).resolves.toBe(
      'We checked 2 documents. We found 5 problems to fix (1 must fix, 4 should fix) and 2 suggestions. 1 document is above the target reading age.'
    )
    // Each place where a finding starts is one focusable highlight ("Going forward" and its
    // long sentence start together); the sentence is cut around the four other words in it.
    expect(await page.locator('#doc-1-text mark[tabindex="0"]').count()).toBe(6)
    expect(await page.locator('#doc-1-text mark').count()).toBe(11)
  })

  it('lets a keyboard user reach a highlight and read its tooltip, and Escape hides it', async () => {
    const tip = page.locator('#doc-1-text mark[tabindex="0"]').first().locator('.tip')
    await expect(tip.isVisible()).resolves.toBe(false)
    // Tab from the top of the page until a highlight has focus.
    await page.evaluate('document.activeElement?.blur()')
    let focused = ''
    for (let presses = 0; presses < 20 && !focused.startsWith('MARK'); presses++) {
      await page.keyboard.press('Tab')
      focused = await page.evaluate<string>('`${document.activeElement?.tagName} ${document.activeElement?.textContent ?? ""}`')
    }
    expect(focused).toMatch(/^MARK stakeholders/)
    await expect(tip.isVisible()).resolves.toBe(true)
    await expect(tip.innerText()).resolves.toBe('Should fix: Use “people involved” instead of “stakeholders”. Why: Say who you mean.')
    const described = await page.evaluate<string>('document.getElementById(document.activeElement.getAttribute("aria-describedby")).textContent')
    expect(described).toContain('Use “people involved” instead of “stakeholders”')
    await page.screenshot({path: path.join(folder, 'focused.png')})

    // Overlapping highlights: the word inside the long sentence names both.
    const leverage = page.locator('#doc-1-text mark[tabindex="0"]', {hasText: /^leverage/})
    await leverage.focus()
    await expect(leverage.locator('.tip').innerText()).resolves.toContain('Must fix: Use “use” instead of “leverage”.')
    await expect(leverage.locator('.tip').innerText()).resolves.toContain('Should fix: This sentence has 30 words')
    await leverage.scrollIntoViewIfNeeded()
    await page.screenshot({path: path.join(folder, 'overlap.png')})
    copyFileSync(path.join(folder, 'overlap.png'), KEEP_SCREENSHOT)

    await page.keyboard.press('Escape')
    await expect(leverage.locator('.tip').isVisible()).resolves.toBe(false)
    expect(consoleErrors).toEqual([])
  })

  it('writes JUnit XML that a browser parses', async () => {
    const parse = (xml: string): number => new (globalThis as any).DOMParser().parseFromString(xml, 'application/xml').getElementsByTagName('parsererror').length
    const errors = await page.evaluate(parse, junit(report, {color: 0}))
    expect(await page.evaluate(parse, '<a><b></a>')).toBe(1) // the check can fail
    expect(errors).toBe(0)
  })
})
