/**
 * retext-simplify's wordy-phrase list, as plainly suggestions: rule ids
 * `simplify/<phrase>` and plain messages. (Words the glossary flags get
 * no second finding: the rule yields to jargon, see core/results.ts.)
 * The phrase search is simplify-phrases.ts.
 */
import type {Root, Sentence} from 'nlcst'
import {textOf} from './words.js'
import {inNameInProse, quotedAsWord} from './context.js'
import {pointEnd, pointStart} from 'unist-util-position'
import type {VFile} from 'vfile'
import {addFinding, messageCache, orList, quote} from './messages.js'
import {findPhrases, indexPhrases, type SimplifyPhrase} from './simplify-phrases.js'
import type {SimplifyPattern} from '../glossary/simplify-list.js'
import type {RuleMeta} from '../types.js'
import type {Check} from './check.js'
import type {CompiledGlossary} from '../glossary/compile.js'
import {entryForWords} from '../glossary/lookup.js'

export const simplifyRule: RuleMeta = {
  id: 'simplify',
  family: true,
  title: 'Wordy phrase',
  severity: 'suggestion',
  description: "A wordy phrase from retext-simplify's list, with a shorter one to use. Each phrase is a rule: simplify/<phrase>.",
  example: {flag: 'We will attempt to call you.', pass: 'We will try to call you.'},
  options: {simplify: 'false to leave these out'},
  // The glossary's advice on the same words comes first.
  yieldsTo: ['jargon']
}

export const simplifyCheck: Check = {
  rules: [simplifyRule],
  plugin: ({options, simplifyPhrases, simplifyOff, glossary}) =>
    options.simplify
      ? [retextSimplifySuggestions, {phrases: simplifyPhrases, ignore: simplifyOff, judged: hasEntry(glossary), context: {openers: glossary.language.sentenceOpeners, nameWords: glossary.language.nameWords}}]
      : undefined
}

const NOTE = 'A shorter, everyday word or phrase is quicker to read and easier to understand.'
const URL = 'https://github.com/retextjs/retext-simplify#readme'

export interface SimplifyOptions {
  /** retext-simplify's list of phrases (glossary/retext-simplify.json). */
  phrases: readonly SimplifyPattern[]
  /** Phrases of that list not to suggest (see glossary/simplify-off.yml). */
  ignore?: string[]
  /**
   * Whether a glossary entry matches a phrase's words (in any form the entry
   * lists, not by id). Such a phrase is the glossary's to judge: where its entry lets the words pass ("shall we",
   * "multiple sclerosis", its rule switched off), the phrase's advice would
   * contradict it.
   */
  judged?: (phrase: string) => boolean
  /**
   * Leave alone what is not the writer's own prose (without it, the plugin
   * finds exactly what retext-simplify finds): phrases inside a name or
   * quoted as words, and `openers` at the start of a sentence.
   */
  context?: {
    /** Phrases not suggested when they open a sentence ("However, …": glossary/language.yml sentenceOpeners). */
    openers: ReadonlySet<string>
    /** Small words that join the capitalised words of a name (glossary/language.yml nameWords). */
    nameWords: ReadonlySet<string>
  }
}

export default function retextSimplifySuggestions(options: SimplifyOptions) {
  const index = indexPhrases(options.phrases, options.ignore ?? [])
  const {context} = options
  return function (tree: Root, file: VFile): undefined {
    const source = String(file)
    const notProse = file.data.notProse ?? []
    findPhrases(tree, index, (nodes, phrase, sentence, opensSentence) => {
      const start = pointStart(nodes[0])
      const end = pointEnd(nodes[nodes.length - 1])
      if (!start || !end || start.offset === undefined || end.offset === undefined) return
      if (options.judged?.(phrase.phrase)) return
      if (context) {
        if (opensSentence && context.openers.has(phrase.phrase)) return
        // Words in a name ("the Additional Needs Team") or quoted as words are not the writer's to change.
        if (quotedAsWord(source, start.offset, end.offset)) return
        if (inNameInProse(source, sentence as Sentence, notProse, start.offset, end.offset, context.nameWords)) return
      }
      const actual = textOf(nodes)
      const expected = [...phrase.replace]
      const reason = reasonFor(phrase, actual)
      addFinding(file, {
        reason,
        ruleId: phrase.fullRuleId,
        severity: simplifyRule.severity,
        place: {start, end},
        actual,
        expected,
        note: NOTE,
        url: URL
      })
    })
  }
}

/** Whether an entry of `glossary` matches a phrase word for word, asked once per phrase (only for phrases a document uses). */
function hasEntry(glossary: CompiledGlossary): (phrase: string) => boolean {
  const known = new Map<string, boolean>()
  return (phrase) => {
    let has = known.get(phrase)
    if (has === undefined) known.set(phrase, (has = entryForWords(glossary, phrase) !== undefined))
    return has
  }
}

const reasonFor = messageCache((phrase: SimplifyPhrase, actual: string) =>
  phrase.replace.length === 0 ? `Leave out ${quote(actual)}` : `Use ${orList(phrase.replace.slice(0, 3))} instead of ${quote(actual)}${phrase.omit ? ', or leave it out' : ''}`
)
