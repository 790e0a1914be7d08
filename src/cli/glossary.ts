/**
 * `plainly glossary …`: list, show, validate, export, import and sources.
 * Each action returns an exit code; output goes to the injected streams.
 */
import {maxOf} from '../shared/arrays.js'
import {curlyQuotes} from '../shared/quotes.js'
import {existsSync, readFileSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {Command, Option} from 'commander'
import {createTable} from '../glossary/table.js'
import {CsvError, parseCsv, toCsv} from '../glossary/csv.js'
import {findEntry} from '../glossary/lookup.js'
import {withoutContextMarks} from '../glossary/normalise.js'
import {isAcronymLike, singularAcronym} from '../glossary/acronyms.js'
import {formatProblem, glossarySchema, GlossaryError, loadEnglishData, loadGlossary, loadLayers, parseGlossary, SHIPPED_GLOSSARY_DIR} from '../io/glossary-files.js'
import {parseSimplifyOff, SIMPLIFY_OFF_FILE_NAME} from '../glossary/simplify-off.js'
import {ConfigFinder} from '../io/config.js'
import {acronymRule, jargonRule} from '../plugins/retext-jargon.js'
import {simplifyRule} from '../plugins/retext-simplify-suggestions.js'
import {findPhrase} from '../plugins/simplify-phrases.js'
import {didYouMean} from '../shared/nearest.js'
import {PLAINLY_RULES} from '../core/rules.js'
import type {RuleMeta} from '../types.js'
import type {GlossaryEntry, GlossaryProblem} from '../glossary/types.js'
import {validateGlossary} from '../batch/validate-glossary.js'
import {mergeEntriesIntoYaml} from '../glossary/write.js'
import {writeFileAtomic} from '../io/write.js'
import {UsageError} from './errors.js'
import type {Io} from './io.js'

type LayerFlags = {pack?: string[]; glossary?: string[]}

/** A repeatable option's values. */
export const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value]

function withLayers(command: Command): Command {
  return command
    .option('-p, --pack <name>', 'include an optional glossary pack (repeat for more)', collect)
    .option('-g, --glossary <file>', 'include a team glossary (repeat for more)', collect)
}

