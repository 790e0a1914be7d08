/** Reporter registry: the same object feeds `--format` choices and lookup. */
import {csv} from './csv.js'
import {github} from './github.js'
import {html} from './html.js'
import {json, jsonPieces} from './json.js'
import {junit} from './junit.js'
import {markdown} from './markdown.js'
import {sarif} from './sarif.js'
import {terminal} from './terminal.js'
import type {Report} from '../types.js'
import type {Reporter, ReporterOptions} from './types.js'

export const reporters = {terminal, json, sarif, github, junit, csv, markdown, html} satisfies Record<string, Reporter>

export type ReporterName = keyof typeof reporters

export const REPORTER_NAMES = Object.keys(reporters) as ReporterName[]

/** Each format as people name it. */
export const REPORTER_TITLES: Record<ReporterName, string> = {
  terminal: 'terminal',
  json: 'JSON',
  sarif: 'SARIF',
  github: 'GitHub',
  junit: 'JUnit',
  csv: 'CSV',
  markdown: 'Markdown',
  html: 'HTML'
}

/**
 * Reporters that can also give their text in pieces, for the command to
 * write one after another (see jsonPieces). Joined, the pieces are exactly
 * the reporter's text.
 */
export const reporterPieces: Partial<Record<ReporterName, (report: Report, options: ReporterOptions) => string[]>> = {json: jsonPieces}
