/**
 * Data files (glossaries, settings) read with the yaml package and checked
 * against a JSON Schema with Ajv: every problem has the line of the key or
 * value it is about, in the words of the schema's errorMessage texts (see
 * ajv-errors). JSON files are read the same way (JSON is YAML), after a
 * strict JSON check. Pure: text in, data and problems out.
 */
import {Ajv, type ErrorObject, type ValidateFunction} from 'ajv'
import ajvErrorsModule from 'ajv-errors'
import {isMap, isScalar, LineCounter, parseDocument, type Document, type Node} from 'yaml'

export type DataPath = ReadonlyArray<string | number>

export interface DataProblem {
  line: number
  message: string
}

export interface ReadData {
  data: unknown
  /** Problems with the text itself (not YAML, not JSON); the data is undefined then. */
  problems: DataProblem[]
  /** The line of the value at a path (or of its key, when `key` is given). */
  lineOf(path: DataPath, key?: string): number | undefined
}

/** Parse YAML (or JSON, when `json` is true) keeping lines. Never throws. */
export function readData(text: string, options: {json?: boolean} = {}): ReadData {
  const source = text.replace(/^\uFEFF/, '')
  const lineCounter = new LineCounter()
  const doc = parseDocument(source, {lineCounter, uniqueKeys: true, prettyErrors: false})
  const lineAt = (offset: number) => lineCounter.linePos(offset).line
  const lineOf = (path: DataPath, key?: string) => (key === undefined ? valueLine(doc, path, lineAt) : keyLine(doc, path, key, lineAt))
  if (options.json) {
    try {
      return {data: JSON.parse(source), problems: [], lineOf}
    } catch (error) {
      const position = /position (\d+)/.exec((error as Error).message)
      return {data: undefined, problems: [{line: position ? lineAt(Number(position[1])) : 1, message: 'this is not valid JSON'}], lineOf}
    }
  }
  if (doc.errors.length > 0) return {data: undefined, problems: doc.errors.map((error) => ({line: lineAt(error.pos[0]), message: `this is not valid YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`})), lineOf}
  try {
    return {data: doc.toJS({maxAliasCount: 100}), problems: [], lineOf}
  } catch {
    return {data: undefined, problems: [{line: 1, message: 'this file uses YAML aliases that would grow far too large; write it out in full'}], lineOf}
  }
}

/** A key the schema does not allow: say so, with the keys it does (a callback, to name the thing in the file's own words). */
export type UnknownKey = (path: DataPath, key: string, allowed: string[], data: unknown) => string

export interface SchemaCheck {
  /** The problems of `data` (read by readData), each with its line, in line order, and the paths of values with problems. */
  (data: unknown, read: Pick<ReadData, 'lineOf'>): {problems: DataProblem[]; bad: DataPath[]}
}

/** A checker of data for one schema, compiled on first use. */
export function createSchemaCheck(schema: Record<string, unknown>, unknownKey: UnknownKey): SchemaCheck {
  let validate: ValidateFunction | undefined
  return (data, read) => {
    validate ??= compile(schema)
    if (validate(data)) return {problems: [], bad: []}
    const problems: DataProblem[] = []
    const bad: DataPath[] = []
    const seen = new Set<string>()
    for (const error of validate.errors ?? []) {
      if (error.keyword === 'if') continue
      const path = pathOf(error.instancePath)
      bad.push(path)
      const problem = describe(error, path, data, read, unknownKey)
      const key = `${problem.line}\u0000${problem.message}`
      if (seen.has(key)) continue
      seen.add(key)
      problems.push(problem)
    }
    return {problems: problems.sort((a, b) => a.line - b.line), bad}
  }
}

function compile(schema: Record<string, unknown>): ValidateFunction {
  const ajv = new Ajv({allErrors: true, useDefaults: false, strict: false, unicodeRegExp: true, verbose: true})
  // ajv-errors is CommonJS: its function is the module, or its default.
  const addErrors = ((ajvErrorsModule as unknown as {default?: unknown}).default ?? ajvErrorsModule) as (ajv: Ajv) => Ajv
  addErrors(ajv)
  return ajv.compile(schema)
}

/** A problem for one schema error: its message, and the line of the key or value it is about. */
function describe(error: ErrorObject, path: DataPath, data: unknown, read: Pick<ReadData, 'lineOf'>, unknownKey: UnknownKey): DataProblem {
  if (error.keyword === 'additionalProperties') {
    const key = (error.params as {additionalProperty: string}).additionalProperty
    const allowed = Object.keys((error.parentSchema as {properties?: object} | undefined)?.properties ?? {}).filter((name) => name !== '$schema')
    return {line: read.lineOf(path, key) ?? 1, message: unknownKey(path, key, allowed, data)}
  }
  const line = read.lineOf(path) ?? 1
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

/** The value at a path of plain data. */
export function valueAt(data: unknown, path: DataPath): unknown {
  let value = data
  for (const part of path) value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[part] : undefined
  return value
}

function valueLine(doc: Document, path: DataPath, lineAt: (offset: number) => number): number | undefined {
  const node = (path.length === 0 ? doc.contents : doc.getIn(path, true)) as Node | undefined
  return node?.range ? lineAt(node.range[0]) : undefined
}

function keyLine(doc: Document, path: DataPath, key: string, lineAt: (offset: number) => number): number | undefined {
  const parent = (path.length === 0 ? doc.contents : doc.getIn(path, true)) as Node | undefined
  if (isMap(parent)) {
    const pair = parent.items.find((item) => (isScalar(item.key) ? String(item.key.value) : String(item.key)) === key)
    const range = (pair?.key as Node | undefined)?.range
    if (range) return lineAt(range[0])
  }
  return valueLine(doc, path, lineAt)
}
