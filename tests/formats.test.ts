import {describe, expect, it} from 'vitest'
import {checkText} from '../src/index.js'
import type {Format} from '../src/types.js'

async function check(text: string, format: Format) {
  return checkText(text, {format, hardest: 50})
}
const jargon = (result: Awaited<ReturnType<typeof check>>) =>
  result.findings.filter((finding) => finding.ruleId.startsWith('jargon/')).map((finding) => finding.actual)
const sentences = (result: Awaited<ReturnType<typeof check>>) => result.readingAge!.counts.sentences

describe('plain text', () => {
  it('splits "Call 111. They can help." into two sentences', async () => {
    expect(sentences(await check('Call 111. They can help.', 'text'))).toBe(2)
    expect(sentences(await check('Call NHS 111. They can help.', 'text'))).toBe(2)
  })

  it('keeps a number and full stop inside a sentence when no capital follows', async () => {
    expect(sentences(await check('We open at 9. then close.', 'text'))).toBe(1)
  })

  it('makes each bulleted or numbered line its own unit, without counting the marker as a word', async () => {
    const text = ['- Ring the surgery', '* Ask for a jab', '• Pick a day', 'o Bring your letter', '1. Park at the back', '2) Use the side door'].join('\n')
    const result = await check(text, 'text')
    expect(sentences(result)).toBe(6)
    expect(result.readingAge!.counts.words).toBe(21)
  })

  it('ends paragraphs at blank lines', async () => {
    expect(sentences(await check('First line with no stop\n\nSecond line with no stop', 'text'))).toBe(2)
  })
})

describe('Markdown', () => {
  it('never checks code, URLs, autolinks, HTML comments or front matter', async () => {
    const text = [
      '---',
      'title: stakeholder update',
      '---',
      '',
      'Use `stakeholder` here.',
      '',
      '```',
      'leverage the stakeholder',
      '```',
      '',
      'See <https://example.org/stakeholder> or https://example.org/leverage or www.example.org/assurance.',
      '',
      '<!-- stakeholder assurance -->'
    ].join('\n')
    expect(jargon(await check(text, 'markdown'))).toEqual([])
  })

  it('checks link text, but not the address', async () => {
    expect(jargon(await check('Read [the stakeholder plan](https://example.org/assurance).', 'markdown'))).toEqual(['stakeholder'])
  })

  it('keeps headings, list items and table cells as separate units', async () => {
    const text = ['# A heading without a stop', 'A paragraph without a stop', '', '- one item', '- two item', '', '| Going | forward |', '| --- | --- |', '| stakeholder | going |', ''].join('\n')
    const result = await check(text, 'markdown')
    // "Going | forward" are two cells, so the phrase must not match across them.
    expect(jargon(result)).toEqual(['stakeholder'])
    // The heading and the table are left out of reading age; the paragraph and the two items count.
    expect(sentences(result)).toBe(3)
  })

  it('checks table cells for jargon', async () => {
    expect(jargon(await check('| Word | Use |\n| --- | --- |\n| leverage | use |\n', 'markdown'))).toEqual(['leverage'])
  })
})

describe('HTML', () => {
  it('skips script, style, code, pre and noscript', async () => {
    const html = [
      '<html><head><title>stakeholder</title><style>.stakeholder{}</style></head><body>',
      '<p>Plain words. <code>stakeholder</code></p>',
      '<pre>leverage</pre><script>var leverage = 1</script><noscript>assurance</noscript>',
      '</body></html>'
    ].join('\n')
    expect(jargon(await check(html, 'html'))).toEqual([])
  })

  it('keeps p, li, h1–h6 and td as separate units', async () => {
    const html = '<h1>Going</h1><p>forward</p><ul><li>going</li><li>forward</li></ul><table><tr><td>going</td><td>forward</td></tr></table><p>going forward</p>'
    const result = await check(html, 'html')
    expect(jargon(result)).toEqual(['going forward'])
    // p, p, li, li count; the heading and the two cells do not.
    expect(sentences(result)).toBe(4)
  })
})
