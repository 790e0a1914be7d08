/**
 * One run of checks. Settings can differ per file (the nearest config file
 * and its overrides, then the caller's own settings on top), so the session
 * keeps one bundle per distinct set of settings: the glossary compiled once,
 * processors made once per format, reused for every file that shares them.
 * Both the library API and the CLI go through here.
 */
import {readdirSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {findEntry} from '../glossary/lookup.js'
import {layerFiles, loadLayers, SHIPPED_GLOSSARY_DIR} from '../glossary/load.js'
import {loadSimplifyOff} from '../glossary/simplify-off.js'
import {compileGlossary, type CompiledGlossary} from '../glossary/compile.js'
import {ConfigError, ConfigFinder, fileSettings, mergeFileConfig, type Config, type FileConfig, type RuleSetting} from '../io/config.js'
import {isAcronymLike} from '../glossary/acronyms.js'
import {findPhrase, simplifyPhrases, simplifyRuleIds} from '../plugins/simplify-phrases.js'
import {didYouMean} from '../shared/nearest.js'
import {isRuleName, ruleNames, type FamilyMembers} from './rules.js'
import {findFiles, type Unmatched} from '../io/find-files.js'
import {formatFor} from '../io/formats.js'
import {readDocument} from '../io/read.js'
import {DEFAULT_OPTIONS, type CheckOptions, type DocumentView, type FileResult, type Format, type Report, type ResolvedOptions} from '../types.js'
import {lineStartsOf, paragraphView, plainView} from './view.js'
import {VERSION} from '../version.js'
import {checkFile, createProcessors, type CheckBundle} from './check.js'
import type {AnyProcessor} from './processor.js'
import {toReport} from './results.js'

export interface SessionOptions extends CheckOptions {
  /** Optional glossary packs by name (see glossary/packs/), layered over the shipped glossary. */
  packs?: string[]
  /** Team or project glossary files, layered over the shipped glossary (and packs) in order. */
  glossaries?: string[]
  /** Words to allow: the glossary entries, acronyms and wordy phrases they name are not flagged. */
  allow?: string[]
  /** Switch rules off or change their severity: {"long-sentence": "off", "simplify/*": "off"}. */
  rules?: Record<string, RuleSetting>
  /** Use a glossary you compiled yourself instead of loading one. */
  glossary?: CompiledGlossary
  /** Folder that paths are relative to (default: the working folder). */
  cwd?: string
  /** Files larger than this many bytes are not checked (default 50 MB). */
  maxFileSize?: number
  /**
   * Configuration files: `false` to ignore them, a path to use that one file
   * for everything, or undefined to find the nearest one for each file.
   */
  config?: false | string
  /** Documents longer than this many characters are checked in pieces (default 256 KiB; for tests). */
  chunkSize?: number
  /** Called after each piece of a long document (see CheckBundle); never passed to worker threads. */
  afterPiece?: () => void
}

export interface Session {
  /** Check a file already read (see io/read.ts). Its path decides which settings apply. */
  check(file: VFile): Promise<FileResult>
  checkText(text: string, name: string, format?: Format): Promise<FileResult>
  checkPath(absolute: string, shown: string): Promise<FileResult>
  /**
   * Check a file on disk, and with `view`, give back the document as a
   * reader sees it too (for reports that show documents); undefined for a
   * report or baseline that plainly wrote (`isOwnReport` tells them by
   * their bytes), which is not checked.
   */
  checkDocument(absolute: string, shown: string, options?: {isOwnReport?: (bytes: Uint8Array) => boolean; view?: boolean}): Promise<{result: FileResult; view?: DocumentView} | undefined>
  /**
   * A fingerprint that changes whenever anything that decides a file's
   * results changes, except its own text: plainly's version, the settings,
   * and the content of the glossary and config files (hashed by `hashFile`).
   */
  cacheKeyFor(absolute: string, hashFile: (file: string) => string | undefined): string
  /** The configuration for the working folder (or the one named), for run-wide settings. */
  runConfig(): Config | undefined
  /** The resolved settings for a file. */
  optionsFor(absolute: string): ResolvedOptions
}

export function resolveOptions(options: CheckOptions): ResolvedOptions {
  const defined = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined))
  return {...DEFAULT_OPTIONS, ...defined} as ResolvedOptions
}

interface Bundle extends CheckBundle {
  /** Compile the glossary now (throws GlossaryError), before any file is checked with it. */
  ready(): Bundle
  options: ResolvedOptions
  key: string
  /** The files whose contents decide the results: glossary files and the config file. */
  inputs: string[]
}

