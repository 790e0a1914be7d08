/**
 * Long documents are checked in pieces (src/core/chunks.ts). Whatever the
 * piece size, the results must be the same as checking the whole document
 * at once: findings, positions, fixes, reading age, hardest sentences,
 * control comments, and what was explained earlier in the document.
 */
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import fc from 'fast-check'
import {chunkOffsets, chunkStarts, shiftPoint} from '../src/core/chunks.js'
import type {Format} from '../src/types.js'
import {textChecker} from './helpers.js'
import {createSettings} from '../src/batch/settings.js'
import {viewLocator} from '../src/core/view.js'

const whole = textChecker({config: false, hardest: 5, chunkSize: Number.MAX_SAFE_INTEGER})
const pieces = (size: number) => textChecker({config: false, hardest: 5, chunkSize: size})

// Blocks of our own writing, each with something a piece boundary could break.
const MARKDOWN_BLOCKS = [
  '# Getting help from the integrated care board',
  'The integrated care board (ICB) looks after health services in your area. The ICB works with your GP.',
  'We want to utilise your views going forward, so we are running sessions on co-production.',
  'Co-production means working with residents as equals, not doing things to them.',
  'Our assurance framework is reviewed by the board every quarter, and the PCN leads report on it.',
  '- Call 111 if you need help.\n- Ask your pharmacist.\n\n- Book a GP appointment online.',
  '1. Fill in the form.\n2. Send it to us.\n\n   We will write back within 10 days.',
  '> We utilise stakeholder feedback to drive transformation.\n>\n> Our KPIs are on the website.',
  '```text\nassurance in code is not checked\n\nstill code: utilise\n```',
  '<!--\nA comment with jargon: assurance\n\nthat spans a blank line\n-->',
  '<!-- plainly-disable assurance -- quoted from the board paper -->',
  'Board assurance is quoted here, and the SRO signs it off.',
  '<!-- plainly-enable -->',
  '| Service | Phone |\n| --- | --- |\n| NHS 111 | 111 |\n| Stakeholder line | 0300 123 4567 |',
  'Setext heading about the PCN\n----------------------------',
  '***',
  'This is a very long sentence written on purpose to go past the limit on words in a sentence so that plainly flags it, and it keeps going with more and more words until it is well past twenty-five words in all.',
  'Approximately one in five residents said the onboarding process was difficult to navigate.',
  '<pre>\npreformatted text with assurance\n\nand a blank line\n</pre>',
  'Short and plain. You can call us. We can help.'
]

const TEXT_BLOCKS = [
  'Dear resident,',
  'The integrated care board (ICB) is writing to you about your appointment. The ICB wants to hear from you.',
  'We will utilise your feedback going forward. Our assurance process is simple.',
  '- Call 111.\n- Ask your pharmacist.\n- Speak to your GP.',
  'This sentence is long because it keeps adding clauses, and then more clauses, so that the total number of words is well past the limit of twenty-five words.',
  'Co-production means working together as equals.',
  'Approximately 200 people came to the stakeholder event about the PCN.',
  'Yours sincerely,\nThe engagement team'
]

function documentFrom(blocks: readonly string[], picks: readonly number[], newline: string): string {
  const text = picks.map((pick) => blocks[pick % blocks.length]).join('\n\n') + '\n'
  return newline === '\n' ? text : text.replace(/\n/g, newline)
}

async function both(text: string, format: Format, size: number) {
  const name = format === 'markdown' ? 'doc.md' : 'doc.txt'
  const [once, split] = await Promise.all([whole.checkText(text, name, format), pieces(size).checkText(text, name, format)])
  return {once, split}
}

