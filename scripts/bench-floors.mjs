#!/usr/bin/env node
/**
 * The benchmark's floors (scripts/bench.mjs): small commands that only parse,
 * with no checks, built and started exactly as plainly is, so that "plainly ÷
 * floor" compares the checks and nothing else.
 *
 *   prose             new ParseEnglish(), parser.parse(text) per file: how
 *                     plainly parses plain text (src/core/chunks.ts, units.ts)
 *   markdown          unified + remark-parse + remark-gfm + remark-frontmatter
 *                     (yaml, toml), processor.parse(text) per file: how plainly
 *                     parses Markdown
 *   markdown-nlcst    the same, then mdast → nlcst with parse-english, once over
 *                     each whole file (what remark-retext does): with
 *                     mdast-util-to-nlcst's toNlcst when that package is
 *                     installed, else plainly's own port of it
 *                     (dist/core/mdast-units.js)
 *   prose-least       not a floor but a yardstick for issue #19: the prose
 *                     floor plus the least of plainly's own work, done with
 *                     plainly's own functions (dist/, so npm run build first):
 *                     the shipped glossary loaded, then for each sentence its
 *                     reading counts, the hard-sentence vote and the glossary
 *                     matches, and a JSON report of those findings written
 *                     to a file. No tagger, no names, quotes, acronyms,
 *                     explain-once or context rules, no wordy phrases, no long
 *                     sentences, no unified pipeline or messages: what is left
 *                     when all of that costs nothing.
 *   prose-reading     a yardstick too: the prose floor, then only each
 *                     sentence's reading counts and hard-sentence vote, in
 *                     one tight loop over the words (each word's facts are
 *                     plainly's own, dist/plugins/word-facts.js, worked out
 *                     once per distinct word and kept in a Map; the vote is
 *                     plainly's own countVotes and listVotes), and a JSON
 *                     report. Given --facts=<file> first, it starts from a
 *                     table of word facts made beforehand by a run with
 *                     --make-facts=<file> over the same files: what reading
 *                     counts cost when no word's facts need working out.
 *
 * Each floor is a small ES module exporting run(paths), written to the
 * benchmark's temporary folder, and is:
 * 1. bundled with esbuild-wasm using the options plainly's bundle is made with
 *    (LOADABLE from scripts/bundle.mjs), made ASCII with asciiOnly();
 * 2. trained: a fresh Node process loads it with bin/load-bundle.js (no code
 *    cache yet), runs it over the examples in examples/ (as plainly's own
 *    training run does) and writes V8's code cache to `${bundle}.v8-cache`;
 * 3. started by a tiny CommonJS launcher that loads it with bin/load-bundle.js,
 *    with that code cache, as bin/plainly.js loads plainly.
 * run(paths) writes "<files> <nodes>" (files parsed, nodes in their trees)
 * straight to standard output's file descriptor, as plainly writes its report.
 *
 * Run as a script, this file is the training run:
 *   node scripts/bench-floors.mjs --train <bundle> <files...>
 */
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const REPO = fileURLToPath(new URL('..', import.meta.url))
const LOADER = path.join(REPO, 'bin/load-bundle.js')
const SELF = fileURLToPath(import.meta.url)

/** What each floor does, for the report. */
export const FLOORS = {
  prose: {label: 'floor: parse-english (as plainly parses prose), no checks', markdown: false},
  markdown: {label: 'floor: remark-parse + GFM + front matter (as plainly parses Markdown), no checks', markdown: true},
  'markdown-nlcst': {label: 'floor: the same Markdown parse, then mdast → nlcst (parse-english), no checks', markdown: true},
  'prose-least': {label: "least work: the prose floor, then plainly's own reading counts, hard-sentence vote and glossary matching, one JSON report", markdown: false},
  'prose-reading': {label: 'reading counts alone: the prose floor, then reading counts and the hard-sentence vote in one tight loop, one JSON report', markdown: false}
}

/** plainly's own module in dist/, for the least-work yardstick. */
const dist = (file) => JSON.stringify(path.join(REPO, 'dist', file))

/**
 * dist/ modules find their data from import.meta.url (../../glossary/, the
 * shipped data): in a bundle elsewhere, each keeps the URL of its own file.
 */
const ownUrls = {
  name: 'own-urls',
  setup(build) {
    build.onLoad({filter: /\.js$/, namespace: 'file'}, (args) => {
      if (!args.path.startsWith(path.join(REPO, 'dist') + path.sep)) return undefined
      const url = JSON.stringify(pathToFileURL(args.path).href)
      return {contents: fs.readFileSync(args.path, 'utf8').replaceAll('import.meta.url', url), loader: 'js'}
    })
  }
}

