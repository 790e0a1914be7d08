/**
 * The checker: everything plainly knows about one document, and nothing
 * about files, folders, settings files or threads. Given the glossary and
 * word lists as data and the settings as values, it checks a document given
 * as text (or as bytes: Word and PDF too) and returns its result. It uses
 * nothing of Node's (no fs, path, process or worker_threads), so the same
 * engine runs in the command, a worker thread, a test or a web page.
 *
 *   const checker = createChecker({data, settings: {targetAge: {min: 9, max: 11}}})
 *   const {result} = await checker.check({path: 'leaflet.md', text})
 */
import {VFile} from 'vfile'
import {isAcronymLike} from '../glossary/acronyms.js'
import {compileGlossary, type CompiledGlossary} from '../glossary/compile.js'
import type {EnglishData} from '../glossary/language.js'
import {findEntry} from '../glossary/lookup.js'
import type {GlossaryEntry} from '../glossary/types.js'
import {findPhrase, simplifyRuleIds} from '../plugins/simplify-phrases.js'
import {nearest} from '../shared/nearest.js'
import {DEFAULT_OPTIONS, type CheckOptions, type DocumentView, type FileResult, type Format, type ResolvedOptions, type RuleSetting} from '../types.js'
import {checkFile, type CheckBundle} from './check.js'
import {createProcessor, type AnyProcessor} from './processor.js'
import type {FileProblem} from './core-rules.js'
import {loadDocument, unreadableDocument} from './document.js'
import {formatFor} from './formats.js'
import {jargonRule} from '../plugins/retext-jargon.js'
import {simplifyRule} from '../plugins/retext-simplify-suggestions.js'
import {externalRule, type ExternalPlugin} from '../plugins/check.js'
import {RuleBook, RULES, type FamilyMembers} from './rules.js'
import {viewOf} from './view.js'

/** The glossary (already layered) and the English data the checker needs. */
export interface CheckerData extends EnglishData {
  /** The glossary's entries in use, in layer order (see io/glossary-files.ts loadLayers). */
  entries: GlossaryEntry[]
  /** Acronyms readers know without spelling out. */
  knownAcronyms: string[]
}

export interface CheckerSettings extends CheckOptions {
  /** Words to allow: the glossary entries, acronyms and wordy phrases they name are not flagged. */
  allow?: readonly string[]
  /** Switch rules off or change their severity: {"long-sentence": "off", "simplify/*": "off"}. */
  rules?: Readonly<Record<string, RuleSetting>>
}

export interface CheckerOptions extends Pick<CheckBundle, 'chunkSize' | 'afterPiece'> {
  data: CheckerData
  settings?: CheckerSettings
  /** Other retext plugins to run after plainly's own, each under its own name. */
  plugins?: readonly ExternalPlugin[]
}

/** A document to check: its text, or its bytes (any format, Word and PDF included), or why it could not be read. */
export interface CheckInput {
  /** The name shown in results; its extension sets the format when `format` is not given. */
  path: string
  format?: Format
  text?: string
  bytes?: Uint8Array
  /** The file could not be read: the result is one fatal finding saying why. */
  problem?: {reason: string; kind: FileProblem}
  /** Give back the document as a reader sees it too (for the HTML report). */
  view?: boolean
}

/** A name under `rules:` or `allow:` that plainly does not know, with the nearest one it does. */
export interface UnknownName {
  list: 'rules' | 'allow' | 'profile'
  name: string
  hint?: string
}

export interface Checker {
  check(input: CheckInput): Promise<{result: FileResult; view?: DocumentView}>
  /** Names in the settings that match nothing (a typo would otherwise switch nothing off). */
  unknownNames(): UnknownName[]
  /** The glossary in use (allowed words taken out). */
  readonly glossary: CompiledGlossary
}

