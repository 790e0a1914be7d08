/**
 * The page's Web Worker: the same checker as the command, so that a long
 * document never freezes the page. The page starts it from its own text (a
 * blob: URL); it loads nothing.
 *
 * pdf.js runs in this thread too: its worker code is bundled in and handed
 * to it as `pdfjsWorker`, so it never fetches a script. The reports the
 * page offers for download are the command's own (reporters/html.ts, csv.ts).
 */
import {createChecker, type Checker} from '../core/checker.js'
import {formatFor} from '../core/formats.js'
import {toReport} from '../core/results.js'
import {csvReport} from '../reporters/csv.js'
import {listedFindings, messageWithAlternatives, placeText, repeatsText, topTerms} from '../reporters/escape.js'
import {htmlReport} from '../reporters/html.js'
import {reportText} from '../reporters/types.js'
import {reviewedName, reviewWordDocument} from '../reporters/word-review.js'
import {kindOf} from './kinds.js'
import type {Checked, FromWorker, ToWorker} from './protocol.js'

interface WorkerScope {
  onmessage: ((event: {data: ToWorker}) => void) | null
  postMessage(message: FromWorker): void
  pdfjsWorker?: unknown
}
const scope = globalThis as unknown as WorkerScope

/** The checker cuts long documents into pieces of this many characters (core/chunks.ts); progress counts them. */
const PIECE = 256 * 1024
/** Words to change most often: as many as the HTML report lists. */
const TOP_TERMS = 15

let checker: Checker | undefined
let version = ''
let queue: Promise<void> = Promise.resolve()
const progress = {id: 0, done: 0, total: 1}
/** The last few results, for their reports. */
const recent = new Map<number, Checked>()
/** The Word documents among them, as they were opened, for a reviewed copy. */
const wordBytes = new Map<number, Uint8Array>()

scope.onmessage = (event) => {
  const message = event.data
  if (message.type === 'start') {
    version = message.version
    checker = createChecker({
      data: message.data,
      settings: message.settings,
      afterPiece: () => scope.postMessage({type: 'progress', id: progress.id, stage: 'checking', done: ++progress.done, total: Math.max(progress.total, progress.done + 1)})
    })
    scope.postMessage({type: 'ready'})
    return
  }
  // One thing at a time, in the order asked.
  queue = queue.then(() => (message.type === 'check' ? check(message) : message.type === 'review' ? review(message) : report(message)))
}

async function check(message: Extract<ToWorker, {type: 'check'}>): Promise<void> {
  const started = performance.now()
  try {
    const format = message.format ?? formatFor(message.path)
    if (format === 'pdf') await loadPdfWorker()
    Object.assign(progress, {id: message.id, done: 0, total: Math.max(1, Math.ceil((message.text?.length ?? message.bytes?.length ?? 0) / PIECE))})
    scope.postMessage({type: 'progress', id: message.id, stage: message.bytes && (format === 'docx' || format === 'pdf') ? 'reading' : 'checking', done: 0, total: progress.total})
    const {result, view} = await checker!.check({path: message.path, format, text: message.text, bytes: message.bytes, view: true})
    const listed = listedFindings(result, {color: 0})
    const index = new Map(result.findings.map((finding, at) => [finding, at]))
    const checked: Checked = {
      result,
      view,
      kinds: result.findings.map(kindOf),
      messages: result.findings.map(messageWithAlternatives),
      places: result.findings.map(placeText),
      listed: listed.map((entry) => ({index: index.get(entry.finding)!, repeats: entry.repeats.map((repeat) => index.get(repeat)!), repeatsText: repeatsText(entry.repeats)})),
      top: topTerms([result], {color: 0}, TOP_TERMS).terms.map(({term, count, expected}) => ({term, count, expected})),
      millis: performance.now() - started
    }
    recent.set(message.id, checked)
    if (format === 'docx' && message.bytes) wordBytes.set(message.id, message.bytes.slice())
    for (const id of recent.keys()) {
      if (recent.size > 3 && id !== message.id) recent.delete(id)
      if (!recent.has(id)) wordBytes.delete(id)
    }
    scope.postMessage({type: 'result', id: message.id, ...checked})
  } catch (error) {
    scope.postMessage({type: 'failed', id: message.id, message: (error as Error).message})
  }
}

async function report(message: Extract<ToWorker, {type: 'report'}>): Promise<void> {
  const checked = recent.get(message.id)
  if (!checked) return scope.postMessage({type: 'failed', id: message.id, message: 'that check is no longer kept: check the document again'})
  const report = toReport([checked.result], version)
  const text =
    message.format === 'html'
      ? reportText(htmlReport(report, {color: 0, views: checked.view ? new Map([[checked.result.path, checked.view]]) : undefined}))
      : reportText(csvReport(report, {color: 0}))
  scope.postMessage({type: 'report', id: message.id, format: message.format, text})
}

async function review(message: Extract<ToWorker, {type: 'review'}>): Promise<void> {
  const checked = recent.get(message.id)
  const bytes = wordBytes.get(message.id)
  if (!checked?.view || !bytes) return scope.postMessage({type: 'failed', id: message.id, message: 'a reviewed copy can only be made of a Word document: open it again'})
  try {
    // As `plainly check --review --fix` makes it: comments, and the safe swaps as tracked changes to accept or reject.
    const copy = await reviewWordDocument(bytes, checked.result, checked.view, {fix: true})
    scope.postMessage({type: 'reviewed', id: message.id, name: reviewedName(checked.result.path), bytes: copy.bytes, comments: copy.comments, changes: copy.changes})
  } catch (error) {
    scope.postMessage({type: 'failed', id: message.id, message: (error as Error).message})
  }
}

/** pdf.js's own worker code, run in this thread (it is in this file: nothing is fetched). */
async function loadPdfWorker(): Promise<void> {
  if (scope.pdfjsWorker) return
  scope.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
}
