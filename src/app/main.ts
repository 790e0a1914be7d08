/**
 * The page: open a document or paste text, and see what to change. The
 * check runs in a Web Worker (worker.ts) started from this page's own text,
 * so the page never freezes and nothing is fetched. Pasted text is kept on
 * this computer (local storage) and checked again each time typing pauses.
 */
import {byId, h} from './dom.js'
import {useWord} from './edit.js'
import {showGlossary} from './glossary-panel.js'
import type {Checked, FromWorker, PageData, ToWorker} from './protocol.js'
import {setUpAdvice, showResults} from './results.js'
import {download, load, save, STORE} from './storage.js'
import {setUpSuggestions} from './suggest-panel.js'
import {setUpTabs} from './tabs.js'
import {htmlToText} from './word-paste.js'
import {fullStop, lowerFirst} from './words.js'
import type {Finding, Format} from '../types.js'

/** How long typing must stop before the text is checked again, in milliseconds. */
const PAUSE = 40
/** Show the progress bar for checks that take longer than this. */
const SHOW_BUSY_AFTER = 250
/** What pasted text is called in the results and downloads. */
const PASTED = 'your text'
const FORMATS: Record<string, Format> = {'.docx': 'docx', '.pdf': 'pdf', '.md': 'markdown', '.markdown': 'markdown', '.txt': 'text', '.text': 'text', '.html': 'html', '.htm': 'html'}

const page = JSON.parse(byId('plainly-data').textContent!) as PageData
const workerCode = JSON.parse(byId('plainly-worker').textContent!) as string
const workerUrl = URL.createObjectURL(new Blob([workerCode], {type: 'text/javascript'}))
const root = document.documentElement
const started = performance.now()

const text = byId<HTMLTextAreaElement>('text')
const status = byId('status-text')
const busy = byId('busy')
const progress = byId<HTMLProgressElement>('progress')
const problem = byId('problem')

interface Job {
  id: number
  name: string
  editable: boolean
  /** The text as it was sent (pasted text only). */
  text?: string
}

let worker: Worker
let ready = false
let nextId = 1
/** The latest file and text checks asked for: results of older ones are dropped. */
const wanted: {file?: Job; text?: Job} = {}
/** The check of the pasted text on its way (its id, or 0), and whether the text has changed since it was sent. */
let textInFlight = 0
let textChanged = false
/** The check the progress bar is for. */
let busyFor = 0
let busyTimer: ReturnType<typeof setTimeout> | undefined
let pauseTimer: ReturnType<typeof setTimeout> | undefined
let checks = 0
/** The results on show, and what they are of. */
let shown: {job: Job; checked: Checked} | undefined

function startWorker(): void {
  ready = false
  worker = new Worker(workerUrl, {name: 'plainly checker'})
  worker.onmessage = (event: MessageEvent<FromWorker>) => receive(event.data)
  worker.onerror = (event) => {
    event.preventDefault()
    finishBusy()
    showProblem('Something went wrong while checking. Try again, or close this page and open it again.')
  }
  send({type: 'start', data: page.data, settings: page.settings, version: page.version})
}

function send(message: ToWorker, transfer: Transferable[] = []): void {
  worker.postMessage(message, transfer)
}

