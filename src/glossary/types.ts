import type {Severity} from '../types.js'

export type PartOfSpeech = 'noun' | 'verb' | 'adjective' | 'adverb'

export type EntryStatus = 'proposed' | 'accepted' | 'retired'

/** One glossary entry after validation. See README "The glossary format". */
export interface GlossaryEntry {
  /** Stable id: lower case letters, digits and hyphens. Rule id is `jargon/<id>`. */
  id: string
  /** The words to look for. The first is the headword. */
  terms: string[]
  /** Plainer words to use instead, best first. */
  alternatives: string[]
  /** True when the term is worth keeping but must be explained to readers. */
  explain: boolean
  /** Why it is a problem, in plain words. */
  note: string
  severity: Severity
  /** Where the entry comes from, such as "plainly contributors" or a style guide. */
  source: string
  licence: string
  /** An acronym: matched with exact capitals; only a plural "s" is added. */
  acronym: boolean
  /** Longer phrases containing the term that are fine, such as "power of attorney". */
  except: string[]
  /** Extra word forms to match that the regular endings do not make. */
  forms: string[]
  /** Match regular endings (-s, -ed, -ing…) of the last word (default true). */
  inflect: boolean
  /** Safe to replace automatically (`--fix`): needs exactly one alternative. */
  autofix: boolean
  status: EntryStatus
  proposedBy?: string
  reviewed?: string
  url?: string
  /** The parts of speech the entry means; empty for any. Words used as another part of speech are not flagged. */
  pos: PartOfSpeech[]
  /** The thing the term names was replaced: by what, and on what date (YYYY-MM-DD). */
  replaced?: {by: string; on: string}
  /** When the facts in the note were last checked (YYYY-MM-DD). */
  checked?: string
  /** The term names a kind of document (such as easy-read): not flagged in a document of that kind. */
  documentKind?: string
  examples: {flag: string[]; pass: string[]}
  /** Where the entry was defined. */
  file: string
  line: number
}

/** A later layer may switch an entry off by id. */
export interface DisabledEntry {
  id: string
  disabled: true
  file: string
  line: number
}

export type LayerEntry = GlossaryEntry | DisabledEntry

export interface GlossaryProblem {
  file: string
  line?: number
  message: string
}
