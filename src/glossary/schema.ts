/**
 * Read one glossary YAML file into entries, checked against the glossary's
 * JSON Schema (glossary/glossary.schema.json, given by the caller) with
 * Ajv: every problem names the file, the line and what was expected, in
 * the words the schema's errorMessage texts give. Pure: text in, data out.
 */
import {Ajv, type ErrorObject, type ValidateFunction} from 'ajv'
import ajvErrorsModule from 'ajv-errors'
import {isMap, isScalar, LineCounter, parseDocument, type Document, type Node} from 'yaml'
import {didYouMean} from '../shared/nearest.js'
import type {GlossaryProblem, LayerEntry} from './types.js'

export interface ParsedGlossary {
  description?: string
  entries: LayerEntry[]
  /** Acronyms this file says readers know without spelling out. */
  knownAcronyms: string[]
  problems: GlossaryProblem[]
}

type Json = Record<string, unknown>

/** A reader of glossary files for this schema. Never throws: problems are returned. */
export function createGlossaryParser(schema: Json): (text: string, file: string) => ParsedGlossary {
  let validate: ValidateFunction | undefined
  const properties = (schema.definitions as Record<string, Json>).active!.properties as Record<string, Json>
  // The fields of an entry, in the schema's order: the order entries keep.
  const fields = Object.keys(properties)
  const lists = new Set(fields.filter((field) => properties[field]!.type === 'array' || properties[field]!.$ref === '#/definitions/words'))
  const defaults = Object.entries(properties).filter(([, property]) => 'default' in property)
  return (text, file) => {
    validate ??= compile(schema)
    const lineCounter = new LineCounter()
    const doc = parseDocument(text.replace(/^\uFEFF/, ''), {lineCounter, uniqueKeys: true, prettyErrors: false})
    const lineAt = (offset: number) => lineCounter.linePos(offset).line
    if (doc.errors.length > 0) {
      return {entries: [], knownAcronyms: [], problems: doc.errors.map((error) => ({file, line: lineAt(error.pos[0]), message: `this is not valid YAML: ${firstLine(error.message)}`}))}
    }
    let data: unknown
    try {
      data = doc.toJS({maxAliasCount: 100})
    } catch {
      return {entries: [], knownAcronyms: [], problems: [{file, line: 1, message: 'this file uses YAML aliases that would grow far too large; write the entries out in full'}]}
    }

    const problems: GlossaryProblem[] = []
    const badEntries = new Set<number>()
    const seen = new Set<string>()
    if (!validate(data)) {
      for (const error of validate.errors ?? []) {
        if (error.keyword === 'if') continue
        const path = pathOf(error.instancePath)
        const entry = path[0] === 'entries' && path.length >= 2 ? Number(path[1]) : undefined
        if (entry !== undefined) badEntries.add(entry)
        const problem = describe(error, path, doc, data, lineAt, fields)
        const key = `${problem.line}\u0000${problem.message}`
        if (seen.has(key)) continue
        seen.add(key)
        problems.push({file, ...problem})
      }
    }
    const root = (data !== null && typeof data === 'object' && !Array.isArray(data) ? data : {}) as Json
    if (!Array.isArray(root.entries)) return {entries: [], knownAcronyms: [], problems}

    const entries: LayerEntry[] = []
    const firstLines = new Map<string, number>()
    root.entries.forEach((raw: Json, index: number) => {
      if (badEntries.has(index)) return
      const line = lineOf(doc, ['entries', index], lineAt) ?? 0
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
      description: typeof root.description === 'string' ? root.description : undefined,
      entries,
      knownAcronyms: list(root.knownAcronyms),
      problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
    }
  }
}

function compile(schema: Json): ValidateFunction {
  const ajv = new Ajv({allErrors: true, useDefaults: false, strict: false, unicodeRegExp: true})
  // ajv-errors is CommonJS: its function is the module, or its default.
  const addErrors = ((ajvErrorsModule as unknown as {default?: unknown}).default ?? ajvErrorsModule) as (ajv: Ajv) => Ajv
  addErrors(ajv)
  return ajv.compile(schema)
}

/** A problem for one schema error: its message, and the line of the key or value it is about. */
function describe(error: ErrorObject, path: Array<string | number>, doc: Document, data: unknown, lineAt: (offset: number) => number, entryFields: readonly string[]): {line?: number; message: string} {
  if (error.keyword === 'additionalProperties') {
    const key = (error.params as {additionalProperty: string}).additionalProperty
    const parent = valueAt(data, path) as Json | undefined
    const what = path.length === 0 ? 'glossary file' : path.at(-1) === 'examples' ? `entry "${String((valueAt(data, path.slice(0, -1)) as Json | undefined)?.id)}" examples` : 'entry'
    const allowed = path.length === 0 ? ['description', 'knownAcronyms', 'entries'] : path.at(-1) === 'examples' ? ['flag', 'pass'] : parent?.disabled === true ? ['id', 'disabled'] : entryFields
    return {line: keyLine(doc, path, key, lineAt), message: `unknown key "${key}" in ${what}${didYouMean(key, allowed)}`}
  }
  const line = lineOf(doc, path, lineAt) ?? 1
  if (error.keyword === 'errorMessage') return {line, message: error.message ?? 'this is not valid'}
  // A check the schema gives no words for: say where, and what Ajv says.
  return {line, message: `${path.length > 0 ? `"${path.at(-1)}" ` : ''}${error.message ?? 'is not valid'}`}
}

/** "/entries/3/severity" → ["entries", 3, "severity"] */
function pathOf(pointer: string): Array<string | number> {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part))
}

function valueAt(data: unknown, path: ReadonlyArray<string | number>): unknown {
  let value = data
  for (const part of path) value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[part] : undefined
  return value
}

function lineOf(doc: Document, path: ReadonlyArray<string | number>, lineAt: (offset: number) => number): number | undefined {
  const node = (path.length === 0 ? doc.contents : doc.getIn(path, true)) as Node | undefined
  return node?.range ? lineAt(node.range[0]) : undefined
}

function keyLine(doc: Document, path: ReadonlyArray<string | number>, key: string, lineAt: (offset: number) => number): number | undefined {
  const parent = (path.length === 0 ? doc.contents : doc.getIn(path, true)) as Node | undefined
  if (isMap(parent)) {
    const pair = parent.items.find((item) => (isScalar(item.key) ? String(item.key.value) : String(item.key)) === key)
    const range = (pair?.key as Node | undefined)?.range
    if (range) return lineAt(range[0])
  }
  return lineOf(doc, path, lineAt)
}

/** A list of words as text, each trimmed (a lone word is a list of one). */
function list(value: unknown): string[] {
  if (value === undefined || value === null) return []
  return (Array.isArray(value) ? value : [value]).map((item) => String(item).trim())
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
}
