/**
 * retext-jargon: find glossary terms in the words of each sentence and add
 * a finding for each, with the plain alternatives and the reason.
 */
import type {Root, Sentence, SentenceContent, Word} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {VFile} from 'vfile'
import type {CompiledGlossary} from '../glossary/compile.js'
import {matchTokens, type Token} from '../glossary/match.js'
import {exactWord, normaliseWord} from '../glossary/normalise.js'
import type {GlossaryEntry} from '../glossary/types.js'
import {addFinding, orList, quote} from '../core/messages.js'
import {sentencesOf} from './words.js'

export interface JargonOptions {
  glossary: CompiledGlossary
}

export default function retextJargon(options: JargonOptions) {
  const {glossary} = options
  return function (tree: Root, file: VFile): undefined {
    for (const sentence of sentencesOf(tree)) {
      const tokens = tokensOf(sentence)
      for (const match of matchTokens(tokens, glossary)) {
        const first = tokens[match.from]!
        const last = tokens[match.to - 1]!
        const actual = String(file).slice(first.start.offset, last.end.offset)
        addFinding(file, {
          reason: reasonFor(match.entry, actual),
          ruleId: `jargon/${match.entry.id}`,
          severity: match.entry.severity,
          place: {start: first.start, end: last.end},
          actual,
          expected: match.entry.alternatives,
          note: match.entry.note,
          url: match.entry.url
        })
      }
    }
  }
}

function reasonFor(entry: GlossaryEntry, actual: string): string {
  const single = actual.replace(/\s+/g, ' ')
  if (entry.explain) {
    const instead = entry.alternatives.length > 0 ? `, or use ${orList(entry.alternatives.slice(0, 3))}` : ''
    return entry.acronym
      ? `Spell out ${quote(single)} the first time you use it${instead}`
      : `Explain ${quote(single)} in plain words the first time you use it${instead}`
  }
  return `Use ${orList(entry.alternatives.slice(0, 3))} instead of ${quote(single)}`
}

/**
 * The words of a sentence as match tokens. Hyphenated words are split into
 * their parts, so "hard-to-reach" matches "hard to reach"; punctuation and
 * code break a phrase; white space (including line breaks) does not.
 */
export function tokensOf(sentence: Sentence): Token[] {
  const tokens: Token[] = []
  for (const node of sentence.children) {
    if (node.type === 'WhiteSpaceNode') continue
    if (node.type === 'WordNode') tokens.push(...wordParts(node))
    else tokens.push(null)
  }
  return tokens
}

function wordParts(word: Word): Token[] {
  const parts: Token[] = []
  let group: Word['children'] = []
  const flush = () => {
    const first = group[0]
    const last = group[group.length - 1]
    if (first?.position && last?.position) {
      const value = group.map((node) => toString(node)).join('')
      if (/[\p{L}\p{N}]/u.test(value)) {
        parts.push({norm: normaliseWord(value), exact: exactWord(value), start: first.position.start, end: last.position.end})
      }
    }
    group = []
  }
  for (const child of word.children) {
    if (child.type === 'PunctuationNode' && isHyphen(child)) flush()
    else group.push(child)
  }
  flush()
  return parts
}

function isHyphen(node: SentenceContent | Word['children'][number]): boolean {
  return /^[-\u2010\u2011]$/.test(toString(node))
}
