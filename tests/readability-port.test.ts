/**
 * plainly's hard-sentence vote is a port of retext-readability's (for speed:
 * see src/plugins/readability-vote.ts). Here the real retext-readability is
 * the oracle: on a large, varied text both must flag the same sentences, and
 * the hard-sentence findings must be the same as when the plugin ran
 * retext-readability itself.
 */
import type {Root, Sentence} from 'nlcst'
import retextEnglish from 'retext-english'
import retextReadability from 'retext-readability'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {isHardSentence, voteSettings} from '../src/plugins/readability-vote.js'
import retextHardSentences, {addHardSentenceFinding, HARD_SENTENCE_MIN_WORDS, HARD_SENTENCE_THRESHOLD, SHORT_SENTENCE_LONG_WORDS, SHORT_SENTENCE_WORDS, type HardSentenceOptions} from '../src/plugins/retext-hard-sentences.js'
import {countSentence} from '../src/plugins/sentence-counts.js'
import retextUnits from '../src/plugins/retext-units.js'
import {sentencesOf} from '../src/plugins/words.js'
import {generatedProse, projectDocuments} from './generated-prose.js'

const texts = [...projectDocuments(), generatedProse({seed: 1, sentences: 2500})]

async function treeOf(text: string): Promise<{tree: Root; file: VFile}> {
  const processor = unified().use(retextEnglish).use(retextUnits)
  const file = new VFile(text)
  const tree = (await processor.run(processor.parse(file), file)) as Root
  return {tree, file}
}

/** Start offsets of the sentences retext-readability flags. */
function oracleFlags(tree: Root, options: {age: number; threshold?: number; minWords?: number}): number[] {
  const file = new VFile()
  retextReadability(options)(tree, file)
  return file.messages.map((message) => (message.ancestors?.at(-1) as Sentence).position!.start.offset!)
}

function portFlags(tree: Root, options: {age: number; threshold?: number; minWords?: number}): number[] {
  const settings = voteSettings(options)
  return sentencesOf(tree)
    .filter((sentence) => isHardSentence(sentence, settings))
    .map((sentence) => sentence.position!.start.offset!)
}

/** The hard-sentence plugin as it was before the port: retext-readability on every sentence. */
function hardSentencesWithReadability(options: HardSentenceOptions) {
  const readability = retextReadability({
    age: options.target.max,
    threshold: options.threshold ?? HARD_SENTENCE_THRESHOLD,
    minWords: options.minWords ?? HARD_SENTENCE_MIN_WORDS
  })
  return function (tree: Root, file: VFile): undefined {
    const scratch = new VFile({value: String(file)})
    readability(tree, scratch)
    const long = new Set(file.messages.filter((message) => message.ruleId === 'long-sentence').map((message) => (message.place && 'start' in message.place ? message.place.start.offset : undefined)))
    for (const message of scratch.messages) {
      const sentence = message.ancestors?.at(-1) as Sentence | undefined
      if (sentence?.type !== 'SentenceNode' || !sentence.position) continue
      if (long.has(sentence.position.start.offset)) continue
      // A short sentence needs three long words (plainly's own rule, on top of the vote).
      const counts = countSentence(sentence)
      if (counts.words <= SHORT_SENTENCE_WORDS && counts.longWords.length < SHORT_SENTENCE_LONG_WORDS) continue
      addHardSentenceFinding(file, sentence, options.target)
    }
  }
}

const settings = [
  {age: 11, threshold: 6 / 7, minWords: 8}, // plainly's default
  {age: 11},
  {age: 9, threshold: 6 / 7, minWords: 8},
  {age: 14, threshold: 5 / 7, minWords: 3},
  {age: 16, threshold: 7 / 7, minWords: 0}
]

// The project's documents include the whole glossary's docs: comparing with the real plugin takes a while.
describe('the hard-sentence vote is a port of retext-readability', {timeout: 180_000}, () => {
  it('flags exactly the sentences retext-readability flags, at several ages, thresholds and lengths', async () => {
    let compared = 0
    let flagged = 0
    for (const text of texts) {
      const {tree} = await treeOf(text)
      compared += sentencesOf(tree).length
      for (const options of settings) {
        const expected = oracleFlags(tree, options)
        expect(portFlags(tree, options), JSON.stringify(options)).toEqual(expected)
        flagged += expected.length
      }
    }
    // The comparison means something only if the text is large and both outcomes happen often.
    expect(compared).toBeGreaterThan(3000)
    expect(flagged).toBeGreaterThan(1000)
    expect(compared * settings.length - flagged).toBeGreaterThan(1000)
  })

  it('gives the same hard-sentence findings as running retext-readability', async () => {
    for (const target of [
      {min: 9, max: 11},
      {min: 14, max: 14}
    ]) {
      let findings = 0
      for (const text of texts) {
        const run = async (plugin: typeof retextHardSentences) => {
          const {tree, file} = await treeOf(text)
          plugin({target})(tree, file)
          return file.messages.map((message) => ({reason: message.reason, ruleId: message.ruleId, place: message.place, actual: message.actual, note: message.note}))
        }
        const expected = await run(hardSentencesWithReadability)
        expect(await run(retextHardSentences)).toEqual(expected)
        findings += expected.length
      }
      expect(findings).toBeGreaterThan(100)
    }
  })
})
