import {describe, expect, it} from 'vitest'
import {readFileSync, statSync, writeFileSync, chmodSync} from 'node:fs'
import path from 'node:path'
import {encryptedDocx, encryptedPdf, leafletDocx, leafletPdf, leafletPdfWithList, scannedPdf, zipBombDocx} from './fixtures/documents.js'
import {runCli, tempDir} from './helpers.js'

type Finding = {ruleId: string; actual: string; line: number; column: number; paragraph?: number; heading?: string; page?: number; snippet?: string}
const check = async (dir: string, ...argv: string[]) => {
  const result = await runCli(['check', ...argv, '--format', 'json', '--no-config'], {cwd: dir})
  return {...result, report: result.stdout ? JSON.parse(result.stdout) : undefined}
}
const jargonOf = (file: {findings: Finding[]}) => file.findings.filter((finding) => finding.ruleId.startsWith('jargon/'))

describe('Word (.docx)', () => {
  it('checks headings, body, lists, tables and footnotes; inserted text yes, deleted text and headers/footers no', async () => {
    const dir = tempDir({'leaflet.docx': await leafletDocx()})
    const {report} = await check(dir, 'leaflet.docx')
    const file = report.files[0]
    expect(file.format).toBe('docx')
    const words = jargonOf(file).map((finding) => finding.actual)
    expect(words).toEqual(['stakeholders', 'leverage', 'partner organisations', 'holistic', 'signpost', 'robust', 'stakeholders'])
    expect(words).not.toContain('assurance')
    expect(JSON.stringify(file)).not.toContain('synergy')
  })

  it('locates findings by paragraph, nearest heading and a quoted snippet', async () => {
    const dir = tempDir({'leaflet.docx': await leafletDocx()})
    const file = (await check(dir, 'leaflet.docx')).report.files[0]
    const [heading, leverage] = jargonOf(file)
    expect(heading).toMatchObject({paragraph: 1, line: 1, column: 14, heading: 'Working with stakeholders', snippet: 'Working with stakeholders'})
    expect(leverage).toMatchObject({paragraph: 2, line: 2, column: 9, heading: 'Working with stakeholders'})
    expect(leverage!.snippet).toMatch(/^We will leverage our partner/)
    const robust = jargonOf(file).find((finding) => finding.actual === 'robust')!
    expect(robust).toMatchObject({paragraph: 5, heading: 'Next steps', snippet: 'A robust plan'})
    expect(file.readingAge.counts.words).toBeGreaterThan(10)
  })

  it('is included when a folder is checked', async () => {
    const dir = tempDir({'docs/leaflet.docx': await leafletDocx(), 'docs/notes.md': 'Hello.\n'})
    expect((await check(dir, 'docs')).report.files.map((file: {path: string}) => file.path)).toEqual(['docs/leaflet.docx', 'docs/notes.md'])
  })

  it('shows paragraph, heading and snippet in the terminal report', async () => {
    const dir = tempDir({'leaflet.docx': await leafletDocx()})
    const result = await runCli(['check', 'leaflet.docx', '--no-config'], {cwd: dir})
    expect(result.stdout).toContain('paragraph 2')
    expect(result.stdout).toContain('under “Working with stakeholders”')
  })
})

