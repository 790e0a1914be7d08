/**
 * SARIF 2.1.0 for code-scanning tools (GitHub code scanning, Azure DevOps,
 * the VS Code SARIF viewer). One run; one rule per rule id found, sorted;
 * one result per finding in report order; each file is an artifact whose
 * properties carry its reading age. Columns are UTF-16 code units, as in
 * the JSON report, and end columns are exclusive, as SARIF wants.
 */
import {FORMATS, isConverted} from '../core/formats.js'
import {familyOf, PLAINLY_RULES} from '../core/rules.js'
import {SEVERITIES, type FileResult, type Finding, type Severity, type SuppressedFinding} from '../types.js'
import {compareText, messageWithAlternatives, pathToUri, shownFindings} from './escape.js'
import {jsonPieces} from './json-stream.js'
import type {Reporter} from './types.js'

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'

/** A relative path is resolved against the checked-out source root. */
const SOURCE_ROOT = '%SRCROOT%'

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {error: 'error', warning: 'warning', suggestion: 'note'}

interface ArtifactLocation {
  uri: string
  uriBaseId?: string
  index: number
}

/** The lists written an item at a time. */
const BIG = new Set(['runs', 'results', 'artifacts'])

/** The log as JSON, a result at a time: each result is made only when it is written. */
export const sarifReport: Reporter = function* (report, options) {
  // Silenced findings are kept as suppressed results (code scanning shows
  // them as dismissed), except with quiet, which shows only what fails.
  const files = report.files.map((file) => ({file, findings: options.quiet ? shownFindings(file, options) : [shownFindings(file, options), file.suppressed].flat()}))
  const rules = collectRules(files)
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]))

  const artifacts = report.files.map((file) => artifactFor(file))
  const notifications = []
  for (const [index, {file, findings}] of files.entries()) {
    for (const finding of findings) {
      if (finding.fatal) notifications.push({level: 'error', message: {text: finding.message}, locations: [locationFor(file, index, finding)], descriptor: {id: finding.ruleId}})
    }
  }
  const results = function* () {
    for (const [index, {file, findings}] of files.entries()) {
      for (const finding of findings) {
        const location = locationFor(file, index, finding)
        yield {
          ruleId: finding.ruleId,
          ruleIndex: ruleIndex.get(finding.ruleId)!,
          level: LEVEL[finding.severity],
          message: {text: withPlace(messageWithAlternatives(finding), finding)},
          locations: [location],
          ...('suppression' in finding ? {suppressions: [suppressionFor(finding as SuppressedFinding)]} : {}),
          ...(finding.fix ? {fixes: [fixFor(finding.fix, location.physicalLocation.artifactLocation)]} : {}),
          properties: resultProperties(finding)
        }
      }
    }
  }

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {driver: {name: 'plainly', version: report.plainlyVersion, rules}},
        invocations: [{executionSuccessful: true, toolExecutionNotifications: notifications}],
        artifacts,
        columnKind: 'utf16CodeUnits',
        results: results(),
        properties: {reportVersion: report.version, summary: report.summary}
      }
    ]
  }
  yield* jsonPieces(log, BIG)
  yield '\n'
}

/** One rule per rule id found, sorted: its first note and link, and its most serious level. */
function collectRules(files: ReadonlyArray<{findings: readonly Finding[]}>) {
  const byId = new Map<string, {note?: string; url?: string; severity: Severity}>()
  for (const {findings} of files) {
    for (const finding of findings) {
      let seen = byId.get(finding.ruleId)
      if (!seen) byId.set(finding.ruleId, (seen = {severity: finding.severity}))
      seen.note ??= finding.note ?? undefined
      seen.url ??= finding.url ?? undefined
      if (SEVERITIES.indexOf(finding.severity) < SEVERITIES.indexOf(seen.severity)) seen.severity = finding.severity
    }
  }
  return [...byId.keys()].sort(compareText).map((id) => ruleFor(id, byId.get(id)!))
}

