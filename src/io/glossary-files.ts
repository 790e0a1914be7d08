/**
 * Glossary and data files on disk: the shipped glossary (glossary/), its
 * packs, team glossaries, and the shipped English data, read with the yaml
 * package and checked against the JSON Schema (glossary/schema.ts), each
 * parsed once per content (io/data-cache.ts). Layers: the shipped glossary
 * first, then each pack, then each team glossary in order; a later layer
 * adds entries, replaces an entry with the same id, or switches one off.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {CheckerData} from '../core/checker.js'
import {ACRONYMS_FILE_NAME, parseAcronyms} from '../glossary/acronyms.js'
import {compileGlossary, packEntryKeys, rememberEntryKeys, type CompiledGlossary} from '../glossary/compile.js'
import {EVERYDAY_WORDS_FILE_NAME} from '../glossary/everyday-words.js'
import {LANGUAGE_FILE_NAME, parseLanguageLists, type EnglishData} from '../glossary/language.js'
import {GlossaryError} from '../glossary/problems.js'
import {createGlossaryParser, type ParsedGlossary} from '../glossary/schema.js'
import {parseSimplifyList, SIMPLIFY_LIST_FILE_NAME} from '../glossary/simplify-list.js'
import {parseProfiles, PROFILES_FILE_NAME} from '../glossary/profiles.js'
import {parseSimplifyOff, SIMPLIFY_OFF_FILE_NAME, withoutDropped} from '../glossary/simplify-off.js'
import type {GlossaryEntry, GlossaryProblem, LayerEntry} from '../glossary/types.js'
import {hashBytes} from '../shared/hash.js'
import {cachedParse} from './data-cache.js'
import {showPath} from './find-files.js'

export {GlossaryError, formatProblem} from '../glossary/problems.js'

export const SHIPPED_GLOSSARY_DIR = fileURLToPath(new URL('../../glossary/', import.meta.url))
/** Optional packs, switched on by name with --pack. */
export const PACKS_DIR = path.join(SHIPPED_GLOSSARY_DIR, 'packs')
const SCHEMA_FILE = path.join(SHIPPED_GLOSSARY_DIR, 'glossary.schema.json')
/** Data files in glossary/ that are not glossaries. */
const NOT_GLOSSARIES = new Set([ACRONYMS_FILE_NAME, LANGUAGE_FILE_NAME, SIMPLIFY_OFF_FILE_NAME, PROFILES_FILE_NAME])

export interface LoadGlossaryOptions {
  /** Optional packs by name (see glossary/packs/), layered over the shipped glossary. */
  packs?: readonly string[]
  /** Team or project glossary files, layered in order over the shipped one and the packs. */
  layers?: readonly string[]
  /** Leave out the shipped glossary (for tests and fully custom set-ups). */
  shipped?: boolean
  /** Folder used to show file names relative to (default: the working folder). */
  cwd?: string
}

/** The entries in use and the acronyms readers know (the shipped list plus any "knownAcronyms" in the layers). */
export interface LoadedGlossary extends Pick<CheckerData, 'entries' | 'knownAcronyms'> {
  /** Every entry as written in the files, in layer order: all statuses, and switched-off ones. */
  asWritten: LayerEntry[]
}

let schemaBytes: Buffer | undefined
let schema: Record<string, unknown> | undefined
let parser: ((text: string, file: string) => ParsedGlossary) | undefined

/** The glossary's JSON Schema (glossary/glossary.schema.json). */
export function glossarySchema(): Record<string, unknown> {
  return (schema ??= JSON.parse((schemaBytes ??= readFileSync(SCHEMA_FILE)).toString('utf8')) as Record<string, unknown>)
}

/** Parsed glossaries are cached for this schema: a new field in it parses every file again. */
const glossaryKind = () => `glossary-${hashBytes((schemaBytes ??= readFileSync(SCHEMA_FILE)))}`

/** Parse glossary YAML, checked against the shipped JSON Schema. Never throws: problems are returned. */
export function parseGlossary(text: string, file: string): ParsedGlossary {
  parser ??= createGlossaryParser(glossarySchema())
  return parser(text, file)
}

