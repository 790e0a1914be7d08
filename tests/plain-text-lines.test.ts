// Plain text copied from a web page or a Word document keeps its headings and
// list items as lines with no full stop and no bullet. Each such line is its
// own unit; text wrapped at a width is still read as running prose.
import {describe, expect, it} from 'vitest'
import {lineWidth} from '../src/plugins/retext-units.js'
import {textChecker} from './helpers.js'

const checker = textChecker({config: false})
const pieces = textChecker({config: false, chunkSize: 400})
const longSentences = (result: {findings: ReadonlyArray<{ruleId: string; line: number}>}) =>
  result.findings.filter((finding) => finding.ruleId === 'long-sentence').map((finding) => finding.line)

// A page copied as text: a heading, a lead-in and list items, each on its own line.
const copied = [
  'Carer’s Allowance',
  'You could get money if you care for someone at least 35 hours a week.',
  'This can include:',
  'helping with washing and cooking',
  'taking the person you care for to a doctor’s appointment',
  'helping with household tasks, like managing bills and shopping',
  'What you’ll get',
  'You do not get paid extra if you care for more than one person.',
  ''
].join('\n')

// Prose wrapped at 72 characters, as a word processor or an email wraps it: a line ends only where the next word does not fit.
const first = 'We will write to you when we have looked at your application.'
const second =
  'We aim to do this within four weeks, but it can take longer if we need to ask you for more information or if we need to speak to the person you care for, their doctor or anyone else who helps them to live in their own home.'
function wrap(text: string, width: number): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  return `${[...lines, line].join('\n')}\n`
}
const wrapped = wrap(`${first} ${second}`, 72)
const secondWords = second.split(' ').length

describe('plain text: lines that end on purpose', () => {
  it('reads each heading and list item of copied text as its own unit, not one long sentence', async () => {
    const result = await checker.checkText(copied, 'page.txt', 'text')
    expect(longSentences(result)).toEqual([])
    // Run together, the heading and list items made one "sentence" of 36 words, and a higher reading age.
    const runTogether = await checker.checkText(copied.replace(/\n(?=.)/g, ' '), 'page.txt', 'text')
    expect(longSentences(runTogether)).toEqual([1])
    expect(result.readingAge!.age!).toBeLessThan(runTogether.readingAge!.age!)
  })

  it('still reads prose wrapped at a width as one sentence across its lines', async () => {
    const result = await checker.checkText(wrapped, 'letter.txt', 'text')
    expect(wrapped.split('\n').length).toBeGreaterThan(3)
    // The second sentence runs over three lines: one long sentence, found where it starts.
    expect(longSentences(result)).toEqual([1])
    expect(result.findings.find((finding) => finding.ruleId === 'long-sentence')!.message).toContain(`${secondWords} words`)
  })

  it('ends a short line inside wrapped text where the next word would have fitted', async () => {
    const list = 'Please send us these things with your form\ncopies of your last three payslips\na letter from your bank or building society\nthe name and address of your doctor\n'
    expect(lineWidth(wrapped + list)).toBe(lineWidth(wrapped))
    const result = await checker.checkText(wrapped + list, 'letter.txt', 'text')
    expect(longSentences(result)).toEqual([1])
    expect(result.findings.find((finding) => finding.ruleId === 'long-sentence')!.message).toContain(`${secondWords} words`)
    // Run together, the list is one sentence of 29 words.
    const listLine = wrapped.split('\n').length
    const runTogether = await checker.checkText(wrapped + list.replace(/\n(?=.)/g, ' '), 'letter.txt', 'text')
    expect(longSentences(runTogether)).toEqual([1, listLine])
  })

  it('reads text wrapped in a narrow column (copied from a two-column leaflet) as running prose', async () => {
    const narrow = wrap(`${first} ${second}`, 38)
    expect(lineWidth(narrow)).toBeGreaterThan(30)
    const result = await checker.checkText(narrow, 'column.txt', 'text')
    expect(longSentences(result)).toEqual([2])
    expect(result.findings.find((finding) => finding.ruleId === 'long-sentence')!.message).toContain(`${secondWords} words`)
  })

  it('finds the width text is wrapped at, or none', () => {
    expect(lineWidth(wrapped)).toBeGreaterThan(65)
    expect(lineWidth(wrapped)).toBeLessThanOrEqual(72)
    // One paragraph a line (a web page copied) is not wrapped; nor are short lines only.
    expect(lineWidth(`Contact us\n${second} ${second}\nPhone 0300 123 4567\n`)).toBe(0)
    expect(lineWidth('Red\nGreen\nBlue\n')).toBe(0)
    // Lines of very different lengths are not wrapped, even under 120 characters.
    expect(lineWidth('Contact us\nYou can phone us on weekdays from 8am to 6pm, or write to us.\nBy phone\n0300 123 4567\nBy post\n')).toBe(0)
    expect(lineWidth('x'.repeat(300) + '\nshort line\n')).toBe(0)
    expect(lineWidth('')).toBe(0)
  })

  it('leaves Markdown alone: a line break inside a Markdown paragraph is a space', async () => {
    const markdown = copied.split('\n').slice(2, 6).join('\n') + '\n'
    const asText = await checker.checkText(markdown, 'page.txt', 'text')
    const asMarkdown = await checker.checkText(markdown, 'page.md', 'markdown')
    expect(longSentences(asText)).toEqual([])
    expect(longSentences(asMarkdown)).toEqual([1])
  })

  it('gives the same findings when a long file is checked in pieces', async () => {
    const long = Array.from({length: 12}, () => `${copied}\n${wrapped}\n`).join('')
    const whole = await checker.checkText(long, 'long.txt', 'text')
    const inPieces = await pieces.checkText(long, 'long.txt', 'text')
    expect(inPieces.findings.map((finding) => `${finding.line}:${finding.column} ${finding.ruleId}`)).toEqual(whole.findings.map((finding) => `${finding.line}:${finding.column} ${finding.ruleId}`))
    expect(longSentences(whole)).toHaveLength(12)
  })
})