function receive(message: FromWorker): void {
  if (message.type === 'ready') {
    ready = true
    if (!root.dataset.ready) root.dataset.ready = String(Math.round(performance.now() - started))
    setStatus('Ready. Open a document, or paste or type your text.')
    if (text.value.trim() !== '') checkText()
    return
  }
  if (message.type === 'report') return saveReport(message.format, message.text)
  if (message.type === 'reviewed') return saveReviewed(message.name, message.bytes, message.comments, message.changes)
  const job = [wanted.file, wanted.text].find((item) => item?.id === message.id)
  if (message.type === 'progress') {
    if (!job || message.id !== busyFor) return
    if (message.stage === 'reading') progress.removeAttribute('value')
    else {
      progress.max = message.total
      progress.value = Math.min(message.done, message.total)
    }
    if (message.stage === 'reading') setStatus(`Opening ${job.name}…`)
    else if (message.total === 1) setStatus(`Checking ${job.name}…`)
    else if (message.done > 0) setStatus(`Checking ${job.name}: part ${Math.min(message.done + 1, message.total)} of ${message.total}…`)
    return
  }
  if (message.id === textInFlight) {
    textInFlight = 0
    if (textChanged) {
      textChanged = false
      checkText()
    }
  }
  if (message.id === busyFor) finishBusy()
  if (!job) return
  if (message.type === 'failed') {
    showProblem(`We could not check ${job.name}: ${lowerFirst(fullStop(message.message))}`)
    return
  }
  const {type: _type, id: _id, ...checked} = message
  const fatal = checked.result.findings.find((finding) => finding.fatal)
  if (fatal) {
    showProblem(`${job.editable ? 'Your text' : job.name}: ${lowerFirst(fullStop(fatal.message))}`)
    setStatus(`We could not check ${job.name}.`)
    return
  }
  // A problem with a file stays until another file is opened.
  if (!job.editable) problem.hidden = true
  shown = {job, checked}
  showResults({checked, name: job.name, editable: job.editable}, {useWord: swapWord})
  // A reviewed copy is made of a Word document only.
  byId('download-reviewed').hidden = checked.result.format !== 'docx'
  checks++
  root.dataset.checks = String(checks)
  root.dataset.millis = String(Math.round(checked.millis))
  // For the tests: how long the text behind the results on show is.
  root.dataset.shownLength = String(job.text?.length ?? -1)
  if (!job.editable) {
    setStatus(`Checked ${job.name}: the results are below.`)
    byId('results-title').focus()
  }
}

function setStatus(words: string): void {
  status.textContent = words
}

function showProblem(words: string): void {
  problem.textContent = words
  problem.hidden = false
}

function startBusy(job: Job): void {
  busyFor = job.id
  clearTimeout(busyTimer)
  busyTimer = setTimeout(() => {
    busy.hidden = false
  }, SHOW_BUSY_AFTER)
}

function finishBusy(): void {
  busyFor = 0
  clearTimeout(busyTimer)
  busy.hidden = true
  progress.removeAttribute('value')
}

/** Check a file the officer chose or dropped. */
async function checkFile(file: File): Promise<void> {
  const dot = file.name.lastIndexOf('.')
  const extension = dot === -1 ? '' : file.name.slice(dot).toLowerCase()
  const format = FORMATS[extension]
  problem.hidden = true
  if (!format) {
    showProblem(`plainly cannot open ${extension ? `${extension} files` : 'this file'}: choose a Word document (.docx), a PDF, a web page (.html), or a text file (.txt or .md).`)
    return
  }
  const job: Job = {id: nextId++, name: file.name, editable: false}
  wanted.file = job
  const megabytes = file.size / 1024 / 1024
  setStatus(megabytes < 5 ? `Opening ${file.name}…` : `Opening ${file.name} (${Math.round(megabytes)} MB). A long document can take a few minutes: you can keep working on this page, or stop the check.`)
  startBusy(job)
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await file.arrayBuffer())
  } catch {
    finishBusy()
    showProblem(`We could not open ${file.name}: the file may have moved, or you may not have permission to read it.`)
    return
  }
  if (wanted.file !== job) return
  send({type: 'check', id: job.id, path: file.name, format, bytes}, [bytes.buffer])
}

/** Check the pasted text (again). One check at a time: text typed meanwhile is checked when it comes back. */
function checkText(): void {
  if (!ready) return
  if (textInFlight !== 0) {
    textChanged = true
    return
  }
  const value = text.value
  if (value.trim() === '') return
  const job: Job = {id: nextId++, name: PASTED, editable: true, text: value}
  wanted.text = job
  textInFlight = job.id
  // Only a long text shows the progress bar, and only while no file is being checked.
  if (busyFor === 0) startBusy(job)
  send({type: 'check', id: job.id, path: PASTED, format: 'text', text: value})
}

