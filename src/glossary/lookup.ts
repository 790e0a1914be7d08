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

/**
 * The phrases of a list (retext-simplify's) that the glossary has an entry
 * for, lower case: the glossary judges those words, so where its entry lets
 * them pass ("shall we", a rule switched off) the list must not flag them.
 */
export function phrasesWithEntries(glossary: CompiledGlossary, phrases: ReadonlyArray<{phrase: string}>): string[] {
  return phrases.filter((item) => findEntry(glossary, item.phrase)).map((item) => item.phrase.toLowerCase())
}
