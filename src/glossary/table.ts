/**
 * Glossary entries as spreadsheet rows and as plain YAML objects, for
 * export, import and editing. The columns are the schema's entry fields, in
 * its order (a list in one cell, one item per line; examples as
 * "examples.flag" and "examples.pass"), then the file the entry is in: a new
 * field in the schema is a new column, with nothing to change here.
 */
import {isListField} from './schema.js'
import type {GlossaryEntry} from './types.js'

type Json = Record<string, unknown>

export interface GlossaryTable {
  columns: readonly string[]
  /** Columns a spreadsheet must have to be read back. */
  required: readonly string[]
  toRow(entry: GlossaryEntry): string[]
  /** A row (by header) back to a YAML object: checked later by the schema, as any glossary file is. */
  toYaml(header: readonly string[], cells: readonly string[]): {yaml: Json; file: string}
}

export function createTable(schema: Json): GlossaryTable {
  const active = (schema.definitions as Record<string, Json>).active!
  const properties = active.properties as Record<string, Json>
  const kindOf = (property: Json): 'list' | 'flag' | 'text' =>
    isListField(schema, property) ? 'list' : property.type === 'boolean' ? 'flag' : 'text'
  // One column per field ("term" is read as "terms"; a field that is a map gives a column per key).
  const fields: Array<{column: string; path: [string] | [string, string]; kind: 'list' | 'flag' | 'text'; fallback?: unknown}> = []
  for (const [name, property] of Object.entries(properties)) {
    if (name === 'term' || name === 'disabled') continue
    if (property.type === 'object') {
      for (const [key, inner] of Object.entries(property.properties as Record<string, Json>)) fields.push({column: `${name}.${key}`, path: [name, key], kind: kindOf(inner)})
    } else fields.push({column: name, path: [name], kind: kindOf(property), fallback: property.default})
  }
  const required = (active.required as string[] | undefined) ?? []
  const cell = (value: unknown) => (Array.isArray(value) ? value.join('\n') : value === undefined || value === null ? '' : String(value))
  return {
    columns: [...fields.map((field) => field.column), 'file'],
    required: ['terms', ...required],
    toRow: (entry) => [
      ...fields.map((field) => cell(field.path.reduce<unknown>((value, key) => (value as Json | undefined)?.[key], entry))),
      entry.file
    ],
    toYaml(header, cells) {
      const get = (column: string) => (cells[header.indexOf(column)] ?? '').trim()
      const yaml: Json = {}
      for (const field of fields) {
        const text = get(field.column)
        let value: unknown
        if (field.kind === 'list') {
          const items = text.split('\n').map((item) => item.trim()).filter(Boolean)
          value = items.length > 0 ? items : undefined
        } else if (field.kind === 'flag') {
          const word = text.toLowerCase()
          // Yes and no in the words people type; anything else is kept for the schema to reject.
          value = word === '' ? undefined : ['true', 'yes', 'y', '1'].includes(word) ? true : ['false', 'no', 'n', '0'].includes(word) ? false : text
          if (value === field.fallback) value = undefined
        } else value = text === '' || text === field.fallback ? undefined : text
        if (field.column === 'terms') {
          const terms = (value as string[] | undefined) ?? []
          if (terms.length === 1) yaml.term = terms[0]
          else yaml.terms = terms
        } else if (field.path.length === 2) {
          if (value !== undefined) ((yaml[field.path[0]] ??= {}) as Json)[field.path[1]] = value
        } else if (value !== undefined || required.includes(field.column)) yaml[field.column] = value ?? ''
      }
      return {yaml, file: get('file')}
    }
  }
}
