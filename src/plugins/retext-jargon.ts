/**
 * retext-jargon: find glossary terms in the words of each sentence and add
 * a finding for each, with the plain alternatives and the reason.
 *
 * Per document it also remembers what has been explained:
 * - an acronym spelled out once ("integrated care board (ICB)" or
 *   "ICB (integrated care board)") is silent from then on;
 * - a term that must be explained (`explain: true`) is silent once the
 *   document explains it: a bracket straight after it, "means", a colon or
 *   dash, or the plain words first with the term in brackets after them;
 * - any other term is silent once a bracket straight after it gives one of
 *   its own plain alternatives ("menstruating (having a period)");
 * - any other acronym that readers may not know (not in the known list) is
 *   flagged the first time it is used without being spelled out; numbered
 *   labels of one kind ("SR2", "SR3") count as one, and letters and digits
 *   in a reference code ("PUB24/05/7.1") are not an acronym;
 * - a question the text answers ("What is a lumbar puncture?") explains
 *   its term there, and a use just before it in the same section: such
 *   findings wait until the section ends (at the next heading, or the end
 *   of the piece of a long document: a question just after a piece's end
 *   does not reach back), as findings in a heading wait for the section
 *   under it to explain them.
 *
 * A glossary word is not flagged where it is not the writer's own prose:
 * - inside a name or title written in capitals ("the Quality Assurance
 *   Committee"): a run of two or more capitalised words, with small joining
 *   words (language.yml nameWords) between them; headings and table cells
 *   are written in capitals for another reason, so they are still checked,
 *   and so is a term the glossary itself writes with capitals ("Local
 *   Offer"), which is a name worth explaining;
 * - quoted as a word ("the word ‘power’", 'called an ‘INR’');
 * - an acronym in the bracket that spells it out, or just before it;
 * - a word that names the document's own kind (`documentKind`, such as
 *   "Easy Read"), in a document of that kind: set by the settings' profile,
 *   or by the document naming itself in a heading or in a sentence near its
 *   start that begins with "This" (language.yml selfNaming);
 * - an entry that means one part of speech (`pos: verb`) where the words
 *   are used as another ("our focus" is a noun).
 */
import type {Root, Sentence, Word} from 'nlcst'
import type {VFile} from 'vfile'
import type {CompiledGlossary} from '../glossary/compile.js'
import {isAcronymLike, singularAcronym, spellsOut} from '../glossary/acronyms.js'
import {isEverydayWord} from '../glossary/everyday-words.js'
import {matchTokens, type Token, type WordToken} from '../glossary/match.js'
import {contextOf, exactWord, focusOf, normaliseWord} from '../glossary/normalise.js'
import type {GlossaryEntry} from '../glossary/types.js'
import type {RuleMeta} from '../types.js'
import type {Check} from './check.js'
import {replacementFor} from './fix.js'
import {addFinding, flatten, messageCache, orList, quote} from './messages.js'
import {countBefore} from '../shared/arrays.js'
import {sentencesOf, textOf} from './words.js'
import {loadTagger, partOfSpeechAt, type Tagger} from './pos.js'
import {inNameInProse, isHeading, isShortLine, quotedAsWord} from './context.js'
import {curlyQuotes} from '../shared/quotes.js'

export const jargonRule: RuleMeta = {
  id: 'jargon',
  family: true,
  title: 'Jargon',
  severity: 'warning',
  description: 'A word or phrase from the glossary, with plainer words to use and why. Each entry is a rule: jargon/<entry id>, and sets its own severity.',
  example: {flag: 'We will leverage our assets.', pass: 'We will use what we have.'},
  options: {glossaries: 'team glossaries to add', packs: 'optional glossary packs to switch on', allow: 'words not to flag'}
}

export const acronymRule: RuleMeta = {
  id: 'acronym',
  title: 'Acronym not spelled out',
  severity: 'suggestion',
  description: 'An acronym that readers may not know, the first time it is used without being spelled out.',
  example: {flag: 'Speak to the LMC.', pass: 'Speak to the local medical committee (LMC).'}
}

export const jargonCheck: Check = {rules: [jargonRule, acronymRule], plugin: ({glossary, options}) => [retextJargon, {glossary, documentKind: options.profile}]}

export interface JargonOptions {
  glossary: CompiledGlossary
  /** The kind of document (the settings' profile, such as easy-read): entries that name it are not flagged. */
  documentKind?: string
}

/** A document names its own kind ("This is an Easy Read guide") in its first few sentences, or in a heading. */
const OPENING_SENTENCES = 3