/** Count the nodes of a tree, and write "<files> <nodes>" to file descriptor 1. */
const COMMON = `import {readFileSync, writeFileSync, writeSync} from 'node:fs'

function count(node) {
  let nodes = 1
  if (node.children) for (const child of node.children) nodes += count(child)
  return nodes
}

function report(files, nodes) {
  writeSync(1, files + ' ' + nodes + '\\n')
  return {files, nodes}
}
`

const MARKDOWN = `import {unified} from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import remarkFrontmatter from 'remark-frontmatter'

const markdown = () => unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml'])
`

/**
 * The mdast → nlcst step: mdast-util-to-nlcst when installed, else plainly's
 * port (which needs dist/, from npm run build). undefined when neither is there.
 */
export function floorConverter() {
  try {
    return {name: 'mdast-util-to-nlcst', file: fileURLToPath(import.meta.resolve('mdast-util-to-nlcst'))}
  } catch {
    const port = path.join(REPO, 'dist/core/mdast-units.js')
    return fs.existsSync(port) ? {name: "plainly's port of mdast-util-to-nlcst (dist/core/mdast-units.js)", file: port} : undefined
  }
}

/** The entry module of a floor: exports run(paths). */
function entrySource(kind, converter) {
  if (kind === 'prose') {
    return `${COMMON}import {ParseEnglish} from 'parse-english'

export function run(paths) {
  const parser = new ParseEnglish()
  let nodes = 0
  for (const path of paths) nodes += count(parser.parse(readFileSync(path, 'utf8')))
  return report(paths.length, nodes)
}
`
  }
  if (kind === 'markdown') {
    return `${COMMON}${MARKDOWN}
export function run(paths) {
  const processor = markdown()
  let nodes = 0
  for (const path of paths) nodes += count(processor.parse(readFileSync(path, 'utf8')))
  return report(paths.length, nodes)
}
`
  }
  if (kind === 'prose-least') {
    return `${COMMON}import {ParseEnglish} from 'parse-english'
import {loadGlossary} from ${dist('io/glossary-files.js')}
import {matchTokens} from ${dist('glossary/match.js')}
import {isHardSentence, voteSettings} from ${dist('plugins/readability-vote.js')}
import {tokensOf} from ${dist('plugins/retext-jargon.js')}
import {countSentence} from ${dist('plugins/sentence-counts.js')}
import {sentencesOf} from ${dist('plugins/words.js')}

/** Where the report goes: beside this bundle (__filename is the bundle's). */
const REPORT = __filename.replace(/\\.cjs$/, '') + '.report.json'

export function run(paths) {
  const glossary = loadGlossary()
  const parser = new ParseEnglish()
  const vote = voteSettings({age: 11, threshold: 6 / 7, minWords: 8})
  const files = []
  let nodes = 0
  for (const path of paths) {
    const tree = parser.parse(readFileSync(path, 'utf8'))
    nodes += count(tree)
    const totals = {words: 0, sentences: 0, syllables: 0, polysyllables: 0, letters: 0, complexWords: 0}
    const findings = []
    for (const sentence of sentencesOf(tree)) {
      const counts = countSentence(sentence)
      for (const key of Object.keys(totals)) totals[key] += counts[key]
      const {start, end} = sentence.position
      if (isHardSentence(sentence, vote)) findings.push({ruleId: 'hard-sentence', severity: 'info', message: 'hard to read', line: start.line, column: start.column, endLine: end.line, endColumn: end.column})
      const tokens = tokensOf(sentence)
      for (const match of matchTokens(tokens, glossary)) {
        const {entry} = match
        const first = tokens[match.from].start
        const last = tokens[match.to - 1].end
        findings.push({ruleId: 'jargon/' + entry.id, severity: entry.severity, message: match.term + ': ' + entry.alternatives.join(', '), actual: match.term, expected: entry.alternatives, note: entry.note ?? null, line: first.line, column: first.column, endLine: last.line, endColumn: last.column})
      }
    }
    files.push({path, totals, findings})
  }
  writeFileSync(REPORT, JSON.stringify({files}, null, 2) + '\\n')
  return report(paths.length, nodes)
}
`
  }
  if (kind === 'prose-reading') {
    return `${COMMON}import {ParseEnglish} from 'parse-english'
import {countVotes, listVotes} from ${dist('plugins/readability-vote.js')}
import {wordFacts} from ${dist('plugins/word-facts.js')}
import {sentencesOf, textOf} from ${dist('plugins/words.js')}

const REPORT = __filename.replace(/\\.cjs$/, '') + '.report.json'
// As plainly's hard-sentence vote is set (src/plugins/readability-vote.ts, age 11, 6 of 7 formulas, 8 words).
const AGE = 11
const THRESHOLD = 6 / 7
const MIN_WORDS = 8

// Each distinct word's facts as one small array:
// [counted, syllables, letters, complex, capital, voteSyllables, length, voteComplex, caseless, easy, familiar]
let facts = new Map()
function factsOf(value) {
  let known = facts.get(value)
  if (known === undefined) {
    const word = wordFacts(value)
    known = [+word.counted, word.syllables, word.letters, +word.complex, +word.capital, word.voteSyllables, word.length, +word.voteComplex, word.caseless, +word.easy, +word.familiar]
    facts.set(value, known)
  }
  return known
}
const valueOf = (word) => (word.children.length === 1 && word.children[0].type === 'TextNode' ? word.children[0].value : textOf(word))

/** Count the sentence's difficult and unfamiliar words for the Dale–Chall and Spache votes: each easy (familiar) word once. */
function countListWords(sentence, words, counts) {
  const easy = new Set()
  const familiar = new Set()
  for (const node of sentence.children) {
    if (node.type !== 'WordNode') continue
    const word = factsOf(valueOf(node))
    if (word[10] === 1) familiar.add(word[8])
    if (word[9] === 1) easy.add(word[8])
  }
  counts.difficultWord = words - easy.size
  counts.unfamiliarWord = words - familiar.size
}

export function run(args) {
  const load = args[0]?.startsWith('--facts=') ? args[0].slice(8) : undefined
  const make = args[0]?.startsWith('--make-facts=') ? args[0].slice(13) : undefined
  const paths = load || make ? args.slice(1) : args
  if (load) facts = new Map(Object.entries(JSON.parse(readFileSync(load, 'utf8'))))
  const parser = new ParseEnglish()
  const files = []
  let nodes = 0
  for (const path of paths) {
    const tree = parser.parse(readFileSync(path, 'utf8'))
    nodes += count(tree)
    let words = 0, sentences = 0, syllables = 0, polysyllables = 0, letters = 0, complexWords = 0
    const findings = []
    for (const sentence of sentencesOf(tree)) {
      // The vote counts every word; reading counts only those with a letter or digit.
      let voteWords = 0, voteSyllables = 0, characters = 0, voteLong = 0, voteComplex = 0, counted = 0
      for (const node of sentence.children) {
        if (node.type !== 'WordNode') continue
        const word = factsOf(valueOf(node))
        voteWords++
        voteSyllables += word[5]
        characters += word[6]
        if (word[5] >= 3) voteLong++
        voteComplex += word[7]
        if (word[0] !== 1) continue
        const index = counted++
        syllables += word[1]
        letters += word[2]
        if (word[1] < 3) continue
        polysyllables++
        if (word[3] === 1 && !(index > 0 && word[4] === 1)) complexWords++
      }
      words += counted
      if (counted > 0) sentences++
      if (voteWords < MIN_WORDS) continue
      const counts = {character: characters, complexPolysillabicWord: voteComplex, difficultWord: 0, letter: characters, polysillabicWord: voteLong, sentence: 1, syllable: voteSyllables, unfamiliarWord: 0, word: voteWords}
      // plainly's own vote (src/plugins/readability-vote.ts), given these counts.
      const votes = countVotes(counts, AGE)
      if ((votes + 2) / 7 < THRESHOLD) continue
      countListWords(sentence, voteWords, counts)
      if ((votes + listVotes(counts, AGE)) / 7 < THRESHOLD) continue
      const {start, end} = sentence.position
      findings.push({ruleId: 'hard-sentence', severity: 'info', message: 'hard to read', line: start.line, column: start.column, endLine: end.line, endColumn: end.column})
    }
    files.push({path, totals: {words, sentences, syllables, polysyllables, letters, complexWords}, findings})
  }
  writeFileSync(REPORT, JSON.stringify({files}, null, 2) + '\\n')
  if (make) writeFileSync(make, JSON.stringify(Object.fromEntries(facts)))
  return report(paths.length, nodes)
}
`
  }
  if (kind !== 'markdown-nlcst') throw new Error(`bench-floors: unknown floor "${kind}"`)
  const convert =
    converter.name === 'mdast-util-to-nlcst'
      ? `import {toNlcst} from ${JSON.stringify(converter.file)}
const toTree = (tree, file) => toNlcst(tree, file, ParseEnglish)`
      : `import {unitToParagraphs} from ${JSON.stringify(converter.file)}
import {location} from 'vfile-location'
// Over the whole file at once, as mdast-util-to-nlcst's toNlcst does.
const toTree = (tree, file) => ({type: 'RootNode', children: unitToParagraphs({doc: String(file), place: location(file), parser: new ParseEnglish()}, tree)})`
  return `${COMMON}${MARKDOWN}import {ParseEnglish} from 'parse-english'
import {VFile} from 'vfile'
${convert}

export function run(paths) {
  const processor = markdown()
  let nodes = 0
  for (const path of paths) {
    const file = new VFile({path, value: readFileSync(path, 'utf8')})
    nodes += count(toTree(processor.parse(file), file))
  }
  return report(paths.length, nodes)
}
`
}

