/**
 * Read one glossary YAML file into entries, checked against the glossary's
 * JSON Schema (glossary/glossary.schema.json, given by the caller) with
 * Ajv: every problem names the file, the line and what was expected, in
 * the words the schema's errorMessage texts give. Pure: text in, data out.
 */
import {didYouMean} from '../shared/nearest.js'
import {createSchemaCheck, readData, valueAt} from '../shared/schema-data.js'
import type {GlossaryProblem, LayerEntry} from './types.js'

export interface ParsedGlossary {
  entries: LayerEntry[]
  /** Acronyms this file says readers know without spelling out. */
  knownAcronyms: string[]
  problems: GlossaryProblem[]
}

type Json = Record<string, unknown>

/** A reader of glossary files for this schema. Never throws: problems are returned. */
export function createGlossaryParser(schema: Json): (text: string, file: string) => ParsedGlossary {
  const properties = (schema.definitions as Record<string, Json>).active!.properties as Record<string, Json>
  // The fields of an entry, in the schema's order: the order entries keep.
  const fields = Object.keys(properties)
  const lists = new Set(fields.filter((field) => isListField(schema, properties[field]!)))
  const defaults = Object.entries(properties).filter(([, property]) => 'default' in property)
  const check = createSchemaCheck(schema, (path, key, allowed, data) => {
    const what = path.length === 0 ? 'glossary file' : path.at(-1) === 'examples' ? `entry "${String((valueAt(data, path.slice(0, -1)) as Json | undefined)?.id)}" examples` : 'entry'
    return `unknown key "${key}" in ${what}${didYouMean(key, allowed)}`
  })
  return (text, file) => {
    const read = readData(text)
    if (read.problems.length > 0) return {entries: [], knownAcronyms: [], problems: read.problems.map((problem) => ({file, ...problem}))}
    const data = read.data
    const checked = check(data, read)
    const problems: GlossaryProblem[] = checked.problems.map((problem) => ({file, ...problem}))
    const badEntries = new Set(checked.bad.filter((path) => path[0] === 'entries' && path.length >= 2).map((path) => Number(path[1])))
    const root = (data !== null && typeof data === 'object' && !Array.isArray(data) ? data : {}) as Json
    if (!Array.isArray(root.entries)) return {entries: [], knownAcronyms: [], problems}

    const entries: LayerEntry[] = []
    const firstLines = new Map<string, number>()
    root.entries.forEach((raw: Json, index: number) => {
      if (badEntries.has(index)) return
      const line = read.lineOf(['entries', index]) ?? 0
      const id = raw.id as string
      const earlier = firstLines.get(id)
      if (earlier !== undefined) {
        problems.push({file, line, message: `duplicate id "${id}" (first used on line ${earlier})`})
        return
      }
      firstLines.set(id, line)
      if (raw.disabled === true) {
        entries.push({id, disabled: true, file, line})
        return
      }
      const entry: Json = {}
      for (const [key, property] of defaults) if (raw[key] === undefined) raw[key] = property.default
      for (const field of fields) {
        if (field === 'term' || field === 'disabled') continue
        const value = field === 'terms' ? (raw.term !== undefined ? [raw.term] : raw.terms) : raw[field]
        if (field === 'examples') entry[field] = {flag: list((value as Json | undefined)?.flag), pass: list((value as Json | undefined)?.pass)}
        else entry[field] = lists.has(field) ? list(value) : typeof value === 'string' ? value.trim() : value
      }
      entries.push({...(entry as unknown as LayerEntry), file, line})
    })
    return {
      entries,
      knownAcronyms: list(root.knownAcronyms),
      problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
    }
  }
}

/** A field that holds a list: an array, or a definition that may be one (a lone item stands for a list of one). */
export function isListField(schema: Json, property: Json): boolean {
  if (property.type === 'array') return true
  const ref = typeof property.$ref === 'string' ? property.$ref.replace('#/definitions/', '') : undefined
  const definition = ref === undefined ? undefined : ((schema.definitions as Record<string, Json>)[ref] as Json | undefined)
  return Array.isArray(definition?.anyOf) && (definition.anyOf as Json[]).some((option) => option.type === 'array')
}

/** A list of words as text, each trimmed (a lone word is a list of one). */
function list(value: unknown): string[] {
  if (value === undefined || value === null) return []
  return (Array.isArray(value) ? value : [value]).map((item) => String(item).trim())
}