function ruleFor(id: string, seen: {note?: string; url?: string; severity: Severity}) {
  const summary = PLAINLY_RULES.titleOf(id)
  const note = seen.note ?? summary
  return {
    id,
    shortDescription: {text: summary},
    fullDescription: {text: note},
    help: {text: note},
    defaultConfiguration: {level: LEVEL[seen.severity]},
    properties: {tags: ['plain-english', familyOf(id)]},
    ...(seen.url ? {helpUri: seen.url} : {})
  }
}

function artifactFor(file: FileResult) {
  const {uri, absolute} = pathToUri(file.path)
  const artifact: {location: {uri: string; uriBaseId?: string}; mimeType: string; properties?: object} = {
    location: absolute ? {uri} : {uri, uriBaseId: SOURCE_ROOT},
    mimeType: FORMATS[file.format]?.mime ?? 'text/plain'
  }
  if (file.readingAge) {
    const {age, target, withinTarget} = file.readingAge
    artifact.properties = {readingAge: {age, target, withinTarget}}
  }
  return artifact
}

function locationFor(file: FileResult, index: number, finding: Finding) {
  const {uri, absolute} = pathToUri(file.path)
  const artifactLocation: ArtifactLocation = absolute ? {uri, index} : {uri, uriBaseId: SOURCE_ROOT, index}
  // Word and PDF files have no lines to point at: the paragraph and page go
  // in the result's properties instead.
  if (isConverted(file.format)) return {physicalLocation: {artifactLocation}}
  const startLine = Math.max(1, finding.line)
  const startColumn = Math.max(1, finding.column)
  const endLine = Math.max(startLine, finding.endLine)
  const endColumn = endLine === startLine ? Math.max(startColumn, finding.endColumn) : Math.max(1, finding.endColumn)
  // A finding at a point (no end) is shown on its whole line: SARIF reads a
  // missing end column as the end of the line.
  const region = endLine === startLine && endColumn === startColumn ? {startLine, startColumn} : {startLine, startColumn, endLine, endColumn}
  return {physicalLocation: {artifactLocation, region}}
}

/** A control comment is an in-source suppression; the baseline is an external one. */
function suppressionFor({suppression: {kind, reason}}: SuppressedFinding) {
  return {kind: kind === 'comment' ? 'inSource' : 'external', ...(reason ? {justification: reason} : {})}
}

/** plainly's safe automatic swap (`--fix`) as a SARIF fix: offsets are UTF-16 code units, as columnKind says. */
function fixFor(fix: NonNullable<Finding['fix']>, artifactLocation: ArtifactLocation) {
  const [start, end] = fix.range
  return {
    description: {text: fix.text === '' ? 'Remove these words' : `Change to \u201C${fix.text}\u201D`},
    artifactChanges: [{artifactLocation, replacements: [{deletedRegion: {charOffset: start, charLength: end - start}, insertedContent: {text: fix.text}}]}]
  }
}

function resultProperties(finding: Finding): Record<string, unknown> {
  const properties: Record<string, unknown> = {severity: finding.severity}
  if (finding.actual !== null) properties.actual = finding.actual
  if (finding.expected.length > 0) properties.expected = finding.expected
  if (finding.fatal) properties.fatal = true
  for (const key of ['paragraph', 'page', 'heading', 'snippet', 'occurrence', 'occurrences'] as const) {
    if (finding[key] !== undefined) properties[key] = finding[key]
  }
  return properties
}

/** Word and PDF findings have no line to point at: say where they are in the message. */
function withPlace(text: string, finding: Finding): string {
  if (finding.paragraph === undefined) return text
  const where = `${finding.page === undefined ? '' : `page ${finding.page}, `}paragraph ${finding.paragraph}${finding.heading ? `, under \u201C${finding.heading}\u201D` : ''}`
  return `${text} (${where}${finding.snippet ? `: \u201C${finding.snippet}\u201D` : ''})`
}