describe('checking long documents in pieces', () => {
  it('gives the same results as checking the whole Markdown document at once', async () => {
    const picks = Array.from({length: 400}, (_, index) => (index * 7 + (index >> 3)) % MARKDOWN_BLOCKS.length)
    const text = `---\ntitle: A leaflet\n\nsummary: with a blank line\n---\n\n${documentFrom(MARKDOWN_BLOCKS, picks, '\n')}`
    const offsets = chunkOffsets(text, 'markdown', 2000)
    expect(offsets.length).toBeGreaterThan(10)
    const {once, split} = await both(text, 'markdown', 2000)
    expect(once.findings.length).toBeGreaterThan(100)
    expect(once.suppressed?.length ?? 0).toBeGreaterThan(0)
    expect(split).toEqual(once)
  })

  it('gives the same results for plain text, with Windows line endings', async () => {
    const picks = Array.from({length: 300}, (_, index) => (index * 5 + (index >> 2)) % TEXT_BLOCKS.length)
    const text = documentFrom(TEXT_BLOCKS, picks, '\r\n')
    expect(chunkOffsets(text, 'text', 1500).length).toBeGreaterThan(10)
    const {once, split} = await both(text, 'text', 1500)
    expect(once.readingAge?.hardestSentences.length).toBe(5)
    expect(split).toEqual(once)
  })

  it('stays the same for any mix of blocks and any piece size', async () => {
    let cut = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(MARKDOWN_BLOCKS.length - 1), {minLength: 1, maxLength: 60}),
        fc.integer({min: 1, max: 400}),
        fc.constantFrom('\n', '\r\n'),
        async (picks, size, newline) => {
          const text = documentFrom(MARKDOWN_BLOCKS, picks, newline)
          if (chunkOffsets(text, 'markdown', size).length > 1) cut++
          const {once, split} = await both(text, 'markdown', size)
          expect(split).toEqual(once)
        }
      ),
      // A fixed seed, so that the count of runs that really cut is the same every time.
      {numRuns: 40, seed: 20261126}
    )
    expect(cut).toBeGreaterThan(20)
  })

  it('shows a long plain text as it is, one block a piece, with every finding in its place (the HTML report and the web page show the first pieces)', async () => {
    const text = `${'We will leverage our assets.\n\nThe stakeholders met again today.\n\n'.repeat(60)}`
    const view = async (chunkSize: number) => {
      const checker = await createSettings({config: false, chunkSize}).checkerFor(path.resolve('doc.txt'))
      return checker.check({path: 'doc.txt', format: 'text', text, view: true})
    }
    const once = await view(Number.MAX_SAFE_INTEGER)
    const split = await view(500)
    expect(chunkOffsets(text, 'text', 500).length).toBeGreaterThan(5)
    expect(once.view!.blocks).toHaveLength(1)
    expect(split.view!.blocks.length).toBe(chunkOffsets(text, 'text', 500).length)
    expect(split.view!.blocks.map((block) => block.text).join('')).toBe(text)
    expect(split.result).toEqual(once.result)
    const places = (checked: typeof once) => {
      const locate = viewLocator(checked.view!)
      return checked.result.findings.filter((finding) => finding.ruleId !== 'reading-age').map((finding) => {
        const start = locate(finding.line, finding.column, 'start')!
        const end = locate(finding.endLine, finding.endColumn, 'end')!
        return checked.view!.blocks[start.block]!.text.slice(start.at, end.at)
      })
    }
    expect(places(split)).toEqual(places(once))
    expect(places(split)).toContain('leverage')
    expect(places(split).length).toBeGreaterThan(100)
  })

  it('remembers an acronym spelled out in an earlier piece', async () => {
    const text = `The integrated care board (ICB) plans care.\n\n${'We can help you. '.repeat(50)}\n\nThe ICB meets in public. The XYZ team meets too.\n\nThe XYZ team again.\n`
    const {once, split} = await both(text, 'text', 200)
    expect(chunkOffsets(text, 'text', 200).length).toBeGreaterThan(1)
    expect(split.findings.filter((finding) => finding.actual === 'ICB')).toEqual([])
    expect(split.findings.filter((finding) => finding.actual === 'XYZ')).toHaveLength(1)
    expect(split).toEqual(once)
  })
})

