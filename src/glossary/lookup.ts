/** Find the entry for any written form of a term ("leveraging" finds "leverage"). */
import type {CompiledGlossary} from './compile.js'
import {matchTokens, type Token} from './match.js'
import {exactWord, normaliseWord} from './normalise.js'
import type {GlossaryEntry} from './types.js'

export function findEntry(glossary: CompiledGlossary, text: string): GlossaryEntry | undefined {
  const byId = glossary.byId.get(text.trim().toLowerCase())
  const point = {line: 1, column: 1}
  const tokens: Token[] = text
    .split(/[\s\-\u2010\u2011]+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}']+$/gu, ''))
    .filter(Boolean)
    .map((word) => ({kind: 'word' as const, norm: normaliseWord(word), exact: exactWord(word), start: point, end: point}))
  const match = matchTokens(tokens, glossary).find((item) => item.from === 0 && item.to === tokens.length)
  return match?.entry ?? byId
}