describe('PDF', () => {
  it('rebuilds paragraphs: no running header or page numbers, hyphenated words joined, paragraphs carried over pages', async () => {
    const dir = tempDir({'leaflet.pdf': await leafletPdf()})
    const file = (await check(dir, 'leaflet.pdf')).report.files[0]
    expect(file.format).toBe('pdf')
    const sentences = file.readingAge.hardestSentences.map((sentence: {text: string}) => sentence.text)
    const all = JSON.stringify(file)
    expect(all).not.toContain('Example NHS Trust')
    expect(all).not.toMatch(/Page \d of 2/)
    expect(all).not.toContain('infor-')
    expect(file.readingAge.counts.sentences).toBe(6)
    expect(sentences.join(' ') + all).toContain('This paragraph carries on over the page and it continues here on the second page with no break.')
  })

  it('splits paragraphs where a real leaflet does (gaps, indented first lines), each list item on its own', async () => {
    const {bytes, paragraphs} = await leafletPdfWithList()
    const dir = tempDir({'leaflet.pdf': bytes})
    const {report} = await runCli(['check', 'leaflet.pdf', '--format', 'json', '--no-config', '--max-sentence-words', '12'], {cwd: dir}).then((result) => ({report: JSON.parse(result.stdout)}))
    const file = report.files[0]
    const [{pdfToText}] = await Promise.all([import('../src/core/pdf.js')])
    const read = await pdfToText(bytes)
    expect(read.blocks.map((block) => ({page: block.page, text: block.text}))).toEqual(paragraphs)
    // Every finding is on the page and paragraph where its words are.
    expect(file.findings.length).toBeGreaterThan(3)
    for (const finding of file.findings as Finding[]) {
      if (finding.ruleId === 'reading-age') continue
      const paragraph = paragraphs[finding.paragraph! - 1]!
      expect(finding.page, `${finding.ruleId} ${finding.actual}`).toBe(paragraph.page)
      expect(paragraph.text.replace(/\s+/g, ' '), `${finding.ruleId} ${finding.actual}`).toContain(finding.actual.replace(/\s+/g, ' '))
    }
    const where = (words: string) => (file.findings as Finding[]).find((finding) => finding.actual === words)
    expect(where('leverage')).toMatchObject({page: 1, paragraph: 9, heading: 'Your colonoscopy'})
    expect(where('facilitate')).toMatchObject({page: 2, paragraph: 15, heading: 'After the test'})
    // No sentence runs from a lead-in line into a bullet, or from one bullet into the next.
    const long = (file.findings as Finding[]).filter((finding) => finding.ruleId === 'long-sentence').map((finding) => finding.actual)
    for (const sentence of long) expect(sentence).not.toMatch(/\u2022.*\u2022|:\s*\u2022/)
    expect(file.readingAge.counts.sentences).toBe(17)
  })

  it('is checked in folders, unless a Word file of the same name is beside it (a copy), and says so', async () => {
    const dir = tempDir({'docs/leaflet.docx': await leafletDocx(), 'docs/leaflet.pdf': await leafletPdf(), 'docs/poster.pdf': await leafletPdf(), 'docs/notes.md': 'Hello.\n'})
    const result = await check(dir, 'docs')
    expect(result.report.files.map((file: {path: string}) => file.path)).toEqual(['docs/leaflet.docx', 'docs/notes.md', 'docs/poster.pdf'])
    expect(result.stderr).toContain('plainly: left out a PDF with a Word file of the same name beside it (the Word file is checked instead): docs/leaflet.pdf; name a PDF to check it too\n')
    // Named directly, it is checked.
    expect((await check(dir, 'docs/leaflet.pdf')).report.files.map((file: {path: string}) => file.path)).toEqual(['docs/leaflet.pdf'])
  })

  it('locates findings by page, paragraph, heading and snippet', async () => {
    const dir = tempDir({'leaflet.pdf': await leafletPdf()})
    const findings = jargonOf((await check(dir, 'leaflet.pdf')).report.files[0])
    expect(findings.find((finding) => finding.actual === 'leverage')).toMatchObject({page: 1, paragraph: 2, heading: 'Working with stakeholders'})
    const signpost = findings.find((finding) => finding.actual === 'signpost')!
    expect(signpost).toMatchObject({page: 2, heading: 'Next steps'})
    expect(signpost.snippet).toMatch(/^Staff will signpost people to help\. Call 111\./)
  })

  it('says in one line when a PDF has no text layer (a scan)', async () => {
    const dir = tempDir({'scan.pdf': await scannedPdf()})
    const file = (await check(dir, 'scan.pdf')).report.files[0]
    expect(file.findings).toEqual([expect.objectContaining({ruleId: 'file/no-text', fatal: true, severity: 'error'})])
    expect(file.findings[0].message).toMatch(/^This PDF has no text that plainly can read: it may be a scanned image/)
  })
})

describe('bad documents each get one clear line, and the other files still run', () => {
  it.each([
    ['corrupt.docx', async () => (await leafletDocx()).subarray(0, 300), 'file/damaged', /^This Word file is damaged/],
    ['locked.docx', async () => encryptedDocx(), 'file/encrypted', /^This Word file is protected with a password/],
    ['notes.docx', async () => Buffer.from('Just some text, not a Word file.'), 'file/unsupported', /^This is not a Word file, although its name ends in \.docx/],
    ['bomb.docx', zipBombDocx, 'file/too-large', /^This Word file would unpack to \d+ MB, more than plainly allows/],
    ['damaged.pdf', async () => Buffer.from('%PDF-1.4\nthis is not really a pdf\n%%EOF'), 'file/damaged', /^This PDF is damaged/],
    ['locked.pdf', async () => encryptedPdf(), 'file/encrypted', /^This PDF is protected with a password/]
  ])('%s', async (name, make, ruleId, message) => {
    const dir = tempDir({[name]: await make(), 'good.md': 'We leverage it.\n'})
    const {report, code} = await check(dir, name, 'good.md')
    const [bad, good] = report.files
    expect(bad.findings).toHaveLength(1)
    expect(bad.findings[0]).toMatchObject({ruleId, severity: 'error', fatal: true})
    expect(bad.findings[0].message).toMatch(message)
    expect(good.findings.map((finding: Finding) => finding.ruleId)).toContain('jargon/leverage')
    expect(code).toBe(1)
  })
})

