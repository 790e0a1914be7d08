/**
 * The command line: commands, flags and help. Parsing only; the work is in
 * run.ts. Output goes to the injected streams, never straight to process.
 */
import {Command, Option} from 'commander'
import {HEADLINE_METHOD} from '../core/formulas.js'
import {availablePacks} from '../glossary/load.js'
import {REPORTER_NAMES} from '../reporters/index.js'
import {VERSION} from '../version.js'
import {addGlossaryCommands} from './glossary.js'
import type {Io} from './io.js'

export interface CheckFlags {
  format: string
  output?: string
  glossary: string[]
  pack: string[]
  simplify: boolean
  targetAge: string
  hardest: string
  maxSentenceWords: string
  failOn: string
  stdinFilename?: string
  quiet?: boolean
  color?: boolean
  debug?: boolean
}

export interface Actions {
  check(paths: string[], flags: CheckFlags): Promise<void>
  /** Subcommands that set their own exit code. */
  setExitCode(code: number): void
}

export const EXIT_CODES_HELP = `
Exit codes:
  0  checked; nothing at or above --fail-on, and every reading age within target
  1  checked; findings at or above --fail-on (default: warning), or a reading age above target
  2  could not do the job: a bad option, a bad glossary, a path that matched nothing, or an internal error`

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

  program
    .command('check', {isDefault: true})
    .description('check documents for jargon, long sentences and reading age')
    .argument('[paths...]', 'files, folders or glob patterns to check; - reads standard input')
    .addOption(new Option('-f, --format <name>', 'how to show the results').choices(REPORTER_NAMES).default('terminal'))
    .option('-o, --output <file>', 'write the results to a file instead of the screen')
    .option('-g, --glossary <file>', 'add a team glossary on top of the shipped one (repeat for more)', collect, [])
    .option('-p, --pack <name>', `switch on an optional glossary pack (repeat for more): ${availablePacks().join(', ') || 'none installed'}`, collect, [])
    .option('--no-simplify', 'leave out suggestions for wordy phrases')
    .option('--target-age <age>', 'target reading age in years, such as 11 or 9-11', '9-11')
    .option('--hardest <n>', 'how many of the hardest sentences to list for each document', '3')
    .option('--max-sentence-words <n>', 'flag sentences longer than this many words', '25')
    .addOption(
      new Option('--fail-on <level>', 'lowest severity that makes the check fail').choices(['error', 'warning', 'suggestion', 'never']).default('warning')
    )
    .option('--stdin-filename <name>', 'name (and so format) for text read from standard input, such as leaflet.md')
    .option('-q, --quiet', 'only show findings that make the check fail')
    .option('--color', 'always use colour')
    .option('--no-color', 'never use colour (NO_COLOR also works)')
    .option('--debug', 'show technical details when something goes wrong')
    .addHelpText('after', `${EXIT_CODES_HELP}\n${READING_AGE_HELP}\n\nExamples:\n  plainly check leaflet.md\n  plainly check docs/ --format json\n  cat leaflet.md | plainly check - --stdin-filename leaflet.md`)
    .action(async (paths: string[], flags: CheckFlags) => actions.check(paths, flags))

  addGlossaryCommands(program, io, actions.setExitCode)

  program.addHelpText('after', EXIT_CODES_HELP)
  return program
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}