export function addGlossaryCommands(program: Command, io: Io, setExitCode: (code: number) => void): void {
  const glossary = program.command('glossary').description('look up, check and share the glossary of jargon')

  withLayers(glossary.command('list').description('list the glossary entries in use'))
    .option('-s, --search <text>', 'only entries whose words, alternatives or note contain this text')
    .addOption(new Option('-f, --format <name>', 'how to show the list').choices(['table', 'json', 'csv']).default('table'))
    .action((flags: LayerFlags & {search?: string; format: string}) => {
      let entries = loadLayers(settingsLayers(flags, io)).entries
      if (flags.search) {
        const needle = flags.search.toLowerCase()
        // A term's words are found with or without its context brackets ("following surgery" finds "following (surgery)").
        entries = entries.filter((entry) => [entry.id, ...entry.terms, ...entry.terms.map(withoutContextMarks), ...entry.alternatives, entry.note].some((text) => text.toLowerCase().includes(needle)))
      }
      io.stdout.write(formatList(entries, flags.format))
      setExitCode(0)
    })

  withLayers(glossary.command('show').description('say whether and why plainly flags a word, in any of its forms, or what a rule looks for, and how to switch it off').argument('<word...>', 'the word or phrase, or a rule id such as long-sentence'))
    .action((words: string[], flags: LayerFlags) => {
      const text = words.join(' ')
      const answer = describeWord(text, settingsLayers(flags, io))
      if (answer.found) io.stdout.write(answer.text)
      else io.stderr.write(answer.text)
      setExitCode(answer.found ? 0 : 1)
    })

  glossary
    .command('validate')
    .description('check glossary files: format, repeated terms, alternatives that are jargon, and examples')
    .argument('[files...]', 'team glossary files to check on top of the shipped one (default: the shipped glossary and its packs)')
    .action(async (files: string[]) => {
      const problems = await validateGlossary({files, cwd: io.cwd})
      for (const problem of problems) io.stdout.write(`${formatProblem(problem)}\n`)
      io.stdout.write(problems.length === 0 ? 'The glossary is valid.\n' : `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} found.\n`)
      setExitCode(problems.length === 0 ? 0 : 2)
    })

  withLayers(glossary.command('export').description('write every entry as CSV, for editing in a spreadsheet'))
    .addOption(new Option('-f, --format <name>', 'file format').choices(['csv']).default('csv'))
    .option('-o, --output <file>', 'write to a file instead of the screen')
    .option('--no-shipped', 'leave out the shipped glossary (export only --pack and --glossary files)')
    .action(async (flags: LayerFlags & {output?: string; shipped: boolean}) => {
      let entries: GlossaryEntry[]
      try {
        entries = loadLayers({packs: flags.pack ?? [], layers: flags.glossary ?? [], shipped: flags.shipped, cwd: io.cwd}).asWritten.filter((entry): entry is GlossaryEntry => !('disabled' in entry))
      } catch (error) {
        if (error instanceof GlossaryError) return setExitCode(failWith(error.problems, io))
        throw error
      }
      const csv = formatList(entries, 'csv')
      if (flags.output) {
        await writeFileAtomic(path.resolve(io.cwd, flags.output), csv)
        io.stderr.write(`Exported ${entries.length} entries to ${flags.output}\n`)
      } else {
        io.stdout.write(csv)
      }
      setExitCode(0)
    })

  glossary
    .command('import')
    .description('read entries back from a CSV file, check them, and write them to glossary YAML')
    .argument('<file>', 'the CSV file')
    .option('--into <file>', 'the YAML file to write (default: each row\u2019s "file" column)')
    .action(async (csvFile: string, flags: {into?: string}) => {
      setExitCode(await importCsv(csvFile, flags.into, io))
    })

  glossary
    .command('sources')
    .description('show where the glossary entries come from, and the credit their licences require')
    .action(() => {
      io.stdout.write(readFileSync(path.join(SHIPPED_GLOSSARY_DIR, 'NOTICE.md'), 'utf8'))
      setExitCode(0)
    })
}

function formatList(entries: readonly GlossaryEntry[], format: string): string {
  if (format === 'json') return `${JSON.stringify(entries, null, 2)}\n`
  if (format === 'csv') return toCsv([[...glossaryTable().columns], ...entries.map((entry) => glossaryTable().toRow(entry))])
  const rows = entries.map((entry) => [entry.id, entry.terms.join(', '), entry.explain ? `explain it${entry.alternatives.length ? `; ${entry.alternatives.join(', ')}` : ''}` : entry.alternatives.join(', '), entry.severity])
  const header = ['id', 'words', 'say instead', 'severity']
  const widths = header.map((title, column) => Math.min(40, maxOf(rows.map((row) => row[column]!.length), title.length)))
  const line = (row: string[]) => row.map((cell, column) => (cell.length > widths[column]! ? `${cell.slice(0, widths[column]! - 1)}\u2026` : cell.padEnd(widths[column]!))).join('  ').trimEnd()
  return `${[line(header), ...rows.map(line)].join('\n')}\n${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}\n`
}

function formatEntry(entry: GlossaryEntry): string {
  const lines = [
    `${entry.terms[0]}${entry.acronym ? ' (acronym)' : ''}`,
    entry.terms.length > 1 ? `  Also:        ${entry.terms.slice(1).join(', ')}` : undefined,
    entry.explain ? '  Explain it the first time you use it.' : undefined,
    entry.alternatives.length > 0 ? `  Say instead: ${entry.alternatives.join(', ')}` : undefined,
    `  Why:         ${curlyQuotes(entry.note)}${entry.checked ? ` (facts checked ${entry.checked})` : ''}`,
    entry.replaced ? `  Replaced:    by ${entry.replaced.by} on ${entry.replaced.on}` : undefined,
    entry.pos.length > 0 ? `  Only as a:   ${entry.pos.join(' or ')}` : undefined,
    entry.documentKind ? `  Not flagged: in ${entry.documentKind} documents` : undefined,
    entry.except.length > 0 ? `  Fine in:     ${entry.except.join(', ')}` : undefined,
    `  Severity:    ${entry.severity}`,
    `  Source:      ${entry.source} (${entry.licence})${entry.url ? ` ${entry.url}` : ''}`,
    `  Status:      ${entry.status}${entry.reviewed ? `, reviewed ${entry.reviewed}` : ''}${entry.proposedBy ? `, proposed by ${entry.proposedBy}` : ''}`,
    `  Rule:        ${jargonRule.id}/${entry.id} (${entry.file}:${entry.line})`,
    `  Switch off:  allow: [${entry.terms[0]}] in your settings, or rules: {${jargonRule.id}/${entry.id}: off}`
  ]
  return `${lines.filter((line) => line !== undefined).join('\n')}\n`
}

