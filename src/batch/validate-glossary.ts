/**
 * `plainly glossary validate`: everything that can be wrong with glossary
 * files, each problem naming the file and line.
 * - schema errors (unknown keys, missing fields, duplicate ids…);
 * - the same term in two entries with different ids, across files and layers
 *   (a later layer should reuse the id to replace an entry);
 * - alternatives (and acronyms' spelled-out names) that plainly itself
 *   would flag, by another entry, a wordy phrase or an acronym;
 * - examples that do not behave (a "flag" sentence not flagged, a "pass"
 *   sentence flagged).
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {createChecker} from '../core/checker.js'
import {compileGlossary, type CompiledGlossary, type TrieNode} from '../glossary/compile.js'
import {PLAINLY_RULES} from '../core/rules.js'
import {exactWord, normaliseWord, termVariants} from '../glossary/normalise.js'
import {phrasesWithEntries} from '../glossary/lookup.js'
import {GlossaryError} from '../glossary/problems.js'
import type {GlossaryEntry, GlossaryProblem, LayerEntry} from '../glossary/types.js'
import {availablePacks, loadEnglishData, loadLayers, SHIPPED_GLOSSARY_DIR} from '../io/glossary-files.js'
import {SIMPLIFY_LIST_FILE_NAME} from '../glossary/simplify-list.js'
import {SIMPLIFY_OFF_FILE_NAME} from '../glossary/simplify-off.js'
import {simplifyRule} from '../plugins/retext-simplify-suggestions.js'
import {simplifyRuleId} from '../plugins/simplify-phrases.js'

export interface ValidateOptions {
  /** Files to validate, layered over the shipped glossary. Default: the shipped glossary and every pack. */
  files?: readonly string[]
  cwd?: string
}

export async function validateGlossary(options: ValidateOptions = {}): Promise<GlossaryProblem[]> {
  const cwd = options.cwd ?? process.cwd()
  // Each set is validated as the layers a user would run: shipped, then the extra files.
  const sets: Array<{packs: string[]; layers: string[]}> = options.files?.length
    ? [{packs: [], layers: [...options.files]}]
    : [{packs: [], layers: []}, ...availablePacks().map((pack) => ({packs: [pack], layers: []}))]

  // Each problem once, however many sets it is found in.
  const problems = new Map<string, GlossaryProblem>()
  const add = (problem: GlossaryProblem) => {
    const key = `${problem.file}:${problem.line}:${problem.message}`
    if (!problems.has(key)) problems.set(key, problem)
  }

  for (const set of sets) {
    let loaded: ReturnType<typeof loadLayers>
    try {
      loaded = loadLayers({packs: set.packs, layers: set.layers, cwd})
    } catch (error) {
      if (error instanceof GlossaryError) {
        error.problems.forEach(add)
        continue
      }
      throw error
    }
    for (const problem of duplicateTerms(loaded.asWritten)) add(problem)
    // The set's shipped files (the glossary and its packs), as its entries name them; any other file is a team's.
    const shipped = new Set(loadLayers({packs: set.packs, layers: [], cwd}).entries.map((entry) => entry.file))
    for (const problem of await flaggedAlternatives(loaded, shipped)) add(problem)
    for (const problem of await failingExamples(loaded)) add(problem)
  }
  return [...problems.values()]
}

/**
 * Terms that another entry (with a different id) already matches, in any of
 * its forms: "stakeholders" in a team glossary is already matched by the
 * shipped "stakeholder". Reported on the later entry, in layer order.
 */
function duplicateTerms(asWritten: readonly LayerEntry[]): GlossaryProblem[] {
  const problems: GlossaryProblem[] = []
  const ordered = asWritten.filter((entry): entry is GlossaryEntry => !('disabled' in entry))
  const glossary = compileGlossary(ordered, {english: loadEnglishData()})
  const position = new Map(ordered.map((entry, index) => [entry, index]))
  ordered.forEach((entry, index) => {
    for (const term of [...entry.terms, ...entry.forms]) {
      const earlier = entriesMatching(glossary, term).find((other) => other.id !== entry.id && position.get(other)! < index)
      if (earlier) {
        problems.push({
          file: entry.file,
          line: entry.line,
          message: `the term "${term}" of "${entry.id}" is already matched by "${earlier.id}" (${earlier.file}:${earlier.line}); use one entry, or reuse the id "${earlier.id}" to replace it`
        })
      }
    }
  })
  return problems
}

/** Every entry whose terms (in any form) match the whole of `term`. */
function entriesMatching(glossary: CompiledGlossary, term: string): GlossaryEntry[] {
  const found: GlossaryEntry[] = []
  for (const words of termVariants(term)) {
    let node: TrieNode | undefined = glossary.root
    for (const word of words) node = node?.next.get(normaliseWord(word))
    for (const terminal of node?.ends ?? []) {
      if (terminal.exact && terminal.exact.join(' ') !== words.map((word) => exactWord(word)).join(' ')) continue
      if (!found.includes(terminal.entry)) found.push(terminal.entry)
    }
  }
  return found
}

/**
 * Alternatives that plainly itself would flag, by another entry, a wordy
 * phrase or an acronym: advice that sends the writer round in a circle. Each
 * alternative is checked as a writer would use it, by the same checker as a
 * document; an acronym's spelled-out name as "name (ACR)", as style guides
 * ask, so a term explained by that bracket is not counted. When a team's
 * entry flags shipped advice, the problem is reported on the team's entry.
 */