const NOTE_ACRONYM =
  'Many readers do not know what an acronym stands for. Write it out in full the first time, with the acronym in brackets after it if you need it later.'
const INVISIBLE = /^[\u00AD\u200B-\u200D\u2060\uFEFF]+$/
// Made once, not in the functions that run for every word (a literal there is a new object each time).
const CAPITALS_ONLY = /^[A-Z\d&]+$/
const CAPITAL = /[A-Z]/
const HYPHEN = /^[-\u2010\u2011]$/

interface DocumentState {
  /** Acronyms spelled out so far (singular, exact capitals). */
  defined: Set<string>
  explained: Set<string>
  flagged: Set<string>
  /** Acronyms whose names were looked for earlier in the document. */
  searched: Set<string>
  /** Kinds of document this one has named itself as. */
  kinds: Set<string>
  /** Sentences seen so far. */
  sentences: number
  /**
   * Findings on a term to explain or an acronym, kept until the section they
   * are in has ended. One in a heading is dropped when the section under it
   * explains the term ("What PIP is for" / "Personal Independence Payment
   * (PIP) can help…"); one in prose when the section, or the heading that
   * follows it, asks about the term ("… requested a lumbar puncture." / "What
   * is a lumbar puncture?").
   */
  pending: PendingFinding[]
  /** Entries and acronyms asked about ("What is…?") since pending prose findings were last settled. */
  asked: Set<string>
}

interface PendingFinding {
  message: VFile['messages'][number]
  /** The entry to explain, or the acronym to spell out (singular). */
  entry?: string
  acronym?: string
  /** Made in prose, not in a heading. */
  inProse: boolean
}

let tagger: Tagger | undefined

