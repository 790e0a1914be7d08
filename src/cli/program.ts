/**
 * The command line: commands, flags and help. Parsing only; the work is in
 * run.ts. Output goes to the injected streams, never straight to process.
 */
import {Command, Option} from 'commander'
import {HEADLINE_METHOD} from '../plugins/formulas.js'
import {availablePacks} from '../io/glossary-files.js'
import {CACHE_STRATEGIES, DEFAULT_CACHE_LOCATION, type CacheStrategy} from '../io/cache.js'
import {REPORTER_NAMES} from '../reporters/index.js'
import {VERSION} from '../version.js'
import {addGlossaryCommands, collect} from './glossary.js'
import type {Io} from './io.js'

/** `plainly app` (see app.ts). */
export interface AppFlags {
  output?: string
  config?: string | false
  glossary?: string[]
  pack?: string[]
}

export interface CheckFlags {
  format?: string[]
  output?: string
  config?: string | false
  glossary?: string[]
  pack?: string[]
  allow?: string[]
  simplify: boolean
  targetAge?: string
  hardest?: string
  maxSentenceWords?: string
  veryLongSentenceWords?: string
  profile?: string
  failOn?: string
  maxWarnings?: string
  maxReadingAge?: string
  baseline?: string
  fix?: boolean
  fixDryRun?: boolean
  review?: boolean
  ignorePath?: string
  ignorePattern?: string[]
  ignore: boolean
  cache?: boolean
  cacheLocation?: string
  cacheStrategy?: CacheStrategy
  jobs?: string
  maxFileSize?: string
  stdinFilename?: string
  quiet?: boolean
  showRepeats?: boolean
  color?: boolean
  debug?: boolean
}

export interface Actions {
  /** `given(name)` tells whether the user set a flag (rather than it taking its default). */
  check(paths: string[], flags: CheckFlags, given: (name: string) => boolean): Promise<void>
  baseline(paths: string[], flags: CheckFlags, given: (name: string) => boolean): Promise<void>
  init(flags: {force?: boolean}): Promise<void>
  app(flags: AppFlags): Promise<void>
  /** Subcommands that set their own exit code. */
  setExitCode(code: number): void
}

export const EXIT_CODES_HELP = `
Exit codes:
  0  checked; nothing made the check fail
  1  checked; a finding at or above --fail-on (default: warning; a reading age above
     target is a warning), more warnings than --max-warnings (which alone decides on
     warnings when given), or a reading age above --max-reading-age. The last line
     says which of these failed.
  2  could not do the job: a bad option, settings file or glossary, a path that matched
     nothing, or an internal error`

const READING_AGE_HELP = `
Reading age:
  The headline reading age is the ${HEADLINE_METHOD}.
  Headings and table cells are checked for jargon but are not counted as prose.`

export function createProgram(io: Io, actions: Actions): Command {
  const program = new Command()
    .name('plainly')
    .description('Plain-English checker for public-service writing: jargon and UK reading age.')
    .version(VERSION, '-v, --version', 'show the version number')
    .helpOption('-h, --help', 'show help')
    .helpCommand('help [command]', 'show help for a command')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
      outputError: (text, write) => write(text.replace(/^error:/, 'plainly:'))
    })
    .showHelpAfterError('(add --help to see the options)')

  const check = checkOnlyOptions(settingsOptions(program.command('check', {isDefault: true})))
    .description('check documents for jargon, long sentences and reading age')
    .addHelpText('after', `${EXIT_CODES_HELP}\n${READING_AGE_HELP}\n\nExamples:\n  plainly check leaflet.md\n  plainly check docs/ --format json\n  plainly check docs/ --format terminal --format sarif:plainly.sarif --format html:report.html\n  plainly check leaflet.docx --review --fix\n  cat leaflet.md | plainly check - --stdin-filename leaflet.md`)
  check.action(async (paths: string[], flags: CheckFlags) => actions.check(paths, flags, (name) => check.getOptionValueSource(name) === 'cli'))

  const baseline = settingsOptions(program.command('baseline'))
    .option('-o, --output <file>', 'where to write the baseline (needed)')
    .description('record today\u2019s findings, so that --baseline fails a check only on new ones')
    .addHelpText('after', '\nExample:\n  plainly baseline docs/ --output plainly-baseline.json\n  plainly check docs/ --baseline plainly-baseline.json')
  baseline.action(async (paths: string[], flags: CheckFlags) => actions.baseline(paths, flags, (name) => baseline.getOptionValueSource(name) === 'cli'))

  program
    .command('init')
    .description('write a starter settings file (.plainlyrc.yml) in this folder')
    .option('--force', 'replace a .plainlyrc.yml that is already there')
    .action(async (flags: {force?: boolean}) => actions.init(flags))

  program
    .command('app')
    .description('write the web page: one HTML file that checks documents in a browser, for people who do not use a terminal')
    .option('-o, --output <file>', 'where to write the page, such as plainly.html (needed)')
    .option('-c, --config <file>', 'put the settings from this file in the page (default: the settings file in this folder)')
    .option('--no-config', 'ignore settings files')
    .option('-g, --glossary <file>', 'put a team glossary in the page, on top of the shipped one (repeat for more)', collect)
    .option('-p, --pack <name>', `switch on an optional glossary pack (repeat for more): ${availablePacks().join(', ') || 'none installed'}`, collect)
    .option('--debug', 'show technical details when something goes wrong')
    .addHelpText('after', '\nThe page needs nothing else: open it from a shared drive, an intranet or your own computer. It sends nothing anywhere.\n\nExample:\n  plainly app --output plainly.html --glossary our-words.yml')
    .action(async (flags: AppFlags) => actions.app(flags))

  addGlossaryCommands(program, io, actions.setExitCode)

  program.addHelpText('after', EXIT_CODES_HELP)
  return program
}

