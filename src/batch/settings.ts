/**
 * Settings for each file of a batch, and a checker for each set of them.
 * Settings can differ per file (the nearest settings file and its
 * overrides, then the caller's own settings on top), so there is one
 * checker per distinct set, its glossary loaded and compiled once and used
 * for every file that shares it.
 */
import path from 'node:path'
import {createChecker, type Checker, type CheckerOptions, type CheckerSettings, type UnknownName} from '../core/checker.js'
import {ConfigError, ConfigFinder, FILE_KEYS, fileSettings, mergeFileConfig, type Config, type FileConfig, type PluginSetting} from '../io/config.js'
import {findPlugin, importPlugin, type FoundPlugin} from '../io/plugins.js'
import type {ExternalPlugin} from '../plugins/check.js'
import {layerFiles, loadEnglishData, loadLayers, shippedDataFiles} from '../io/glossary-files.js'
import {VERSION} from '../version.js'

export interface BatchOptions extends CheckerSettings, Pick<CheckerOptions, 'chunkSize'> {
  /** Optional glossary packs by name (see glossary/packs/), layered over the shipped glossary. */
  packs?: string[]
  /** Team or project glossary files, layered over the shipped glossary (and packs) in order. */
  glossaries?: string[]
  /** Folder that paths are relative to (default: the working folder). */
  cwd?: string
  /** Files larger than this many bytes are not checked (default 50 MB). */
  maxFileSize?: number
  /**
   * Settings files: `false` to ignore them, a path to use that one file for
   * everything, or undefined to find the nearest one for each file.
   */
  config?: false | string
}

export interface Settings {
  /** The checker for a file, by its absolute path (made on first use: this loads its glossary and any other plugins). */
  checkerFor(absolute: string): Promise<Checker>
  /**
   * A fingerprint that changes whenever anything that decides a file's
   * results changes, except its own text: plainly's version, the settings,
   * and the content of the glossary and settings files (hashed by `hashFile`).
   */
  cacheKeyFor(absolute: string, hashFile: (file: string) => string | undefined): string
  /** The files (there or not) that decide a file's results besides its own text: glossaries, the shipped data, the settings file, plugins. */
  inputsFor(absolute: string): string[]
  /** The settings file for the working folder (or the one named), for run-wide settings. */
  runConfig(): Config | undefined
}

interface Resolved {
  settings: FileConfig
  config: Config | undefined
  key: string
}

/** Get ready to check files. Throws ConfigError for a bad settings file named by `config`. */
export function createSettings(options: BatchOptions & Pick<CheckerOptions, 'afterPiece'> = {}): Settings {
  const cwd = options.cwd ?? process.cwd()
  const finder = new ConfigFinder(cwd)
  const named = typeof options.config === 'string' ? finder.load(path.resolve(cwd, options.config)) : undefined
  const given = {...options, glossaries: options.glossaries?.map((file) => path.resolve(cwd, file))} as FileConfig
  const explicit: FileConfig = Object.fromEntries(FILE_KEYS.filter((key) => key !== 'plugins').map((key) => [key, given[key]]).filter(([, value]) => value !== undefined))
  const configFor = (absolute: string) => (options.config === false ? undefined : named ?? finder.forFolder(path.dirname(absolute)))
  const checkers = new Map<string, Promise<Checker>>()
  const imported = new Map<string, ReturnType<typeof importPlugin>>()
  const cacheKeys = new Map<string, string>()
  const inputLists = new Map<string, string[]>()
  const layered = new Map<string, ReturnType<typeof loadLayers>>()

  const resolve = (absolute: string): Resolved => {
    const config = configFor(absolute)
    const settings = mergeFileConfig(fileSettings(config, absolute), explicit)
    const key = JSON.stringify([...FILE_KEYS.map((name) => settings[name] ?? null), config?.file ?? null])
    return {settings, config, key}
  }

  const inputsFor = (absolute: string): string[] => {
    const {settings, config, key} = resolve(absolute)
    let inputs = inputLists.get(key)
    if (!inputs) {
      inputs = [
        ...layerFiles({packs: settings.packs ?? [], layers: settings.glossaries ?? [], cwd}).flatMap((layer) => layer.files),
        ...shippedDataFiles(),
        ...(config ? [config.file] : []),
        // Another plugin's results change with its version and code.
        ...(settings.plugins ?? []).flatMap((plugin) => {
          const found = findPlugin(plugin.package, plugin.from)
          return found ? [found.packageFile, found.entry] : [`${plugin.package} (not installed)`]
        })
      ]
      inputLists.set(key, inputs)
    }
    return inputs
  }

  return {
    checkerFor(absolute) {
      const {settings, config, key} = resolve(absolute)
      let checker = checkers.get(key)
      if (!checker) {
        const layersKey = JSON.stringify([settings.packs ?? [], settings.glossaries ?? []])
        let loaded = layered.get(layersKey)
        if (!loaded) layered.set(layersKey, (loaded = loadLayers({packs: settings.packs ?? [], layers: settings.glossaries ?? [], cwd})))
        const data = {...loadEnglishData(), entries: loaded.entries, knownAcronyms: loaded.knownAcronyms}
        checker = loadPlugins(settings.plugins ?? [], config, imported).then((plugins) => {
          const made = createChecker({data, settings, chunkSize: options.chunkSize, afterPiece: options.afterPiece, plugins})
          // Names in the settings are checked before the first file is: a typo stops the run.
          const [unknown] = made.unknownNames()
          if (unknown) throw settingProblem(config, unknown)
          return made
        })
        checkers.set(key, checker)
      }
      return checker
    },
    cacheKeyFor(absolute, hashFile) {
      const {key} = resolve(absolute)
      let cacheKey = cacheKeys.get(key)
      if (!cacheKey) {
        const inputs = inputsFor(absolute)
        cacheKey = JSON.stringify([VERSION, key, inputs, inputs.map((file) => hashFile(file) ?? 'missing')])
        cacheKeys.set(key, cacheKey)
      }
      return cacheKey
    },
    inputsFor,
    runConfig: () => (options.config === false ? undefined : named ?? finder.forFolder(cwd))
  }
}

