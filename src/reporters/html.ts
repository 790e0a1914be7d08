/**
 * One self-contained HTML page for a folder of documents, for comms
 * officers: a summary table (reading age against target, as a bar and in
 * words; counts), the words to change most often, then each document's text
 * with every problem highlighted. A highlight shows what to change and why
 * on hover and on keyboard focus.
 *
 * Safe to open anywhere: every piece of document text is escaped; the page
 * makes no network requests; a Content-Security-Policy allows only this
 * file's own <style> and <script>, by hash. The small script only lets
 * Escape hide a tooltip; the page works fully without it.
 *
 * Overlapping findings (a jargon word inside a long sentence) are drawn by
 * cutting the text into segments at every start and end, so <mark>s never
 * nest or cross.
 */
import {createHash} from 'node:crypto'
import {PLAINLY_RULES} from '../core/rules.js'
import {viewLocator} from '../core/view.js'
import {coveredPieces} from '../shared/spans.js'
import type {DocumentView, FileResult, Finding, Report, Severity, ViewBlock} from '../types.js'
import {referenceText} from './reference.js'
import {describeTarget, escapeHtml, listedFindings, messageWithAlternatives, plural, repeatsLeftOut, repeatsText, thousands, topTerms, type ListedFinding} from './escape.js'
import type {Reporter, ReporterOptions} from './types.js'

export const SEVERITY_LABEL: Record<Severity, string> = {error: 'Must fix', warning: 'Should fix', suggestion: 'Suggestion'}

const MAX_AGE = 25
const MAX_TERMS = 15

const STYLE = `
:root{color-scheme:light;--text:#0b0c0c;--muted:#484949;--border:#b1b4b6;--light:#f3f2f1;--link:#1d70b8;--focus:#ffdd00;--error:#d4351c;--warning:#8a6d00;--suggestion:#1d70b8;--ok:#00703c}
*{box-sizing:border-box}
body{margin:0;background:#fff;color:var(--text);font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
.page{max-width:64rem;margin:0 auto;padding:1rem 1.5rem 3rem}
a{color:var(--link)}
a:focus,summary:focus{outline:3px solid transparent;background:var(--focus);color:var(--text);box-shadow:0 -2px var(--focus),0 4px var(--text);text-decoration:none}
.skip{position:absolute;left:-9999px}
.skip:focus{position:static}
h1{font-size:2rem;line-height:1.2;margin:1rem 0}
h2{font-size:1.5rem;margin:2.5rem 0 .75rem}
h3{font-size:1.25rem;margin:2rem 0 .5rem;overflow-wrap:anywhere}
.lead{font-size:1.2rem}
.muted{color:var(--muted)}
.rule{color:var(--muted);font-size:.85em;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
caption{text-align:left;font-weight:700;padding-bottom:.5rem}
th,td{text-align:left;vertical-align:top;padding:.5rem 1rem .5rem 0;border-bottom:1px solid var(--border)}
th{font-weight:700}
td.num,th.num{text-align:right}
tfoot td,tfoot th{font-weight:700;border-bottom:none}
td:first-child{overflow-wrap:anywhere}
.bar{display:inline-block;position:relative;width:8rem;height:.8rem;margin-right:.5rem;vertical-align:middle;background:var(--light);border:1px solid var(--muted)}
.fill{position:absolute;left:0;top:0;bottom:0;background:var(--ok)}
.fill.over{background:var(--error)}
.fill.near{background:var(--suggestion)}
.goal{position:absolute;top:-4px;bottom:-4px;width:3px;background:var(--text)}
.status-ok{color:var(--ok);font-weight:700}
.status-over,.status-bad{color:var(--error);font-weight:700}
.status-near{color:var(--suggestion);font-weight:700}
.legend{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;padding:0;list-style:none}
.notes{padding-left:1.25rem}
.text{overflow-wrap:anywhere;line-height:1.9;padding:.25rem 1rem;border:1px solid var(--border);background:#fff}
.text>p,.text>ul,.text>blockquote,.text>pre{margin:.75rem 0}
.text .doc-heading{font-weight:700;font-size:1.15rem}
.text .doc-row{font-variant-numeric:tabular-nums}
.text .plain,.text pre{white-space:pre-wrap;tab-size:4;font:inherit}
.text pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9rem;background:var(--light);padding:.5rem}
.text blockquote{border-left:4px solid var(--border);padding-left:1rem;margin-left:0}
mark.hl{position:relative;color:inherit;background:none;padding:1px 0;cursor:help}
mark.w-error{background:#f6d7d2;border-bottom:3px double var(--error)}
mark.w-warning{background:#fff2a8;border-bottom:2px dashed var(--warning)}
mark.w-suggestion{background:#d2e2f1;border-bottom:2px dotted var(--suggestion)}
mark.s-error,mark.s-warning,mark.s-suggestion{text-decoration:underline wavy;text-decoration-skip-ink:none;text-underline-offset:.3em}
mark.s-error{text-decoration-color:var(--error)}
mark.s-warning{text-decoration-color:var(--warning)}
mark.s-suggestion{text-decoration-color:var(--suggestion)}
mark.hl:focus{outline:3px solid var(--text);outline-offset:1px;background:var(--focus)}
.tip{display:none;position:absolute;left:0;top:100%;z-index:10;width:max-content;max-width:min(28rem,85vw);margin-top:4px;padding:.5rem .75rem;white-space:normal;font-size:.95rem;line-height:1.4;text-align:left;background:var(--text);color:#fff;border-radius:3px}
.tip>span{display:block}
.tip .muted{color:#e8e8e8}
.tip>span+span{margin-top:.4rem}
mark.hl:hover>.tip,mark.hl:focus>.tip{display:block}
html.tips-off .tip{display:none!important}
details{margin:1rem 0}
summary{cursor:pointer;color:var(--link);text-decoration:underline}
@media print{.tip{display:none!important}.text{border:none;padding:0}}
${Array.from({length: MAX_AGE + 1}, (_, age) => `.a${age}{width:${age * 4}%}.t${age}{left:calc(${age * 4}% - 1px)}`).join('\n')}
`

