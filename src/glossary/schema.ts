/**
 * Validate one glossary YAML file into entries, with errors that name the
 * file, the line and what was expected. Pure: takes text, returns data.
 */
import {isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap} from 'yaml'
import {SEVERITIES, type Severity} from '../types.js'
import {DATE_PATTERN, ENTRY_KEYS, FILE_KEYS, ID_PATTERN, STATUSES} from './fields.js'
import {quickGlossary} from './quick-glossary.js'
import type {EntryStatus, GlossaryProblem, LayerEntry} from './types.js'
import {didYouMean} from '../shared/nearest.js'

export interface ParsedGlossary {
  description?: string
  entries: LayerEntry[]
  /** Acronyms this file says readers know without spelling out. */
  knownAcronyms: string[]
  problems: GlossaryProblem[]
}

/**
 * Parse and validate glossary YAML. Never throws: problems are returned.
 * A file in the plain style with no problem takes the quick way
 * (quick-glossary.ts); any other takes the full one, which names every
 * problem's line.
 */
export function parseGlossary(text: string, file: string): ParsedGlossary {
  return quickGlossary(text, file) ?? parseGlossaryFully(text, file)
}

/** The full way: the yaml package's syntax tree, with lines for every node. */
export function parseGlossaryFully(text: string, file: string): ParsedGlossary {
  const lineCounter = new LineCounter()
  const problems: GlossaryProblem[] = []
  const entries: LayerEntry[] = []
  const doc = parseDocument(text, {lineCounter, uniqueKeys: true, prettyErrors: false})
  const lineOf = (node: Node | null | undefined): number | undefined =>
    node?.range ? lineCounter.linePos(node.range[0]).line : undefined
  const problem = (node: Node | null | undefined, message: string, line?: number) => {
    problems.push({file, line: line ?? lineOf(node), message})
  }

  for (const error of doc.errors) {
    const line = lineCounter.linePos(error.pos[0]).line
    problems.push({file, line, message: `this is not valid YAML: ${firstLine(error.message)}`})
  }
  if (problems.length > 0) return {entries, knownAcronyms: [], problems}

  const root = doc.contents
  if (!isMap(root)) {
    problem(root, 'a glossary file must be a map with an "entries:" list', 1)
    return {entries, knownAcronyms: [], problems}
  }
  checkKeys(root, FILE_KEYS, 'glossary file', problem)
  const description = root.get('description')
  const knownAcronyms = stringList(root, 'knownAcronyms', 'glossary file', problem) ?? []
  const list = root.get('entries', true)
  if (!isSeq(list)) {
    problem(list ?? root, 'expected "entries:" with a list of entries')
    return {entries, knownAcronyms, problems}
  }

  const seen = new Map<string, number>()
  for (const item of list.items) {
    const node = item as Node
    if (!isMap(node)) {
      problem(node, 'each entry must be a map of fields such as "id:", "terms:" and "alternatives:"')
      continue
    }
    const entry = readEntry(node, file, lineOf, problem, () => problems.length)
    if (!entry) continue
    const earlier = seen.get(entry.id)
    if (earlier !== undefined) {
      problem(node, `duplicate id "${entry.id}" (first used on line ${earlier})`, entry.line)
      continue
    }
    seen.set(entry.id, entry.line)
    entries.push(entry)
  }

  return {
    description: typeof description === 'string' ? description : undefined,
    entries,
    knownAcronyms,
    problems
  }
}

type Report = (node: Node | null | undefined, message: string, line?: number) => void

