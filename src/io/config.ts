/**
 * Configuration files, found from each checked file's folder upwards (the
 * nearest wins), as ESLint and Prettier users expect:
 *   .plainlyrc.yml (.yaml), .plainlyrc.json, plainly.config.json, or a
 *   "plainly" key in package.json.
 * Validation names the file, the key or line, and what was expected.
 */
import {existsSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import picomatch from 'picomatch'
import {isMap, LineCounter, parseDocument, type Document} from 'yaml'
import {didYouMean} from '../shared/nearest.js'
import {SEVERITIES, type RuleSetting, type Severity, type TargetAge} from '../types.js'

export const CONFIG_NAMES = ['.plainlyrc.yml', '.plainlyrc.yaml', '.plainlyrc.json', 'plainly.config.json', 'package.json'] as const

export type {RuleSetting}

/** Settings that can differ per file (and in `overrides`). */
export interface FileConfig {
  targetAge?: TargetAge
  maxSentenceWords?: number
  hardest?: number
  simplify?: boolean
  /** Absolute paths. */
  glossaries?: string[]
  packs?: string[]
  allow?: string[]
  rules?: Record<string, RuleSetting>
}

/** Settings for the whole run. */
export interface RunConfig {
  failOn?: Severity | 'never'
  maxWarnings?: number
  maxReadingAge?: number
  ignorePatterns?: string[]
  /** Megabytes. */
  maxFileSize?: number
}

export interface Config extends FileConfig, RunConfig {
  /** The file this came from. */
  file: string
  /** The file as problems name it (relative to the working folder). */
  shown: string
  /** The line of a setting, by its keys (["rules", "long-sentence"], ["allow", "0"]…). */
  lineOf: (keys: string[]) => number | undefined
  overrides: Array<{files: string[]; config: FileConfig}>
}

export class ConfigError extends Error {
  readonly file: string
  readonly line?: number
  /** The message without the file and line. */
  readonly detail: string
  constructor(file: string, message: string, line?: number) {
    super(`${file}${line ? `:${line}` : ''}: ${message}`)
    this.name = 'ConfigError'
    this.file = file
    this.line = line
    this.detail = message
  }
}

const FILE_KEYS = ['targetAge', 'maxSentenceWords', 'hardest', 'simplify', 'glossaries', 'packs', 'allow', 'rules'] as const
const RUN_KEYS = ['failOn', 'maxWarnings', 'maxReadingAge', 'ignorePatterns', 'maxFileSize'] as const
const TOP_KEYS = [...FILE_KEYS, ...RUN_KEYS, 'overrides', '$schema'] as const

/** Parse "11", "9-11", 11 or {min, max} into a target. Undefined when invalid. */
export function parseTargetAge(value: unknown): TargetAge | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 5 ? {min: value, max: value} : undefined
  if (typeof value === 'string') {
    const match = /^\s*(\d{1,2})\s*(?:(?:-|–|to)\s*(\d{1,2}))?\s*$/.exec(value)
    if (!match) return undefined
    const min = Number(match[1])
    const max = match[2] ? Number(match[2]) : min
    return min >= 5 && min <= max ? {min, max} : undefined
  }
  if (value && typeof value === 'object' && 'min' in value && 'max' in value) {
    const {min, max} = value as {min: unknown; max: unknown}
    return typeof min === 'number' && typeof max === 'number' && min >= 5 && min <= max ? {min, max} : undefined
  }
  return undefined
}

/** Read and validate one config file. Throws ConfigError. */
export function loadConfigFile(file: string, shown = file): Config | undefined {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '')
  const base = path.basename(file)
  let raw: unknown
  let lineOf: (key: string[]) => number | undefined = () => undefined
  if (base.endsWith('.json')) {
    try {
      raw = JSON.parse(text)
    } catch (error) {
      const position = /position (\d+)/.exec((error as Error).message)
      const line = position ? text.slice(0, Number(position[1])).split('\n').length : undefined
      throw new ConfigError(shown, 'this is not valid JSON', line)
    }
    if (base === 'package.json') {
      raw = (raw as Record<string, unknown> | null)?.plainly
      if (raw === undefined) return undefined
    }
    lineOf = (keys) => jsonLine(text, keys)
  } else {
    const lineCounter = new LineCounter()
    const doc = parseDocument(text, {lineCounter, uniqueKeys: true})
    if (doc.errors.length > 0) {
      throw new ConfigError(shown, `this is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`, lineCounter.linePos(doc.errors[0]!.pos[0]).line)
    }
    try {
      raw = doc.toJS({maxAliasCount: 100}) ?? {}
    } catch {
      throw new ConfigError(shown, 'this file uses YAML aliases that would grow far too large; write the settings out in full')
    }
    lineOf = (keys) => yamlLine(doc, lineCounter, keys)
  }
  return validateConfig(raw, file, shown, lineOf)
}