/** What to check and with which settings: shared by check and baseline. */
function settingsOptions(command: Command): Command {
  return command
    .argument('[paths...]', 'files, folders or glob patterns to check; - reads standard input')
    .option('-c, --config <file>', 'use this settings file instead of looking for one')
    .option('--no-config', 'ignore settings files')
    .option('-g, --glossary <file>', 'add a team glossary on top of the shipped one (repeat for more)', collect)
    .option('-p, --pack <name>', `switch on an optional glossary pack (repeat for more): ${availablePacks().join(', ') || 'none installed'}`, collect)
    .option('-a, --allow <word>', 'do not flag this word or phrase (repeat for more)', collect)
    .option('--no-simplify', 'leave out suggestions for wordy phrases')
    .option('--profile <kind>', 'the kind of document: easy-read, patient-information or board-paper (sets the target reading age and longest sentence)')
    .option('--target-age <age>', 'target reading age in years, such as 11 or 9-11 (default: 9-11)')
    .option('--max-sentence-words <n>', 'suggest shortening sentences longer than this many words (default: 25)')
    .option('--very-long-sentence-words <n>', 'warn about sentences longer than this many words (default: 35)')
    .option('--ignore-path <file>', 'read ignore patterns from this file (default: .plainlyignore)')
    .option('--ignore-pattern <pattern>', 'skip files matching this .gitignore-style pattern (repeat for more)', collect)
    .option('--no-ignore', 'check files even if ignore rules skip them')
    .option('-j, --jobs <n>', 'how many files to check at once (default: the number of CPU cores)')
    .option('--max-file-size <megabytes>', 'do not check files larger than this (default: 50)')
    .option('--stdin-filename <name>', 'name (and so format) for text read from standard input, such as leaflet.md')
    .option('--debug', 'show technical details when something goes wrong')
}

/** Reports, gates, fixes and the cache: `check` only. */
function checkOnlyOptions(command: Command): Command {
  return command
    .option('-f, --format <name[:file]>', `how to show the results: ${REPORTER_NAMES.join(', ')}; add :file to write to a file; repeat for several (default: terminal, or github in GitHub Actions)`, collect)
    .option('-o, --output <file>', 'write the results to a file instead of the screen')
    .option('--hardest <n>', 'how many of the hardest sentences to list for each document (default: 3)')
    .addOption(new Option('--fail-on <level>', 'lowest severity that makes the check fail (default: warning)').choices(['error', 'warning', 'suggestion', 'never']))
    .option('--max-warnings <n>', 'fail when there are more warnings than this; fewer do not fail the check')
    .option('--max-reading-age <n>', 'fail when any document\u2019s reading age is above this')
    .option('--baseline <file>', 'only fail on findings that are not in this baseline file')
    .option('--fix', 'make the safe swaps (such as "utilise" to "use") in Markdown, text and HTML files')
    .option('--fix-dry-run', 'show the safe swaps as a diff, without changing any file')
    .option('--review', 'write a reviewed copy of each Word document beside it (leaflet.plainly.docx) with the findings as comments; with --fix, the safe swaps as tracked changes')
    .option('--cache', 'only check files that changed since the last run')
    .option('--cache-location <path>', `where to keep the cache (default: ${DEFAULT_CACHE_LOCATION})`)
    .addOption(new Option('--cache-strategy <strategy>', 'how the cache tells that a file is unchanged: by its size and times, or by reading it (default: metadata)').choices([...CACHE_STRATEGIES]))
    .option('-q, --quiet', 'only show findings that make the check fail, and no progress bar')
    .option('--show-repeats', 'list every use of a word in the terminal, HTML and Markdown reports, not only the first (the other formats always do)')
    .option('--color', 'always use colour')
    .option('--no-color', 'never use colour (NO_COLOR also works)')
}
