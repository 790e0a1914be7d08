/** Find the entry for any written form of a term ("leveraging" finds "leverage"). */
import type {CompiledGlossary} from './compile.js'
import {matchTokens, textToTokens} from './match.js'
import type {GlossaryEntry} from './types.js'

export function findEntry(glossary: CompiledGlossary, text: string): GlossaryEntry | undefined {
  return entryForWords(glossary, text) ?? glossary.byId.get(text.trim().toLowerCase())
}

/** The entry whose terms (in any form) match the whole of `text`, word for word; never by id. */
export function entryForWords(glossary: CompiledGlossary, text: string): GlossaryEntry | undefined {
  const tokens = textToTokens(text)
  return matchTokens(tokens, glossary).find((item) => item.from === 0 && item.to === tokens.length)?.entry
}

/**
 * The phrases of a list (retext-simplify's) that a glossary entry matches
 * word for word, lower case: the glossary judges those words, so where its
 * entry lets them pass ("shall we", a rule switched off) the list must not
 * flag them. An entry for other forms only ("attempts") judges nothing here.
 */
export function phrasesWithEntries(glossary: CompiledGlossary, phrases: ReadonlyArray<{phrase: string}>): string[] {
  return phrases.filter((item) => entryForWords(glossary, item.phrase)).map((item) => item.phrase.toLowerCase())
}