function validateConfig(raw: unknown, file: string, shown: string, lineOf: (keys: string[]) => number | undefined): Config {
  const fail = (keys: string[], message: string): never => {
    throw new ConfigError(shown, message, lineOf(keys))
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail([], 'expected a map of settings, such as "targetAge: 9-11"')
  const object = raw as Record<string, unknown>
  const folder = path.dirname(file)
  for (const key of Object.keys(object)) {
    if (!(TOP_KEYS as readonly string[]).includes(key)) {
      const settings = TOP_KEYS.filter((name) => name !== '$schema')
      fail([key], `unknown setting "${key}"${didYouMean(key, settings)} (settings: ${settings.join(', ')})`)
    }
  }
  const config: Config = {file, shown, lineOf, overrides: [], ...readFileConfig(object, [], folder, fail)}
  if ('failOn' in object) {
    if (![...SEVERITIES, 'never'].includes(object.failOn as string)) fail(['failOn'], '"failOn" must be one of error, warning, suggestion, never')
    config.failOn = object.failOn as Severity | 'never'
  }
  if ('maxWarnings' in object) config.maxWarnings = count(object.maxWarnings, ['maxWarnings'], 0, fail)
  if ('maxReadingAge' in object) config.maxReadingAge = count(object.maxReadingAge, ['maxReadingAge'], 5, fail)
  if ('ignorePatterns' in object) config.ignorePatterns = stringList(object.ignorePatterns, ['ignorePatterns'], fail)
  if ('maxFileSize' in object) config.maxFileSize = count(object.maxFileSize, ['maxFileSize'], 1, fail)
  if ('overrides' in object) {
    if (!Array.isArray(object.overrides)) fail(['overrides'], '"overrides" must be a list of {files: [...], ...settings}')
    ;(object.overrides as unknown[]).forEach((item, index) => {
      const keys = ['overrides', String(index)]
      if (!item || typeof item !== 'object' || Array.isArray(item)) fail(keys, 'each override must be a map with "files:" and settings')
      const override = item as Record<string, unknown>
      for (const key of Object.keys(override)) {
        if (key === 'files') continue
        if ((RUN_KEYS as readonly string[]).includes(key)) fail([...keys, key], `"${key}" applies to the whole run, so it cannot go in "overrides"`)
        if (!(FILE_KEYS as readonly string[]).includes(key)) fail([...keys, key], `unknown setting "${key}" in an override${didYouMean(key, ['files', ...FILE_KEYS])} (settings: files, ${FILE_KEYS.join(', ')})`)
      }
      const files = typeof override.files === 'string' ? [override.files] : stringList(override.files, [...keys, 'files'], fail)
      if (files.length === 0) fail([...keys, 'files'], 'each override needs "files:" with one or more glob patterns, such as "easy-read/**"')
      config.overrides.push({files, config: readFileConfig(override, keys, folder, fail)})
    })
  }
  return config
}

function readFileConfig(object: Record<string, unknown>, at: string[], folder: string, fail: (keys: string[], message: string) => never): FileConfig {
  const config: FileConfig = {}
  if ('targetAge' in object) {
    const target = parseTargetAge(object.targetAge)
    if (!target) fail([...at, 'targetAge'], '"targetAge" must be an age such as 11, or a range such as "9-11"')
    config.targetAge = target
  }
  if ('maxSentenceWords' in object) config.maxSentenceWords = count(object.maxSentenceWords, [...at, 'maxSentenceWords'], 1, fail)
  if ('hardest' in object) config.hardest = count(object.hardest, [...at, 'hardest'], 0, fail)
  if ('simplify' in object) {
    if (typeof object.simplify !== 'boolean') fail([...at, 'simplify'], '"simplify" must be true or false')
    config.simplify = object.simplify as boolean
  }
  if ('glossaries' in object) config.glossaries = stringList(object.glossaries, [...at, 'glossaries'], fail).map((file) => path.resolve(folder, file))
  if ('packs' in object) config.packs = stringList(object.packs, [...at, 'packs'], fail)
  if ('allow' in object) config.allow = stringList(object.allow, [...at, 'allow'], fail)
  if ('rules' in object) {
    const rules = object.rules
    if (!rules || typeof rules !== 'object' || Array.isArray(rules)) fail([...at, 'rules'], '"rules" must be a map such as {long-sentence: off}')
    config.rules = {}
    for (const [rule, setting] of Object.entries(rules as Record<string, unknown>)) {
      if (!['off', ...SEVERITIES].includes(setting as string)) fail([...at, 'rules', rule], `rule "${rule}" must be set to off, error, warning or suggestion`)
      config.rules[rule] = setting as RuleSetting
    }
  }
  return config
}

function count(value: unknown, keys: string[], lowest: number, fail: (keys: string[], message: string) => never): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < lowest) fail(keys, `"${keys[keys.length - 1]}" must be a whole number of ${lowest} or more`)
  return value as number
}