export default function retextJargon(options: JargonOptions) {
  const {glossary, documentKind} = options
  const {nameWords} = glossary.language
  const questions = [...glossary.language.explainingQuestions].map((question) => question.split(' '))
  return async function (tree: Root, file: VFile): Promise<undefined> {
    // A long document is checked in pieces; what it has explained so far carries over.
    const carried = file.data.carry?.state
    const state = (carried?.jargon as DocumentState | undefined) ?? {defined: new Set(), explained: new Set(), flagged: new Set(), kinds: new Set(), sentences: 0, searched: new Set(), pending: [], asked: new Set()}
    if (carried) carried.jargon = state
    const source = String(file)
    const notProse = file.data.notProse ?? []
    const text: DocumentText = {source}
    for (const sentence of sentencesOf(tree)) {
      const tokens = tokensOf(sentence)
      state.sentences++
      let heading: boolean | undefined
      const inHeading = () => (heading ??= isHeading(sentence, source, notProse) || isShortLine(sentence, source))
      const headingNow = state.pending.length > 0 && inHeading()
      // The heading before this one has had its section.
      if (headingNow) settlePending(file, state, false)
      const defining = noteDefinitions(tokens, glossary, state)
      const asked = askedAbout(tokens, questions, glossary.language.articles)
      const matched = new Set<number>()
      let tagged: Tagged | undefined
      for (const match of matchTokens(tokens, glossary)) {
        const {entry} = match
        // Context words ("following (the)") must be there, but the finding and its advice are the other words.
        // A question or an explanation is about the words as written, so those checks take the whole match.
        const context = contextOf(match.term)
        const from = match.from + context.lead
        const to = match.to - context.trail
        for (let index = from; index < to; index++) matched.add(index)
        if (entry.acronym && defining.has(from)) continue
        if (entry.acronym && entry.explain) {
          const acronym = singularAcronym((tokens[from] as WordToken).exact)
          const isAsked = asksAbout(tokens, asked, from, match.to)
          if (isAsked) state.asked.add(acronym)
          if (state.defined.has(acronym)) continue
          if (isAsked) {
            state.defined.add(acronym)
            continue
          }
          // Its full name earlier in the document spells it out too, brackets or not ("Integrated Care Partnership … the ICP").
          const at = (tokens[from] as WordToken).start.offset ?? 0
          if (spelledOutBefore(text, at, entry.alternatives) || namedBefore(text, at, acronym, glossary.language.acronymSmallWords, state)) {
            state.defined.add(acronym)
            continue
          }
        }
        if (entry.documentKind) {
          if (entry.documentKind === documentKind || state.kinds.has(entry.documentKind)) continue
          const opening = tokens.find((token): token is WordToken => token.kind === 'word')
          if (isHeading(sentence, source, notProse) || (state.sentences <= OPENING_SENTENCES && opening !== undefined && glossary.language.selfNaming.has(opening.norm))) {
            state.kinds.add(entry.documentKind)
            continue
          }
        }
        const start = (tokens[from] as WordToken).start.offset ?? 0
        const end = (tokens[to - 1] as WordToken).end.offset ?? start
        // A term written with capitals in the glossary ("Local Offer") is a name itself, flagged as one.
        if (!entry.acronym && !CAPITAL_IN_TERM.test(match.term) && inNameInProse(source, sentence, notProse, start, end, nameWords)) continue
        if (quotedAsWord(source, start, end)) continue
        if (entry.pos.length > 0) {
          tagger ??= await loadTagger()
          tagged ??= tagSentence(tokens, source, tagger)
          if (!usedAs(tagged, from, to, tokens, entry.pos)) continue
        }
        if (entry.explain && !entry.acronym) {
          const isAsked = asksAbout(tokens, asked, from, match.to)
          if (isAsked) state.asked.add(entry.id)
          if (state.explained.has(entry.id)) continue
          if (isAsked || isExplainedHere(tokens, match.from, match.to, glossary) || isDefinedBySentence(tokens, match.from, match.to, glossary) || isNamedAfterPlainWords(tokens, match.from, entry, source, glossary)) {
            state.explained.add(entry.id)
            continue
          }
        } else if (!entry.acronym) {
          // The writer gave our own plain words in a bracket straight after the term:
          // "menstruating (having a period)". Other brackets ("(where possible)") are not glosses.
          if (state.explained.has(entry.id)) continue
          if (givesAlternativeInBracket(tokens, match.to, entry)) {
            state.explained.add(entry.id)
            continue
          }
        }
        const first = tokens[from] as WordToken
        const last = tokens[to - 1] as WordToken
        const actual = wordsAsWritten(sentence, source, first.start.offset!, last.end.offset!)
        const message = addFinding(file, {
          reason: reasonFor(entry, actual),
          ruleId: ruleIdOf(entry),
          severity: entry.severity,
          place: {start: first.start, end: last.end},
          actual,
          expected: entry.alternatives,
          note: curlyQuotes(entry.note),
          url: entry.url
        })
        if (entry.autofix && entry.alternatives.length === 1 && first.start.offset !== undefined && last.end.offset !== undefined) {
          const text = replacementFor(actual, context.lead + context.trail === 0 ? match.term : focusOf(match.term), entry.alternatives[0]!)
          if (text !== undefined) message.fix = {range: [first.start.offset, last.end.offset], text}
        }
        if (entry.explain) state.pending.push({message, ...(entry.acronym ? {acronym: singularAcronym(first.exact)} : {entry: entry.id}), inProse: !inHeading()})
      }
      flagUnknownAcronyms(tokens, matched, asked, glossary, state, file, text, inHeading)
      // The section before this heading has ended, and the heading itself may have asked about its terms.
      if (headingNow) settlePending(file, state, true)
    }
    // A long document is checked in pieces: its findings are taken after each one.
    settlePending(file, state, false)
    settlePending(file, state, true)
  }
}

/**
 * Settle the pending findings made in headings (`inProse` false) or in
 * prose (true). One made in a heading is dropped when the section under the
 * heading went on to explain or spell out its term; one made in prose when
 * the rest of its section, or the next heading, asked about it ("What is
 * …?"). The others stay.
 */
function settlePending(file: VFile, state: DocumentState, inProse: boolean): void {
  const kept: PendingFinding[] = []
  for (const finding of state.pending) {
    if (finding.inProse !== inProse) {
      kept.push(finding)
      continue
    }
    const {message, entry, acronym} = finding
    const answered = inProse ? (key: string) => state.asked.has(key) : (key: string) => state.explained.has(key) || state.defined.has(key)
    if ((entry !== undefined && answered(entry)) || (acronym !== undefined && answered(acronym))) {
      const at = file.messages.indexOf(message)
      if (at !== -1) file.messages.splice(at, 1)
    }
  }
  state.pending = kept
  if (inProse) state.asked.clear()
}

/**
 * The token a sentence asks about when it opens with a question that the
 * text goes on to answer ("What is a colonoscopy?", "What are sharps?":
 * language.yml explainingQuestions), or -1. Whether the question is about
 * the term found there is for asksAbout to say.
 */
