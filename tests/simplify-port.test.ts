/**
 * plainly's wordy-phrase search is a port of retext-simplify's (for speed:
 * see src/plugins/simplify-phrases.ts). Here the real retext-simplify is the
 * oracle: on a large, varied text both must find the same phrases in the same
 * places, and the simplify findings (after de-duplication against glossary
 * hits) must be the same as when the plugin ran retext-simplify itself.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {Root} from 'nlcst'
import retextEnglish from 'retext-english'
import retextSimplify from 'retext-simplify'
import {unified} from 'unified'
import type {Point, Position} from 'unist'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {createRequire} from 'node:module'
import {pathToFileURL} from 'node:url'
import {describe, expect, it} from 'vitest'
import {addFinding, orList, quote} from '../src/plugins/messages.js'
import {loadGlossary} from '../src/io/glossary-files.js'
import retextJargon from '../src/plugins/retext-jargon.js'
import retextSimplifySuggestions from '../src/plugins/retext-simplify-suggestions.js'
import retextUnits from '../src/plugins/retext-units.js'
import {findPhrases, indexPhrases} from '../src/plugins/simplify-phrases.js'
import {toString} from 'nlcst-to-string'
import {pointEnd, pointStart} from 'unist-util-position'
import {generatedProse, projectDocuments, randomSource} from './generated-prose.js'
import {loadEnglishData, SHIPPED_GLOSSARY_DIR} from '../src/io/glossary-files.js'
import {parseSimplifyList, SIMPLIFY_LIST_FILE_NAME} from '../src/glossary/simplify-list.js'
import {Findings} from '../src/core/results.js'

// retext-simplify's list as shipped, before plainly drops any of its suggestions (glossary/simplify-off.yml).
const listed = parseSimplifyList(readFileSync(path.join(SHIPPED_GLOSSARY_DIR, SIMPLIFY_LIST_FILE_NAME), 'utf8'))
const allPhrases = [...indexPhrases(listed).byFirstWord.values()].flat().map((phrase) => phrase.phrase)
const texts = [...projectDocuments(), generatedProse({seed: 3, sentences: 2500, phrases: allPhrases}), generatedProse({seed: 4, sentences: 1500, phrases: allPhrases})]

async function treeOf(text: string): Promise<Root> {
  const processor = unified().use(retextEnglish).use(retextUnits)
  return (await processor.run(processor.parse(text))) as Root
}

const shippedOff = loadEnglishData().simplifyOff
const random = randomSource(5)
const ignoreLists = [[], shippedOff, allPhrases.filter(() => random() < 0.5)]

describe('the wordy-phrase search is a port of retext-simplify', () => {
  it('uses retext-simplify’s own list: glossary/retext-simplify.json matches the installed package (else run scripts/copy-simplify-phrases.mjs)', async () => {
    // The package exports only its plugin, so its list is read from the module beside it.
    const entry = createRequire(import.meta.url).resolve('retext-simplify')
    const {patterns} = (await import(new URL('lib/patterns.js', pathToFileURL(entry)).href)) as {patterns: Record<string, {replace: string[]; omit?: boolean}>}
    const installed = Object.entries(patterns).map(([phrase, pattern]) => ({phrase, replace: [...pattern.replace], omit: pattern.omit === true}))
    expect(listed).toEqual(installed)
    // What a check uses is that list, with some suggestions dropped and none added.
    expect(loadEnglishData().simplifyPhrases.map((item) => item.phrase)).toEqual(installed.map((item) => item.phrase))
    loadEnglishData().simplifyPhrases.forEach((item, index) => expect(installed[index]!.replace).toEqual(expect.arrayContaining([...item.replace])))
    expect(allPhrases.length).toBe(installed.length)
    for (const phrase of shippedOff) expect(allPhrases).toContain(phrase)
  })

  it('finds exactly what retext-simplify finds, with and without switched-off phrases', async () => {
    let compared = 0
    for (const text of texts) {
      const tree = await treeOf(text)
      for (const ignore of ignoreLists) {
        const file = new VFile()
        retextSimplify({ignore})(tree, file)
        const expected = file.messages.map((message) => ({
          ruleId: message.ruleId,
          place: message.place,
          actual: message.actual,
          expected: message.expected,
          omit: message.reason.includes('remove it')
        }))
        const found: typeof expected = []
        findPhrases(tree, indexPhrases(listed, ignore), (nodes, phrase) => {
          const start = pointStart(nodes[0])
          const end = pointEnd(nodes[nodes.length - 1])
          found.push({ruleId: phrase.ruleId, place: start && end ? {start, end} : undefined, actual: toString(nodes), expected: [...phrase.replace], omit: phrase.omit})
        })
        expect(found).toEqual(expected)
        compared += expected.length
      }
    }
    expect(compared).toBeGreaterThan(3000)
  })

  it('gives the same simplify findings as running retext-simplify, after glossary hits (which come first)', async () => {
    const glossary = loadGlossary()
    let findings = 0
    for (const text of texts) {
      const run = async (plugin: typeof retextSimplifySuggestions) => {
        const processor = unified().use(retextEnglish).use(retextUnits).use(retextJargon, {glossary}).use(plugin, {phrases: listed, ignore: shippedOff})
        const file = new VFile(text)
        await processor.run(processor.parse(file), file)
        // As the checker takes them: a wordy phrase inside a glossary term yields to it (core/results.ts).
        const found = new Findings(file)
        found.take(file)
        return found.findings
      }
      const expected = await run(simplifySuggestionsWithRetextSimplify)
      expect(await run(retextSimplifySuggestions)).toEqual(expected)
      findings += expected.filter((finding) => finding.ruleId.startsWith('simplify/')).length
    }
    expect(findings).toBeGreaterThan(500)
  })
})

/** The plugin as it was before the port: retext-simplify into a scratch file, then rewritten. */
function simplifySuggestionsWithRetextSimplify(options: {ignore?: string[]} = {}) {
  const simplify = retextSimplify({ignore: options.ignore ?? []})
  return function (tree: Root, file: VFile): undefined {
    const scratch = new VFile({value: String(file)})
    simplify(tree, scratch)
    const taken = file.messages.filter((message) => message.ruleId?.startsWith('jargon/')).map((message) => span(message))
    for (const message of scratch.messages) {
      const place = span(message)
      if (!place || taken.some((range) => range && place[0] < range[1] && range[0] < place[1])) continue
      const actual = String(message.actual ?? '')
      const expected = [...(message.expected ?? [])]
      const omit = message.reason.includes('remove it')
      const reason = expected.length === 0 ? `Leave out ${quote(actual)}` : `Use ${orList(expected.slice(0, 3))} instead of ${quote(actual)}${omit ? ', or leave it out' : ''}`
      addFinding(file, {
        reason,
        ruleId: `simplify/${message.ruleId}`,
        severity: 'suggestion',
        place: message.place,
        actual,
        expected,
        note: 'A shorter, everyday word or phrase is quicker to read and easier to understand.',
        url: message.url ?? undefined
      })
    }
  }
}

function span(message: VFileMessage): [number, number] | undefined {
  const place = message.place as Position | Point | undefined
  if (!place) return undefined
  if ('start' in place) return place.start.offset !== undefined && place.end.offset !== undefined ? [place.start.offset, place.end.offset] : undefined
  return place.offset !== undefined ? [place.offset, place.offset] : undefined
}