describe('one long paragraph', () => {
  // Sentences with traps for a cut: abbreviations, code spans, links and emphasis with full stops inside.
  const SENTENCES = [
    'We need assurance from our stakeholders.',
    'Ask Dr. Smith about the referral, or the practice manager.',
    'Bring your letter, your medicines, etc. Then wait to be called.',
    'The form is at `forms/apply. Now` in the shared drive.',
    'Read [the guide. It is short](https://example.org/a. B) before you come.',
    'This is *important. Please* read it twice.',
    'We will utilise the feedback going forward.',
    'Call 111. They can help you.'
  ]
  const paragraph = (count: number, join = ' ') => Array.from({length: count}, (_, index) => SENTENCES[(index * 3 + (index >> 2)) % SENTENCES.length]).join(join)

  it('is cut at sentence ends, with the same results as checking it whole, in Markdown and plain text', async () => {
    for (const [format, join] of [['markdown', ' '], ['markdown', '\n'], ['text', ' ']] as const) {
      const text = `# Title\n\n${paragraph(300, join)}\n`
      const offsets = chunkOffsets(text, format, 1000)
      expect(offsets.length, format).toBeGreaterThan(5)
      // Each cut starts a sentence; in Markdown, never inside the traps (in plain text, * and ` are only characters).
      for (const offset of offsets.slice(1)) {
        expect(text.slice(offset - 2, offset), format).toMatch(/^[.!?*][ \n]$/)
        expect(text.slice(offset - 6, offset), format).not.toMatch(/(?:Dr|etc)\. $/)
        if (format === 'markdown') expect(SENTENCES.some((sentence) => text.startsWith(sentence, offset)), `${format}: ${text.slice(offset, offset + 30)}`).toBe(true)
      }
      const {once, split} = await both(text, format, 1000)
      expect(once.findings.length).toBeGreaterThan(150)
      expect(split).toEqual(once)
    }
  })

  it('is never cut inside a heading, a table, indented code or an HTML block', () => {
    const long = paragraph(200)
    for (const text of [`# ${long}\n`, `| a | b |\n| --- | --- |\n| ${long} | x |\n`, `    ${long}\n`, `<div>${long}</div>\n`, `${long}\n---\n`]) {
      expect(chunkOffsets(text, 'markdown', 1000), text.slice(0, 20)).toEqual([0])
    }
  })
})

describe('where pieces are cut', () => {
  it('never cuts inside fenced code, HTML blocks or front matter, nor before a line that could be front matter', () => {
    const code = '```\nfirst\n\nsecond\n\nthird\n```'
    const comment = '<!--\nnote\n\nmore\n-->'
    const text = `---\na: 1\n\nb: 2\n---\n\nIntro.\n\n${code}\n\n${comment}\n\n---\n\nEnd.\n\n- item\n\nLast.\n`
    const offsets = chunkOffsets(text, 'markdown', 1)
    const cutLines = offsets.slice(1).map((offset) => text.slice(offset, text.indexOf('\n', offset)))
    expect(cutLines).toEqual(['Intro.', '```', '<!--', 'End.', 'Last.'])
  })

  it('cuts plain text only at the start of a paragraph', () => {
    const text = 'One line.\nTwo line.\n\nThree.\n\n\nFour.\n'
    expect(chunkOffsets(text, 'text', 8).map((offset) => text.slice(offset, offset + 5))).toEqual(['One l', 'Three', 'Four.'])
  })

  it('leaves short documents whole, and HTML always whole', () => {
    expect(chunkOffsets('Short.\n\nText.', 'text', 100)).toEqual([0])
    expect(chunkOffsets('<p>a</p>\n\n'.repeat(100), 'html', 10)).toEqual([0])
  })

  it('counts lines as the parsers do, and moves points by the piece start', () => {
    const text = 'a\r\nb\nc\rd\n\ne'
    const starts = chunkStarts(text, [0, text.indexOf('b'), text.indexOf('d'), text.indexOf('e')])
    expect(starts.map(({line, column}) => [line, column])).toEqual([
      [1, 1],
      [2, 1],
      [4, 1],
      [6, 1]
    ])
    const start = {offset: 10, line: 3, column: 5}
    expect(shiftPoint({line: 1, column: 2, offset: 1}, start)).toEqual({line: 3, column: 6, offset: 11})
    expect(shiftPoint({line: 2, column: 2, offset: 4}, start)).toEqual({line: 4, column: 2, offset: 14})
  })
})
