/** Reporter registry: the same object feeds `--format` choices and lookup. */
import {json} from './json.js'
import {terminal} from './terminal.js'
import type {Reporter} from './types.js'

export const reporters = {terminal, json} satisfies Record<string, Reporter>

export type ReporterName = keyof typeof reporters

export const REPORTER_NAMES = Object.keys(reporters) as ReporterName[]
