/**
 * What each check's file exports beside its retext plugin: the rules it
 * reports (id, title, severity, description, example, options) and how the
 * plugin is set up from the settings. src/core/rules.ts lists every check.
 */
import type {Pluggable, Plugin} from 'unified'
import type {CompiledGlossary} from '../glossary/compile.js'
import type {EnglishData} from '../glossary/language.js'
import type {ResolvedOptions, RuleMeta, Severity} from '../types.js'

/** What a check's plugin can be set up from. */
export interface PluginSettings extends Pick<EnglishData, 'simplifyPhrases' | 'simplifyOff' | 'profiles'> {
  options: ResolvedOptions
  glossary: CompiledGlossary
}

/** Another retext plugin (retext-passive, retext-equality…): its findings' rule ids are "<name>/<its rule id>". */
export interface ExternalPlugin {
  name: string
  // Any unified plugin: its options are its own.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  plugin: Plugin<any[], any, any>
  options?: unknown
  /** The severity of its findings (default: each message's own, as vfile has it: file.message() a warning, file.info() a suggestion, file.fail() an error). */
  severity?: Severity
}

/** The rule family of another plugin's findings. */
export function externalRule(external: ExternalPlugin): RuleMeta {
  return {
    id: external.name,
    family: true,
    title: external.name,
    severity: external.severity ?? 'warning',
    description: `Findings of the retext plugin ${external.name}, added in the settings (plugins:).`
  }
}

export interface Check {
  rules: readonly RuleMeta[]
  /** The retext plugin with its options, or undefined when the settings leave it out. */
  plugin?: (settings: PluginSettings) => Pluggable | undefined
}