/** Escape hides the tooltips until focus or the pointer moves on (WCAG 1.4.13). */
const SCRIPT = `
(function () {
  var root = document.documentElement;
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') root.classList.add('tips-off');
  });
  function show() { root.classList.remove('tips-off'); }
  document.addEventListener('focusin', show);
  document.addEventListener('mousemove', show);
})();
`

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`

/** Nothing may load or run but this page's own inline style and script. */
export const CONTENT_SECURITY_POLICY = `default-src 'none'; style-src ${sha256(STYLE)}; script-src ${sha256(SCRIPT)}; img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'`

/** The page, a document at a time. */
export const htmlReport: Reporter = function* (report, options) {
  yield pageStart(report, options)
  for (const [index, file] of report.files.entries()) yield `${documentSection(file, index + 1, options)}\n`
  yield pageEnd(report)
}

function pageStart(report: Report, options: ReporterOptions): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="plainly ${escapeHtml(report.plainlyVersion)}">
<title>Plain English report: ${plural(report.summary.files, 'document')}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#documents">Skip to the documents</a>
<main class="page">
<h1>Plain English report</h1>
${verdict(report)}
${legend()}
${summaryTable(report)}
${termsSection(report, options)}
<h2 id="documents">Documents</h2>
`
}

function pageEnd(report: Report): string {
  return `<p class="muted">Made by plainly ${escapeHtml(report.plainlyVersion)}. Reading age is the UK school age, in years, at which most readers could follow the text.</p>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`
}

function verdict(report: Report): string {
  const {summary} = report
  const problems = summary.error + summary.warning
  const sentences = [`We checked ${plural(summary.files, 'document')}.`]
  sentences.push(
    problems + summary.suggestion === 0
      ? 'We found no problems.'
      : `We found ${plural(problems, 'problem')} to fix (${thousands(summary.error)} must fix, ${thousands(summary.warning)} should fix) and ${plural(summary.suggestion, 'suggestion')}.`
  )
  if (summary.aboveTarget > 0) sentences.push(`${plural(summary.aboveTarget, 'document is', 'documents are')} above the target reading age.`)
  if (summary.unreadable > 0) sentences.push(`${plural(summary.unreadable, 'document')} could not be checked.`)
  if (summary.suppressed > 0) {
    sentences.push(`${plural(summary.suppressed, 'problem was', 'problems were')} switched off on purpose (in the document or the baseline) and ${summary.suppressed === 1 ? 'is' : 'are'} not counted.`)
  }
  return `<p class="lead" id="verdict">${sentences.join(' ')}</p>`
}

function legend(): string {
  const items: Array<[Severity, string]> = [
    ['error', 'change this before you publish'],
    ['warning', 'change this unless you have a good reason'],
    ['suggestion', 'worth a look, your choice']
  ]
  return `<ul class="legend" aria-label="What the highlights mean">${items
    .map(([severity, text]) => `<li><mark class="hl w-${severity}">${SEVERITY_LABEL[severity]}</mark>: ${text}</li>`)
    .join('')}<li><mark class="hl s-warning">Wavy underline</mark>: a whole sentence</li></ul>`
}

function summaryTable(report: Report): string {
  const rows = report.files.map((file, index) => {
    return `<tr><td><a href="#doc-${index + 1}">${escapeHtml(file.path)}</a></td><td>${readingAgeCell(file)}</td><td class="num">${thousands(file.counts.error)}</td><td class="num">${thousands(file.counts.warning)}</td><td class="num">${thousands(file.counts.suggestion)}</td></tr>`
  })
  const {summary} = report
  return `<h2 id="summary">Summary</h2>
