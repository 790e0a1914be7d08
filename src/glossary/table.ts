/**
 * Glossary entries as spreadsheet rows and as plain YAML objects, for
 * export, import and editing. Lists go in one cell, one item per line.
 */
import type {EntryStatus, GlossaryEntry} from './types.js'

/** Columns of the CSV export, in order. */
export const COLUMNS = [
  'id',
  'terms',
  'alternatives',
  'explain',
  'acronym',
  'note',
  'severity',
  'except',
  'forms',
  'inflect',
  'autofix',
  'status',
  'proposedBy',
  'reviewed',
  'url',
  'source',
  'licence',
  'examples.flag',
  'examples.pass',
  'file'
] as const

export type Column = (typeof COLUMNS)[number]

export function entryToRow(entry: GlossaryEntry): string[] {
  const value: Record<Column, string> = {
    id: entry.id,
    terms: entry.terms.join('\n'),
    alternatives: entry.alternatives.join('\n'),
    explain: String(entry.explain),
    acronym: String(entry.acronym),
    note: entry.note,
    severity: entry.severity,
    except: entry.except.join('\n'),
    forms: entry.forms.join('\n'),
    inflect: String(entry.inflect),
    autofix: String(entry.autofix),
    status: entry.status,
    proposedBy: entry.proposedBy ?? '',
    reviewed: entry.reviewed ?? '',
    url: entry.url ?? '',
    source: entry.source,
    licence: entry.licence,
    'examples.flag': entry.examples.flag.join('\n'),
    'examples.pass': entry.examples.pass.join('\n'),
    file: entry.file
  }
  return COLUMNS.map((column) => value[column])
}

export interface RowProblem {
  row: number
  message: string
}

/**
 * A CSV row (by header) back to a YAML object. Values are checked later by
 * the glossary schema, so the file written is validated exactly as any other.
 */
export function rowToYaml(header: readonly string[], cells: readonly string[]): {yaml: Record<string, unknown>; file: string} {
  const get = (column: Column) => (cells[header.indexOf(column)] ?? '').trim()
  const list = (column: Column) =>
    get(column)
      .split('\n')
      .map((item) => item.trim())
      .filter(Boolean)
  const flag = (column: Column, fallback: boolean) => {
    const value = get(column).toLowerCase()
    if (value === '') return fallback
    return value === 'true' || value === 'yes' || value === 'y' || value === '1' ? true : value === 'false' || value === 'no' || value === 'n' || value === '0' ? false : get(column)
  }
  const terms = list('terms')
  const entry: Record<string, unknown> = {id: get('id')}
  if (terms.length === 1) entry.term = terms[0]
  else entry.terms = terms
  const alternatives = list('alternatives')
  if (alternatives.length > 0) entry.alternatives = alternatives
  if (flag('explain', false) !== false) entry.explain = flag('explain', false)
  if (flag('acronym', false) !== false) entry.acronym = flag('acronym', false)
  entry.note = get('note')
  entry.severity = get('severity')
  if (list('except').length > 0) entry.except = list('except')
  if (list('forms').length > 0) entry.forms = list('forms')
  if (flag('inflect', true) !== true) entry.inflect = flag('inflect', true)
  if (flag('autofix', false) !== false) entry.autofix = flag('autofix', false)
  entry.source = get('source')
  entry.licence = get('licence')
  if (get('url')) entry.url = get('url')
  entry.status = (get('status') || 'accepted') as EntryStatus
  if (get('proposedBy')) entry.proposedBy = get('proposedBy')
  if (get('reviewed')) entry.reviewed = get('reviewed')
  const examples: Record<string, string[]> = {}
  if (list('examples.flag').length > 0) examples.flag = list('examples.flag')
  if (list('examples.pass').length > 0) examples.pass = list('examples.pass')
  if (Object.keys(examples).length > 0) entry.examples = examples
  return {yaml: entry, file: get('file')}
}