function askedAbout(tokens: readonly Token[], questions: readonly string[][], articles: ReadonlySet<string>): number {
  let start = 0
  while (tokens[start]?.kind === 'mark') start++
  if (tokens[start]?.kind !== 'word') return -1
  for (const words of questions) {
    if (!words.every((word, offset) => tokens[start + offset]?.kind === 'word' && (tokens[start + offset] as WordToken).norm === word)) continue
    let at = start + words.length
    if (tokens[at]?.kind === 'word' && articles.has((tokens[at] as WordToken).norm)) at++
    return tokens[at]?.kind === 'word' ? at : -1
  }
  return -1
}

/**
 * Does the question ask what the term at [from, to) is: it starts where the
 * question's subject does and ends the question ("What is a lumbar
 * puncture?"), not "What is the PIP rate?".
 */
function asksAbout(tokens: readonly Token[], asked: number, from: number, to: number): boolean {
  const next = tokens[to]
  return from === asked && next?.kind === 'mark' && next.value === '?'
}

const ruleIds = new WeakMap<GlossaryEntry, string>()

/** jargon/<id>, one string per entry. */
function ruleIdOf(entry: GlossaryEntry): string {
  let ruleId = ruleIds.get(entry)
  if (ruleId === undefined) ruleIds.set(entry, (ruleId = flatten(`${jargonRule.id}/${entry.id}`)))
  return ruleId
}

const reasonFor = messageCache((entry: GlossaryEntry, actual: string) => {
  const single = actual.replace(/\s+/g, ' ')
  if (entry.replaced) {
    const spelled = entry.alternatives.length > 0 ? ` (${orList(entry.alternatives.slice(0, 2))})` : ''
    return `Spell out ${quote(single)}${spelled}: ${entry.replaced.by} replaced them on ${longDate(entry.replaced.on)}, so use the new name only for the time since then`
  }
  if (entry.explain) {
    const instead = entry.alternatives.length > 0 ? `, or use ${orList(entry.alternatives.slice(0, 3))}` : ''
    return entry.acronym
      ? `Spell out ${quote(single)} the first time you use it${instead}`
      : `Explain ${quote(single)} in plain words the first time you use it${instead}`
  }
  return `Use ${orList(entry.alternatives.slice(0, 3))} instead of ${quote(single)}`
})

/**
 * The text of the document (or of the piece being checked), with what the
 * acronym checks work out from it once and then reuse: it in small letters,
 * and where each of its words starts and ends.
 */
interface DocumentText {
  source: string
  lowered?: string
  /** Where each name (in small letters) is first found in `lowered`, or -1. */
  firstFound?: Map<string, number>
  words?: WordSpans
}

/**
 * Does one of the acronym's spelled-out names (its alternatives) appear
 * before `offset`, in any capitals? Where each name is first found is
 * remembered: an acronym that is never spelled out is asked about at each
 * use, and a board paper may use it hundreds of times.
 */
function spelledOutBefore(text: DocumentText, offset: number, names: readonly string[]): boolean {
  if (names.length === 0) return false
  const lowered = (text.lowered ??= text.source.toLowerCase())
  const firstFound = (text.firstFound ??= new Map())
  const end = Math.min(offset, lowered.length)
  return names.some((name) => {
    const small = name.toLowerCase()
    let found = firstFound.get(small)
    if (found === undefined) firstFound.set(small, (found = lowered.indexOf(small)))
    return found !== -1 && found + name.length <= end
  })
}