<table id="summary-table">
<caption>Reading age and problems in each document</caption>
<thead><tr><th scope="col">Document</th><th scope="col">Reading age</th><th scope="col" class="num">Must fix</th><th scope="col" class="num">Should fix</th><th scope="col" class="num">Suggestions</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
<tfoot><tr><th scope="row">All ${plural(summary.files, 'document')}</th><td>${thousands(summary.aboveTarget)} above target</td><td class="num">${thousands(summary.error)}</td><td class="num">${thousands(summary.warning)}</td><td class="num">${thousands(summary.suggestion)}</td></tr></tfoot>
</table>`
}

function readingAgeCell(file: FileResult): string {
  if (file.findings.some((finding) => finding.fatal)) return '<span class="status-bad">✗ Could not be checked</span>'
  const readingAge = file.readingAge
  if (!readingAge || readingAge.age === null) return '<span class="muted">No words to measure</span>'
  const age = readingAge.age
  const target = describeTarget(readingAge.target)
  const over = !readingAge.withinTarget
  // A little above the target is a suggestion (see READING_AGE_MARGIN), shown as one; well above is a problem to fix.
  const severity = file.findings.find((finding) => finding.ruleId === 'reading-age')?.severity
  const near = over && severity === 'suggestion'
  const clamp = (value: number): number => Math.max(0, Math.min(MAX_AGE, Math.round(value)))
  const bar = `<span class="bar" aria-hidden="true"><span class="fill a${clamp(age)}${near ? ' near' : over ? ' over' : ''}"></span><span class="goal t${clamp(readingAge.target.max)}"></span></span>`
  const above = `${age}: ${plural(age - readingAge.target.max, 'year')} above the target of ${target}`
  const words = near
    ? `<span class="status-near">${above} (a suggestion)</span>`
    : over
      ? `<span class="status-over">⚠ ${above}</span>`
      : `<span class="status-ok">✓ ${age}: within the target of ${target}</span>`
  return `${bar}${words}`
}

function termsSection(report: Report, options: ReporterOptions): string {
  const {terms, total} = topTerms(report.files, options, MAX_TERMS)
  if (terms.length === 0) return ''
  const rows = terms.map(
    (term) => `<tr><td>${escapeHtml(term.term)}</td><td class="num">${thousands(term.count)}</td><td>${escapeHtml(term.expected.slice(0, 3).join(', ')) || '<span class="muted">Explain it in plain words</span>'}</td></tr>`
  )
  const more = total > terms.length ? `<p class="muted">And ${plural(total - terms.length, 'more word')} or phrases, listed under each document.</p>` : ''
  return `<h2 id="words">Words to change most often</h2>