/** The YAML files of the shipped glossary, in a stable order. */
export function shippedGlossaryFiles(): string[] {
  return readdirSync(SHIPPED_GLOSSARY_DIR)
    .filter((name) => /\.ya?ml$/.test(name) && !NOT_GLOSSARIES.has(name))
    .sort()
    .map((name) => path.join(SHIPPED_GLOSSARY_DIR, name))
}

export function availablePacks(): string[] {
  try {
    return readdirSync(PACKS_DIR)
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => name.replace(/\.ya?ml$/, ''))
      .sort()
  } catch {
    return []
  }
}

export function packFile(name: string): string {
  return path.join(PACKS_DIR, `${name}.yml`)
}

/** Every shipped data file that decides results: any change to one changes them. */
export function shippedDataFiles(): string[] {
  return readdirSync(SHIPPED_GLOSSARY_DIR)
    .filter((name) => /\.(?:ya?ml|json|txt)$/.test(name))
    .map((name) => path.join(SHIPPED_GLOSSARY_DIR, name))
}

/** Load, validate, layer and compile. Throws GlossaryError listing every problem. */
export function loadGlossary(options: LoadGlossaryOptions = {}): CompiledGlossary {
  const loaded = loadLayers(options)
  return compileGlossary(loaded.entries, {knownAcronyms: loaded.knownAcronyms, english: loadEnglishData()})
}

/** Load, validate and layer, without compiling. */
export function loadEntries(options: LoadGlossaryOptions = {}): GlossaryEntry[] {
  return loadLayers(options).entries
}

/** The files that make up the glossary, in layer order. */
export function layerFiles(options: LoadGlossaryOptions = {}): Array<{layer: string; files: string[]}> {
  const cwd = options.cwd ?? process.cwd()
  const layers: Array<{layer: string; files: string[]}> = []
  if (options.shipped !== false) layers.push({layer: 'shipped', files: shippedGlossaryFiles()})
  for (const pack of options.packs ?? []) layers.push({layer: `pack ${pack}`, files: [packFile(pack)]})
  for (const file of options.layers ?? []) layers.push({layer: file, files: [path.resolve(cwd, file)]})
  return layers
}

export function loadLayers(options: LoadGlossaryOptions = {}): LoadedGlossary {
  const cwd = options.cwd ?? process.cwd()
  const problems: GlossaryProblem[] = []
  const layers: LayerEntry[][] = []
  const knownAcronyms: string[] = []

  const packs = availablePacks()
  for (const pack of options.packs ?? []) {
    if (!packs.includes(pack)) problems.push({file: `--pack ${pack}`, message: `there is no pack called "${pack}" (packs: ${packs.join(', ') || 'none'})`})
  }
  if (problems.length > 0) throw new GlossaryError(problems)

  if (options.shipped !== false) {
    const file = path.join(SHIPPED_GLOSSARY_DIR, ACRONYMS_FILE_NAME)
    const shown = showPath(file, cwd)
    const acronyms = cachedParse('acronyms', readFileSync(file), () => {
      const parsed = parseAcronyms(readFileSync(file, 'utf8'), shown)
      return {value: parsed, keep: parsed.problems.length === 0}
    })
    for (const problem of acronyms.problems) problems.push(problem)
    for (const acronym of acronyms.acronyms) knownAcronyms.push(acronym)
  }
  for (const {layer, files} of layerFiles(options)) {
    // The shipped files form one layer: an id used twice across them is a mistake.
    const entries = files.flatMap((file) => readLayer(file, cwd, problems, knownAcronyms))
    if (layer === 'shipped') reportCrossFileDuplicates(entries, problems)
    layers.push(entries)
  }

  if (problems.length > 0) throw new GlossaryError(problems)
  return {entries: layerEntries(layers), knownAcronyms, asWritten: layers.flat()}
}

/** Apply layers in order. Pure. */
export function layerEntries(layers: readonly LayerEntry[][]): GlossaryEntry[] {
  const byId = new Map<string, GlossaryEntry>()
  for (const layer of layers) {
    for (const entry of layer) {
      byId.delete(entry.id)
      if ('disabled' in entry) continue
      if (entry.status === 'accepted') byId.set(entry.id, entry)
    }
  }
  return [...byId.values()]
}