const NAME_WORDS = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu
const NAME_WORD = /^[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/u

/** Where each word of a text starts and ends (NAME_WORDS), found once per document: each acronym's search reads them. */
interface WordSpans {
  starts: number[]
  ends: number[]
}

function wordSpansOf(source: string): WordSpans {
  const starts: number[] = []
  const ends: number[] = []
  for (const found of source.matchAll(NAME_WORDS)) {
    starts.push(found.index!)
    ends.push(found.index! + found[0].length)
  }
  return {starts, ends}
}

/**
 * Is the acronym's name written out earlier in the document in capitals,
 * brackets or not: "Integrated Care Partnership … the ICP"? Each word that
 * gives a letter must start with a capital (small words such as "and" may
 * sit between). Asked once per acronym, of the words before it: the
 * document's words are found once, and a word that runs on past `offset`
 * ("NHS-ICB") is read only as far as `offset`, as if the text ended there.
 */
function namedBefore(text: DocumentText, offset: number, acronym: string, smallWords: ReadonlySet<string>, state: DocumentState): boolean {
  if (state.searched.has(acronym)) return false
  state.searched.add(acronym)
  const letters = acronym.replace(/[^A-Z\d]/g, '')
  if (letters.length < 2) return false
  const {source} = text
  const {starts, ends} = (text.words ??= wordSpansOf(source))
  const count = countBefore(starts.length, (index) => starts[index]! < offset)
  const wordAt = (index: number): string =>
    index === count - 1 && ends[index]! > offset ? NAME_WORD.exec(source.slice(starts[index], offset))![0] : source.slice(starts[index], ends[index])
  const last = letters.at(-1)!
  for (let end = count - 1; end >= 0; end--) {
    if (source[starts[end]!] !== last) continue
    const window: string[] = []
    for (let index = Math.max(0, end - letters.length * 2); index <= end; index++) window.push(wordAt(index))
    const givers = window.filter((word) => !smallWords.has(word.toLowerCase()))
    if (givers.slice(-letters.length).every((word) => /^\p{Lu}/u.test(word)) && spellsOut(window, acronym, smallWords)) return true
  }
  return false
}

/** 2022-07-01 → 1 July 2022. */
function longDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number)
  return new Date(Date.UTC(year!, month! - 1, day!)).toLocaleDateString('en-GB', {day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC'})
}

/**
 * Acronyms spelled out in this sentence: "words (ACR)" or "ACR (words)".
 * Returns where those acronyms are (token indices), to leave them alone there.
 */
function noteDefinitions(tokens: readonly Token[], glossary: CompiledGlossary, state: DocumentState): Set<number> {
  const defining = new Set<number>()
  for (let open = 0; open < tokens.length; open++) {
    const mark = tokens[open]
    if (mark?.kind !== 'mark' || mark.value !== '(') continue
    const close = tokens.findIndex((token, index) => index > open && token.kind === 'mark' && token.value === ')')
    if (close === -1) continue
    const inside = wordsOf(tokens.slice(open + 1, close))
    const before = wordsOf(tokens.slice(Math.max(0, open - 12), open))
    const define = (words: string[], acronym: string | undefined, at: number) => {
      if (acronym && isAcronymLike(acronym) && (spellsOut(words, acronym, glossary.language.acronymSmallWords, true) || endsWithExpansion(words, acronym, glossary))) {
        defineAcronym(state, singularAcronym(acronym))
        defining.add(at)
      }
    }
    define(before, inside.length === 1 ? inside[0] : undefined, open + 1)
    const previous = tokens[open - 1]
    define(inside, previous?.kind === 'word' ? previous.exact : undefined, open - 1)
  }
  return defining
}

const ALL_CAPITALS = /^[\p{Lu}\d&]+$/u
const CAPITAL_IN_TERM = /\p{Lu}/u

/** A sentence as the tagger reads it, and which of its words each token is part of. */
interface Tagged {
  words: string[]
  /** For each token, the index of its word. */
  wordOf: number[]
  tag: Tagger
}

/**
 * Words either side of a match that the tagger reads: its rules look at no
 * more than three words either way, so tagging a window instead of a long
 * sentence gives the same tags near the match, for less work.
 */
const TAG_WINDOW = 6

/**
 * Tag the sentence's words: a hyphenated word ("buy-in") is one word again,
 * the first word is in small letters (unless it is an acronym), marks are as
 * they are.
 */
function tagSentence(tokens: readonly Token[], source: string, tag: Tagger): Tagged {
  const words: string[] = []
  const wordOf: number[] = []
  let first = true
  tokens.forEach((token, index) => {
    if (token.kind !== 'word') {
      wordOf.push(words.length)
      words.push(token.value)
      return
    }
    const previous = tokens[index - 1]
    const joined = previous?.kind === 'word' && previous.end.offset !== undefined && token.start.offset === previous.end.offset + 1 && HYPHEN.test(source[previous.end.offset]!)
    const text = first && !ALL_CAPITALS.test(token.exact) ? token.exact.toLowerCase() : token.exact
    first = false
    if (joined) {
      words[words.length - 1] += `-${text}`
      wordOf.push(words.length - 1)
      return
    }
    wordOf.push(words.length)
    words.push(text)
  })
  return {words, wordOf, tag}
}

/** Is the match used as one of these parts of speech (any of its words)? */
function usedAs(tagged: Tagged, from: number, to: number, tokens: readonly Token[], parts: readonly string[]): boolean {
  const wordIndices = new Set<number>()
  for (let index = from; index < to; index++) if (tokens[index]!.kind === 'word') wordIndices.add(tagged.wordOf[index]!)
  const phrase = wordIndices.size > 1
  let lowest = Infinity
  let highest = -Infinity
  for (const word of wordIndices) {
    lowest = Math.min(lowest, word)
    highest = Math.max(highest, word)
  }
  const first = Math.max(0, lowest - TAG_WINDOW)
  const words = tagged.words.slice(first, highest + TAG_WINDOW + 1)
  const tags = tagged.tag(words)
  for (const word of wordIndices) {
    const part = partOfSpeechAt(tags, words, word - first, phrase)
    if (part !== undefined && parts.includes(part)) return true
  }
  return false
}

/** The words (exact) of a run of tokens, ignoring punctuation such as commas. */
function wordsOf(tokens: readonly Token[]): string[] {
  return tokens.filter((token): token is WordToken => token.kind === 'word').map((token) => token.exact)
}

/** True when the words end with one of the glossary's spellings-out (alternatives) for this acronym. */
function endsWithExpansion(words: readonly string[], acronym: string, glossary: CompiledGlossary): boolean {
  const text = words.join(' ').toLowerCase()
  return glossary.entries.some(
    (entry) =>
      entry.acronym &&
      entry.terms.some((term) => singularAcronym(term) === singularAcronym(acronym)) &&
      entry.alternatives.some((alternative) => text.endsWith(alternative.toLowerCase()))
  )
}

/** Is the term at [from, to) explained right here? */
function isExplainedHere(tokens: readonly Token[], from: number, to: number, glossary: CompiledGlossary): boolean {
  const {explainingWords, explainingLinks} = glossary.language
  const next = tokens[to]
  const afterNext = tokens[to + 1]
  if (next?.kind === 'mark' && ['(', ':', '–', '—', '-'].includes(next.value)) return true
  if (next?.kind === 'word' && explainingWords.has(next.norm)) return true
  // "co-production, which means …"
  if (next?.kind === 'mark' && next.value === ',' && afterNext?.kind === 'word' && explainingLinks.has(afterNext.norm)) {
    const third = tokens[to + 2]
    return third?.kind === 'word' && explainingWords.has(third.norm)
  }
  // Plain words first, then the term in brackets: "working together as equals (co-production)".
  const before = tokens[from - 1]
  return before?.kind === 'mark' && before.value === '(' && next?.kind === 'mark' && next.value === ')' && from >= 2
}

/**
 * Does a bracket straight after the term (ending before `to`) hold every
 * word of one of the entry's alternatives, so that the reader has the plain
 * words: "menstruating (having a period)", "vital signs (blood pressure,
 * temperature and pulse)"? A plural in the bracket stands for a singular
 * alternative and the other way round.
 */
function givesAlternativeInBracket(tokens: readonly Token[], to: number, entry: GlossaryEntry): boolean {
  const open = tokens[to]
  if (open?.kind !== 'mark' || open.value !== '(' || entry.alternatives.length === 0) return false
  const inside = new Set<string>()
  for (let index = to + 1; index < tokens.length; index++) {
    const token = tokens[index]!
    if (token.kind === 'mark') {
      if (token.value === '(') return false
      if (token.value !== ')') continue
      return entry.alternatives.some((alternative) => {
        const words = alternative.toLowerCase().match(ALTERNATIVE_WORDS) ?? []
        return words.length > 0 && words.every((word) => inside.has(word) || inside.has(`${word}s`) || (word.endsWith('s') && inside.has(word.slice(0, -1))))
      })
    }
    inside.add(token.norm)
  }
  return false
}

/** Words of an alternative as the sentence's tokens have them: hyphenated words in their parts. */
const ALTERNATIVE_WORDS = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu

/** Words that may stand between the term and the verb of a sentence that defines it ("Anticoagulant medicine is…"). */
const DEFINED_HEAD_WORDS = 2

/**
 * Does the sentence open with the term and say what it is: "Anticoagulant
 * medicine is used to prevent clots", "Co-production is when…"
 * (language.yml definingVerbs and definingStarts)?
 */
function isDefinedBySentence(tokens: readonly Token[], from: number, to: number, glossary: CompiledGlossary): boolean {
  const {definingVerbs, definingStarts, articles} = glossary.language
  let start = 0
  while (tokens[start]?.kind === 'mark') start++
  if (tokens[start]?.kind === 'word' && articles.has((tokens[start] as WordToken).norm) && start < from) start++
  if (start !== from) return false
  for (let at = to; at <= to + DEFINED_HEAD_WORDS; at++) {
    const verb = tokens[at]
    const next = tokens[at + 1]
    if (verb?.kind !== 'word') return false
    if (definingVerbs.has(verb.norm)) return next?.kind === 'word' && definingStarts.has(next.norm)
  }
  return false
}

/** How far back (characters) the entry's plain words may be: the sentence before, as a rule. */
const NAMED_AFTER = 300

/**
 * Is the term named just after its plain words: "A cervical screening test …
 * It is often called a smear test."? A naming word (language.yml
 * namingWords) comes right before it, and one of the entry's alternatives
 * shortly before that.
 */
function isNamedAfterPlainWords(tokens: readonly Token[], from: number, entry: GlossaryEntry, source: string, glossary: CompiledGlossary): boolean {
  if (entry.alternatives.length === 0) return false
  const {namingWords, articles} = glossary.language
  let at = from - 1
  if (tokens[at]?.kind === 'word' && articles.has((tokens[at] as WordToken).norm)) at--
  const namedBy = (phrase: string): boolean => {
    const words = phrase.split(' ')
    for (let index = 0; index < words.length; index++) {
      const token = tokens[at - (words.length - 1) + index]
      if (token?.kind !== 'word' || token.norm !== words[index]) return false
    }
    return true
  }
  let naming = false
  for (const phrase of namingWords) if (namedBy(phrase)) naming = true
  const start = (tokens[from] as WordToken).start.offset
  if (!naming || start === undefined) return false
  const before = source.slice(Math.max(0, start - NAMED_AFTER), start).toLowerCase()
  return entry.alternatives.some((alternative) => before.includes(alternative.toLowerCase()))
}

function flagUnknownAcronyms(tokens: readonly Token[], matched: Set<number>, asked: number, glossary: CompiledGlossary, state: DocumentState, file: VFile, text: DocumentText, inHeading: () => boolean): void {
  // Most sentences have no acronym-like word: then there is nothing to flag, shouted or not.
  const candidates: number[] = []
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!
    if (token.kind === 'word' && !matched.has(index) && isAcronymLike(token.exact)) candidates.push(index)
  }
  if (candidates.length === 0) return
  // Capitals for emphasis are not acronyms. A sentence or heading in
  // capitals (all its words, or most of a longer one) is shouted, not full
  // of acronyms.
  let words = 0
  let capitals = 0
  for (const token of tokens) {
    if (token.kind !== 'word') continue
    words++
    if (CAPITALS_ONLY.test(token.exact) && CAPITAL.test(token.exact)) capitals++
  }
  if ((words >= 2 && capitals === words) || (words >= 3 && capitals / words > 0.5)) return
  for (const index of candidates) {
    const token = tokens[index] as WordToken
    const acronym = singularAcronym(token.exact)
    if (glossary.knownAcronyms.has(acronym) || glossary.knownAcronyms.has(token.exact)) continue
    const isAsked = asksAbout(tokens, asked, index, index + 1)
    if (isAsked) state.asked.add(acronym)
    if (state.defined.has(acronym) || state.flagged.has(acronym)) continue
    // Numbered labels of one kind ("SR2", "SR3", "SR4" for strategic risks) are one acronym to spell out.
    const series = seriesOf(acronym)
    if (series !== undefined && (state.flagged.has(series) || state.defined.has(series))) continue
    if (isAsked) {
      defineAcronym(state, acronym)
      continue
    }
    if (isReferenceCode(text.source, token)) continue
    if (token.start.offset !== undefined && namedBefore(text, token.start.offset, acronym, glossary.language.acronymSmallWords, state)) {
      defineAcronym(state, acronym)
      continue
    }
    // An everyday word in capitals ("Do NOT eat", "PLEASE bring") is emphasis.
    if (isEverydayWord(glossary.everydayWords, token.exact)) continue
    state.flagged.add(acronym)
    if (series !== undefined) state.flagged.add(series)
    const message = addFinding(file, {
      reason: `Spell out ${quote(token.exact)} the first time you use it`,
      ruleId: acronymRule.id,
      severity: acronymRule.severity,
      place: {start: token.start, end: token.end},
      actual: token.exact,
      expected: [],
      note: NOTE_ACRONYM
    })
    state.pending.push({message, acronym, inProse: !inHeading()})
  }
}