function stringList(value: unknown, keys: string[], fail: (keys: string[], message: string) => never): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item.trim() === '')) fail(keys, `"${keys[keys.length - 1]}" must be a list of text, such as [one, two]`)
  return (value as string[]).map((item) => item.trim())
}

function yamlLine(doc: Document, lineCounter: LineCounter, keys: string[]): number | undefined {
  if (keys.length === 0) return 1
  const node = doc.getIn(keys, true) as {range?: [number, number, number]} | undefined
  const parent = keys.length > 1 ? (doc.getIn(keys.slice(0, -1), true) as unknown) : doc.contents
  if (isMap(parent)) {
    const pair = parent.items.find((item) => String((item.key as {value?: unknown})?.value ?? item.key) === keys[keys.length - 1])
    const range = (pair?.key as {range?: [number, number, number]} | undefined)?.range
    if (range) return lineCounter.linePos(range[0]).line
  }
  return node?.range ? lineCounter.linePos(node.range[0]).line : undefined
}

/** The line of the last named key on the way down (list positions are passed over). */
function jsonLine(text: string, keys: readonly string[]): number | undefined {
  let at = -1
  for (const key of keys) {
    if (/^\d+$/.test(key)) continue
    const index = text.indexOf(`"${key}"`, at + 1)
    if (index === -1) break
    at = index
  }
  return at === -1 ? undefined : text.slice(0, at).split('\n').length
}

/** Finds and caches the nearest config file for folders. */
export class ConfigFinder {
  readonly #cache = new Map<string, Config | undefined>()
  readonly #loaded = new Map<string, Config | undefined>()
  readonly #cwd: string

  constructor(cwd: string) {
    this.#cwd = cwd
  }

  /** The nearest config for a folder, looking upwards. */
  forFolder(folder: string): Config | undefined {
    if (this.#cache.has(folder)) return this.#cache.get(folder)
    let found: Config | undefined
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(folder, name)
      if (existsSync(candidate) && statSync(candidate).isFile()) {
        found = this.load(candidate)
        if (found) break
      }
    }
    if (!found) {
      const parent = path.dirname(folder)
      found = parent === folder ? undefined : this.forFolder(parent)
    }
    this.#cache.set(folder, found)
    return found
  }

  load(file: string): Config | undefined {
    if (!this.#loaded.has(file)) {
      const relative = path.relative(this.#cwd, file)
      this.#loaded.set(file, loadConfigFile(file, relative && !relative.startsWith('..') ? relative : file))
    }
    return this.#loaded.get(file)
  }
}

/** The settings for one file: the config's own, then each override whose "files" match, in order. */
export function fileSettings(config: Config | undefined, absolute: string): FileConfig {
  if (!config) return {}
  const relative = path.relative(path.dirname(config.file), absolute).split(path.sep).join('/')
  let merged: FileConfig = pick(config)
  for (const override of config.overrides) {
    if (picomatch.isMatch(relative, override.files, {dot: true, matchBase: !override.files.some((glob) => glob.includes('/'))})) {
      merged = mergeFileConfig(merged, override.config)
    }
  }
  return merged
}

function pick(config: Config): FileConfig {
  const {targetAge, maxSentenceWords, hardest, simplify, glossaries, packs, allow, rules} = config
  return Object.fromEntries(Object.entries({targetAge, maxSentenceWords, hardest, simplify, glossaries, packs, allow, rules}).filter(([, value]) => value !== undefined))
}

/** Later settings win; lists (glossaries, packs, allow) and rules add up. */
export function mergeFileConfig(base: FileConfig, over: FileConfig): FileConfig {
  const merged: FileConfig = {...base, ...over}
  if (base.glossaries || over.glossaries) merged.glossaries = [...(base.glossaries ?? []), ...(over.glossaries ?? [])]
  if (base.packs || over.packs) merged.packs = [...new Set([...(base.packs ?? []), ...(over.packs ?? [])])]
  if (base.allow || over.allow) merged.allow = [...new Set([...(base.allow ?? []), ...(over.allow ?? [])])]
  if (base.rules || over.rules) merged.rules = {...base.rules, ...over.rules}
  return merged
}
