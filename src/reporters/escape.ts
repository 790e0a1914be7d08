/**
 * Shared helpers for the file-format reporters (sarif, github, junit, csv,
 * markdown, html): escaping for each target syntax, plus the few choices
 * they must all make the same way (which findings to show, how to word the
 * alternatives, the most common words to fix). Pure functions only.
 */
import {repeatKey} from '../core/results.js'
import {SEVERITIES, type FileResult, type Finding, type Severity, type SeverityCounts} from '../types.js'
import type {ReporterOptions} from './types.js'

const HTML_ENTITIES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}

/**
 * Characters an HTML parser reports as errors in text: C0 and C1 controls
 * (other than tab, line feed, form feed and carriage return), NUL,
 * noncharacters and lone surrogates.
 */
const HTML_INVALID = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]|\p{Noncharacter_Code_Point}|\p{Cs}/gu

/**
 * Escape text for HTML element content and quoted attribute values alike.
 * Characters HTML does not allow become U+FFFD, so they still show.
 */
export function escapeHtml(text: string): string {
  return text.replace(HTML_INVALID, '\uFFFD').replace(/[&<>"']/g, (character) => HTML_ENTITIES[character]!)
}

/**
 * Characters XML 1.0 does not allow at all, even as references: C0 controls
 * other than tab, line feed and carriage return, lone surrogates, U+FFFE and
 * U+FFFF. They are removed.
 */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Escape text for XML element content. */
export function escapeXmlText(text: string): string {
  return text.replace(XML_INVALID, '').replace(/[&<>]/g, (character) => HTML_ENTITIES[character]!)
}

/**
 * Escape text for a double- or single-quoted XML attribute. Tab, line feed
 * and carriage return become character references so attribute-value
 * normalisation keeps them.
 */
export function escapeXmlAttribute(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replace(/[&<>"'\t\n\r]/g, (character) => HTML_ENTITIES[character] ?? `&#${character.charCodeAt(0)};`)
}

/** GitHub Actions workflow command data, exactly as @actions/core escapes it. */
export function escapeGithubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** GitHub Actions workflow command property values, exactly as @actions/core escapes them. */
export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/**
 * Text for Markdown (GitHub-flavoured, inline, including table cells) that
 * renders as the same text and never as markup: HTML is entity-escaped,
 * Markdown punctuation backslash-escaped, line breaks folded to spaces, and
 * `@name` and `#123` broken with a zero-width space (U+200B) so a document cannot
 * mention people or link issues in a pull-request comment.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/[&<>]/g, (character) => HTML_ENTITIES[character]!)
    .replace(/@|#(?=\d)/g, '$&\u200B')
}

/**
 * A spreadsheet cell that may start with a formula character gets a leading
 * apostrophe (OWASP CSV injection advice), including the full-width forms
 * some spreadsheets also accept.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/

/** One CSV field: formula-neutralised, then quoted as RFC 4180 asks when needed. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * A report path as a URI reference: forward slashes, each segment
 * percent-encoded as UTF-8 (spaces become %20), "/" kept. Absolute paths
 * (POSIX or Windows) become file:// URIs; others stay relative.
 */
export function pathToUri(path: string): {uri: string; absolute: boolean} {
  let slashed = path.replace(/\\/g, '/')
  const windows = /^[A-Za-z]:\//.test(slashed)
  const absolute = windows || slashed.startsWith('/')
  if (!absolute) slashed = slashed.replace(/^(?:\.\/)+/, '')
  const encoded = slashed
    .split('/')
    .map((segment, index) => (windows && index === 0 ? segment : encodeURIComponent(segment)))
    .join('/')
  if (!absolute) return {uri: encoded, absolute}
  return {uri: windows ? `file:///${encoded}` : `file://${encoded}`, absolute}
}

/** A report path with forward slashes, for tools that want a plain path. */
export function forwardSlashes(path: string): string {
  return path.replace(/\\/g, '/')
}

const RANK = Object.fromEntries(SEVERITIES.map((severity, index) => [severity, index])) as Record<Severity, number>

/** Severities that fail the check at this `--fail-on` level (none for 'never'). */
export function failingSeverities(failOn: ReporterOptions['failOn']): Severity[] {
  const level = failOn ?? 'warning'
  return level === 'never' ? [] : SEVERITIES.filter((severity) => RANK[severity] <= RANK[level])
}

/**
 * The findings a reporter shows. As in the terminal reporter, `quiet`
 * keeps only what fails the check: findings at or above `failOn`, and
 * fatal ones. (A reading age above target is a `reading-age` warning like
 * any other finding.)
 */
export function shownFindings(file: FileResult, options: ReporterOptions): Finding[] {
  if (!options.quiet) return file.findings
  const failing = failingSeverities(options.failOn)
  return file.findings.filter((finding) => finding.fatal || failing.includes(finding.severity))
}

/** A finding as a human report lists it, with the later uses of the same term in the file. */
export interface ListedFinding {
  finding: Finding
  /** Later uses of the same term, not listed on their own (empty with --show-repeats). */
  repeats: Finding[]
}

/**
 * The findings a human report lists: a term used again and again (a
 * glossary word, an acronym, a wordy phrase) once, at its first use, with
 * its later uses beside it; every use with `showRepeats`.
 */
export function listedFindings(file: FileResult, options: ReporterOptions): ListedFinding[] {
  const findings = shownFindings(file, options)
  if (options.showRepeats) return findings.map((finding) => ({finding, repeats: []}))
  const firsts = new Map<string, ListedFinding>()
  const listed: ListedFinding[] = []
  for (const finding of findings) {
    const key = repeatKey(finding)
    const first = key === undefined ? undefined : firsts.get(key)
    if (first) {
      first.repeats.push(finding)
      continue
    }
    const entry: ListedFinding = {finding, repeats: []}
    listed.push(entry)
    if (key !== undefined) firsts.set(key, entry)
  }
  return listed
}

/** How many later uses a report names by place before it only counts the rest. */
const REPEAT_PLACES = 8

/** "Used 3 more times: lines 12, 40 and 41." (pages and paragraphs for Word and PDF), or '' when there are none. */
export function repeatsText(repeats: readonly Finding[]): string {
  if (repeats.length === 0) return ''
  const places: string[] = []
  for (const finding of repeats) {
    const place = finding.paragraph === undefined ? String(finding.line) : finding.page === undefined ? String(finding.paragraph) : `page ${finding.page} paragraph ${finding.paragraph}`
    if (places.at(-1) !== place) places.push(place)
  }
  const named = places.slice(0, REPEAT_PLACES)
  const rest = places.length - named.length
  const kind = repeats[0]!.paragraph === undefined ? (places.length === 1 ? 'line' : 'lines') : repeats[0]!.page === undefined ? (places.length === 1 ? 'paragraph' : 'paragraphs') : ''
  const list = rest > 0 ? `${named.join(', ')} and ${plural(rest, 'more place')}` : named.length === 1 ? named[0]! : `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`
  return `Used ${repeats.length === 1 ? 'once more' : `${plural(repeats.length, 'more time')}`}: ${kind ? `${kind} ` : ''}${list}.`
}

/**
 * For the machine formats, which keep every use: "First of 4 uses in this
 * file." or "Use 2 of 4 in this file.", or '' for a word used once (and for
 * findings about sentences).
 */
export function useText(finding: Finding): string {
  if (finding.occurrences === undefined || finding.occurrences < 2) return ''
  return finding.occurrence === 1 ? `First of ${thousands(finding.occurrences)} uses in this file.` : `Use ${thousands(finding.occurrence!)} of ${thousands(finding.occurrences)} in this file.`
}


/** How many later uses of terms a file's list folds into their first use. */
export function repeatsLeftOut(listed: readonly ListedFinding[]): number {
  let count = 0
  for (const entry of listed) count += entry.repeats.length
  return count
}

/**
 * The findings that make a file fail the check, as the exit code counts
 * them: findings at or above `failOn`. Silenced findings are not in
 * `file.findings`, so they never count.
 */
export function failingFindings(file: FileResult, failOn: ReporterOptions['failOn']): Finding[] {
  const failing = failingSeverities(failOn)
  return file.findings.filter((finding) => failing.includes(finding.severity))
}

/**
 * The finding's message with its alternatives. plainly's own messages name
 * them already ("Use “to” instead of “in order to”"); messages from other
 * plugins may not, so the alternatives are added when none is mentioned.
 */
export function messageWithAlternatives(finding: Finding): string {
  const alternatives = finding.expected.filter((alternative) => alternative.trim() !== '')
  if (alternatives.length === 0 || alternatives.some((alternative) => finding.message.includes(alternative))) return finding.message
  return `${finding.message} (try: ${alternatives.join(', ')})`
}

export interface TermCount {
  /** The words as most often written. */
  term: string
  ruleId: string
  count: number
  /** Plainer alternatives, best first. */
  expected: string[]
}

/**
 * The words to fix most often across all files: findings about particular
 * words (with `actual` text), grouped by rule (and, for rules such as
 * `acronym` that cover many words, by the words too), most frequent first.
 */
export function topTerms(files: readonly FileResult[], options: ReporterOptions, limit: number): {terms: TermCount[]; total: number} {
  const groups = new Map<string, {ruleId: string; count: number; expected: string[]; forms: Map<string, number>}>()
  for (const file of files) {
    for (const finding of shownFindings(file, options)) {
      const key = repeatKey(finding)
      if (key === undefined) continue
      const form = finding.actual!.replace(/\s+/g, ' ').trim()
      let group = groups.get(key)
      if (!group) {
        group = {ruleId: finding.ruleId, count: 0, expected: finding.expected, forms: new Map()}
        groups.set(key, group)
      }
      group.count++
      group.forms.set(form, (group.forms.get(form) ?? 0) + 1)
    }
  }
  const terms = [...groups.values()]
    .map((group) => ({
      term: [...group.forms].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))[0]![0],
      ruleId: group.ruleId,
      count: group.count,
      expected: group.expected
    }))
    .sort((a, b) => b.count - a.count || compareText(a.term.toLowerCase(), b.term.toLowerCase()) || compareText(a.ruleId, b.ruleId))
  return {terms: terms.slice(0, limit), total: terms.length}
}

/** Code-unit order: the same everywhere, whatever the locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** "1 warning", "2 suggestions". */
export function plural(count: number, singular: string, many = `${singular}s`): string {
  return `${thousands(count)} ${count === 1 ? singular : many}`
}

/**
 * A whole number with commas between thousands ("2,315"), as
 * toLocaleString('en-GB') writes it, without loading the locale data (about
 * 20 ms at the first call, on every run that prints a count).
 */
export function thousands(count: number): string {
  return Number.isSafeInteger(count) ? String(count).replace(/\B(?=(?:\d{3})+$)/g, ',') : count.toLocaleString('en-GB')
}

/** Shorten long text for a table cell, at a whole character. */
export function truncate(text: string, length: number): string {
  const characters = [...text]
  return characters.length <= length ? text : `${characters.slice(0, length - 1).join('').trimEnd()}\u2026`
}

export {describeTarget} from '../plugins/retext-reading-age.js'

/** "2 errors, 1 warning": the severities found, most serious first ('' for none). */
export function severityCounts(counts: SeverityCounts): string {
  return SEVERITIES.filter((severity) => counts[severity] > 0).map((severity) => plural(counts[severity], severity)).join(', ')
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/**
 * Where a finding is, in words a reader can follow: "3:5" (line:column)
 * for text files; for Word and PDF files, where lines mean nothing,
 * "paragraph 3, page 2".
 */
export function placeText(finding: Pick<Finding, 'line' | 'column' | 'paragraph' | 'page'>): string {
  if (finding.paragraph === undefined) return `${finding.line}:${finding.column}`
  return finding.page === undefined ? `paragraph ${finding.paragraph}` : `paragraph ${finding.paragraph}, page ${finding.page}`
}
