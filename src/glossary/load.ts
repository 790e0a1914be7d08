/**
 * Read glossary files and layer them: the shipped glossary first, then each
 * team glossary in order. A later layer adds entries, replaces an entry with
 * the same id, or switches one off with `disabled: true`.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {compileGlossary, type CompiledGlossary} from './compile.js'
import {parseGlossary} from './schema.js'
import type {GlossaryEntry, GlossaryProblem, LayerEntry} from './types.js'

/** The glossary folder that ships with plainly. */
export const SHIPPED_GLOSSARY_DIR = fileURLToPath(new URL('../../glossary/', import.meta.url))

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
  /** Team or project glossary files, layered in order over the shipped one. */
  layers?: readonly string[]
  /** Leave out the shipped glossary (for tests and fully custom set-ups). */
  shipped?: boolean
  /** Folder used to show file names relative to (default: the working folder). */
  cwd?: string
}

/** The YAML files of the shipped glossary, in a stable order. */
export function shippedGlossaryFiles(): string[] {
  return readdirSync(SHIPPED_GLOSSARY_DIR)
    .filter((name) => /\.ya?ml$/.test(name) && name !== 'simplify-off.yml')
    .sort()
    .map((name) => path.join(SHIPPED_GLOSSARY_DIR, name))
}

/** Load, validate, layer and compile. Throws GlossaryError listing every problem. */
export function loadGlossary(options: LoadGlossaryOptions = {}): CompiledGlossary {
  return compileGlossary(loadEntries(options))
}

/** Load, validate and layer, without compiling. */
export function loadEntries(options: LoadGlossaryOptions = {}): GlossaryEntry[] {
  const cwd = options.cwd ?? process.cwd()
  const problems: GlossaryProblem[] = []
  const layers: LayerEntry[][] = []

  if (options.shipped !== false) {
    // The shipped files form one layer: an id used twice across them is a mistake.
    const shipped = shippedGlossaryFiles().map((file) => readLayer(file, cwd, problems))
    const merged = shipped.flat()
    reportCrossFileDuplicates(merged, problems)
    layers.push(merged)
  }
  for (const file of options.layers ?? []) layers.push(readLayer(path.resolve(cwd, file), cwd, problems))

  if (problems.length > 0) throw new GlossaryError(problems)
  return layerEntries(layers)
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

function readLayer(file: string, cwd: string, problems: GlossaryProblem[]): LayerEntry[] {
  const shown = displayPath(file, cwd)
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    problems.push({
      file: shown,
      message: code === 'ENOENT' ? 'glossary file not found' : code === 'EISDIR' ? 'this is a folder, not a glossary file' : `cannot read this glossary file (${code ?? 'unknown error'})`
    })
    return []
  }
  const parsed = parseGlossary(text.replace(/^\uFEFF/, ''), shown)
  problems.push(...parsed.problems)
  return parsed.entries
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
