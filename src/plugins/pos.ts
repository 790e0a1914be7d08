/**
 * Parts of speech, for glossary entries that mean one (`pos: verb`): "we
 * will focus on" is a verb, "our focus" a noun. en-pos, a Brill tagger (a
 * word's likely tags from a lexicon, then rules that look at the words
 * around it), is loaded the first time an entry with `pos` is matched, so a
 * document that never needs it never pays for it.
 */
import type {Conditions} from 'en-pos/dist/smoothing/brill_conditions.js'
import type {PartOfSpeech} from '../glossary/types.js'

/** Penn Treebank tags (NN, VBZ, JJ…), one per word. */
export type Tagger = (words: readonly string[]) => string[]

let loading: Promise<Tagger> | undefined

export function loadTagger(): Promise<Tagger> {
  return (loading ??= Promise.all([import('en-pos'), import('en-pos/dist/smoothing/brill_rules.js'), import('en-pos/dist/smoothing/brill_conditions.js'), import('en-lexicon')]).then(
    ([{Tag}, brill, {conditions}, {lexicon}]) => {
      const brillStep = brillByTag(brill.rules, conditions, lexicon)
      return (words) => {
        const tagger = new Tag([...words]).initial() as unknown as BrillTagger
        tagger._Brill = brillStep
        return (tagger as unknown as InstanceType<typeof Tag>).smooth().tags
      }
    }
  ))
}

/** One of en-pos's Brill rules: a word tagged `from` becomes `to` when the condition `type` holds (c1…c3, cr its values). */
interface BrillRule {
  from: string
  to: string
  type: number | null
  c1: string
  c2: string
  c3: string
  cr: RegExp
  secondRun: boolean
  verify?: boolean
}

/** What en-pos's Brill step reads and changes on its tagger. */
interface BrillTagger {
  tokens: string[]
  tags: string[]
  blocked: boolean[]
  _Brill: (this: BrillTagger) => void
}

/**
 * en-pos's Brill step (Tag#_Brill and _applyBrillRule), giving the same tags
 * with less work. For each word, en-pos goes through all 270 rules in order,
 * skipping each whose "from" is not the word's tag at that moment: a few
 * thousand steps per sentence, and a check of a whole corpus tags only a
 * few hundred windows, so they run before V8 has made them quick (cold, a
 * window took about four times as long as warm). Here each tag has the list
 * of its rules, in the same order: a word goes through its own tag's list,
 * and when a rule changes its tag, on through the new tag's rules that come
 * later. Each condition is en-pos's own, as written there, including its
 * slips: `a || b && verify` binds as `a || (b && verify)`, and the two
 * conditions that compare `this.token` (never set) never hold.
 */
