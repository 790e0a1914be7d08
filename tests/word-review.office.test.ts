/**
 * A real office suite opens the reviewed copy of a Word document:
 * LibreOffice (Debian's libreoffice-writer, as CI installs it) turns it into
 * a PDF with its comments as PDF notes, and the PDF (read with pdf.js) has
 * the text, plainly's swaps and plainly's comments. Without LibreOffice
 * these tests are skipped (see tests/setup/system-tools.ts).
 */
import {describe, expect, it} from 'vitest'
import {spawnSync} from 'node:child_process'
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {createSettings} from '../src/batch/settings.js'
import {reviewWordDocument} from '../src/reporters/word-review.js'
import {structuredDocx} from './fixtures/documents.js'
import {tempDir} from './helpers.js'
import {systemTool} from './system-tools.js'

const soffice = systemTool('libreoffice')

/** Convert with LibreOffice, comments exported as PDF notes; its own profile, so runs never share one. */
function toPdf(file: string): {code: number | null; stderr: string; pdf: string} {
  const dir = path.dirname(file)
  const filter = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
  const result = spawnSync(soffice.path, [`-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', dir, file], {encoding: 'utf8', timeout: 120_000})
  return {code: result.status, stderr: result.stderr, pdf: file.replace(/\.docx$/, '.pdf')}
}

async function readPdf(file: string): Promise<{text: string; notes: Array<{author: string; text: string}>}> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await pdfjs.getDocument({data: new Uint8Array(readFileSync(file)), isEvalSupported: false, useSystemFonts: false, verbosity: 0}).promise
  let text = ''
  const notes: Array<{author: string; text: string}> = []
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number)
    text += (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join('')
    for (const note of await page.getAnnotations()) if (note.subtype === 'Text') notes.push({author: String(note.titleObj?.str ?? '').split(',')[0]!, text: note.contentsObj?.str ?? ''})
  }
  return {text, notes}
}

describe.skipIf(!soffice.available)('LibreOffice opens the reviewed copy', () => {
  it('converts it to a PDF with the text, the tracked changes and plainly\u2019s comments', async () => {
    const original = await structuredDocx()
    const checker = await createSettings({config: false}).checkerFor(path.resolve('leaflet.docx'))
    const {result, view} = await checker.check({path: 'leaflet.docx', bytes: original, view: true})
    const copy = await reviewWordDocument(original, result, view!, {fix: true})
    const dir = tempDir()
    const file = path.join(dir, 'leaflet.plainly.docx')
    writeFileSync(file, copy.bytes)

    const converted = toPdf(file)
    expect(converted.code, converted.stderr).toBe(0)
    expect(existsSync(converted.pdf), `LibreOffice could not open the copy: ${converted.stderr}`).toBe(true)
    expect(readFileSync(converted.pdf).subarray(0, 5).toString()).toBe('%PDF-')

    const pdf = await readPdf(converted.pdf)
    expect(pdf.text).toContain('Your health check')
    // Tracked changes show both the words taken out and the swap. (A note's title is its author and date.)
    expect(pdf.text).toMatch(/financial\s*penalty\s*fine/)
    const ours = pdf.notes.filter((note) => note.author === 'plainly')
    // LibreOffice 7.4 does not draw the text box of this document (made by the docx package) even in the
    // original, and leaves out notes on what it does not draw: the comment there ("deliver") is counted only if it does.
    writeFileSync(path.join(dir, 'original.docx'), original)
    const boxShown = (await readPdf(toPdf(path.join(dir, 'original.docx')).pdf)).text.includes('Call us to deliver')
    expect(ours).toHaveLength(copy.comments - (boxShown ? 0 : 1))
    expect(ours.some((note) => note.text.startsWith('Use \u201Cfine\u201D instead of \u201Cfinancial penalty\u201D'))).toBe(true)
    expect(pdf.notes.filter((note) => note.author === 'Editor').map((note) => note.text)).toEqual(['Please check this heading.'])
  }, 180_000)
})
