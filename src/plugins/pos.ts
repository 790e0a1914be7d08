/**
 * Parts of speech, for glossary entries that mean one (`pos: verb`): "we
 * will focus on" is a verb, "our focus" a noun. en-pos, a Brill tagger (a
 * word's likely tags from a lexicon, then rules that look at the words
 * around it), is loaded the first time an entry with `pos` is matched, so a
 * document that never needs it never pays for it.
 */
import type {PartOfSpeech} from '../glossary/types.js'

/** Penn Treebank tags (NN, VBZ, JJ…), one per word. */
export type Tagger = (words: readonly string[]) => string[]

let loading: Promise<Tagger> | undefined

export function loadTagger(): Promise<Tagger> {
  return (loading ??= import('en-pos').then(({Tag}) => (words) => new Tag([...words]).initial().smooth().tags))
}

const DETERMINER = new Set(['DT', 'PRP$', 'POS', 'CD'])
const VERB = /^VB[DGNPZ]?$/
/** Determiners that also start a clause ("services that focus on"): a verb may follow them. */
const CLAUSE_WORDS = new Set(['that', 'which', 'this', 'these', 'those'])

/**
 * The part of speech of word `index`, from the sentence's tags and words,
 * with the tagger's commonest slips put right:
 * - an adjective with nothing to describe after a determiner ("the key is
 *   under the mat", "leave your key with") is a noun;
 * - a verb straight after a possessive or an article ("our focus this
 *   year", "the impact") is a noun;
 * - in a phrase, a verb straight after another verb ("secure buy in") is a
 *   noun: a phrase used as a verb would follow "to", a modal or its subject.
 */
export function partOfSpeechAt(tags: readonly string[], words: readonly string[], index: number, phrase = false): PartOfSpeech | undefined {
  const tag = tags[index] ?? ''
  const before = tags[index - 1] ?? ''
  if (tag === 'VB' || tag === 'VBP') {
    if (before === 'PRP$' || before === 'POS' || (before === 'DT' && !CLAUSE_WORDS.has((words[index - 1] ?? '').toLowerCase()))) return 'noun'
    if (phrase && VERB.test(before)) return 'noun'
  }
  if (tag.startsWith('JJ')) {
    const next = tags[index + 1] ?? '.'
    if (DETERMINER.has(tags[index - 1] ?? '') && !/^(NN|JJ|CD|VBG)/.test(next)) return 'noun'
    return 'adjective'
  }
  if (tag.startsWith('NN')) return 'noun'
  if (tag.startsWith('VB') || tag === 'MD') return 'verb'
  if (tag.startsWith('RB')) return 'adverb'
  return undefined
}
