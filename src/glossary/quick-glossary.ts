/**
 * The quick way to read a glossary file: quick-yaml.ts for the text, then
 * the same checks as schema.ts on plain values. It answers only for a file
 * in the plain style with no problem at all; otherwise it returns undefined
 * and parseGlossary takes the full way (the yaml package's syntax tree),
 * which finds every problem and names its line. A 10,000-entry glossary
 * reads several times faster this way.
 *
 * The checks mirror readEntry in schema.ts one for one; where this file
 * accepts an entry, schema.ts must accept it and build the same object.
 * tests/quick-yaml.test.ts holds the two to that.
 */
import {SEVERITIES, type Severity} from '../types.js'
import {QuickMap, quickYaml, type QuickValue} from './quick-yaml.js'
import {DATE_PATTERN, FILE_KEYS, ID_PATTERN, STATUSES} from './fields.js'
import type {ParsedGlossary} from './schema.js'
import type {EntryStatus, LayerEntry} from './types.js'

/** Any problem: the full parser will say what it is. */
class Problem extends Error {}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

const fail = (): never => {
  throw new Problem()
}

/**
 * What a large glossary keeps costs memory for the whole run, and on a
 * machine where fresh memory is dear, time: every entry kept is copied by
 * the garbage collector as it grows old. So an entry holds no lists of its
 * own for what it leaves out (one frozen empty list, and one frozen empty
 * set of examples, serve them all), its severity and status are the shared
 * constants, and a "source" or "licence" text that an earlier entry of the
 * same file already gave is that entry's very string. Nothing that reads
 * an entry changes it, and frozen, these cannot be changed by mistake.
 */
const NONE: string[] = Object.freeze([] as string[]) as string[]
const NO_EXAMPLES: {flag: string[]; pass: string[]} = Object.freeze({flag: NONE, pass: NONE}) as {flag: string[]; pass: string[]}

/** The parsed glossary, when the text is plain YAML with no problem; otherwise undefined. */
export function quickGlossary(text: string, file: string): ParsedGlossary | undefined {
  try {
    // Each entry is checked and built as soon as its map is read.
    const seen = new Set<string>()
    const texts = new Map<string, string>()
    const root = quickYaml(text, {
      entry(item) {
        if (!(item instanceof QuickMap)) return fail()
        const entry = readEntry(item, file, texts)
        if (seen.has(entry.id)) fail()
        seen.add(entry.id)
        return entry
      }
    })
    if (!(root instanceof QuickMap)) return undefined
    return readFile(root, seen.size)
  } catch (error) {
    if (error instanceof Problem) return undefined
    throw error
  }
}

/** The file's own fields; its entries are already built (`built` of them). */
function readFile(root: QuickMap, built: number): ParsedGlossary {
  checkKeys(root, FILE_KEYS)
  const description = root.get('description')
  // schema.ts ignores a description that is not text; leave that rare case to it.
  if (description !== undefined && typeof description !== 'string') fail()
  const knownAcronyms = stringList(root.get('knownAcronyms')) ?? []
  const entries = root.get('entries')
  // A list written some other way ([...] on one line) was not built as it was read: leave it.
  if (!Array.isArray(entries) || entries.length !== built) return fail()
  return {description: description as string | undefined, entries: entries as unknown as LayerEntry[], knownAcronyms, problems: []}
}

/** A field's value as read, or undefined when the entry does not have the field. */
type Field = QuickValue | undefined

/** `text` as first met in this file (see NONE). */
function shared(texts: Map<string, string>, text: string): string {
  const known = texts.get(text)
  if (known !== undefined) return known
  texts.set(text, text)
  return text
}