/**
 * Build, train and wrap one floor in `dir`. `trainFiles` are the files of
 * the training run. Returns {kind, label, bundle, launcher, command, bytes,
 * cacheBytes, converter} (converter: the mdast → nlcst step, for
 * markdown-nlcst), or undefined when markdown-nlcst has no converter.
 */
export async function buildFloor(kind, {dir, trainFiles}) {
  const {LOADABLE, asciiOnly} = await import('./bundle.mjs')
  const converter = kind === 'markdown-nlcst' ? floorConverter() : undefined
  if (kind === 'markdown-nlcst' && !converter) return undefined
  fs.mkdirSync(dir, {recursive: true})
  const entry = path.join(dir, `floor-${kind}.mjs`)
  const bundle = path.join(dir, `floor-${kind}.cjs`)
  const launcher = path.join(dir, `floor-${kind}-run.cjs`)
  fs.writeFileSync(entry, entrySource(kind, converter))
  const esbuild = await import('esbuild-wasm')
  const result = await esbuild.build({
    absWorkingDir: REPO,
    entryPoints: [entry],
    outfile: bundle,
    bundle: true,
    // The entry is in the temporary folder: its packages are the repository's.
    nodePaths: [path.join(REPO, 'node_modules')],
    // As in plainly's bundle (the banner sets __plainlyUrl), should a package ask for it.
    define: {'import.meta.url': '__plainlyUrl'},
    ...LOADABLE,
    metafile: true,
    // As plainly's bundle is made: the tagger's data replaced by its smaller files (never run here).
    ...(kind === 'prose-least' || kind === 'prose-reading' ? {plugins: [ownUrls], alias: (await import('./pos-aliases.mjs')).POS_ALIASES_FILE} : {})
  })
  fs.writeFileSync(bundle, asciiOnly(fs.readFileSync(bundle, 'utf8')))
  const left = Object.values(result.metafile.outputs).flatMap((output) => output.imports.filter((item) => item.kind === 'dynamic-import'))
  if (left.length > 0) throw new Error(`bench-floors: import() of ${left.map((item) => item.path).join(', ')} left in the ${kind} floor`)
  // The training run, in a fresh process as plainly's is (scripts/bundle.mjs --train).
  const trained = spawnSync(process.execPath, [SELF, '--train', bundle, ...trainFiles], {encoding: 'utf8'})
  if (trained.status !== 0) throw new Error(`bench-floors: the ${kind} floor's training run failed: ${trained.stderr.trim().split('\n').slice(-3).join(' / ')}`)
  fs.writeFileSync(
    launcher,
    `'use strict'
// The ${kind} floor, loaded as bin/plainly.js loads plainly: bin/load-bundle.js, with its V8 code cache.
const {bundle, cached} = require(${JSON.stringify(LOADER)}).loadBundle({file: ${JSON.stringify(bundle)}})
if (!cached) process.stderr.write('floor: the code cache was not used\\n')
bundle.run(process.argv.slice(2))
// As bin/plainly.js does once its output is written: skip Node's usual tear-down.
process.exit()
`
  )
  return {
    kind,
    label: FLOORS[kind].label,
    bundle,
    launcher,
    command: [process.execPath, launcher],
    bytes: fs.statSync(bundle).size,
    cacheBytes: fs.statSync(`${bundle}.v8-cache`).size,
    converter: converter?.name
  }
}

/** The training run: load the bundle with no code cache, run it over the files, store V8's compiled code. */
function train(bundle, files) {
  if (files.length === 0) throw new Error('bench-floors: the training run needs files')
  const {loadBundle} = createRequire(import.meta.url)(LOADER)
  const {bundle: floor, script} = loadBundle({file: bundle, codeCache: false})
  const result = floor.run(files)
  if (result?.files !== files.length || !(result.nodes > 0)) throw new Error(`bench-floors: the training run parsed ${result?.files} files (${result?.nodes} nodes), expected ${files.length}`)
  fs.writeFileSync(`${bundle}.v8-cache`, script.createCachedData())
}

if (process.argv[1] && SELF === path.resolve(process.argv[1]) && process.argv[2] === '--train') {
  train(process.argv[3], process.argv.slice(4))
}