/** What is kept of a parsed glossary file: its entries (with no file, which depends on where it is seen from) and each one's keys for the trie. */
interface CachedGlossary extends ParsedGlossary {
  /** Each entry's keys (packEntryKeys; null for a disabled entry or one whose keys cannot be packed). */
  keys: Array<string | null>
}

function readLayer(file: string, cwd: string, problems: GlossaryProblem[], knownAcronyms: string[]): LayerEntry[] {
  const shown = showPath(file, cwd)
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    problems.push({
      file: shown,
      message: code === 'ENOENT' ? 'glossary file not found' : code === 'EISDIR' ? 'this is a folder, not a glossary file' : `cannot read this glossary file (${code ?? 'unknown error'})`
    })
    return []
  }
  const parsed = cachedParse<CachedGlossary>(glossaryKind(), bytes, () => {
    const result = parseGlossary(bytes.toString('utf8'), '')
    const keys = result.entries.map((entry) => ('disabled' in entry ? null : packEntryKeys(entry) ?? null))
    return {value: {entries: result.entries, knownAcronyms: result.knownAcronyms, keys, problems: result.problems}, keep: result.problems.length === 0}
  })
  for (const problem of parsed.problems) problems.push({...problem, file: shown})
  for (const acronym of parsed.knownAcronyms) knownAcronyms.push(acronym)
  // A fresh copy of the entries for this load: each is given its file, and its keys.
  const entries = parsed.entries.map((entry) => ({...entry, file: shown}))
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!
    const keys = parsed.keys[index]
    if (keys && !('disabled' in entry)) rememberEntryKeys(entry, keys)
  }
  return entries
}

function reportCrossFileDuplicates(entries: readonly LayerEntry[], problems: GlossaryProblem[]): void {
  const seen = new Map<string, LayerEntry>()
  for (const entry of entries) {
    const first = seen.get(entry.id)
    if (first && first.file !== entry.file) {
      problems.push({file: entry.file, line: entry.line, message: `duplicate id "${entry.id}" (also in ${first.file}:${first.line})`})
    }
    if (!first) seen.set(entry.id, entry)
  }
}

let english: EnglishData | undefined

/** The shipped English data the checker needs besides the glossary, read once per process. */
export function loadEnglishData(): EnglishData {
  if (!english) {
    const read = (name: string) => readFileSync(path.join(SHIPPED_GLOSSARY_DIR, name))
    const languageBytes = read(LANGUAGE_FILE_NAME)
    const offBytes = read(SIMPLIFY_OFF_FILE_NAME)
    const listBytes = read(SIMPLIFY_LIST_FILE_NAME)
    const profileBytes = read(PROFILES_FILE_NAME)
    // The list and what plainly leaves out of it, as one value: the phrases with their dropped suggestions taken out.
    const simplify = cachedParse('simplify', Buffer.concat([listBytes, Buffer.from([0]), offBytes]), () => {
      const offFile = `glossary/${SIMPLIFY_OFF_FILE_NAME}`
      const off = parseSimplifyOff(offBytes.toString('utf8'), offFile)
      const list = withoutDropped(parseSimplifyList(listBytes.toString('utf8')), off, offFile)
      const problems = [...off.problems, ...list.problems]
      if (problems.length > 0) throw new GlossaryError(problems)
      return {value: {phrases: list.phrases, off: off.phrases}, keep: true}
    })
    english = {
      language: cachedParse('language', languageBytes, () => ({value: parseLanguageLists(languageBytes.toString('utf8')), keep: true})),
      // Latin-1: the list is ASCII, and so read as one-byte text.
      everydayWords: read(EVERYDAY_WORDS_FILE_NAME).toString('latin1'),
      simplifyPhrases: simplify.phrases,
      simplifyOff: simplify.off,
      profiles: cachedParse('profiles', profileBytes, () => ({value: parseProfiles(profileBytes.toString('utf8')), keep: true}))
    }
  }
  return english
}