function readEntry(
  map: YAMLMap,
  file: string,
  lineOf: (node: Node | null | undefined) => number | undefined,
  problem: Report,
  problemCount: () => number
): LayerEntry | undefined {
  const line = lineOf(map) ?? 0
  const before = problemCount()
  checkKeys(map, ENTRY_KEYS, 'entry', problem)
  const field = (key: string) => map.get(key, true) as Node | undefined
  const fail = (key: string, message: string) => problem(field(key) ?? map, message)

  const id = scalar(map, 'id')
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    fail('id', 'every entry needs an "id:" of lower-case letters, digits and hyphens, such as "service-user"')
    return undefined
  }
  const label = `entry "${id}"`

  const disabled = scalar(map, 'disabled')
  if (disabled !== undefined && typeof disabled !== 'boolean') fail('disabled', `${label}: "disabled" must be true or false`)
  if (disabled === true) return {id, disabled: true, file, line}

  let terms: string[] = []
  if (map.has('term') && map.has('terms')) fail('terms', `${label}: use "term" or "terms", not both`)
  if (map.has('term')) {
    const term = scalar(map, 'term')
    if (typeof term === 'string') terms = [term]
    else fail('term', `${label}: "term" must be text`)
  } else if (map.has('terms')) {
    terms = stringList(map, 'terms', label, problem) ?? []
    if (terms.length === 0) fail('terms', `${label}: "terms" must list at least one term`)
  } else {
    problem(map, `${label} has no "term:" or "terms:"`)
  }
  for (const term of terms) {
    if (!/[\p{L}\p{N}]/u.test(term)) fail(map.has('term') ? 'term' : 'terms', `${label}: the term "${term}" has no letters or digits`)
  }

  const explain = booleanField(map, 'explain', false, label, problem)
  const alternatives = stringList(map, 'alternatives', label, problem) ?? []
  if (alternatives.length === 0 && !explain) {
    problem(field('alternatives') ?? map, `${label} has no "alternatives:"; give plainer words, or set "explain: true" if the term must be explained instead`)
  }

  const note = scalar(map, 'note')
  if (typeof note !== 'string' || note.trim() === '') fail('note', `${label} needs a "note:" saying in plain words why the term is a problem`)

  const severity = scalar(map, 'severity')
  if (!SEVERITIES.includes(severity as Severity)) fail('severity', `${label}: "severity" must be one of ${SEVERITIES.join(', ')}`)

  const source = scalar(map, 'source')
  if (typeof source !== 'string' || source.trim() === '') fail('source', `${label} needs a "source:" saying where the entry comes from`)
  const licence = scalar(map, 'licence')
  if (typeof licence !== 'string' || licence.trim() === '') fail('licence', `${label} needs a "licence:" for its source`)

  const status = map.has('status') ? scalar(map, 'status') : 'accepted'
  if (!STATUSES.includes(status as EntryStatus)) fail('status', `${label}: "status" must be one of ${STATUSES.join(', ')}`)

  const reviewed = optionalString(map, 'reviewed', label, problem)
  if (reviewed !== undefined && !DATE_PATTERN.test(reviewed)) fail('reviewed', `${label}: "reviewed" must be a date like 2026-11-26`)

  const examples = {flag: [] as string[], pass: [] as string[]}
  const examplesNode = field('examples')
  if (examplesNode) {
    if (isMap(examplesNode)) {
      checkKeys(examplesNode, ['flag', 'pass'], `${label} examples`, problem)
      examples.flag = stringList(examplesNode, 'flag', `${label} examples`, problem) ?? []
      examples.pass = stringList(examplesNode, 'pass', `${label} examples`, problem) ?? []
    } else {
      fail('examples', `${label}: "examples" must have "flag:" and/or "pass:" lists`)
    }
  }

  const autofix = booleanField(map, 'autofix', false, label, problem)
  if (autofix && (alternatives.length !== 1 || explain)) {
    fail('autofix', `${label}: "autofix: true" needs exactly one alternative, and cannot be used with "explain: true"`)
  }

  if (problemCount() > before) return undefined

  return {
    id,
    terms,
    alternatives,
    explain,
    note: (note as string).trim(),
    severity: severity as Severity,
    source: source as string,
    licence: licence as string,
    acronym: booleanField(map, 'acronym', false, label, problem),
    except: stringList(map, 'except', label, problem) ?? [],
    forms: stringList(map, 'forms', label, problem) ?? [],
    inflect: booleanField(map, 'inflect', true, label, problem),
    autofix,
    status: status as EntryStatus,
    proposedBy: optionalString(map, 'proposedBy', label, problem),
    reviewed,
    url: optionalString(map, 'url', label, problem),
    examples,
    file,
    line
  }
}

function checkKeys(map: YAMLMap, allowed: readonly string[], what: string, problem: Report): void {
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
    if (allowed.includes(key)) continue
    problem(pair.key as Node, `unknown key "${key}" in ${what}${didYouMean(key, allowed)}`)
  }
}

function scalar(map: YAMLMap, key: string): unknown {
  const node = map.get(key, true) as Node | undefined
  if (node === undefined) return undefined
  return isScalar(node) ? node.value : node
}

function optionalString(map: YAMLMap, key: string, label: string, problem: Report): string | undefined {
  const value = scalar(map, key)
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return value
  problem(map.get(key, true) as Node, `${label}: "${key}" must be text`)
  return undefined
}

function booleanField(map: YAMLMap, key: string, fallback: boolean, label: string, problem: Report): boolean {
  const value = scalar(map, key)
  if (value === undefined) return fallback
  if (typeof value === 'boolean') return value
  problem(map.get(key, true) as Node, `${label}: "${key}" must be true or false`)
  return fallback
}

function stringList(map: YAMLMap, key: string, label: string, problem: Report): string[] | undefined {
  const node = map.get(key, true) as Node | undefined
  if (node === undefined || (isScalar(node) && node.value === null)) return undefined
  if (isScalar(node) && typeof node.value === 'string') return [node.value]
  if (!isSeq(node)) {
    problem(node, `${label}: "${key}" must be a list of words or phrases`)
    return undefined
  }
  const values: string[] = []
  for (const item of node.items) {
    if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number')) {
      const value = String(item.value).trim()
      if (value) values.push(value)
      else problem(item as Node, `${label}: "${key}" has an empty item`)
    } else {
      problem(item as Node, `${label}: each item in "${key}" must be text`)
    }
  }
  return values
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
}
