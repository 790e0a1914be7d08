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
import {didYouMean} from '../shared/nearest.js'
import {createSchemaCheck, readData, valueAt, type DataPath, type DataProblem} from '../shared/schema-data.js'
import type {CheckOptions, RuleSetting, Severity, TargetAge} from '../types.js'
import {hashBytes} from '../shared/hash.js'
import {parseTargetAge} from '../shared/target-age.js'
import {cachedParse} from './data-cache.js'
import {showPath} from './find-files.js'
import {SHIPPED_GLOSSARY_DIR} from './glossary-files.js'

export const CONFIG_NAMES = ['.plainlyrc.yml', '.plainlyrc.yaml', '.plainlyrc.json', 'plainly.config.json', 'package.json'] as const

export type {RuleSetting}

/** Another retext plugin to run, by package name, as a settings file names it. */
export interface PluginSetting {
  package: string
  options?: unknown
  severity?: Severity
  /** The settings file that names it: the package is looked for from its folder. */
  from: string
}

/** Settings that can differ per file (and in `overrides`). */
export interface FileConfig extends CheckOptions {
  /** Absolute paths. */
  glossaries?: string[]
  packs?: string[]
  allow?: string[]
  rules?: Record<string, RuleSetting>
  plugins?: PluginSetting[]
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

type Schema = {definitions: {override: {properties: Record<string, {$ref?: string}>}}}
const SCHEMA_BYTES = readFileSync(path.join(SHIPPED_GLOSSARY_DIR, 'settings.schema.json'))
const SCHEMA = JSON.parse(SCHEMA_BYTES.toString('utf8')) as Schema
const SCHEMA_HASH = hashBytes(SCHEMA_BYTES)
const OVERRIDE_KEYS = Object.entries(SCHEMA.definitions.override.properties)
  .filter(([, property]) => property.$ref !== '#/definitions/run-only')
  .map(([key]) => key)
/** The settings that can differ per file, in the schema's order. */
export const FILE_KEYS = OVERRIDE_KEYS.filter((key) => key !== 'files') as Array<keyof FileConfig>
const RUN_KEYS = Object.keys(SCHEMA.definitions.override.properties).filter((key) => !OVERRIDE_KEYS.includes(key)) as Array<keyof RunConfig>

const checkSettings = createSchemaCheck(SCHEMA, (keys, key, allowed) =>
  keys[0] === 'overrides'
    ? `unknown setting "${key}" in an override${didYouMean(key, OVERRIDE_KEYS)} (settings: ${OVERRIDE_KEYS.join(', ')})`
    : `unknown setting "${key}"${didYouMean(key, allowed)} (settings: ${allowed.join(', ')})`
)

export {parseTargetAge}

/**
 * Read one settings file and check it against glossary/settings.schema.json.
 * A file read before is not parsed or checked again (io/data-cache.ts).
 * Throws ConfigError naming the file, the line and what was expected.
 */
export function loadConfigFile(file: string, shown = file): Config | undefined {
  const bytes = readFileSync(file)
  const within: DataPath = path.basename(file) === 'package.json' ? ['plainly'] : []
  let read: ReturnType<typeof readData> | undefined
  const reread = () => (read ??= readData(bytes.toString('utf8'), {json: file.endsWith('.json')}))
  const lineOf = (keys: DataPath, key?: string) => reread().lineOf([...within, ...keys], key)
  // Kept for this schema: a change to it checks every settings file again.
  const checked = cachedParse<{data?: unknown; problem?: DataProblem}>(`settings${within.join('.')}-${SCHEMA_HASH}`, bytes, () => {
    const {data: whole, problems} = reread()
    const data = whole === undefined ? undefined : valueAt(whole, within)
    const problem = problems[0] ?? (data === undefined ? undefined : checkSettings(data, {lineOf}).problems[0])
    return problem ? {value: {problem}, keep: false} : {value: {data}, keep: true}
  })
  if (checked.problem) throw new ConfigError(shown, checked.problem.message, checked.problem.line)
  if (checked.data === undefined && within.length > 0) return undefined
  const object = (checked.data ?? {}) as Record<string, unknown>
  const fail = (keys: string[], message: string): never => {
    throw new ConfigError(shown, message, lineOf(keys))
  }
  const config: Config = {file, shown, lineOf, overrides: [], ...fileConfig(object, [], file, fail)}
  for (const key of RUN_KEYS) if (object[key] !== undefined) Object.assign(config, {[key]: key === 'ignorePatterns' ? trimmed(object[key]) : object[key]})
  for (const [index, override] of ((object.overrides ?? []) as Array<Record<string, unknown>>).entries()) {
    const files = typeof override.files === 'string' ? [override.files.trim()] : trimmed(override.files)
    config.overrides.push({files, config: fileConfig(override, ['overrides', String(index)], file, fail)})
  }
  return config
}

/** The settings a file (or one of its overrides) gives, from data the schema has passed. */
function fileConfig(object: Record<string, unknown>, at: string[], file: string, fail: (keys: string[], message: string) => never): FileConfig {
  const config: FileConfig = {}
  for (const key of FILE_KEYS) {
    const value = object[key]
    if (value === undefined) continue
    if (key === 'targetAge') config.targetAge = parseTargetAge(value) ?? fail([...at, key], '"targetAge" must be an age such as 11, or a range such as "9-11"')
    else if (key === 'glossaries') config.glossaries = trimmed(value).map((glossary) => path.resolve(path.dirname(file), glossary))
    else if (key === 'packs' || key === 'allow') config[key] = trimmed(value)
    else if (key === 'plugins') config.plugins = (value as Array<string | Omit<PluginSetting, 'from'>>).map((plugin) => (typeof plugin === 'string' ? {package: plugin, from: file} : {...plugin, from: file}))
    else Object.assign(config, {[key]: value})
  }
  return config
}

const trimmed = (value: unknown) => (value as string[]).map((item) => item.trim())

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
    if (!this.#loaded.has(file)) this.#loaded.set(file, loadConfigFile(file, showPath(file, this.#cwd)))
    return this.#loaded.get(file)
  }
}