function readEntry(map: QuickMap, file: string, texts: Map<string, string>): LayerEntry {
  const line = map.line
  // One pass over the fields as written: the keys of fields.ts's ENTRY_KEYS
  // (any other key, or one added there and not here, leaves the file to the
  // full parser). An absent field is undefined, as a present one never is.
  let id: Field, term: Field, termList: Field, alternativeList: Field, explainValue: Field, note: Field, severityValue: Field, source: Field, licence: Field
  let acronym: Field, except: Field, forms: Field, inflect: Field, statusValue: Field, proposedBy: Field, reviewedValue: Field, url: Field, exampleMap: Field
  let disabled: Field, autofixValue: Field
  const values = map.values
  for (const key in values) {
    const value = values[key]
    switch (key) {
      case 'id': id = value; break
      case 'term': term = value; break
      case 'terms': termList = value; break
      case 'alternatives': alternativeList = value; break
      case 'explain': explainValue = value; break
      case 'note': note = value; break
      case 'severity': severityValue = value; break
      case 'source': source = value; break
      case 'licence': licence = value; break
      case 'acronym': acronym = value; break
      case 'except': except = value; break
      case 'forms': forms = value; break
      case 'inflect': inflect = value; break
      case 'status': statusValue = value; break
      case 'proposedBy': proposedBy = value; break
      case 'reviewed': reviewedValue = value; break
      case 'url': url = value; break
      case 'examples': exampleMap = value; break
      case 'disabled': disabled = value; break
      case 'autofix': autofixValue = value; break
      default: return fail()
    }
  }
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) return fail()

  if (disabled !== undefined && typeof disabled !== 'boolean') fail()
  if (disabled === true) return {id, disabled: true, file, line}

  let terms: string[]
  if (term !== undefined && termList !== undefined) return fail()
  if (term !== undefined) {
    if (typeof term !== 'string') return fail()
    terms = [term]
  } else if (termList !== undefined) {
    terms = stringList(termList) ?? []
    if (terms.length === 0) fail()
  } else {
    return fail()
  }
  for (let index = 0; index < terms.length; index++) if (!LETTER_OR_DIGIT.test(terms[index]!)) fail()

  const explain = booleanField(explainValue, false)
  const alternatives = stringList(alternativeList) ?? NONE
  if (alternatives.length === 0 && !explain) fail()

  if (typeof note !== 'string' || note.trim() === '') return fail()
  const severity = SEVERITIES[SEVERITIES.indexOf(severityValue as Severity)]
  if (severity === undefined) return fail()
  if (typeof source !== 'string' || source.trim() === '') return fail()
  if (typeof licence !== 'string' || licence.trim() === '') return fail()
  const status = statusValue !== undefined ? STATUSES[STATUSES.indexOf(statusValue as EntryStatus)] : 'accepted'
  if (status === undefined) return fail()
  const reviewed = optionalString(reviewedValue)
  if (reviewed !== undefined && !DATE_PATTERN.test(reviewed)) fail()

  let examples = NO_EXAMPLES
  if (exampleMap !== undefined) {
    if (!(exampleMap instanceof QuickMap)) return fail()
    checkKeys(exampleMap, ['flag', 'pass'])
    examples = {flag: stringList(exampleMap.get('flag')) ?? NONE, pass: stringList(exampleMap.get('pass')) ?? NONE}
  }

  const autofix = booleanField(autofixValue, false)
  if (autofix && (alternatives.length !== 1 || explain)) fail()

  return {
    id,
    terms,
    alternatives,
    explain,
    note: note.trim(),
    severity,
    source: shared(texts, source),
    licence: shared(texts, licence),
    acronym: booleanField(acronym, false),
    except: stringList(except) ?? NONE,
    forms: stringList(forms) ?? NONE,
    inflect: booleanField(inflect, true),
    autofix,
    status,
    proposedBy: optionalString(proposedBy),
    reviewed,
    url: optionalString(url),
    examples,
    file,
    line
  }
}

function checkKeys(map: QuickMap, allowed: readonly string[]): void {
  for (const key in map.values) if (!allowed.includes(key)) fail()
}

function optionalString(value: QuickValue | undefined): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return value
  return fail()
}

function booleanField(value: QuickValue | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback
  if (typeof value === 'boolean') return value
  return fail()
}

/** As stringList in schema.ts: null or absent → undefined; one text → [text]; a list of texts → trimmed. */
function stringList(value: QuickValue | undefined): string[] | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return [value]
  if (!Array.isArray(value)) return fail()
  // The reader's own list (exact size, and no one else holds it) when its items need no trimming.
  let trimmed = true
  for (let index = 0; index < value.length; index++) {
    const item = value[index]
    // Numbers never get here: the quick reader leaves them to the full parser.
    if (typeof item !== 'string') return fail()
    const text = item.trim()
    if (text === '') return fail()
    if (text !== item) trimmed = false
  }
  return trimmed ? (value as string[]) : value.map((item) => (item as string).trim())
}
