import {describe, expect, it} from 'vitest'
import {sliceAt, textChecker} from './helpers.js'

const session = textChecker({hardest: 0})

const documents = {
  'leaflet.md': [
    '---',
    'title: x',
    '---',
    '# Our stakeholders',
    '',
    '> Going forward we quote',
    '> our stakeholders here.',
    '',
    '- A list item that runs on',
    '  and leverages partner',
    '  organisations.',
    '',
    'Tom &amp; Jerry \\*really\\* facilitate co-production.',
    '',
    '| Cell | Other |',
    '| --- | --- |',
    '| robust | holistic |'
  ],
  'letter.txt': ['Going forward we will', 'leverage our stakeholders.', '', '- Service users can call 111. They can help.'],
  'page.html': [
    '<!doctype html>',
    '<html><body>',
    '  <h1>Our stakeholders</h1>',
    '  <p>Tom &amp; Jerry &mdash; going',
    '     forward &#8212; facilitate co-production.</p>',
    '  <ul><li>Service users</li><li><a href="/x">leverage</a> it</li></ul>',
    '  <table><tr><td>robust</td><td>holistic</td></tr></table>',
    '</body></html>'
  ]
} as const

const expected = {
  'leaflet.md': ['stakeholders', 'Going forward', 'stakeholders', 'leverages', 'partner\n  organisations', 'facilitate', 'co-production', 'robust', 'holistic'],
  'letter.txt': ['Going forward', 'leverage', 'stakeholders', 'Service users'],
  'page.html': ['stakeholders', 'going\n     forward', 'facilitate', 'co-production', 'Service users', 'leverage', 'robust', 'holistic']
}

const variants = {
  LF: (lines: readonly string[]) => lines.join('\n'),
  'CRLF with BOM': (lines: readonly string[]) => `\uFEFF${lines.join('\r\n')}\r\n`
}

describe('positions point at the words in the original file', () => {
  for (const [name, lines] of Object.entries(documents)) {
    for (const [variant, build] of Object.entries(variants)) {
      it(`${name}, ${variant}`, async () => {
        const text = build(lines)
        const result = await session.checkBytes(Buffer.from(text), name)
        const found = result.findings.filter((finding) => finding.ruleId.startsWith('jargon/'))
        const source = text.replace(/^\uFEFF/, '')
        const crlf = variant.startsWith('CRLF')
        expect(found.map((finding) => finding.actual)).toEqual(expected[name as keyof typeof expected].map((words) => (crlf ? words.replaceAll('\n', '\r\n') : words)))
        for (const finding of found) {
          expect(sliceAt(source, finding, {line: finding.endLine, column: finding.endColumn})).toBe(finding.actual)
        }
      })
    }
  }

  it('reports 1-based columns after a byte order mark', async () => {
    const result = await session.checkBytes(Buffer.from('\uFEFFleverage'), 'a.txt')
    expect(result.findings[0]).toMatchObject({ruleId: 'jargon/leverage', line: 1, column: 1, endLine: 1, endColumn: 9})
  })
})