/** Note an acronym as spelled out, and with it the other numbered labels of its kind ("Strategic risk 2 (SR2)" covers SR3). */
function defineAcronym(state: DocumentState, acronym: string): void {
  state.defined.add(acronym)
  const series = seriesOf(acronym)
  if (series !== undefined) state.defined.add(series)
}

/** The letters of a numbered label ("SR2", "SR3" → "SR…"), or undefined for an acronym without a number. */
function seriesOf(acronym: string): string | undefined {
  const letters = /^(\p{Lu}{2,})\d+$/u.exec(acronym)?.[1]
  return letters === undefined ? undefined : `${letters}…`
}

/**
 * Is the word, itself letters and digits, joined by a slash or full stop to
 * more digits: a reference code ("Agenda item PUB24/05/7.1", "ref
 * HR2/2024")? Those are labels to look up, not acronyms to spell out.
 * Letters alone ("ABC/2024/05") are still an acronym.
 */
function isReferenceCode(source: string, token: WordToken): boolean {
  const start = token.start.offset
  const end = token.end.offset
  if (start === undefined || end === undefined || !/\d/.test(token.exact)) return false
  return /^[/.]\d/.test(source.slice(end, end + 2)) || /\d[/.]$/.test(source.slice(Math.max(0, start - 2), start))
}

