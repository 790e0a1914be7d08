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

/**
 * The part of speech of word `index`, from the sentence's tags. An
 * adjective with nothing to describe after a determiner ("the key is under
 * the mat", "leave your key with") is a noun.
 */
export function partOfSpeechAt(tags: readonly string[], index: number): PartOfSpeech | undefined {
  const tag = tags[index] ?? ''
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