/** Find and import the plugins a file's settings name; a plugin that is not installed, or is not a plugin, is a settings problem. */
async function loadPlugins(settings: readonly PluginSetting[], config: Config | undefined, imported: Map<string, Promise<ExternalPlugin['plugin']>>): Promise<ExternalPlugin[]> {
  const problem = (setting: PluginSetting, message: string) => {
    const line = config?.file === setting.from ? settingIn(config, (file) => keyOf(['plugins'], (file.plugins ?? []).findIndex((plugin) => plugin.package === setting.package)))?.line : undefined
    return new ConfigError(config?.file === setting.from ? config.shown : setting.from, message, line)
  }
  return Promise.all(
    settings.map(async (setting) => {
      const found: FoundPlugin | undefined = findPlugin(setting.package, setting.from)
      if (!found) throw problem(setting, `the plugin "${setting.package}" is not installed: install it beside this settings file (npm install --save-dev ${setting.package})`)
      const plugin = imported.get(found.entry) ?? importPlugin(found)
      imported.set(found.entry, plugin)
      try {
        return {name: setting.package, plugin: await plugin, options: setting.options, severity: setting.severity}
      } catch (error) {
        throw problem(setting, (error as Error).message)
      }
    })
  )
}

/**
 * A rule under `rules:` or a word under `allow:` that plainly does not know:
 * the settings file and line where it was set (or the command line), and
 * the nearest name that would work.
 */
function settingProblem(config: Config | undefined, unknown: UnknownName): ConfigError {
  const {list, name} = unknown
  // Where it was set: the settings file's line, or undefined for the command line.
  const where =
    config &&
    settingIn(config, (file) =>
      list === 'rules' ? (file.rules && name in file.rules ? ['rules', name] : undefined) : list === 'profile' ? (file.profile === name ? ['profile'] : undefined) : keyOf(['allow'], file.allow?.indexOf(name) ?? -1)
    )
  const hint = unknown.hint === undefined ? '' : ` (did you mean "${unknown.hint}"?)`
  const message =
    unknown.list === 'rules'
      ? `unknown rule "${unknown.name}" under "rules"${hint}`
      : unknown.list === 'profile'
        ? `unknown kind of document "${unknown.name}" for ${where ? '"profile"' : '--profile'}${hint}`
        : `${where ? `"${unknown.name}" under "allow"` : `--allow "${unknown.name}"`} is not a word that plainly flags, so allowing it changes nothing${hint}`
  return where && config ? new ConfigError(config.shown, message, where.line) : new ConfigError('the command line', message)
}

/** Where a setting is in a settings file: `find` gives its keys in the file's own settings, else in each override's, in order. */
function settingIn(config: Config, find: (settings: FileConfig) => string[] | undefined): {line?: number} | undefined {
  const top = find(config)
  if (top) return {line: config.lineOf(top)}
  for (const [index, override] of config.overrides.entries()) {
    const keys = find(override.config)
    if (keys) return {line: config.lineOf(['overrides', String(index), ...keys])}
  }
  return undefined
}

const keyOf = (keys: string[], index: number) => (index === -1 ? undefined : [...keys, String(index)])