export function createChecker(options: CheckerOptions): Checker {
  const {data, settings = {}} = options
  // The settings, then the profile's (a kind of document), then the defaults.
  const profile = settings.profile ? data.profiles.profiles.find((known) => known.name === settings.profile) : undefined
  const resolved = Object.fromEntries(
    Object.entries(DEFAULT_OPTIONS).map(([key, value]) => [key, settings[key as keyof CheckOptions] ?? profile?.[key as keyof typeof profile] ?? value])
  ) as ResolvedOptions
  const allow = settings.allow ?? []
  const english = {language: data.language, everydayWords: data.everydayWords}

  // Compiled on first use: a run whose files all come from the cache never compiles it.
  let full: CompiledGlossary | undefined
  let glossary: CompiledGlossary | undefined
  const fullGlossary = () => (full ??= compileGlossary(data.entries, {knownAcronyms: data.knownAcronyms, english}))
  const inUse = () => {
    if (!glossary) {
      // Allowing a word switches off the entry that matches it, in any form, and makes it a known acronym.
      const allowed = new Set(allow.map((word) => findEntry(fullGlossary(), word)?.id).filter(Boolean))
      glossary = allow.length === 0 ? fullGlossary() : compileGlossary(data.entries.filter((entry) => !allowed.has(entry.id)), {knownAcronyms: [...data.knownAcronyms, ...allow], english})
    }
    return glossary
  }
  let members: FamilyMembers | undefined
  const externals = options.plugins ?? []
  for (const external of externals) if (RULES.some((rule) => rule.id === external.name)) throw new Error(`"${external.name}" is the name of one of plainly's own rules, so a plugin cannot have it`)
  const book = new RuleBook([...RULES, ...externals.map(externalRule)], () => (members ??= {[jargonRule.id]: new Set(fullGlossary().byId.keys()), [simplifyRule.id]: simplifyRuleIds(data.simplifyPhrases)}))
  // One processor per format, made on first use.
  const processors = new Map<Format, Promise<AnyProcessor>>()
  const processorFor = (format: Format) => {
    if (!processors.has(format)) {
      const simplifyOff = resolved.simplify ? [...data.simplifyOff, ...allow.map((word) => word.toLowerCase())] : []
      processors.set(format, createProcessor(format, {options: resolved, glossary: inUse(), simplifyPhrases: data.simplifyPhrases, simplifyOff, profiles: data.profiles, externals}))
    }
    return processors.get(format)!
  }
  const bundle = {
    processorFor,
    rules: settings.rules ?? {},
    profileRules: profile?.rules,
    chunkSize: options.chunkSize,
    afterPiece: options.afterPiece,
    resolve: (word: string) => {
      const entry = findEntry(inUse(), word)
      return entry ? `${jargonRule.id}/${entry.id}` : undefined
    },
    book
  }

  return {
    async check(input) {
      const format = input.format ?? formatFor(input.path)
      let file: VFile
      if (input.problem) file = unreadableDocument(input.path, input.problem.reason, undefined, input.problem.kind, format)
      else if (input.bytes) file = await loadDocument(input.bytes, input.path, format)
      else {
        file = new VFile({path: input.path, value: (input.text ?? '').replace(/^\uFEFF/, '')})
        file.data.format = format
      }
      if (input.view) file.data.wantView = true
      const result = await checkFile(file, bundle)
      return input.view ? {result, view: viewOf(file)} : {result}
    },
    unknownNames() {
      const unknown: UnknownName[] = []
      if (settings.profile && !profile) unknown.push({list: 'profile', name: settings.profile, hint: nearest(settings.profile, data.profiles.profiles.map((known) => known.name))})
      for (const name of Object.keys(settings.rules ?? {})) {
        if (!book.isRuleName(name)) unknown.push({list: 'rules', name, hint: nearest(name, book.ruleNames())})
      }
      for (const word of allow) {
        if (isAcronymLike(word.trim()) || findEntry(fullGlossary(), word) || findPhrase(word, data.simplifyPhrases)) continue
        unknown.push({list: 'allow', name: word, hint: nearest(word, [...fullGlossary().entries.flatMap((entry) => entry.terms), ...data.simplifyPhrases.map((item) => item.phrase)])})
      }
      return unknown
    },
    get glossary() {
      return inUse()
    }
  }
}
