/**
 * retext-simplify's wordy-phrase list, as plainly suggestions: rule ids
 * `simplify/<phrase>`, plain messages, and never a second finding on words
 * the glossary already flagged.
 */
import type {Root} from 'nlcst'
import retextSimplify from 'retext-simplify'
import type {Point, Position} from 'unist'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {addFinding, orList, quote} from '../core/messages.js'

const NOTE = 'A shorter, everyday word or phrase is quicker to read and easier to understand.'

export interface SimplifyOptions {
  /** Phrases of retext-simplify's list not to suggest (see glossary/simplify-off.yml). */
  ignore?: string[]
}

export default function retextSimplifySuggestions(options: SimplifyOptions = {}) {
  const simplify = retextSimplify({ignore: options.ignore ?? []})
  return function (tree: Root, file: VFile): undefined {
    const scratch = new VFile({value: String(file)})
    simplify(tree, scratch)
    const taken = file.messages.filter((message) => message.ruleId?.startsWith('jargon/')).map((message) => span(message))
    for (const message of scratch.messages) {
      const place = span(message)
      if (!place || taken.some((range) => range && overlaps(range, place))) continue
      const actual = String(message.actual ?? '')
      const expected = [...(message.expected ?? [])]
      const omit = message.reason.includes('remove it')
      const reason =
        expected.length === 0
          ? `Leave out ${quote(actual)}`
          : `Use ${orList(expected.slice(0, 3))} instead of ${quote(actual)}${omit ? ', or leave it out' : ''}`
      addFinding(file, {
        reason,
        ruleId: `simplify/${message.ruleId}`,
        severity: 'suggestion',
        place: message.place,
        actual,
        expected,
        note: NOTE,
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

function overlaps(a: [number, number], b: [number, number]): boolean {
  return a[0] < b[1] && b[0] < a[1]
}
