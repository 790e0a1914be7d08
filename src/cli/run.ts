/**
 * Run the CLI: parse flags, check, write the report, return the exit code.
 * The only place (with io/) that deals with streams and files.
 */
import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {CommanderError} from 'commander'
import {toReport} from '../core/results.js'
import {checkInputs, createSession} from '../core/session.js'
import {GlossaryError, formatProblem} from '../glossary/load.js'
import {decodeDocument} from '../io/read.js'
import {formatFor} from '../io/formats.js'
import {reporters, type ReporterName} from '../reporters/index.js'
import type {FileResult, TargetAge} from '../types.js'
import {VERSION} from '../version.js'
import {getColourLevel} from './colour.js'
import {UsageError} from './errors.js'
import {getExitCode, type FailOn} from './exit-code.js'
import type {Io} from './io.js'
import {createProgram, type CheckFlags} from './program.js'

export type {Io} from './io.js'

export async function run(argv: readonly string[], io: Io): Promise<number> {
  let exitCode = 0
  const debug = argv.includes('--debug')
  const program = createProgram(io, {
    async check(paths, flags) {
      exitCode = await check(paths, flags, io)
    },
    setExitCode(code) {
      exitCode = code
    }
  })
  try {
    await program.parseAsync([...argv], {from: 'user'})
    return exitCode
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2
    return fail(error, io, debug)
  }
}

async function check(paths: string[], flags: CheckFlags, io: Io): Promise<number> {
  const options = {
    targetAge: parseTargetAge(flags.targetAge),
    hardest: parseCount(flags.hardest, '--hardest', 0),
    maxSentenceWords: parseCount(flags.maxSentenceWords, '--max-sentence-words', 1),
    simplify: flags.simplify
  }
  const readStdin = paths.includes('-') || (paths.length === 0 && flags.stdinFilename !== undefined)
  if (paths.length === 0 && !readStdin) {
    throw new UsageError('name a file or folder to check', 'for example: plainly check leaflet.md, or plainly check docs/')
  }

  const session = createSession({...options, packs: flags.pack, glossaries: flags.glossary, cwd: io.cwd})
  const results: FileResult[] = []
  const unmatched: Array<{input: string; reason: string}> = []

  const files = paths.filter((item) => item !== '-')
  if (readStdin) {
    const name = flags.stdinFilename ?? '<stdin>'
    const bytes = await readAll(io.stdin)
    results.push(await session.check(decodeDocument(bytes, name, flags.stdinFilename ? formatFor(name) : 'markdown')))
  }
  if (files.length > 0) {
    const checked = await checkInputs(session, files, io.cwd)
    results.push(...checked.report.files)
    unmatched.push(...checked.unmatched)
  }

  for (const item of unmatched) io.stderr.write(`plainly: ${item.input}: ${item.reason}\n`)
  if (results.length === 0) throw new UsageError('there were no files to check', 'check the paths you gave; folders are searched for .md, .markdown, .txt, .text, .html and .htm files')

  const report = toReport(results, VERSION)
  const failOn = flags.failOn as FailOn
  const isFile = flags.output !== undefined
  const colour = getColourLevel(isFile ? false : flags.color, io.env, Boolean(io.stdout.isTTY))
  const output = reporters[flags.format as ReporterName](report, {color: colour, quiet: flags.quiet, failOn})

  if (flags.output) {
    try {
      await writeFile(path.resolve(io.cwd, flags.output), output)
    } catch (error) {
      throw new UsageError(`cannot write the report to ${flags.output} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`)
    }
  } else {
    io.stdout.write(output)
  }
  return unmatched.length > 0 ? 2 : getExitCode(report, failOn)
}

export function parseTargetAge(value: string): TargetAge {
  const match = /^\s*(\d{1,2})\s*(?:(?:-|–|to)\s*(\d{1,2}))?\s*$/.exec(value)
  const min = match ? Number(match[1]) : Number.NaN
  const max = match?.[2] ? Number(match[2]) : min
  if (!match || min < 5 || min > max) {
    throw new UsageError(`--target-age must be an age such as 11, or a range such as 9-11 (got "${value}")`)
  }
  return {min, max}
}

function parseCount(value: string, flag: string, lowest: number): number {
  const number = Number(value)
  if (!/^\d+$/.test(value.trim()) || number < lowest) {
    throw new UsageError(`${flag} must be a whole number${lowest > 0 ? ` of ${lowest} or more` : ''} (got "${value}")`)
  }
  return number
}

async function readAll(stdin: Io['stdin']): Promise<Uint8Array> {
  if (!stdin) return new Uint8Array()
  const chunks: Uint8Array[] = []
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk)
  return Buffer.concat(chunks)
}

function fail(error: unknown, io: Io, debug: boolean): number {
  if (error instanceof GlossaryError) {
    for (const problem of error.problems) io.stderr.write(`plainly: glossary problem: ${formatProblem(problem)}\n`)
    io.stderr.write('plainly: fix the glossary and run the check again\n')
  } else if (error instanceof UsageError) {
    io.stderr.write(`plainly: ${error.message}\n`)
    if (error.hint) io.stderr.write(`  ${error.hint}\n`)
  } else {
    io.stderr.write(`plainly: something went wrong inside plainly: ${(error as Error)?.message ?? String(error)}\n`)
    if (!debug) io.stderr.write('  run again with --debug to see the details, and report it to the plainly team\n')
  }
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`)
  return 2
}