/** Get ready to check files. Throws GlossaryError or ConfigError for bad glossaries or config. */
export function createSession(options: SessionOptions = {}): Session {
  const cwd = options.cwd ?? process.cwd()
  const finder = new ConfigFinder(cwd)
  const named = typeof options.config === 'string' ? finder.load(path.resolve(cwd, options.config)) : undefined
  const explicit: FileConfig = Object.fromEntries(
    Object.entries({
      targetAge: options.targetAge,
      maxSentenceWords: options.maxSentenceWords,
      hardest: options.hardest,
      simplify: options.simplify,
      glossaries: options.glossaries?.map((file) => path.resolve(cwd, file)),
      packs: options.packs,
      allow: options.allow,
      rules: options.rules
    }).filter(([, value]) => value !== undefined)
  )
  /** The glossary for some layers and allowed words, and the whole glossary before the allowed words were taken out. */
  const glossaries = new Map<string, {glossary: CompiledGlossary; full: CompiledGlossary}>()
  const cacheKeys = new Map<string, string>()
  const bundles = new Map<string, Bundle>()
  let simplifyOff: string[] | undefined

  const configFor = (absolute: string) => (options.config === false ? undefined : named ?? finder.forFolder(path.dirname(absolute)))

  const bundleFor = (absolute: string): Bundle => {
    const settings = mergeFileConfig(fileSettings(configFor(absolute), absolute), explicit)
    const resolved = resolveOptions({targetAge: settings.targetAge, hardest: settings.hardest, maxSentenceWords: settings.maxSentenceWords, simplify: settings.simplify})
    const config = configFor(absolute)
    const key = JSON.stringify([resolved, settings.packs ?? [], settings.glossaries ?? [], settings.allow ?? [], settings.rules ?? {}, config?.file ?? null])
    let bundle = bundles.get(key)
    if (!bundle) {
      const allow = settings.allow ?? []
      // The glossary is compiled on first use, so a run whose files all come from the cache never compiles it.
      let compiled: {glossary: CompiledGlossary; full: CompiledGlossary} | undefined
      const layered = () => (compiled ??= options.glossary ? {glossary: options.glossary, full: options.glossary} : glossaryFor(settings.packs ?? [], settings.glossaries ?? [], allow))
      const glossary = () => layered().glossary
      let members: FamilyMembers | undefined
      const familyMembers = () => (members ??= {jargon: new Set(layered().full.byId.keys()), simplify: simplifyRuleIds()})
      let processors: ((format: Format) => Promise<AnyProcessor>) | undefined
      const processorsFor = () => {
        if (!processors) {
          // Names in the settings are checked before the first file is: a typo stops the run.
          checkSettingNames(settings, config, layered().full, familyMembers())
          simplifyOff ??= loadSimplifyOff()
          const off = [...simplifyOff, ...allow.map((word) => word.toLowerCase())]
          processors = createProcessors({options: resolved, glossary: glossary(), simplifyOff: resolved.simplify ? off : []})
        }
        return processors
      }
      bundle = {
        ready() {
          processorsFor()
          return this
        },
        key,
        inputs: [
          ...layerFiles({packs: settings.packs ?? [], layers: settings.glossaries ?? [], cwd}).flatMap((layer) => layer.files),
          ...shippedDataFiles(),
          ...(config ? [config.file] : [])
        ],
        options: resolved,
        rules: settings.rules ?? {},
        processorFor: (format) => processorsFor()(format),
        chunkSize: options.chunkSize,
        afterPiece: options.afterPiece,
        resolve: (word) => {
          const entry = findEntry(glossary(), word)
          return entry ? `jargon/${entry.id}` : undefined
        },
        get members() {
          return familyMembers()
        }
      }
      bundles.set(key, bundle)
    }
    return bundle
  }

  const glossaryFor = (packs: string[], layers: string[], allow: string[]) => {
    const key = JSON.stringify([packs, layers, allow])
    let found = glossaries.get(key)
    if (!found) {
      const loaded = loadLayers({packs, layers, cwd})
      const full = compileGlossary(loaded.entries, {knownAcronyms: loaded.knownAcronyms})
      let glossary = full
      if (allow.length > 0) {
        // Allowing a word switches off the entry that matches it, in any form.
        const allowed = new Set(allow.map((word) => findEntry(full, word)?.id).filter(Boolean))
        glossary = compileGlossary(loaded.entries.filter((entry) => !allowed.has(entry.id)), {knownAcronyms: [...loaded.knownAcronyms, ...allow]})
      }
      found = {glossary, full}
      glossaries.set(key, found)
    }
    return found
  }

  const check = async (file: VFile) => {
    const absolute = path.resolve(cwd, file.path ?? 'stdin.md')
    const bundle = bundleFor(absolute).ready()
    return checkFile(file, bundle)
  }

  return {
    check,
    checkText(text, name, format = formatFor(name)) {
      const file = new VFile({path: name, value: text.replace(/^\uFEFF/, '')})
      file.data.format = format
      return check(file)
    },
    async checkPath(absolute, shown) {
      const bundle = bundleFor(absolute).ready()
      return checkFile(await readDocument(absolute, shown, {maxSize: options.maxFileSize}), bundle)
    },
    async checkDocument(absolute, shown, read = {}) {
      const bundle = bundleFor(absolute).ready()
      const file = await readDocument(absolute, shown, {maxSize: options.maxFileSize, isOwnReport: read.isOwnReport})
      if (file.data.ownReport) return undefined
      if (read.view) file.data.wantView = true
      const result = await checkFile(file, bundle)
      return read.view ? {result, view: viewOf(file)} : {result}
    },
    cacheKeyFor(absolute, hashFile) {
      const bundle = bundleFor(absolute)
      let key = cacheKeys.get(bundle.key)
      if (!key) {
        const contents = bundle.inputs.map((file) => hashFile(file) ?? 'missing')
        key = JSON.stringify([VERSION, bundle.key, bundle.inputs, contents])
        cacheKeys.set(bundle.key, key)
      }
      return key
    },
    runConfig: () => (options.config === false ? undefined : named ?? finder.forFolder(cwd)),
    optionsFor: (absolute) => bundleFor(absolute).options
  }
}