async function flaggedAlternatives(loaded: ReturnType<typeof loadLayers>, shipped: ReadonlySet<string>): Promise<GlossaryProblem[]> {
  const checker = createChecker({data: {...loadEnglishData(), ...loaded}, settings: {hardest: 0}})
  const problems: GlossaryProblem[] = []
  const byRule = new Map(loaded.entries.map((entry) => [`jargon/${entry.id}`, entry]))
  /** The rules about words that flag `text`, other than those `mine` accepts. */
  const flaggedBy = async (text: string, mine: (ruleId: string) => boolean) => {
    const {result} = await checker.check({path: 'alternative.txt', text})
    return new Set(result.findings.filter((finding) => PLAINLY_RULES.aboutOf(finding.ruleId) === 'words' && !mine(finding.ruleId)).map((finding) => finding.ruleId))
  }
  /** The entry of a team's file behind a rule, if any: that entry is the one the team can change. */
  const teamEntry = (ruleId: string) => {
    const entry = byRule.get(ruleId)
    return entry && !shipped.has(entry.file) ? entry : undefined
  }
  // Two names of one body that was replaced (CCG and clinical commissioning group) may offer each other.
  const sameBody = (entry: GlossaryEntry, ruleId: string) => entry.replaced !== undefined && byRule.get(ruleId)?.replaced?.by === entry.replaced.by
  for (const entry of loaded.entries) {
    for (const alternative of entry.alternatives) {
      const text = `${entry.acronym ? `${alternative} (${entry.terms[0]})` : alternative}.`
      for (const ruleId of await flaggedBy(text, (rule) => rule === `jargon/${entry.id}` || sameBody(entry, rule))) {
        // A shipped entry's advice flagged by a team's entry: reported on the team's entry.
        const team = shipped.has(entry.file) ? teamEntry(ruleId) : undefined
        if (team) {
          problems.push({
            file: team.file,
            line: team.line,
            message: `"${team.id}" flags "${alternative}", which the shipped entry "${entry.id}" offers: change the entry, or reuse the id "${entry.id}" to replace that entry`
          })
        } else {
          problems.push({
            file: entry.file,
            line: entry.line,
            message: `the ${entry.acronym ? 'spelled-out name' : 'alternative'} "${alternative}" of "${entry.id}" is itself flagged by "${ruleId}"`
          })
        }
      }
    }
  }
  // The same for retext-simplify's phrases: a wordy phrase must not be told to become another flagged word.
  const english = loadEnglishData()
  // Phrases switched off, or judged by a glossary entry for the same words, are never suggested.
  const off = new Set([...english.simplifyOff, ...phrasesWithEntries(compileGlossary(loaded.entries, {english}), english.simplifyPhrases)])
  const listFile = `glossary/${SIMPLIFY_LIST_FILE_NAME}`
  const listLines = simplifyListLines()
  for (const pattern of english.simplifyPhrases) {
    if (off.has(pattern.phrase.toLowerCase())) continue
    const own = `${simplifyRule.id}/${simplifyRuleId(pattern.phrase)}`
    for (const alternative of pattern.replace) {
      for (const ruleId of await flaggedBy(`${alternative}.`, (rule) => rule === own)) {
        // A team's entry that flags the suggestion is the team's to change: the shipped list is not theirs.
        const team = teamEntry(ruleId)
        if (team) {
          problems.push({
            file: team.file,
            line: team.line,
            message: `"${team.id}" flags "${alternative}", which retext-simplify suggests for the wordy phrase "${pattern.phrase}": change the entry, or switch the phrase off with rules: {${own}: off} in your settings`
          })
        } else {
          problems.push({
            file: listFile,
            line: listLines.get(pattern.phrase),
            message: `the suggestion "${alternative}" for the wordy phrase "${pattern.phrase}" is itself flagged by "${ruleId}": drop it in glossary/${SIMPLIFY_OFF_FILE_NAME}`
          })
        }
      }
    }
  }
  return problems
}

/** The line of each phrase in glossary/retext-simplify.json (one phrase a line). */
function simplifyListLines(): Map<string, number> {
  const lines = new Map<string, number>()
  readFileSync(path.join(SHIPPED_GLOSSARY_DIR, SIMPLIFY_LIST_FILE_NAME), 'utf8')
    .split('\n')
    .forEach((text, index) => {
      const phrase = /^\s*\{"phrase":("(?:[^"\\]|\\.)*")/.exec(text)?.[1]
      if (phrase) lines.set(JSON.parse(phrase) as string, index + 1)
    })
  return lines
}

async function failingExamples(loaded: ReturnType<typeof loadLayers>): Promise<GlossaryProblem[]> {
  const checker = createChecker({data: {...loadEnglishData(), ...loaded}, settings: {simplify: false, hardest: 0}})
  const problems: GlossaryProblem[] = []
  for (const entry of loaded.entries) {
    for (const [kind, sentences] of [['flag', entry.examples.flag], ['pass', entry.examples.pass]] as const) {
      for (const sentence of sentences) {
        const {result} = await checker.check({path: 'example.txt', text: sentence})
        const flagged = result.findings.some((finding) => finding.ruleId === `jargon/${entry.id}`)
        if (kind === 'flag' && !flagged) problems.push({file: entry.file, line: entry.line, message: `the example "${sentence}" should be flagged by "${entry.id}" but is not`})
        if (kind === 'pass' && flagged) problems.push({file: entry.file, line: entry.line, message: `the example "${sentence}" should pass but is flagged by "${entry.id}"`})
      }
    }
  }
  return problems
}