function brillByTag(rules: readonly BrillRule[], when: Conditions, lexicon: Readonly<Record<string, string | undefined>>): (this: BrillTagger) => void {
  const byTag = new Map<string, number[]>()
  rules.forEach((rule, index) => {
    const list = byTag.get(rule.from)
    if (list) list.push(index)
    else byTag.set(rule.from, [index])
  })
  const none: number[] = []
  /** en-pos's check that the lexicon allows the new tag (for rules that ask). */
  const allowed = (rule: BrillRule, token: string) => !rule.verify || !lexicon[token] || lexicon[token].split('|').includes(rule.to)

  /** Does the rule's condition hold for word `index`? `lower` holds the words in small letters ('' past either end). */
  function holds(rule: BrillRule, tokens: readonly string[], lower: readonly string[], tags: readonly string[], index: number): boolean {
    if (rule.type === when.STARTWORD) return index === 0 && tokens[0] === rule.c1 && allowed(rule, tokens[0]!)
    const token = lower[index]!
    switch (rule.type) {
      case when.PREV2WORDS:
        return (tokens[index - 1] || '') === rule.c1 && (tokens[index - 2] || '') === rule.c2 && allowed(rule, token)
      case when.PREVTAG:
        return index > 0 && tags[index - 1] === rule.c1 && allowed(rule, token)
      case when.PREVWORDPREVTAG:
        return tags[index - 1] === rule.c2 && (lower[index - 1] ?? '') === rule.c1 && allowed(rule, token)
      case when.NEXTTAG:
        return tags[index + 1] === rule.c1 && allowed(rule, token)
      case when.NEXTTAG2:
        return tags[index + 2] === rule.c1 && allowed(rule, token)
      case when.PREVTAG2:
        return tags[index - 2] === rule.c1 && allowed(rule, token)
      case when.PREV1OR2TAG:
        return tags[index - 1] === rule.c1 || (tags[index - 2] === rule.c1 && allowed(rule, token))
      case when.PREVWORD:
        return (lower[index - 1] ?? '') === rule.c1 && allowed(rule, token)
      // These two compare this.token, which en-pos never sets.
      case when.CURRENTWD:
        return rule.c1 === undefined && allowed(rule, token)
      case when.WDPREVWD:
        return rule.c2 === undefined && (lower[index - 1] ?? '') === rule.c1 && allowed(rule, token)
      case when.CURRENTWDRGX:
        return rule.cr.test(token) && allowed(rule, token)
      case when.WDPREVTAG:
        return token === rule.c2 && tags[index - 1] === rule.c1 && allowed(rule, token)
      case when.NEXT1OR2OR3TAG:
        return tags[index + 1] === rule.c1 || tags[index + 2] === rule.c1 || (tags[index + 3] === rule.c1 && allowed(rule, token))
      case when.NEXT2WD:
        return (lower[index + 2] ?? '') === rule.c1 && allowed(rule, token)
      case when.WDNEXTWD:
        return token === rule.c1 && (lower[index + 1] ?? '') === rule.c2 && allowed(rule, token)
      case when.WDNEXTTAG:
        return token === rule.c1 && tags[index + 1] === rule.c2 && allowed(rule, token)
      case when.PREV1OR2OR3TAG:
        return tags[index - 1] === rule.c1 || tags[index - 2] === rule.c1 || (tags[index - 3] === rule.c1 && allowed(rule, token))
      case when.SURROUNDTAG:
        return tags[index - 1] === rule.c1 && tags[index + 1] === rule.c2 && allowed(rule, token)
      case when.SURROUNDTAGWD:
        return token === rule.c1 && tags[index - 1] === rule.c2 && tags[index + 1] === rule.c3 && allowed(rule, token)
      case when.NEXTWD:
        return (lower[index + 1] ?? '') === rule.c1 && allowed(rule, token)
      case when.NEXT1OR2TAG:
        return tags[index + 1] === rule.c1 || (tags[index + 2] === rule.c1 && allowed(rule, token))
      case when.PREV2TAG:
        return tags[index - 2] === rule.c1 && tags[index - 1] === rule.c2 && allowed(rule, token)
      case when.PREV2TAGNEXTTAG:
        return tags[index - 2] === rule.c1 && tags[index - 1] === rule.c2 && tags[index + 1] === rule.c3 && allowed(rule, token)
      case when.NEXT2TAG:
        return tags[index + 1] === rule.c1 && tags[index + 2] === rule.c2
      case when.NEXT1OR2WD:
        return (lower[index + 1] ?? '') === rule.c1 || ((lower[index + 2] ?? '') === rule.c1 && allowed(rule, token))
      case when.PREV2WD:
        return (lower[index - 2] ?? '') === rule.c1 && allowed(rule, token)
      case when.PREV1OR2WD:
        return (lower[index - 1] ?? '') === rule.c1 || ((lower[index - 2] ?? '') === rule.c1 && allowed(rule, token))
      case when.END:
        return !tags[index + 1] && allowed(rule, token)
      default:
        // Conditions en-pos names but does not test (NEXTBIGRAM, RBIGRAM), and a rule with none.
        return false
    }
  }

  function applyRules(tagger: BrillTagger, lower: readonly string[], index: number, iteration: number): void {
    const {tokens, tags} = tagger
    let tag = tags[index]!
    let list = byTag.get(tag) ?? none
    let at = 0
    while (at < list.length) {
      const number = list[at]!
      const rule = rules[number]!
      if (!(rule.secondRun && iteration === 1) && holds(rule, tokens, lower, tags, index)) tags[index] = rule.to
      if (tags[index] === tag) {
        at++
        continue
      }
      // A new tag: on through its rules after this one.
      tag = tags[index]!
      list = byTag.get(tag) ?? none
      at = 0
      while (at < list.length && list[at]! <= number) at++
    }
  }

  return function () {
    const lower = this.tokens.map((token) => (token || '').toLowerCase())
    for (let iteration = 1; iteration <= 2; iteration++) {
      for (let index = 0; index < this.tags.length; index++) if (!this.blocked[index]) applyRules(this, lower, index, iteration)
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