let table: ReturnType<typeof createTable> | undefined
const glossaryTable = () => (table ??= createTable(glossarySchema()))

/** A rule by its id (see core/rules.ts): what it looks for and how to switch it off. */
function formatRule(rule: RuleMeta): string {
  const lines = [
    `${rule.id} (a rule${rule.family ? ': a family of rules' : ''}): ${rule.title}`,
    `  Looks for:   ${rule.description}`,
    rule.example ? `  Flags:       ${rule.example.flag}` : undefined,
    rule.example?.pass ? `  Passes:      ${rule.example.pass}` : undefined,
    `  Severity:    ${rule.severity}`,
    ...Object.entries(rule.options ?? {}).map(([name, text]) => `  Setting:     ${name}: ${text}`),
    rule.configurable === false ? '  Switch off:  it cannot be: the file itself needs attention' : `  Switch off:  rules: {${rule.family ? `${rule.id}/*` : rule.id}: off} in your settings, or <!-- plainly-disable ${rule.id} --> in the document`
  ]
  return `${lines.filter((line) => line !== undefined).join('\n')}\n`
}

/** The glossary layers a check in this folder uses: its settings file's glossaries and packs, then the flags'. */
function settingsLayers(flags: LayerFlags, io: Io): {packs: string[]; layers: string[]; cwd: string} {
  const config = new ConfigFinder(io.cwd).forFolder(io.cwd)
  return {packs: [...new Set([...(config?.packs ?? []), ...(flags.pack ?? [])])], layers: [...(config?.glossaries ?? []), ...(flags.glossary ?? [])], cwd: io.cwd}
}

/**
 * Whether and why a check would flag a word, from every list a report
 * draws on: the glossary (any form of a term), retext-simplify's wordy
 * phrases, and acronyms. Says which list it is in and how to switch it off.
 */
function describeWord(text: string, layers: {packs: string[]; layers: string[]; cwd: string}): {found: boolean; text: string} {
  const glossary = loadGlossary(layers)
  const english = loadEnglishData()
  const entry = findEntry(glossary, text)
  if (entry) return {found: true, text: formatEntry(entry)}
  const rule = PLAINLY_RULES.ruleFor(text.trim())
  if (rule?.id === text.trim()) return {found: true, text: formatRule(rule)}

  const phrase = findPhrase(text, english.simplifyPhrases)
  if (phrase) {
    const shippedOff = parseSimplifyOff(readFileSync(path.join(SHIPPED_GLOSSARY_DIR, SIMPLIFY_OFF_FILE_NAME), 'utf8'), SIMPLIFY_OFF_FILE_NAME)
    const off = shippedOff.reasons.get(phrase.phrase.toLowerCase())
    const dropped = shippedOff.drops.get(phrase.phrase.toLowerCase())
    const rule = `${simplifyRule.id}/${phrase.ruleId}`
    const lines = [
      `${phrase.phrase} (a wordy phrase)`,
      phrase.replace.length > 0 ? `  Say instead: ${phrase.replace.join(', ')}${phrase.omit ? ', or leave it out' : ''}` : '  Say instead: leave it out',
      `  List:        wordy phrases, from retext-simplify (MIT); each is a ${simplifyRule.severity}`,
      dropped ? `  Not offered: ${dropped.alternatives.join(', ')}, which retext-simplify suggests (glossary/simplify-off.yml): ${curlyQuotes(dropped.why)}` : undefined,
      off ? `  Not flagged: plainly switches this phrase off (glossary/simplify-off.yml): ${curlyQuotes(off)}` : undefined,
      `  Rule:        ${rule}`,
      off ? undefined : `  Switch off:  allow: [${phrase.phrase}] in your settings, rules: {${rule}: off}, or --no-simplify for all wordy phrases`
    ]
    return {found: true, text: `${lines.filter((line) => line !== undefined).join('\n')}\n`}
  }

  const word = text.trim()
  if (isAcronymLike(word)) {
    const known = glossary.knownAcronyms.has(word) || glossary.knownAcronyms.has(singularAcronym(word))
    const lines = known
      ? [`${word} (an acronym)`, '  Not flagged: it is in the list of acronyms that readers know (glossary/acronyms.yml, or "knownAcronyms" in a team glossary).']
      : [
          `${word} (an acronym)`,
          `  Flagged:     as a ${acronymRule.severity}, the first time it is used without being spelled out. Spelling it out once, as in "integrated care board (ICB)", makes it silent for the rest of the document.`,
          `  Rule:        ${acronymRule.id}`,
          `  Switch off:  allow: [${word}] in your settings, "knownAcronyms: [${word}]" in a team glossary, or rules: {${acronymRule.id}: off}`
        ]
    return {found: true, text: `${lines.join('\n')}\n`}
  }

  const candidates = [...glossary.entries.flatMap((item) => item.terms), ...english.simplifyPhrases.map((item) => item.phrase)]
  return {found: false, text: `plainly: \u201C${text}\u201D is not in the glossary or the list of wordy phrases, so plainly does not flag it${didYouMean(text, candidates)}\n`}
}

async function importCsv(csvFile: string, into: string | undefined, io: Io): Promise<number> {
  let rows: string[][]
  try {
    rows = parseCsv(await readFile(path.resolve(io.cwd, csvFile), 'utf8'))
  } catch (error) {
    if (error instanceof CsvError) throw new UsageError(`${csvFile}:${error.line}: ${error.message}`)
    const code = (error as NodeJS.ErrnoException).code
    throw new UsageError(`${csvFile}: ${code === 'ENOENT' ? 'cannot find this file' : `cannot read this file (${code})`}`)
  }
  const [header, ...body] = rows
  const missing = glossaryTable().required.filter((column) => !header?.includes(column))
  if (!header || missing.length > 0) throw new UsageError(`${csvFile}: the first row must name the columns; missing: ${missing.join(', ')}`, 'export a glossary with "plainly glossary export" to see the expected columns')

  // Check every row as a one-entry glossary first: nothing is written unless all rows are valid.
  const problems: GlossaryProblem[] = []
  const byFile = new Map<string, Array<Record<string, unknown>>>()
  body.forEach((cells, index) => {
    const row = index + 2
    const {yaml, file} = glossaryTable().toYaml(header, cells)
    const target = into ?? file
    if (!target) {
      problems.push({file: csvFile, line: row, message: 'no "file" for this row; use --into to say which YAML file to write'})
      return
    }
    const parsed = parseGlossary(mergeEntriesIntoYaml(undefined, [yaml]), csvFile)
    for (const problem of parsed.problems) problems.push({file: csvFile, line: row, message: problem.message})
    byFile.set(target, [...(byFile.get(target) ?? []), yaml])
  })
  if (problems.length > 0) return failWith(problems, io)

  for (const [target, entries] of byFile) {
    const absolute = path.resolve(io.cwd, target)
    const existing = existsSync(absolute) ? readFileSync(absolute, 'utf8') : undefined
    const text = mergeEntriesIntoYaml(existing, entries)
    const parsed = parseGlossary(text, target)
    if (parsed.problems.length > 0) return failWith(parsed.problems, io)
    await writeFileAtomic(absolute, text)
    io.stdout.write(`Imported ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'} into ${target}\n`)
  }
  return 0
}

function failWith(problems: readonly GlossaryProblem[], io: Io): 2 {
  for (const problem of problems) io.stderr.write(`plainly: ${formatProblem(problem)}\n`)
  io.stderr.write('plainly: nothing was written; fix these and try again\n')
  return 2
}