describe('--fix', () => {
  const text = ['We utilise it.', 'Utilised rooms, `utilise` in code and UTILISING.', '<!-- plainly-disable-next-line utilise -->', 'Keep utilise here.', 'The financial penalties apply. Initiating now.', 'See https://example.org/utilise for more.', ''].join('\r\n')
  const fixed = ['We use it.', 'Used rooms, `utilise` in code and USING.', '<!-- plainly-disable-next-line utilise -->', 'Keep utilise here.', 'The fines apply. Starting now.', 'See https://example.org/utilise for more.', ''].join('\r\n')

  it('makes only safe swaps, following capitals and endings, never in code, URLs or disabled lines; keeps BOM and CRLF', async () => {
    const dir = tempDir({'a.md': `\uFEFF${text}`})
    chmodSync(path.join(dir, 'a.md'), 0o640)
    const result = await runCli(['check', 'a.md', '--fix', '--no-config', '--format', 'json'], {cwd: dir})
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(`\uFEFF${fixed}`)
    expect(statSync(path.join(dir, 'a.md')).mode & 0o777).toBe(0o640)
    expect(result.stderr).toBe('plainly: made 5 safe swaps in 1 file\n')
    // The report shows what is left after fixing.
    expect(JSON.parse(result.stdout).files[0].findings.map((finding: Finding) => finding.ruleId)).not.toContain('jargon/utilise')
  })

  it('never creates a new finding: every shipped safe swap, in lower case, with a capital and in capitals', async () => {
    const {loadEntries} = await import('../src/io/glossary-files.js')
    const {checkText} = await import('../src/index.js')
    const {applyFixes} = await import('../src/plugins/fix.js')
    const packs = ['govau', 'plainlanguage-gov']
    const entries = loadEntries({packs}).filter((entry) => entry.autofix)
    expect(entries.length).toBeGreaterThan(4)
    const sentences = entries.flatMap((entry) => {
      const term = entry.terms[0]!
      const title = term.charAt(0).toUpperCase() + term.slice(1)
      return [`We ${term} it.`, `${title} it now.`, `Please ${term.toUpperCase()} the form.`, `${term.toUpperCase()} IT NOW.`]
    })
    for (const sentence of sentences) {
      const before = await checkText(sentence, {format: 'text', packs})
      const fixes = before.findings.flatMap((finding) => (finding.fix ? [finding.fix] : []))
      expect(fixes.length, sentence).toBeGreaterThan(0)
      const after = await checkText(applyFixes(sentence, fixes).text, {format: 'text', packs})
      const known = new Set(before.findings.map((finding) => finding.ruleId))
      expect(after.findings.filter((finding) => !known.has(finding.ruleId)).map((finding) => `${finding.ruleId} ${finding.actual}`), sentence).toEqual([])
    }
  })

  it('works on plain text and HTML, and keeps UTF-16', async () => {
    const dir = tempDir({
      'a.txt': 'Please utilise the car park.\n',
      'b.html': '<p>Please utilise the <code>utilise</code> car park.</p>\n',
      'c.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('We utilise it.\n', 'utf16le')])
    })
    await runCli(['check', '.', '--fix', '--no-config'], {cwd: dir})
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('Please use the car park.\n')
    expect(readFileSync(path.join(dir, 'b.html'), 'utf8')).toBe('<p>Please use the <code>utilise</code> car park.</p>\n')
    expect(readFileSync(path.join(dir, 'c.txt'))).toEqual(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('We use it.\n', 'utf16le')]))
  })

  it('--fix-dry-run prints a unified diff and changes nothing', async () => {
    const dir = tempDir({'a.md': 'We utilise it.\n'})
    const result = await runCli(['check', 'a.md', '--fix-dry-run', '--no-config'], {cwd: dir})
    expect(result.stdout).toContain('--- a/a.md')
    expect(result.stdout).toContain('+++ b/a.md')
    expect(result.stdout).toContain('-We utilise it.\n+We use it.')
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe('We utilise it.\n')
  })

  it('never touches Word or PDF files, and says so', async () => {
    const docx = await leafletDocx()
    const dir = tempDir({'leaflet.docx': docx})
    const result = await runCli(['check', 'leaflet.docx', '--fix', '--no-config'], {cwd: dir})
    expect(result.stderr).toContain('plainly: leaflet.docx: plainly does not change Word or PDF files; the suggestions are in the report')
    expect(readFileSync(path.join(dir, 'leaflet.docx'))).toEqual(docx)
  })

  it('never writes a file that could not be checked', async () => {
    const bytes = Buffer.concat([Buffer.from('We utilise it. Caf'), Buffer.from([0xe9]), Buffer.from('\n')])
    const dir = tempDir({'a.txt': bytes})
    await runCli(['check', 'a.txt', '--fix', '--no-config'], {cwd: dir})
    expect(readFileSync(path.join(dir, 'a.txt'))).toEqual(bytes)
  })

  it('leaves no temporary files behind', async () => {
    const dir = tempDir({'a.md': 'We utilise it.\n'})
    await runCli(['check', 'a.md', '--fix', '--no-config'], {cwd: dir})
    writeFileSync(path.join(dir, 'b.md'), 'x')
    const {readdirSync} = await import('node:fs')
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.md'])
  })
})
