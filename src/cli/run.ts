/**
 * Run the CLI: parse flags, check, write the reports, return the exit code.
 * The only place (with io/) that deals with streams and files.
 */
import {existsSync} from 'node:fs'
import {readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {buffer} from 'node:stream/consumers'
import {CommanderError} from 'commander'
import {createTwoFilesPatch} from 'diff'
import {applyBaseline, checkBaseline, createBaseline, type Baseline} from '../batch/baseline.js'
import {checkBatch} from '../batch/batch.js'
import {needsReview, writeReviewedCopy} from '../batch/review.js'
import {checkFileOnDisk} from '../batch/worker.js'
import {createSettings, type BatchOptions} from '../batch/settings.js'
import {decodeDocument} from '../core/document.js'
import {toReport} from '../core/results.js'
import {GlossaryError, formatProblem} from '../glossary/problems.js'
import {DEFAULT_CACHE_LOCATION} from '../io/cache.js'
import {CONFIG_NAMES, ConfigError, parseTargetAge as parseTarget} from '../io/config.js'
import {IgnoreFileError, IGNORE_FILE, showPath} from '../io/find-files.js'
import {boundMemory} from '../io/memory.js'
import {encodeDocument} from '../io/read.js'
import type {RunInputs} from '../io/run-memo.js'
import {writeFileAtomic} from '../io/write.js'
import {applyFixes} from '../plugins/fix.js'
import {reporters, REPORTER_NAMES, REPORTER_TITLES, type ReporterName} from '../reporters/index.js'
import type {ReporterOptions} from '../reporters/types.js'
import {pushAll} from '../shared/arrays.js'
import type {DocumentView, FileResult, Report, TargetAge} from '../types.js'
import {plural} from '../reporters/escape.js'
import {isConverted} from '../core/formats.js'
import {VERSION} from '../version.js'
import {getColourLevel} from './colour.js'
import {UsageError} from './errors.js'
import {evaluateGates, type FailOn, type Gates} from './exit-code.js'
import {STARTER_CONFIG} from './init.js'
import type {Io} from './io.js'
import {createProgram, type CheckFlags} from './program.js'
import {createProgress} from './progress.js'
import {writeReportFile} from './stdout.js'

export type {Io} from './io.js'

export async function run(argv: readonly string[], io: Io): Promise<number> {
  let exitCode = 0
  const debug = argv.includes('--debug')
  const program = createProgram(io, {
    async check(paths, flags, given) {
      exitCode = await check(paths, flags, given, io)
    },
    async baseline(paths, flags, given) {
      exitCode = await baseline(paths, flags, given, io)
    },
    async init(flags) {
      exitCode = await init(flags, io)
    },
    async app(flags) {
      // Loaded only for this command: a check never reads it.
      exitCode = await (await import('./app.js')).writeApp(flags, io)
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

type Output = {name: ReporterName; file?: string}

type Checked = Awaited<ReturnType<typeof runChecks>>

/** Everything `check` and `baseline` share: settings, finding files, checking them (see batch/batch.ts). */
async function runChecks(paths: string[], flags: CheckFlags, given: (name: string) => boolean, io: Io, withViews: boolean) {
  const options: BatchOptions = {
    targetAge: flags.targetAge !== undefined ? parseTargetAge(flags.targetAge) : undefined,
    hardest: flags.hardest !== undefined ? parseCount(flags.hardest, '--hardest', 0) : undefined,
    maxSentenceWords: flags.maxSentenceWords !== undefined ? parseCount(flags.maxSentenceWords, '--max-sentence-words', 1) : undefined,
    veryLongSentenceWords: flags.veryLongSentenceWords !== undefined ? parseCount(flags.veryLongSentenceWords, '--very-long-sentence-words', 1) : undefined,
    simplify: given('simplify') ? flags.simplify : undefined,
    profile: flags.profile,
    packs: flags.pack,
    glossaries: flags.glossary,
    allow: flags.allow,
    cwd: io.cwd,
    config: flags.config === false ? false : flags.config
  }
  const jobs = flags.jobs !== undefined ? parseCount(flags.jobs, '--jobs', 1) : undefined
  const readStdin = paths.includes('-') || (paths.length === 0 && flags.stdinFilename !== undefined)
  if (paths.length === 0 && !readStdin) {
    throw new UsageError('name a file or folder to check', 'for example: plainly check leaflet.md, or plainly check docs/')
  }

  // Memory stays bounded on very long documents (see io/memory.ts); worker threads set their own.
  const settings = createSettings({...options, afterPiece: boundMemory})
  const runConfig = settings.runConfig()
  const maxFileSize = flags.maxFileSize !== undefined ? parseCount(flags.maxFileSize, '--max-file-size', 1) : runConfig?.maxFileSize
  if (maxFileSize !== undefined) options.maxFileSize = maxFileSize * 1024 * 1024
  const configFile = runConfig?.shown
  const fromConfig = (flag: string | undefined, value: unknown) => (flag === undefined && value !== undefined ? {file: configFile} : {})
  const gates: Gates = {
    failOn: (flags.failOn ?? runConfig?.failOn ?? 'warning') as FailOn,
    maxWarnings: flags.maxWarnings !== undefined ? parseCount(flags.maxWarnings, '--max-warnings', 0) : runConfig?.maxWarnings,
    maxReadingAge: flags.maxReadingAge !== undefined ? parseCount(flags.maxReadingAge, '--max-reading-age', 5) : runConfig?.maxReadingAge,
    sources: {failOn: fromConfig(flags.failOn, runConfig?.failOn), maxWarnings: fromConfig(flags.maxWarnings, runConfig?.maxWarnings), maxReadingAge: fromConfig(flags.maxReadingAge, runConfig?.maxReadingAge)}
  }

  const results: FileResult[] = []
  /** Each document as a reader sees it (for the HTML report), and each file's absolute path, by its report path. */
  const views = new Map<string, DocumentView>()
  const absolute = new Map<string, string>()
  if (readStdin) {
    const name = flags.stdinFilename ?? '<stdin>'
    const checker = await settings.checkerFor(path.resolve(io.cwd, name))
    const checked = await checker.check({path: name, format: flags.stdinFilename ? undefined : 'markdown', bytes: io.stdin ? await buffer(io.stdin) : new Uint8Array(), view: withViews})
    results.push(checked.result)
    if (checked.view) views.set(name, checked.view)
  }

  const files = paths.filter((item) => item !== '-')
  const unmatched: Array<{input: string; reason: string}> = []
  /** What the run depended on, for its memo: only for a --cache run (metadata strategy) over named files and folders. */
  let inputs: RunInputs | undefined
  if (files.length > 0) {
    const useCache = flags.cache || flags.cacheLocation !== undefined || flags.cacheStrategy !== undefined
    const progress = createProgress(io, {enabled: !flags.quiet})
    let batch
    try {
      batch = await checkBatch({
        inputs: files,
        settings,
        options,
        ignore: {ignorePath: flags.ignorePath, patterns: [...(runConfig?.ignorePatterns ?? []), ...(flags.ignorePattern ?? [])], enabled: flags.ignore},
        cache: useCache ? {location: flags.cacheLocation ?? DEFAULT_CACHE_LOCATION, strategy: flags.cacheStrategy} : undefined,
        jobs,
        views: withViews,
        onProgress: progress.update
      })
    } catch (error) {
      if (error instanceof IgnoreFileError) throw new UsageError(error.message)
      throw error
    } finally {
      progress.done()
    }
    for (const file of batch.files) {
      absolute.set(file.shown, file.absolute)
      results.push(file.result)
      if (file.view) views.set(file.shown, file.view)
    }
    pushAll(unmatched, batch.unmatched)
    if (useCache && flags.cacheStrategy !== 'content' && !readStdin && !batch.patterns && io.remember) {
      const checkedFiles = batch.files.map((file) => file.absolute)
      inputs = {
        files: [
          ...checkedFiles,
          ...new Set(checkedFiles.flatMap((file) => settings.inputsFor(file)).filter((file) => path.isAbsolute(file))),
          ...(flags.ignore === false ? [] : [path.resolve(io.cwd, flags.ignorePath ?? IGNORE_FILE)]),
          ...(typeof flags.config === 'string' ? [path.resolve(io.cwd, flags.config)] : []),
          ...(flags.baseline ? [path.resolve(io.cwd, flags.baseline)] : [])
        ],
        folders: batch.folders,
        // The nearest settings file is looked for from each file's folder, and from the working folder for run-wide settings.
        settingsFrom: flags.config === undefined ? [io.cwd, ...new Set(checkedFiles.map((file) => path.dirname(file)))] : [],
        settingsNames: CONFIG_NAMES
      }
    }
    for (const input of batch.ignored) {
      io.stderr.write(`plainly: ${input} is skipped by the ignore rules (${flags.ignorePath ?? IGNORE_FILE} or --ignore-pattern); add --no-ignore to check it\n`)
    }
    const firstThree = (names: readonly string[]) => (names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`)
    const [pdfs, own, reviewed] = [batch.pdfCopies.length, batch.ownReports.length, batch.reviewedCopies.length]
    if (reviewed > 0) io.stderr.write(`plainly: left out ${reviewed === 1 ? 'a reviewed copy' : `${reviewed} reviewed copies`} that plainly wrote beside ${reviewed === 1 ? 'its Word file' : 'their Word files'} (${firstThree(batch.reviewedCopies)}); name one to check it\n`)
    if (pdfs > 0) io.stderr.write(`plainly: left out ${pdfs === 1 ? 'a PDF' : `${pdfs} PDFs`} with a Word file of the same name beside ${pdfs === 1 ? 'it' : 'them'} (the Word ${pdfs === 1 ? 'file is' : 'files are'} checked instead): ${firstThree(batch.pdfCopies)}; name a PDF to check it too\n`)
    if (batch.cacheNotSaved) io.stderr.write(`plainly: could not save the cache (${batch.cacheNotSaved})\n`)
    if (own > 0) io.stderr.write(`plainly: left out ${own === 1 ? 'a report' : `${own} reports`} that plainly wrote (${firstThree(batch.ownReports)})\n`)
  }

  for (const item of unmatched) io.stderr.write(`plainly: ${item.input}: ${item.reason}\n`)
  if (results.length === 0) throw new UsageError('there were no files to check', 'check the paths you gave; folders are searched for .md, .markdown, .txt, .text, .html, .htm, .docx and .pdf files')
  return {results, absolute, views, unmatched, gates, settings, options, inputs}
}

async function check(paths: string[], flags: CheckFlags, given: (name: string) => boolean, io: Io): Promise<number> {
  const outputs = parseOutputs(flags, io)
  if (flags.review && flags.fixDryRun) throw new UsageError('--review writes a copy of each Word document, and --fix-dry-run changes no file: use one of them')
  // The reviewed copies of Word documents are marked on the text that was checked.
  const withViews = outputs.some((output) => output.name === 'html') || Boolean(flags.review)
  const checked = await runChecks(paths, flags, given, io, withViews)
  const {views, unmatched, gates} = checked
  let {results} = checked
  if (flags.fix || flags.fixDryRun) {
    const fixed = await fixFiles(checked, io, Boolean(flags.fixDryRun), Boolean(flags.review))
    if (flags.fixDryRun) {
      io.stdout.write(fixed.diff || 'No safe swaps to make.\n')
      return unmatched.length > 0 ? 2 : finish(toReport(results, VERSION), gates, io)
    }
    // Check the changed files again, so the report shows what is left.
    results = await Promise.all(
      results.map(async (result) =>
        fixed.changed.has(result.path) ? (await checkFileOnDisk(checked.settings, {absolute: checked.absolute.get(result.path)!, shown: result.path}, {maxFileSize: checked.options.maxFileSize})).result ?? result : result
      )
    )
  }

  let files = results
  if (flags.baseline) files = applyBaseline(files, await readBaseline(flags.baseline, io))
  const report = toReport(files, VERSION)

  for (const output of outputs) {
    const toFile = output.file !== undefined
    const options: ReporterOptions = {
      // Worked out only for a report that uses colour: asking whether stdout is a terminal may build process.stdout.
      get color() {
        return getColourLevel(toFile ? false : flags.color, io.env, Boolean(io.stdout.isTTY))
      },
      quiet: flags.quiet,
      showRepeats: flags.showRepeats,
      failOn: gates.failOn,
      views
    }
    // Every report comes in pieces, written as they come, a batch at a time.
    const pieces = batched(reporters[output.name](report, options))
    if (toFile) {
      try {
        writeReportFile(path.resolve(io.cwd, output.file!), pieces)
      } catch (error) {
        throw new UsageError(`cannot write the report to ${output.file} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`)
      }
      if (!flags.quiet) io.stderr.write(`plainly: wrote the ${REPORTER_TITLES[output.name]} report to ${output.file}\n`)
    } else {
      for (const piece of pieces) io.stdout.write(piece)
    }
  }
  const notWritten = flags.review ? await reviewCopies(files, checked, flags, io) : false
  const code = unmatched.length > 0 || notWritten ? 2 : finish(report, gates, io)
  // A run that wrote its report and nothing else, and ended without an error, can be replayed while nothing it read changes.
  const onlyReported = !flags.fix && !flags.fixDryRun && !flags.review && outputs.every((output) => output.file === undefined)
  if (checked.inputs && onlyReported && code !== 2) io.remember?.(checked.inputs)
  return code
}

/**
 * --review: a reviewed copy of each Word document beside it (see
 * batch/review.ts), with the findings the report shows. True when a copy
 * could not be written.
 */
async function reviewCopies(results: readonly FileResult[], checked: Checked, flags: CheckFlags, io: Io): Promise<boolean> {
  const words = results.filter((result) => result.format === 'docx')
  if (words.length === 0) io.stderr.write('plainly: --review makes a reviewed copy of Word documents (.docx) only, and none was checked\n')
  let failed = false
  for (const result of words.filter(needsReview)) {
    const absolute = checked.absolute.get(result.path)
    const view = checked.views.get(result.path)
    if (!absolute || !view) {
      io.stderr.write(`plainly: ${result.path}: a Word document read from standard input has no folder to write a reviewed copy in\n`)
      continue
    }
    try {
      const copy = await writeReviewedCopy({absolute, result, view}, {fix: flags.fix})
      const changes = copy.changes > 0 ? ` and ${plural(copy.changes, 'tracked change')}` : ''
      const unplaced = copy.unplaced > 0 ? ` (${plural(copy.unplaced, 'finding')} listed in the first comment, as ${copy.unplaced === 1 ? 'it' : 'they'} could not be marked in the text)` : ''
      if (!flags.quiet) io.stderr.write(`plainly: wrote the reviewed copy ${showPath(copy.absolute, io.cwd)}: ${plural(copy.comments, 'comment')}${changes}${unplaced}\n`)
    } catch (error) {
      failed = true
      io.stderr.write(`plainly: ${result.path}: cannot write the reviewed copy (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`)
    }
  }
  return failed
}

/** A report's pieces joined into batches of about 64K characters: fewer, larger writes. */
function* batched(pieces: Iterable<string>): Generator<string> {
  let batch: string[] = []
  let length = 0
  for (const piece of pieces) {
    batch.push(piece)
    length += piece.length
    if (length >= 65_536) {
      yield batch.join('')
      batch = []
      length = 0
    }
  }
  if (batch.length > 0) yield batch.join('')
}

/** The exit code from the gates; when the check fails, the last line says which gates failed and why. */
function finish(report: Report, gates: Gates, io: Io): number {
  const result = evaluateGates(report, gates)
  if (result.failed.length > 0) io.stderr.write(`Failed: ${result.failed.join('; ')}.\n`)
  return result.code
}

/**
 * Make the safe swaps. Only Markdown, text and HTML files are changed, never
 * one that could not be checked, and each is written atomically with its own
 * encoding, byte order mark and line endings.
 */
async function fixFiles(checked: Checked, io: Io, dryRun: boolean, review: boolean): Promise<{changed: Set<string>; diff: string}> {
  const changed = new Set<string>()
  let diff = ''
  let count = 0
  for (const result of checked.results) {
    const fixes = result.findings.flatMap((finding) => (finding.fix ? [finding.fix] : []))
    if (isConverted(result.format)) {
      // With --review, a Word document's swaps are tracked changes in its reviewed copy.
      const hint = result.format === 'docx' ? ' (add --review for a copy of it with the safe swaps as tracked changes)' : ''
      if (result.findings.length > 0 && !(review && result.format === 'docx')) io.stderr.write(`plainly: ${result.path}: plainly does not change Word or PDF files; the suggestions are in the report${hint}\n`)
      continue
    }
    const file = checked.absolute.get(result.path)
    if (!file) {
      if (fixes.length > 0) io.stderr.write(`plainly: ${result.path}: --fix does not change standard input\n`)
      continue
    }
    if (fixes.length === 0 || result.findings.some((finding) => finding.fatal)) continue
    const original = decodeDocument(await readFile(file), result.path)
    if (original.messages.some((message) => message.fatal)) continue
    const before = String(original)
    // The words must still be where they were found; otherwise the file changed since.
    const stale = result.findings.some((finding) => finding.fix && before.slice(finding.fix.range[0], finding.fix.range[1]) !== finding.actual)
    if (stale) {
      io.stderr.write(`plainly: ${result.path}: the file changed while it was being checked, so it was not fixed\n`)
      continue
    }
    const {text: after, applied} = applyFixes(before, fixes)
    if (after === before) continue
    count += applied
    changed.add(result.path)
    if (dryRun) {
      diff += createTwoFilesPatch(`a/${result.path}`, `b/${result.path}`, before, after, '', '', {context: 3})
    } else {
      const mode = (await stat(file)).mode & 0o7777
      await writeFileAtomic(file, encodeDocument(after, original.data.encoding ?? 'utf-8', original.data.bom ?? false), {mode})
    }
  }
  if (!dryRun && count > 0) io.stderr.write(`plainly: made ${count} safe ${count === 1 ? 'swap' : 'swaps'} in ${changed.size} ${changed.size === 1 ? 'file' : 'files'}\n`)
  return {changed, diff}
}

async function baseline(paths: string[], flags: CheckFlags, given: (name: string) => boolean, io: Io): Promise<number> {
  if (!flags.output) throw new UsageError('say where to write the baseline with --output', 'for example: plainly baseline docs/ --output plainly-baseline.json')
  const {results, unmatched} = await runChecks(paths, flags, given, io, false)
  const data = createBaseline(toReport(results, VERSION))
  await writeFileAtomic(path.resolve(io.cwd, flags.output), `${JSON.stringify(data, null, 2)}\n`)
  io.stderr.write(`plainly: recorded ${data.entries.length} ${data.entries.length === 1 ? 'finding' : 'findings'} from ${results.length} ${results.length === 1 ? 'file' : 'files'} in ${flags.output}\n`)
  return unmatched.length > 0 ? 2 : 0
}

async function init(flags: {force?: boolean}, io: Io): Promise<number> {
  const file = path.join(io.cwd, '.plainlyrc.yml')
  if (existsSync(file) && !flags.force) throw new UsageError('there is already a .plainlyrc.yml here', 'add --force to replace it')
  await writeFileAtomic(file, STARTER_CONFIG)
  io.stdout.write('Wrote .plainlyrc.yml. Edit it to suit your documents.\n')
  return 0
}

function parseOutputs(flags: CheckFlags, io: Io): Output[] {
  const requested = flags.format ?? [io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'terminal']
  const outputs = requested.map((value): Output => {
    const colon = value.indexOf(':')
    const name = colon === -1 ? value : value.slice(0, colon)
    if (!(REPORTER_NAMES as string[]).includes(name)) {
      throw new UsageError(`unknown format "${name}" (formats: ${REPORTER_NAMES.join(', ')})`)
    }
    const file = colon === -1 ? undefined : value.slice(colon + 1)
    if (file === '') throw new UsageError(`--format ${name}: give a file name after the colon, such as ${name}:report.${name}`)
    return {name: name as ReporterName, file}
  })
  if (flags.output) {
    if (outputs.length > 1) throw new UsageError('--output works with one format; for several, use --format name:file')
    outputs[0]!.file ??= flags.output
  }
  if (outputs.filter((output) => output.file === undefined).length > 1) {
    throw new UsageError('only one format can go to the screen; write the others to files with --format name:file')
  }
  return outputs
}

async function readBaseline(file: string, io: Io): Promise<Baseline> {
  let data: unknown
  try {
    data = JSON.parse(await readFile(path.resolve(io.cwd, file), 'utf8'))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UsageError(`${file}: ${code === 'ENOENT' ? 'cannot find this baseline file' : code ? `cannot read this baseline file (${code})` : 'this baseline file is not valid JSON'}`)
  }
  const problem = checkBaseline(data)
  if (problem) throw new UsageError(`${file}: ${problem}`)
  return data as Baseline
}

export function parseTargetAge(value: string): TargetAge {
  const target = parseTarget(value)
  if (!target) throw new UsageError(`--target-age must be an age such as 11, or a range such as 9-11 (got "${value}")`)
  return target
}

function parseCount(value: string, flag: string, lowest: number): number {
  const number = Number(value)
  if (!/^\d+$/.test(value.trim()) || number < lowest) {
    throw new UsageError(`${flag} must be a whole number${lowest > 0 ? ` of ${lowest} or more` : ''} (got "${value}")`)
  }
  return number
}

function fail(error: unknown, io: Io, debug: boolean): number {
  if (error instanceof GlossaryError) {
    for (const problem of error.problems) io.stderr.write(`plainly: glossary problem: ${formatProblem(problem)}\n`)
    io.stderr.write('plainly: fix the glossary and run the check again\n')
  } else if (error instanceof ConfigError) {
    io.stderr.write(`plainly: settings problem: ${error.message}\n`)
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