<table id="words-table">
<caption>Across all documents, most often first</caption>
<thead><tr><th scope="col">Words</th><th scope="col" class="num">Times</th><th scope="col">Try instead</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>${more}`
}

/** At most this many findings of one document are listed and highlighted; the machine formats have them all. */
export const HTML_FINDINGS_PER_DOCUMENT = 500
/** At most about this much of one document's text is shown. */
export const HTML_TEXT_PER_DOCUMENT = 200_000

function documentSection(file: FileResult, number: number, options: ReporterOptions): string {
  const id = `doc-${number}`
  const all = listedFindings(file, options)
  const listed = all.length > HTML_FINDINGS_PER_DOCUMENT ? all.slice(0, HTML_FINDINGS_PER_DOCUMENT) : all
  for (const entry of listed) LATER_USES.set(entry.finding, entry.repeats)
  const findings = listed.map((entry) => entry.finding)
  const folded = repeatsLeftOut(all)
  const more =
    (all.length > listed.length
      ? `<p class="muted">This document has ${thousands(all.length - listed.length)} more findings than are shown here. To see them all, run plainly with <code>--format csv -o findings.csv</code> and open the file in a spreadsheet.</p>`
      : '') +
    (folded > 0 ? `<p class="muted">Words used more than once are shown at their first use, with how many more times they are used and where (${plural(folded, 'later use')} in all). To list every use, run plainly with <code>--show-repeats</code>.</p>` : '')
  const parts = [`<section id="${id}" aria-labelledby="${id}-title">`, `<h3 id="${id}-title">${escapeHtml(file.path)}</h3>`]
  const fatal = file.findings.find((finding) => finding.fatal)
  if (fatal) {
    parts.push(`<p class="status-bad">We could not check this document. ${escapeHtml(fullStop(fatal.message))}</p>`, '</section>')
    return parts.join('\n')
  }
  parts.push(`<p>${documentVerdict(file)}</p>`)

  const view = options.views?.get(file.path)
  if (view === undefined) {
    if (findings.length > 0) parts.push('<p class="muted">The text of this document was not included in the report, so here is a list of its problems.</p>', findingsTable(findings, id, null), more)
    parts.push('</section>')
    return parts.join('\n')
  }

  const {markup, placed, anchors, hidden} = renderView(view, findings, id)
  const unplaced = findings.filter((_, index) => !placed.has(index) && !hidden.has(index))
  if (unplaced.length > 0) {
    parts.push(`<ul class="notes">${unplaced.map((finding) => `<li>${findingText(finding)}</li>`).join('')}</ul>`)
  }
  if (placed.size > 0) parts.push('<p class="muted">Hover over a highlight, or move to it with the Tab key, to see what to change and why. Press Escape to hide it.</p>')
  parts.push(`<div class="text" id="${id}-text">${markup}</div>`)
  if (findings.length > 0) {
    parts.push(`<details><summary>List of problems and suggestions in this document (${thousands(all.length)})</summary>${findingsTable(findings, id, anchors)}${more}</details>`)
  }
  parts.push('</section>')
  return parts.join('\n')
}

function documentVerdict(file: FileResult): string {
  const problems = file.counts.error + file.counts.warning
  const counts = problems + file.counts.suggestion === 0 ? 'No problems found.' : `${plural(problems, 'problem')} to fix and ${plural(file.counts.suggestion, 'suggestion')}.`
  const readingAge = file.readingAge
  if (!readingAge || readingAge.age === null) return counts
  const reference = referenceText(readingAge)
  return `Reading age ${readingAge.age}${readingAge.profile ? ` (checked as ${escapeHtml(readingAge.profile)})` : ''}: ${readingAge.withinTarget ? 'within' : 'above'} the target of ${describeTarget(readingAge.target)}. ${counts}${reference ? ` <span class="muted">${escapeHtml(reference)}</span>` : ''}`
}

/** The later uses of the same words folded into each listed finding (see listedFindings), for its advice. */
const LATER_USES = new WeakMap<Finding, ListedFinding['repeats']>()

function laterUses(finding: Finding): string {
  const text = repeatsText(LATER_USES.get(finding) ?? [])
  return text ? ` <span class="repeats">${escapeHtml(text)}</span>` : ''
}

function findingText(finding: Finding): string {
  const why = finding.note ? ` <span class="muted">Why: ${escapeHtml(finding.note)}</span>` : ''
  return `<strong>${SEVERITY_LABEL[finding.severity]}:</strong> ${escapeHtml(fullStop(messageWithAlternatives(finding)))}${why}${laterUses(finding)}`
}

/** "Line 3", or for Word and PDF "Paragraph 3, page 2, under “Heading”". */
function whereText(finding: Finding): string {
  if (finding.paragraph === undefined) return `Line ${finding.line}`
  const page = finding.page === undefined ? '' : `, page ${finding.page}`
  const heading = finding.heading ? `, under \u201C${finding.heading}\u201D` : ''
  return `Paragraph ${finding.paragraph}${page}${heading}`
}

/** End a message with a full stop unless it has one. */
function fullStop(text: string): string {
  return /[.!?]$/.test(text.trimEnd()) ? text.trimEnd() : `${text.trimEnd()}.`
}

function findingsTable(findings: readonly Finding[], id: string, anchors: ReadonlyMap<number, string> | null): string {
  const rows = findings.map((finding, index) => {
    const anchor = anchors?.get(index)
    const place = escapeHtml(whereText(finding))
    const where = anchor ? `<a href="#${anchor}">${place}</a>` : place
    return `<tr><td>${where}</td><td>${SEVERITY_LABEL[finding.severity]}<br><code class="rule">${escapeHtml(finding.ruleId)}</code></td><td>${finding.snippet ? `<q>${escapeHtml(finding.snippet)}</q><br>` : ''}${escapeHtml(fullStop(messageWithAlternatives(finding)))}${finding.note ? `<br><span class="muted">Why: ${escapeHtml(finding.note)}</span>` : ''}${laterUses(finding) ? `<br>${laterUses(finding)}` : ''}</td></tr>`
  })
  return `<table id="${id}-list"><thead><tr><th scope="col">Where</th><th scope="col">Kind</th><th scope="col">What to change</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`
}

interface Span {
  start: number
  end: number
  index: number
  finding: Finding
}

/**
 * The document's blocks, escaped, with findings drawn as <mark>s on their
 * words. Each finding's place (a line and column of the checked text) is
 * found in the blocks through the view's runs; findings with no width, or
 * whose words are not shown, are left for the caller to list (`placed` and
 * `hidden` say which). Long documents are shown up to about
 * HTML_TEXT_PER_DOCUMENT characters.
 */
function renderView(view: DocumentView, findings: readonly Finding[], id: string): {markup: string; placed: Set<number>; anchors: Map<number, string>; hidden: Set<number>} {
  const locate = viewLocator(view)
  const perBlock = new Map<number, Span[]>()
  const placed = new Set<number>()
  const hidden = new Set<number>()
  let shownBlocks = 0
  let shownLength = 0
  while (shownBlocks < view.blocks.length && (shownBlocks === 0 || shownLength + view.blocks[shownBlocks]!.text.length <= HTML_TEXT_PER_DOCUMENT)) {
    shownLength += view.blocks[shownBlocks]!.text.length
    shownBlocks++
  }
  for (const [index, finding] of findings.entries()) {
    const start = locate(finding.line, finding.column, 'start')
    const end = locate(finding.endLine, finding.endColumn, 'end')
    if (!start || !end || start.block !== end.block || end.at <= start.at) continue
    if (start.block >= shownBlocks) {
      hidden.add(index)
      continue
    }
    placed.add(index)
    let list = perBlock.get(start.block)
    if (!list) perBlock.set(start.block, (list = []))
    list.push({start: start.at, end: end.at, index, finding})
  }

  const anchors = new Map<number, string>()
  const counter = {piece: 0}
  const pieces: string[] = []
  let inList = false
  for (let number = 0; number < shownBlocks; number++) {
    const block = view.blocks[number]!
    const text = highlight(block.text, perBlock.get(number) ?? [], id, counter, anchors)
    if (block.kind === 'item' && !inList) {
      pieces.push('<ul>')
      inList = true
    } else if (block.kind !== 'item' && inList) {
      pieces.push('</ul>')
      inList = false
    }
    pieces.push(`${BLOCK_MARKUP[block.kind][0]}${text}${BLOCK_MARKUP[block.kind][1]}`)
  }
  if (inList) pieces.push('</ul>')
  if (shownBlocks < view.blocks.length) {
    const left = view.blocks.length - shownBlocks
    pieces.push(`<p class="muted">The rest of this document (${thousands(left)} more ${left === 1 ? 'part' : 'parts'}) is not shown here, to keep the report readable.</p>`)
  }
  return {markup: pieces.join('\n'), placed, anchors, hidden}
}

/** The markup around each kind of block's text. */
const BLOCK_MARKUP: Record<ViewBlock['kind'], [string, string]> = {
  heading: ['<p class="doc-heading">', '</p>'],
  paragraph: ['<p>', '</p>'],
  item: ['<li>', '</li>'],
  quote: ['<blockquote><p>', '</p></blockquote>'],
  row: ['<p class="doc-row">', '</p>'],
  code: ['<pre>', '</pre>'],
  plain: ['<div class="plain">', '</div>']
}

/**
 * One block's text, escaped, with its findings as <mark>s. The text is cut
 * at every finding's start and end, and each piece inside one or more
 * findings becomes one <mark> that lists them all, so marks never nest or
 * cross. A piece where some finding starts is focusable and described by
 * its tooltip; other pieces (the rest of a long sentence) show it on hover.
 */
function highlight(source: string, spans: readonly Span[], id: string, counter: {piece: number}, anchors: Map<number, string>): string {
  if (spans.length === 0) return escapeHtml(source)
  let markup = ''
  for (const {from, to, covering} of coveredPieces(source.length, spans)) {
    const text = escapeHtml(source.slice(from, to))
    if (covering.length === 0) {
      markup += text
      continue
    }
    const piece = ++counter.piece
    const starting = covering.filter((span) => span.start === from)
    const ordered = [...starting, ...covering.filter((span) => span.start !== from)]
    const markId = `${id}-m${piece}`
    const tipId = `${id}-tip${piece}`
    for (const span of starting) anchors.set(span.index, markId)
    const words = covering.filter((span) => PLAINLY_RULES.aboutOf(span.finding.ruleId) !== 'sentence')
    const sentences = covering.filter((span) => PLAINLY_RULES.aboutOf(span.finding.ruleId) === 'sentence')
    const classes = ['hl']
    if (words.length > 0) classes.push(`w-${worst(words)}`)
    if (sentences.length > 0) classes.push(`s-${worst(sentences)}`)
    const focus = starting.length > 0 ? ` tabindex="0" aria-describedby="${tipId}"` : ''
    const tip = ordered.map((span) => `<span>${findingText(span.finding)}</span>`).join('')
    markup += `<mark id="${markId}" class="${classes.join(' ')}"${focus}>${text}<span class="tip" role="tooltip" id="${tipId}">${tip}</span></mark>`
  }
  return markup
}

function worst(spans: readonly Span[]): Severity {
  return spans.some((span) => span.finding.severity === 'error') ? 'error' : spans.some((span) => span.finding.severity === 'warning') ? 'warning' : 'suggestion'
}
