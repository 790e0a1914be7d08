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
  return (loading ??= Promise.all([import('en-pos'), import('en-pos/dist/smoothing/brill_rules.js')]).then(([{Tag}, brill]) => {
    const applyRules = fewerRules(brill.default)
    return (words) => {
      const tagger = new Tag([...words]).initial()
      applyRules(tagger)
      return tagger.smooth().tags
    }
  }))
}

interface BrillRule {
  from: string
  to: string
}

interface BrillRules {
  rules: BrillRule[]
}

interface BrillTagger {
  tags: string[]
  _applyBrillRule: (this: BrillTagger, index: number, iteration: number) => void
}

/**
 * en-pos's Brill step, with fewer rules to go through. For each word it goes
 * through all 270 rules in order, skipping each whose "from" tag is not the
 * word's tag at that moment: most of a tagged window's time. A rule can only
 * apply if its "from" is the word's first tag or a tag an earlier rule in
 * the list can give it, so en-pos is given, for each word, the list of those
 * rules alone (in their order): it skips the same rules it skipped before,
 * and the tags are the same. en-pos reads its list at each step, so the
 * list is changed for the word and then given back whole.
 */
function fewerRules(brill: BrillRules): (tagger: unknown) => void {
  const all = brill.rules
  // For each first tag: the rules that can apply, in order, and the tags they can give.
  const reachable = new Map<string, BrillRule[]>()
  for (const first of new Set(all.map((rule) => rule.from))) {
    const tags = new Set([first])
    const rules: BrillRule[] = []
    for (const rule of all) {
      if (!tags.has(rule.from)) continue
      rules.push(rule)
      tags.add(rule.to)
    }
    reachable.set(first, rules)
  }
  const none: BrillRule[] = []
  return (tagger) => {
    const self = tagger as BrillTagger
    const apply = self._applyBrillRule
    self._applyBrillRule = function (index, iteration) {
      brill.rules = reachable.get(this.tags[index]!) ?? none
      try {
        apply.call(this, index, iteration)
      } finally {
        brill.rules = all
      }
    }
  }
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
