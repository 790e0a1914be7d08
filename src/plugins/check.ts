/**
 * What each check's file exports beside its retext plugin: the rules it
 * reports (id, title, severity, description, example, options) and how the
 * plugin is set up from the settings. src/core/rules.ts lists every check.
 */
import type {Pluggable} from 'unified'
import type {CompiledGlossary} from '../glossary/compile.js'
import type {SimplifyPattern} from '../glossary/simplify-list.js'
import type {ResolvedOptions, RuleMeta} from '../types.js'

/** What a check's plugin can be set up from. */
export interface PluginSettings {
  options: ResolvedOptions
  glossary: CompiledGlossary
  /** retext-simplify's list of wordy phrases. */
  simplifyPhrases: readonly SimplifyPattern[]
  /** Phrases of that list not to suggest. */
  simplifyOff: string[]
}

export interface Check {
  rules: readonly RuleMeta[]
  /** The retext plugin with its options, or undefined when the settings leave it out. */
  plugin?: (settings: PluginSettings) => Pluggable | undefined
}
