/**
 * The remembered per-word counts (syllables, word facts) give the same
 * answers as the packages they remember, whatever order words come in;
 * textOf gives the same text as nlcst-to-string.
 */
import {toString} from 'nlcst-to-string'
import retextEnglish from 'retext-english'
import {syllable} from 'syllable'
import {unified} from 'unified'
import type {Nodes} from 'nlcst'
import type {Node} from 'unist'
import {describe, expect, it} from 'vitest'
import {countSyllables} from '../src/plugins/syllables.js'
import {textOf} from '../src/plugins/words.js'
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

describe('textOf', () => {
  it('gives what nlcst-to-string gives for every node of parsed prose, and for lists of nodes', () => {
    const text = `${generatedProse({seed: 11, sentences: 200})}\n\n- a list item\n1) “quoted” co-production, don’t — 111. Then 5 £ 🙂\u200B stop.\n`
    const tree = unified().use(retextEnglish).parse(text)
    let nodes = 0
    const visit = (node: Node) => {
      nodes++
      expect(textOf(node)).toBe(toString(node as Nodes))
      if ('children' in node && Array.isArray(node.children)) {
        expect(textOf(node.children as Node[])).toBe(toString(node.children as Nodes[]))
        for (const child of node.children as Node[]) visit(child)
      }
    }
    visit(tree as Node)
    expect(nodes).toBeGreaterThan(5000)
    expect(textOf(tree as Node)).toBe(text)
    expect(textOf([])).toBe('')
  })
})