/** The document as a reader sees it (see core/view.ts). */
export function viewOf(file: VFile): DocumentView {
  // Word and PDF: the paragraphs, where finding line N is paragraph N.
  if (file.data.blocks) return paragraphView(file.data.blocks)
  const source = String(file)
  if (!file.data.viewBlocks) return plainView(source)
  return {lineStarts: lineStartsOf(source), blocks: file.data.viewBlocks}
}

export interface CheckedInputs {
  report: Report
  unmatched: Unmatched[]
}

/** Find and check every file the inputs name, in a stable order. */
export async function checkInputs(session: Session, inputs: readonly string[], cwd: string): Promise<CheckedInputs> {
  const {files, unmatched} = await findFiles(inputs, cwd)
  const results: FileResult[] = []
  for (const file of files) results.push(await session.checkPath(file.absolute, file.shown))
  return {report: toReport(results, VERSION), unmatched}
}

/** The shipped data files (the glossary, acronyms, word lists, the simplify list): any change to them changes results. */
function shippedDataFiles(): string[] {
  return readdirSync(SHIPPED_GLOSSARY_DIR)
    .filter((name) => /\.(?:ya?ml|json|txt)$/.test(name))
    .map((name) => path.join(SHIPPED_GLOSSARY_DIR, name))
}

/**
 * Every rule named under `rules:` and every word under `allow:` must be one
 * plainly knows: a typo would otherwise switch nothing off, silently. The
 * problem names the settings file and line (or the flag), and the nearest
 * name that would work.
 */
function checkSettingNames(settings: FileConfig, config: Config | undefined, glossary: CompiledGlossary, members: FamilyMembers): void {
  for (const name of Object.keys(settings.rules ?? {})) {
    if (isRuleName(name, members)) continue
    throw settingProblem(config, originOf(config, 'rules', name), `unknown rule "${name}" under "rules"${didYouMean(name, ruleNames(members))}`)
  }
  for (const word of settings.allow ?? []) {
    if (isAcronymLike(word.trim()) || findEntry(glossary, word) || findPhrase(word)) continue
    const words = [...glossary.entries.flatMap((entry) => entry.terms), ...simplifyPhrases()]
    const where = originOf(config, 'allow', word)
    const what = where ? `"${word}" under "allow"` : `--allow "${word}"`
    throw settingProblem(config, where, `${what} is not a word that plainly flags, so allowing it changes nothing${didYouMean(word, words)}`)
  }
}

/** Where a rule or allowed word was set: the settings file's line, or undefined for the command line. */
function originOf(config: Config | undefined, list: 'rules' | 'allow', name: string): {line?: number} | undefined {
  if (!config) return undefined
  const has = (settings: FileConfig) => (list === 'rules' ? settings.rules !== undefined && name in settings.rules : (settings.allow?.indexOf(name) ?? -1))
  const at = (settings: FileConfig, keys: string[]) => {
    const found = has(settings)
    if (found === false || found === -1) return undefined
    return {line: config.lineOf(typeof found === 'number' ? [...keys, list, String(found)] : [...keys, list, name])}
  }
  const top = at(config, [])
  if (top) return top
  for (const [index, override] of config.overrides.entries()) {
    const found = at(override.config, ['overrides', String(index)])
    if (found) return found
  }
  return undefined
}

function settingProblem(config: Config | undefined, where: {line?: number} | undefined, message: string): ConfigError {
  return where && config ? new ConfigError(config.shown, message, where.line) : new ConfigError('the command line', message)
}