/** The settings for one file: the config's own, then each override whose "files" match, in order. */
export function fileSettings(config: Config | undefined, absolute: string): FileConfig {
  if (!config) return {}
  const relative = path.relative(path.dirname(config.file), absolute).split(path.sep).join('/')
  let merged: FileConfig = Object.fromEntries(FILE_KEYS.map((key) => [key, config[key]]).filter(([, value]) => value !== undefined))
  for (const override of config.overrides) {
    if (picomatch.isMatch(relative, override.files, {dot: true, matchBase: !override.files.some((glob) => glob.includes('/'))})) {
      merged = mergeFileConfig(merged, override.config)
    }
  }
  return merged
}

/** Later settings win; lists (glossaries, packs, allow), rules and plugins add up (a plugin named again takes its later options). */
export function mergeFileConfig(base: FileConfig, over: FileConfig): FileConfig {
  const merged: FileConfig = {...base, ...over}
  if (base.glossaries || over.glossaries) merged.glossaries = [...(base.glossaries ?? []), ...(over.glossaries ?? [])]
  if (base.packs || over.packs) merged.packs = [...new Set([...(base.packs ?? []), ...(over.packs ?? [])])]
  if (base.allow || over.allow) merged.allow = [...new Set([...(base.allow ?? []), ...(over.allow ?? [])])]
  if (base.rules || over.rules) merged.rules = {...base.rules, ...over.rules}
  if (base.plugins || over.plugins) merged.plugins = [...(base.plugins ?? []).filter((plugin) => !over.plugins?.some((later) => later.package === plugin.package)), ...(over.plugins ?? [])]
  return merged
}
