/** Reporter registry: the same object feeds `--format` choices and lookup. */
import {csvReport} from './csv.js'
import {githubReport} from './github.js'
import {htmlReport} from './html.js'
import {jsonReport} from './json.js'
import {junitReport} from './junit.js'
import {markdownReport} from './markdown.js'
import {sarifReport} from './sarif.js'
import {terminalReport} from './terminal.js'
import type {Reporter} from './types.js'

export const reporters = {
  terminal: terminalReport,
  json: jsonReport,
  sarif: sarifReport,
  github: githubReport,
  junit: junitReport,
  csv: csvReport,
  markdown: markdownReport,
  html: htmlReport
} satisfies Record<string, Reporter>

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
