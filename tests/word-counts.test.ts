/**
 * The remembered per-word counts (syllables, word facts) give the same
 * answers as the packages they remember, whatever order words come in.
 */
import {syllable} from 'syllable'
import {describe, expect, it} from 'vitest'
import {countSyllables} from '../src/plugins/syllables.js'
import {generatedProse} from './generated-prose.js'

describe('countSyllables', () => {
  it('matches the syllable package for every word, in any case, whichever case comes first', () => {
    const words = [...new Set(generatedProse({seed: 7, sentences: 600}).split(/[\s,;.!?()“”"‘’:]+/).filter(Boolean))]
    expect(words.length).toBeGreaterThan(2000)
    const variants = words.flatMap((word) => [word, word.toLowerCase(), word.toUpperCase(), word[0]!.toUpperCase() + word.slice(1)])
    // Forwards, then the other way round (the cache is shared between cases).
    for (const word of [...variants, ...variants.reverse()]) expect(countSyllables(word), word).toBe(syllable(word))
    for (const word of ['Éclair', 'éclair', 'ÉCLAIR', 'Ångström', 'naïve', 'NAÏVE', 'İstanbul', 'ﬁnance']) expect(countSyllables(word), word).toBe(syllable(word))
  })
})
