/**
 * The reviewed copy of a Word document (--review): findings as comments on
 * their words, safe swaps as tracked changes, everything else kept. The
 * documents are made with the docx package; the copies are read back with
 * mammoth (the text) and with tests/fixtures/ooxml.ts (the XML, against the
 * rules Word enforces), neither of which shares code with the review.
 */
import {describe, expect, it, beforeAll} from 'vitest'
import {spawnSync} from 'node:child_process'
import vm from 'node:vm'
import {existsSync, mkdirSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import JSZip from 'jszip'
import mammoth from 'mammoth'
import {createSettings} from '../src/batch/settings.js'
import {reviewedName} from '../src/core/docx-review.js'
import {reviewWordDocument} from '../src/reporters/word-review.js'
import type {DocumentView, FileResult} from '../src/types.js'
import {encryptedDocx, structuredDocx, zipBombDocx} from './fixtures/documents.js'
import {anchors, comments, elementCounts, parts, rawParts} from './fixtures/ooxml.js'
import {tempDir} from './helpers.js'
import {loadCheckerData} from '../src/index.js'

const root = path.resolve(fileURLToPath(import.meta.url), '../..')
const date = new Date('2026-02-03T10:00:00Z')
const checker = createSettings({config: false}).checkerFor(path.resolve('leaflet.docx'))

async function checked(bytes: Uint8Array): Promise<{result: FileResult; view: DocumentView}> {
  const {result, view} = await (await checker).check({path: 'leaflet.docx', bytes, view: true})
  return {result, view: view!}
}

async function text(bytes: Uint8Array): Promise<string> {
  return (await mammoth.extractRawText({buffer: Buffer.from(bytes)})).value
}

let original: Buffer
let found: {result: FileResult; view: DocumentView}
let plain: Awaited<ReturnType<typeof reviewWordDocument>>
let fixed: Awaited<ReturnType<typeof reviewWordDocument>>

beforeAll(async () => {
  original = await structuredDocx()
  found = await checked(original)
  plain = await reviewWordDocument(original, found.result, found.view, {date})
  fixed = await reviewWordDocument(original, found.result, found.view, {date, fix: true})
})

/** The OOXML rules Word enforces on comments and tracked changes. */
async function expectValidReview(bytes: Uint8Array): Promise<void> {
  const xml = await parts(bytes)
  const list = comments(xml.get('word/comments.xml')!)
  expect(new Set(list.map((comment) => comment.id)).size).toBe(list.length)
  const {marks, revisions} = anchors(xml.get('word/document.xml')!)
  for (const comment of list) {
    const start = marks.findIndex(([kind, id]) => kind === 'start' && id === comment.id)
    const end = marks.findIndex(([kind, id]) => kind === 'end' && id === comment.id)
    const reference = marks.findIndex(([kind, id]) => kind === 'reference' && id === comment.id)
    expect(marks.filter(([, id]) => id === comment.id)).toHaveLength(3)
    expect(start).toBeGreaterThanOrEqual(0)
    expect(end).toBeGreaterThan(start)
    expect(reference).toBeGreaterThan(end)
    expect(comment.author).toBeTruthy()
    expect(comment.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/)
  }
  for (const revision of revisions) {
    expect(revision.attributes['w:author']).toBeTruthy()
    expect(revision.attributes['w:date']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/)
  }
  expect(new Set(revisions.map((revision) => revision.attributes['w:id'])).size).toBe(revisions.length)
  expect(xml.get('[Content_Types].xml')).toMatch(/<Override[^>]*PartName="\/word\/comments\.xml"[^>]*ContentType="application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.comments\+xml"|<Override[^>]*ContentType="application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.comments\+xml"[^>]*PartName="\/word\/comments\.xml"/)
  expect(xml.get('word/_rels/document.xml.rels')).toMatch(/Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/comments"[^>]*Target="comments\.xml"|Target="comments\.xml"[^>]*Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/comments"/)
}

/** plainly's comments, each with the words it is on. */
async function plainlyComments(bytes: Uint8Array) {
  const xml = await parts(bytes)
  const {anchored} = anchors(xml.get('word/document.xml')!)
  return comments(xml.get('word/comments.xml')!)
    .filter((comment) => comment.author === 'plainly')
    .map((comment) => ({...comment, on: anchored.get(comment.id)}))
}

describe('the reviewed copy of a Word document', () => {
  it('follows the rules Word enforces, with and without tracked changes', async () => {
    await expectValidReview(plain.bytes)
    await expectValidReview(fixed.bytes)
  })

  it('puts each finding in a comment by plainly on exactly the words it is about', async () => {
    const list = await plainlyComments(plain.bytes)
    const findings = found.result.findings.filter((finding) => finding.ruleId !== 'reading-age' && (finding.occurrence ?? 1) === 1)
    // The footnote's finding is the only one not marked in the text (see below).
    const marked = findings.filter((finding) => finding.actual !== 'stakeholders')
    expect(marked.map((finding) => finding.actual)).toEqual(['leverage', 'financial penalty', 'approximately', 'holistic', 'signpost', 'deliver', expect.stringMatching(/^When you come to the clinic.*them all\.$/)])
    for (const finding of marked) {
      const comment = list.find((item) => item.text[0] === finding.message)
      expect(comment, finding.message).toBeDefined()
      expect(comment!.on).toBe(finding.actual)
      if (finding.note) expect(comment!.text).toContain(`Why: ${finding.note}`)
      expect(comment!.date).toBe('2026-02-03T10:00:00Z')
    }
    // One more comment: the one at the start.
    expect(list).toHaveLength(marked.length + 1)
    expect(plain).toMatchObject({comments: marked.length + 1, changes: 0, unplaced: 1, replaced: 0})
  })

  it('reads and marks a phrase written in three runs with different formatting, in a table cell and in a text box', async () => {
    const on = (await plainlyComments(plain.bytes)).map((comment) => comment.on)
    expect(on).toContain('financial penalty')
    expect(on).toContain('signpost')
    expect(on).toContain('deliver')
  })

  it('comments once on a word used again, saying where else it is used', async () => {
    const list = await plainlyComments(plain.bytes)
    const about = list.filter((comment) => comment.on === 'approximately')
    expect(about).toHaveLength(1)
    expect(about[0]!.text).toContain('Used once more: paragraph 6.')
  })

  it('puts the reading age, the target, the hardest sentences and what could not be marked in one comment at the start', async () => {
    const [first] = await plainlyComments(plain.bytes)
    expect(first!.on).toBe('Your health check')
    const readingAge = found.result.readingAge!
    expect(first!.text[0]).toBe(`plainly: reading age ${readingAge.age}, above the target of 9 to 11. This is a short text, so treat it as a rough guide.`)
    expect(first!.text).toContain('Start with the hardest sentences:')
    for (const sentence of readingAge.hardestSentences) expect(first!.text.some((line) => line.startsWith(`Paragraph ${sentence.paragraph}: \u201C`))).toBe(true)
    // A footnote is read but not marked: LibreOffice cannot open a document with a comment in a footnote.
    const footnote = found.result.findings.find((finding) => finding.actual === 'stakeholders')!
    expect(first!.text).toContain('Not marked in the text:')
    expect(first!.text).toContain(`Paragraph ${footnote.paragraph} (under \u201CYour health check\u201D): ${footnote.message}, in \u201COur stakeholders agreed this.\u201D`)
  })

  it('without --fix, changes nothing in the text', async () => {
    expect(await text(plain.bytes)).toBe(await text(original))
    expect(anchors((await parts(plain.bytes)).get('word/document.xml')!).revisions.filter((tag) => tag.attributes['w:author'] === 'plainly')).toEqual([])
  })

  it('with --fix, makes each safe swap a tracked change by plainly, and nothing else', async () => {
    const before = await text(original)
    // mammoth reads tracked changes as if accepted.
    expect(await text(fixed.bytes)).toBe(before.replace('financial penalty', 'fine').replaceAll('approximately', 'about'))
    expect(fixed.changes).toBe(3)
    const xml = (await parts(fixed.bytes)).get('word/document.xml')!
    const ours = anchors(xml).revisions.filter((tag) => tag.attributes['w:author'] === 'plainly')
    expect(ours.map((tag) => tag.name)).toEqual(['w:del', 'w:ins', 'w:del', 'w:ins', 'w:del', 'w:ins'])
    // The three runs keep their formatting in the deletion; the swap is inserted after them.
    expect(xml).toMatch(/<w:del [^>]*w:author="plainly"[^>]*><w:r><w:delText[^>]*>fin<\/w:delText><\/w:r><w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:delText[^>]*>ancial pen<\/w:delText><\/w:r><w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:delText[^>]*>alty<\/w:delText><\/w:r><\/w:del><w:ins [^>]*w:author="plainly"[^>]*><w:r><w:t[^>]*>fine<\/w:t><\/w:r><\/w:ins>/)
    // The comment is still on the words found (deleted, with the swap beside them).
    const comment = (await plainlyComments(fixed.bytes)).find((item) => item.text[0]?.includes('financial penalty'))!
    expect(comment.on).toBe('financial penalty')
    expect(comment.text.at(-1)).toBe('plainly has made this swap as a tracked change: accept or reject it on the Review tab.')
  })

  it('keeps everything else: other parts byte for byte, styles, lists, table, picture, link, footnote, header, footer, comments and tracked changes of others', async () => {
    const before = await rawParts(original)
    for (const copy of [plain.bytes, fixed.bytes]) {
      const after = await rawParts(copy)
      const rewritten = ['word/document.xml', 'word/comments.xml']
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort())
      for (const [name, bytes] of before) if (!rewritten.includes(name)) expect(Buffer.from(after.get(name)!).equals(Buffer.from(bytes)), name).toBe(true)
      const xml = (await parts(copy)).get('word/document.xml')!
      const was = (await parts(original)).get('word/document.xml')!
      const kinds = ['w:p', 'w:tbl', 'w:tc', 'w:hyperlink', 'w:drawing', 'w:pict', 'w:txbxContent', 'w:footnoteReference', 'w:numPr', 'w:pStyle', 'w:sectPr', 'w:headerReference', 'w:footerReference']
      expect(elementCounts(xml, kinds)).toEqual(elementCounts(was, kinds))
      // Someone else's comment and tracked changes, with their authors and dates.
      const editor = comments((await parts(copy)).get('word/comments.xml')!).find((comment) => comment.author === 'Editor')
      expect(editor).toMatchObject({id: '0', date: '2026-01-01T00:00:00.000Z', text: ['Please check this heading.']})
      expect(anchors(xml).anchored.get('0')).toBe('Next steps')
      const theirs = anchors(xml).revisions.filter((tag) => tag.attributes['w:author'] === 'Editor')
      expect(theirs.map((tag) => [tag.name, tag.attributes['w:date']])).toEqual([
        ['w:del', '2026-01-01T00:00:00Z'],
        ['w:ins', '2026-01-01T00:00:00Z']
      ])
      // The link still goes where it went.
      const html = (await mammoth.convertToHtml({buffer: Buffer.from(copy)})).value
      expect(html).toContain('<a href="https://www.nhs.uk/">NHS website</a>')
      expect(html).toContain('<h1>Your health check</h1>')
      expect(html).toMatch(/<ul><li>Come approximately ten minutes early\.<\/li><li>Bring a list of your medicines\.<\/li><\/ul>|<ul><li>Come about ten minutes early\.<\/li><li>Bring a list of your medicines\.<\/li><\/ul>/)
      expect(html).toContain('<img alt="Logo" src="data:image/png;base64,iVBORw0KGgo')
      expect(html).toContain('<table><tr><td><p>Clinic</p></td>')
    }
  })

  it('reviewing a reviewed copy replaces plainly\u2019s comments rather than adding more', async () => {
    const again = await checked(fixed.bytes)
    const twice = await reviewWordDocument(fixed.bytes, again.result, again.view, {date})
    await expectValidReview(twice.bytes)
    expect(twice.replaced).toBe(plain.comments)
    const list = await plainlyComments(twice.bytes)
    // The swaps not yet accepted are read as made, so "financial penalty" and "approximately" are no longer found.
    expect(list.map((comment) => comment.on).filter((on) => on && !on.startsWith('When you come'))).toEqual(['Your health check', 'leverage', 'holistic', 'signpost', 'deliver'])
    expect(comments((await parts(twice.bytes)).get('word/comments.xml')!).filter((comment) => comment.author === 'Editor')).toHaveLength(1)
    // plainly's tracked changes from the first review wait for the officer.
    expect(anchors((await parts(twice.bytes)).get('word/document.xml')!).revisions.filter((tag) => tag.attributes['w:author'] === 'plainly')).toHaveLength(6)
  })

  it('adds and registers the comments part when the document has none', async () => {
    const zip = await JSZip.loadAsync(original)
    zip.remove('word/comments.xml')
    zip.remove('word/_rels/comments.xml.rels')
    zip.file('[Content_Types].xml', (await zip.file('[Content_Types].xml')!.async('string')).replace(/<Override[^>]*comments\+xml"[^>]*\/>/, ''))
    zip.file('word/_rels/document.xml.rels', (await zip.file('word/_rels/document.xml.rels')!.async('string')).replace(/<Relationship[^>]*relationships\/comments"[^>]*\/>/, ''))
    // The editor's comment marks go too: its comment is gone.
    zip.file('word/document.xml', (await zip.file('word/document.xml')!.async('string')).replace(/<w:commentRange(Start|End) w:id="0"\/>/g, '').replace(/<w:r><w:commentReference w:id="0"\/><\/w:r>/, ''))
    const bare = await zip.generateAsync({type: 'uint8array'})
    expect((await parts(bare)).has('word/comments.xml')).toBe(false)
    const review = await checked(bare)
    const copy = await reviewWordDocument(bare, review.result, review.view, {date})
    await expectValidReview(copy.bytes)
    expect(await plainlyComments(copy.bytes)).toHaveLength(copy.comments)
  })

  it('makes the same copy in a web page: bundled for a browser, with no Node', async () => {
    const esbuild = await import('esbuild-wasm')
    const entry = "import {createChecker} from './src/core/checker.ts'\nimport {reviewWordDocument} from './src/reporters/word-review.ts'\nglobalThis.plainly = {createChecker, reviewWordDocument}\n"
    const built = await esbuild.build({stdin: {contents: entry, resolveDir: root, loader: 'ts'}, bundle: true, platform: 'browser', conditions: ['worker'], format: 'iife', write: false, metafile: true, logLevel: 'silent'})
    expect(Object.keys(built.metafile.inputs).filter((input) => /^(node:|src\/(io|cli|batch)\/)/.test(input))).toEqual([])
    // What a Web Worker has: no document, no Node.
    const context = vm.createContext({TextDecoder, TextEncoder, URL, console, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, MessageChannel, structuredClone, atob, btoa, Date})
    context.self = context
    context.data = structuredClone(loadCheckerData())
    context.bytes = new Uint8Array(original)
    vm.runInContext(built.outputFiles[0]!.text, context)
    const copy: Uint8Array = await vm.runInContext(
      `(async () => {
        const {result, view} = await plainly.createChecker({data}).check({path: 'leaflet.docx', bytes, view: true})
        return (await plainly.reviewWordDocument(bytes, result, view, {fix: true, date: new Date('2026-02-03T10:00:00Z')})).bytes
      })()`,
      context
    )
    const [page, command] = [await parts(new Uint8Array(copy)), await parts(fixed.bytes)]
    for (const name of ['word/document.xml', 'word/comments.xml']) expect(page.get(name), name).toBe(command.get(name))
  }, 120_000)

  it('names the copy beside the original, and a reviewed copy keeps its name', () => {
    expect(reviewedName('leaflet.docx')).toBe('leaflet.plainly.docx')
    expect(reviewedName('Leaflet.DOCX')).toBe('Leaflet.plainly.docx')
    expect(reviewedName('leaflet.plainly.docx')).toBe('leaflet.plainly.docx')
  })
})

function plainly(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [path.join(root, 'bin/plainly.js'), ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, GITHUB_ACTIONS: undefined}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

describe('plainly check --review (bin/plainly.js)', () => {
  it('writes leaflet.plainly.docx beside leaflet.docx and never changes the original', async () => {
    const dir = tempDir({'leaflet.docx': original, 'notes.md': 'We will leverage it.\n'})
    const result = plainly(['check', 'leaflet.docx', 'notes.md', '--review', '--fix', '--no-config', '--format', 'json'], dir)
    expect(result.code).toBe(1)
    expect(Buffer.compare(readFileSync(path.join(dir, 'leaflet.docx')), original)).toBe(0)
    expect(readdirSync(dir).sort()).toEqual(['leaflet.docx', 'leaflet.plainly.docx', 'notes.md'])
    expect(result.stderr).toContain('plainly: wrote the reviewed copy leaflet.plainly.docx: 8 comments and 3 tracked changes (1 finding listed in the first comment, as it could not be marked in the text)\n')
    // The report is the same as without --review.
    const report = JSON.parse(result.stdout)
    expect(report.files.map((file: FileResult) => file.path)).toEqual(['leaflet.docx', 'notes.md'])
    const copy = readFileSync(path.join(dir, 'leaflet.plainly.docx'))
    await expectValidReview(copy)
    expect(await text(copy)).toContain('You may get a fine if you pay late.')
  })

  it('leaves a reviewed copy out of a folder check, and reviewing the copy itself updates it in place', () => {
    const dir = tempDir({'leaflet.docx': original})
    expect(plainly(['check', '.', '--review', '--no-config'], dir).code).toBe(1)
    const again = plainly(['check', '.', '--review', '--no-config', '--format', 'json'], dir)
    expect(again.stderr).toContain('plainly: left out a reviewed copy that plainly wrote beside its Word file (leaflet.plainly.docx); name one to check it\n')
    expect(JSON.parse(again.stdout).files.map((file: FileResult) => file.path)).toEqual(['leaflet.docx'])
    const copy = plainly(['check', 'leaflet.plainly.docx', '--review', '--no-config'], dir)
    expect(copy.stderr).toContain('plainly: wrote the reviewed copy leaflet.plainly.docx: 8 comments')
    expect(readdirSync(dir).sort()).toEqual(['leaflet.docx', 'leaflet.plainly.docx'])
  })

  it('writes no copy of a document it cannot read, with the same one-line error as without --review', async () => {
    const dir = tempDir({'locked.docx': encryptedDocx(), 'bomb.docx': await zipBombDocx(), 'broken.docx': original.subarray(0, 300)})
    const without = plainly(['check', '.', '--no-config'], dir)
    const withReview = plainly(['check', '.', '--review', '--no-config'], dir)
    expect(withReview).toEqual(without)
    expect(withReview.stdout).toMatch(/This Word file is protected with a password/)
    expect(withReview.stdout).toMatch(/This Word file would unpack to \d+ MB/)
    expect(withReview.stdout).toMatch(/This Word file is damaged/)
    expect(readdirSync(dir).sort()).toEqual(['bomb.docx', 'broken.docx', 'locked.docx'])
  })

  it('says so, exits 2 and leaves no half-written file when the copy cannot be written', () => {
    const dir = tempDir({'leaflet.docx': original})
    // A folder where the copy would go: the rename over it fails.
    mkdirSync(path.join(dir, 'leaflet.plainly.docx'))
    const result = plainly(['check', 'leaflet.docx', '--review', '--no-config'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/plainly: leaflet\.docx: cannot write the reviewed copy \(E[A-Z]+\)\n/)
    expect(readdirSync(dir).sort()).toEqual(['leaflet.docx', 'leaflet.plainly.docx'])
    expect(existsSync(path.join(dir, 'leaflet.plainly.docx', 'word'))).toBe(false)
  })

  it('with --fix-dry-run, or with no Word file, says why there is no copy', () => {
    const dir = tempDir({'leaflet.docx': original, 'notes.md': 'Hello.\n'})
    expect(plainly(['check', 'leaflet.docx', '--review', '--fix-dry-run', '--no-config'], dir)).toMatchObject({code: 2, stderr: expect.stringContaining('--review writes a copy of each Word document, and --fix-dry-run changes no file: use one of them')})
    expect(plainly(['check', 'notes.md', '--review', '--no-config'], dir).stderr).toContain('plainly: --review makes a reviewed copy of Word documents (.docx) only, and none was checked\n')
    expect(readdirSync(dir).sort()).toEqual(['leaflet.docx', 'notes.md'])
  })
})
