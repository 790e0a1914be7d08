/**
 * A word split by formatting ("lev" + bold "era" + "ge") is one word to a
 * reader, so plainly reads it as one in every format that has formatting:
 * Word, HTML and Markdown.
 */
import {describe, expect, it} from 'vitest'
import {Document, Packer, Paragraph, TextRun} from 'docx'
import {textChecker} from './helpers.js'

const checker = textChecker()
const words = (result: {findings: Array<{ruleId: string; actual: string | null; fix?: unknown}>}) => result.findings.filter((finding) => finding.ruleId.startsWith('jargon/')).map((finding) => finding.actual)

async function wordFile(...runs: TextRun[][]): Promise<Buffer> {
  return Packer.toBuffer(new Document({sections: [{children: runs.map((children) => new Paragraph({children}))}]}))
}

describe('words split by formatting', () => {
  it('Word: a word with bold in the middle is flagged once, as the whole word, in the right place', async () => {
    const bytes = await wordFile([new TextRun('We will lev'), new TextRun({text: 'era', bold: true}), new TextRun('ge our assets.')])
    const result = await checker.checkBytes(bytes, 'leaflet.docx')
    const found = result.findings.filter((finding) => finding.ruleId === 'jargon/leverage')
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({actual: 'leverage', paragraph: 1, column: 9, endColumn: 17, snippet: 'We will leverage our assets.'})
  })

  it('Word: a phrase split across three runs is flagged, and its safe swap is kept for the reviewed copy', async () => {
    const bytes = await wordFile([new TextRun('You may get a fin'), new TextRun({text: 'ancial pen', italics: true}), new TextRun({text: 'alty', bold: true}), new TextRun(' if you are late.')])
    const result = await checker.checkBytes(bytes, 'leaflet.docx')
    const found = result.findings.find((finding) => finding.ruleId === 'jargon/financial-penalty')
    // Paragraph 1 starts at 0 in the paragraphs joined by line breaks, so the swap's range is the columns less one.
    expect(found).toMatchObject({actual: 'financial penalty', column: 15, endColumn: 32, fix: {range: [14, 31], text: 'fine'}})
  })

  it('HTML and Markdown: the same, but no safe swap, which would remove the formatting', async () => {
    const html = await checker.checkText('<p>Do not lev<strong>era</strong>ge or approx<em>imately</em> it.</p>', 'page.html')
    const markdown = await checker.checkText('Do not lev**era**ge or approx*imately* it.\n', 'page.md')
    for (const result of [html, markdown]) {
      expect(words(result)).toEqual(['leverage', 'approximately'])
      expect(result.findings.filter((finding) => finding.fix)).toEqual([])
    }
    // Written without formatting, the swap is offered as before.
    const plain = await checker.checkText('Do not approximately it.\n', 'page.md')
    expect(plain.findings.find((finding) => finding.ruleId === 'jargon/approximately')?.fix).toEqual({range: [7, 20], text: 'about'})
  })

  it('words with a space or a mark between them stay apart', async () => {
    const result = await checker.checkText('<p>lev <b>era</b>-ge</p>', 'page.html')
    expect(words(result)).toEqual([])
  })
})