/**
 * The words of a sentence as match tokens. Hyphenated words are split into
 * their parts, so "hard-to-reach" matches "hard to reach"; punctuation and
 * code are marks, which break a phrase; white space (including line breaks)
 * is dropped.
 */
export function tokensOf(sentence: Sentence): Token[] {
  const tokens: Token[] = []
  const children = sentence.children
  let glue = false
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!
    if (node.type === 'WhiteSpaceNode') continue
    if (node.type === 'WordNode') {
      const first = tokens.length
      pushWordParts(node, tokens)
      const previous = tokens[first - 1]
      const part = tokens[first]
      // A zero-width character inside a word ("stake\u200Bholder") does not split it.
      if (glue && previous?.kind === 'word' && part?.kind === 'word') {
        tokens[first - 1] = {...previous, norm: normaliseWord(previous.exact + part.exact), exact: exactWord(previous.exact + part.exact), end: part.end}
        tokens.splice(first, 1)
      }
      glue = false
      continue
    }
    const text = textOf(node)
    if (INVISIBLE.test(text) && children[index - 1]?.type === 'WordNode' && children[index + 1]?.type === 'WordNode') {
      glue = true
      continue
    }
    // A plural possessive ("residents' offer") is part of the word, not a break.
    const previous = tokens[tokens.length - 1]
    if ((text === "'" || text === '’') && previous?.kind === 'word' && previous.norm.endsWith('s') && children[index - 1]?.type === 'WordNode') continue
    tokens.push({kind: 'mark', value: node.type === 'SourceNode' ? '`' : text, start: node.position?.start, end: node.position?.end})
  }
  return tokens
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
const POSSESSIVE = /\p{L}['’]s$/u

/** The word's parts between hyphens, as word tokens (a part with no letter or digit is left out). */
function pushWordParts(word: Word, tokens: Token[]): void {
  const children = word.children
  // Most words are one piece of text.
  if (children.length === 1) {
    const only = children[0]!
    if (only.type === 'TextNode') {
      if (only.position) pushWord(only.value, only.position.start, only.position.end, tokens)
      return
    }
  }
  let from = 0
  for (let index = 0; index <= children.length; index++) {
    const child = children[index]
    if (child && !(child.type === 'PunctuationNode' && HYPHEN.test(textOf(child)))) continue
    const first = children[from]
    const last = children[index - 1]
    if (index > from && first?.position && last?.position) {
      let value = ''
      for (let part = from; part < index; part++) value += textOf(children[part]!)
      pushWord(value, first.position.start, last.position.end, tokens)
    }
    from = index + 1
  }
}

/**
 * The words between two offsets as written: the source there, less the
 * markup inside a word split by formatting ("lev<strong>era</strong>ge"
 * gives "leverage"; see core/split-words.ts).
 */
function wordsAsWritten(sentence: Sentence, source: string, start: number, end: number): string {
  let text = ''
  let at = start
  for (const node of sentence.children) {
    if (node.type !== 'WordNode' || node.children.length < 2) continue
    for (let index = 1; index < node.children.length; index++) {
      const gapStart = node.children[index - 1]!.position?.end.offset
      const gapEnd = node.children[index]!.position?.start.offset
      if (gapStart === undefined || gapEnd === undefined || gapEnd <= gapStart || gapStart < start || gapEnd > end) continue
      text += source.slice(at, gapStart)
      at = gapEnd
    }
  }
  return text + source.slice(at, end)
}

function pushWord(value: string, start: WordToken['start'], end: WordToken['end'], tokens: Token[]): void {
  if (!LETTER_OR_DIGIT.test(value)) return
  const token: WordToken = {kind: 'word', norm: normaliseWord(value), exact: exactWord(value), start, end}
  // Most words have no apostrophe: the pattern is tried only on those that end like "'s".
  if (value.length > 2 && (value.endsWith('s') || value.endsWith('S')) && POSSESSIVE.test(value)) token.possessive = true
  tokens.push(token)
}