function swapWord(finding: Finding, alternative: string): void {
  if (!shown?.job.editable || !shown.checked.view) return
  const swapped = useWord(text.value, shown.checked.view, finding, alternative)
  if (!swapped) {
    setStatus('Your text has changed since it was checked: wait a moment and try again.')
    return
  }
  text.value = swapped.text
  text.setSelectionRange(swapped.start, swapped.end)
  save(STORE.text, text.value)
  setStatus(`Changed “${finding.actual}” to “${text.value.slice(swapped.start, swapped.end)}”.`)
  checkText()
}

function saveReport(format: 'html' | 'csv', report: string): void {
  const base = (shown?.job.name ?? 'document').replace(/\.[^.]+$/, '')
  download(`${base} plain English report.${format}`, report, format === 'html' ? 'text/html;charset=utf-8' : 'text/csv;charset=utf-8')
  setStatus(format === 'html' ? 'The report is in your downloads.' : 'The list of problems is in your downloads. It opens in Excel.')
}

function saveReviewed(name: string, bytes: Uint8Array, comments: number, changes: number): void {
  download(name, bytes, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  const swaps = changes === 0 ? '' : ` and ${changes === 1 ? 'one suggested change' : `${changes} suggested changes`} to accept or reject`
  setStatus(`The reviewed copy, ${name}, is in your downloads: open it in Word to see ${comments === 1 ? 'one comment' : `${comments} comments`}${swaps}. Your document is unchanged.`)
}

// Opening files: the button, the hidden file input, and dropping anywhere on the page.
const input = byId<HTMLInputElement>('file')
byId('choose').addEventListener('click', () => input.click())
input.addEventListener('change', () => {
  const file = input.files?.[0]
  if (file) void checkFile(file)
  input.value = ''
})
const drop = byId('drop')
document.addEventListener('dragover', (event) => {
  if (!event.dataTransfer?.types.includes('Files')) return
  event.preventDefault()
  drop.classList.add('dragging')
})
document.addEventListener('dragleave', (event) => {
  if (event.relatedTarget === null) drop.classList.remove('dragging')
})
document.addEventListener('drop', (event) => {
  event.preventDefault()
  drop.classList.remove('dragging')
  const file = event.dataTransfer?.files[0]
  if (file) void checkFile(file)
})

// Typing and pasting.
text.value = load(STORE.text) ?? ''
text.addEventListener('input', () => {
  save(STORE.text, text.value)
  clearTimeout(pauseTimer)
  pauseTimer = setTimeout(checkText, PAUSE)
})
text.addEventListener('paste', (event) => {
  const html = event.clipboardData?.getData('text/html')
  if (!html) return
  const pasted = htmlToText(html)
  if (pasted === '') return
  event.preventDefault()
  // As typing would: the browser's undo still works.
  if (!document.execCommand('insertText', false, pasted)) text.setRangeText(pasted, text.selectionStart, text.selectionEnd, 'end')
})
byId('clear').addEventListener('click', () => {
  text.value = ''
  save(STORE.text, '')
  text.focus()
  setStatus('Your text is cleared.')
})

// Stopping a long check: a new worker, so the page is ready again at once.
byId('stop').addEventListener('click', () => {
  worker.terminate()
  wanted.file = undefined
  wanted.text = undefined
  textInFlight = 0
  finishBusy()
  startWorker()
  setStatus('Stopped. Anything you typed is still there.')
})

byId('download-report').addEventListener('click', () => shown && send({type: 'report', id: shown.job.id, format: 'html'}))
byId('download-csv').addEventListener('click', () => shown && send({type: 'report', id: shown.job.id, format: 'csv'}))
byId('download-reviewed').addEventListener('click', () => shown && send({type: 'review', id: shown.job.id}))

// Escape hides a tooltip until focus or the pointer moves on (WCAG 1.4.13).
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') root.classList.add('tips-off')
})
document.addEventListener('focusin', () => root.classList.remove('tips-off'))
document.addEventListener('mousemove', () => root.classList.remove('tips-off'))

setUpTabs((panel) => {
  if (panel === 'panel-words') showGlossary(page.data.entries)
})
setUpSuggestions()
setUpAdvice()
byId('about').append(
  `plainly ${page.version}. Words list: ${page.madeWith.join(', ')}. `,
  h('span', {}, 'Everything is checked on this computer: this page sends nothing anywhere.')
)
startWorker()
