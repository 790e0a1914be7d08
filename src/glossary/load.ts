/**
 * Read glossary files and layer them: the shipped glossary first, then each
 * team glossary in order. A later layer adds entries, replaces an entry with
 * the same id, or switches one off with `disabled: true`.
 */
import {pushAll} from '../shared/arrays.js'
import {isAscii} from 'node:buffer'
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {ACRONYMS_FILE_NAME, readAcronymsFile} from './acronyms.js'
import {compileGlossary, rememberEntryKeys, type CompiledGlossary} from './compile.js'
import {LANGUAGE_FILE_NAME} from './language.js'
import {SHIPPED_GLOSSARY_DIR} from './paths.js'
import {readPrebuilt} from './prebuilt.js'
import {parseGlossary} from './schema.js'
import type {GlossaryEntry, GlossaryProblem, LayerEntry} from './types.js'

export {SHIPPED_GLOSSARY_DIR}
/** Optional packs, switched on by name with --pack. */
export const PACKS_DIR = path.join(SHIPPED_GLOSSARY_DIR, 'packs')
/** Data files in glossary/ that are not glossaries. */
const NOT_GLOSSARIES = new Set([ACRONYMS_FILE_NAME, LANGUAGE_FILE_NAME, 'simplify-off.yml'])

export class GlossaryError extends Error {
  readonly problems: GlossaryProblem[]
  constructor(problems: GlossaryProblem[]) {
    super(problems.map((problem) => formatProblem(problem)).join('\n'))
    this.name = 'GlossaryError'
    this.problems = problems
  }
}

export function formatProblem(problem: GlossaryProblem): string {
  return `${problem.file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`
}

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

/** The YAML files of the shipped glossary, in a stable order. */
export function shippedGlossaryFiles(): string[] {
  return readdirSync(SHIPPED_GLOSSARY_DIR)
    .filter((name) => /\.ya?ml$/.test(name) && !NOT_GLOSSARIES.has(name))
    .sort()
    .map((name) => path.join(SHIPPED_GLOSSARY_DIR, name))
}

/** The names of the optional packs. */
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

export interface LoadedGlossary {
  entries: GlossaryEntry[]
  /** Acronyms readers know: the shipped list plus any "knownAcronyms" in the layers. */
  knownAcronyms: string[]
}

/** Load, validate, layer and compile. Throws GlossaryError listing every problem. */
export function loadGlossary(options: LoadGlossaryOptions = {}): CompiledGlossary {
  const loaded = loadLayers(options)
  return compileGlossary(loaded.entries, {knownAcronyms: loaded.knownAcronyms})
}

/** Load, validate and layer, without compiling. */
export function loadEntries(options: LoadGlossaryOptions = {}): GlossaryEntry[] {
  return loadLayers(options).entries
}

/** The files that make up the glossary, in layer order, as [layer name, files]. */
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
    if (!packs.includes(pack)) {
      problems.push({file: `--pack ${pack}`, message: `there is no pack called "${pack}" (packs: ${packs.join(', ') || 'none'})`})
    }
  }
  if (problems.length > 0) throw new GlossaryError(problems)

  if (options.shipped !== false) {
    const acronyms = readAcronymsFile(path.join(SHIPPED_GLOSSARY_DIR, ACRONYMS_FILE_NAME), displayPath(path.join(SHIPPED_GLOSSARY_DIR, ACRONYMS_FILE_NAME), cwd))
    pushAll(problems, acronyms.problems)
    pushAll(knownAcronyms, acronyms.acronyms)
  }
  for (const {layer, files} of layerFiles(options)) {
    // The shipped files form one layer: an id used twice across them is a mistake.
    const entries = files.flatMap((file) => readLayer(file, cwd, problems, knownAcronyms))
    if (layer === 'shipped') reportCrossFileDuplicates(entries, problems)
    layers.push(entries)
  }

  if (problems.length > 0) throw new GlossaryError(problems)
  return {entries: layerEntries(layers), knownAcronyms}
}

/** The file of an optional pack. */
export function packFile(name: string): string {
  return path.join(PACKS_DIR, `${name}.yml`)
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

function readLayer(file: string, cwd: string, problems: GlossaryProblem[], knownAcronyms: string[]): LayerEntry[] {
  const shown = displayPath(file, cwd)
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
  const cached = readPrebuilt<PrebuiltGlossary>('glossary', file, bytes)
  if (cached) {
    pushAll(knownAcronyms, cached.knownAcronyms)
    // Freshly parsed for this call, so the entries can be given their file in place.
    const {entries, keys} = cached
    for (let index = 0; index < entries.length; index++) {
      const entry = entries[index]!
      entry.file = shown
      if (keys[index] && !('disabled' in entry)) rememberEntryKeys(entry, keys[index]!)
    }
    return entries
  }
  // ASCII (most glossaries) reads as Latin-1 to the same text, and much faster than UTF-8 for a large file.
  const text = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8')
  const parsed = parseGlossary(text.replace(/^\uFEFF/, ''), shown)
  pushAll(problems, parsed.problems)
  pushAll(knownAcronyms, parsed.knownAcronyms)
  return parsed.entries
}

/** What the build keeps of a shipped glossary file (scripts/build-glossary-cache.mjs). */
export interface PrebuiltGlossary {
  entries: LayerEntry[]
  knownAcronyms: string[]
  /** Each entry's keys for the trie (packEntryKeys; null for a disabled entry). */
  keys: Array<string | null>
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

function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file)
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file
}
