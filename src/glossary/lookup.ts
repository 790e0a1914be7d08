/** Find the entry for any written form of a term ("leveraging" finds "leverage"). */
import type {CompiledGlossary} from './compile.js'
import {matchTokens, textToTokens} from './match.js'
import type {GlossaryEntry} from './types.js'

export function findEntry(glossary: CompiledGlossary, text: string): GlossaryEntry | undefined {
  const byId = glossary.byId.get(text.trim().toLowerCase())
  const tokens = textToTokens(text)
  const match = matchTokens(tokens, glossary).find((item) => item.from === 0 && item.to === tokens.length)
  return match?.entry ?? byId
}
