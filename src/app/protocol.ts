/**
 * What the page and its Web Worker say to each other. The worker holds the
 * checker (core/checker.ts, the command's own engine) and the reporters;
 * the page sends it documents and shows what comes back. No DOM here.
 */
import type {CheckerData, CheckerSettings} from '../core/checker.js'
import type {DocumentView, FileResult, Format} from '../types.js'

/** What a copy of the page is made with: the glossary and word lists, the team's settings, and their names. */
export interface PageData {
  data: CheckerData
  settings: CheckerSettings
  /** What the glossary is made of, in words: "the shipped glossary", "team.yml"… */
  madeWith: string[]
  version: string
}

/** The kinds of problem the page tells apart, each with its own highlight. */
export type Kind = 'jargon' | 'acronym' | 'wordy' | 'sentence' | 'age' | 'other'

/** A finding as the page lists it: a word used again and again once, with its later uses. */
export interface Listed {
  /** Index of the finding in `result.findings`. */
  index: number
  /** Indexes of its later uses. */
  repeats: number[]
  /** "Used 3 more times: lines 12, 40 and 41.", or ''. */
  repeatsText: string
}

export interface Checked {
  result: FileResult
  view?: DocumentView
  /** For each finding: its kind, and its message with the alternatives named. */
  kinds: Kind[]
  messages: string[]
  /** Where each finding is, in words: "line 3" or "paragraph 2, page 1". */
  places: string[]
  listed: Listed[]
  /** The words to change most often. */
  top: Array<{term: string; count: number; expected: string[]}>
  /** How long the check took in the worker, in milliseconds. */
  millis: number
}

export type ToWorker =
  | {type: 'start'; data: CheckerData; settings: CheckerSettings; version: string}
  | {type: 'check'; id: number; path: string; format?: Format; text?: string; bytes?: Uint8Array}
  | {type: 'report'; id: number; format: 'html' | 'csv'}
  /** A copy of the Word document with the findings as comments and the safe swaps as tracked changes. */
  | {type: 'review'; id: number}

export type FromWorker =
  | {type: 'ready'}
  | {type: 'progress'; id: number; stage: 'reading' | 'checking'; done: number; total: number}
  | ({type: 'result'; id: number} & Checked)
  | {type: 'report'; id: number; format: 'html' | 'csv'; text: string}
  | {type: 'reviewed'; id: number; name: string; bytes: Uint8Array; comments: number; changes: number}
  | {type: 'failed'; id: number; message: string}
