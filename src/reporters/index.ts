/** Reporter registry: the same object feeds `--format` choices and lookup. */
import {csv} from './csv.js'
import {github} from './github.js'
import {html} from './html.js'
import {json} from './json.js'
import {junit} from './junit.js'
import {markdown} from './markdown.js'
import {sarif} from './sarif.js'
import {terminal} from './terminal.js'
import type {Reporter} from './types.js'

export const reporters = {terminal, json, sarif, github, junit, csv, markdown, html} satisfies Record<string, Reporter>

export type ReporterName = keyof typeof reporters

export const REPORTER_NAMES = Object.keys(reporters) as ReporterName[]
