/**
 * Parsers hand us text with escapes, entities, line prefixes ("> ", list
 * indentation) and CRLF already removed, while the text-to-words bridges
 * place each word by adding up text lengths. That drifts. Here a text value
 * is lined up against its source and cut into runs that match the source
 * exactly, each with its true start, so every word lands where it was written.
 */

export interface Run {
  value: string
  /** Source offsets of the run: [start, end). */
  start: number
  end: number
}

const ENTITY = /^&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});?/i
const DROPPED = /[\\\s>]/
const AMPERSAND = /^&(?:amp;?|#0*38;?|#x0*26;?)$/i

/** Cut `value` into runs, given the `source` it came from (which starts at `base`). */
export function alignRuns(value: string, source: string, base: number): Run[] {
  if (value === source) return [{value, start: base, end: base + source.length}]
  const runs: Run[] = []
  let run: Run | undefined
  let i = 0
  let j = 0

  const push = (chars: string, at: number, width: number) => {
    if (run && run.end === base + at && width === chars.length) {
      run.value += chars
      run.end += width
      return
    }
    run = {value: chars, start: base + at, end: base + at + width}
    runs.push(run)
    // A run that stands for a different source width is closed at once.
    if (width !== chars.length) run = undefined
  }

  while (i < value.length) {
    const char = value[i]!
    const sourceChar = source[j]
    if (sourceChar === undefined) {
      // Source exhausted (should not happen): keep the rest at the end.
      push(value.slice(i), source.length, 0)
      break
    }
    if (sourceChar === '&') {
      const entity = ENTITY.exec(source.slice(j, j + 40))
      // A literal "&" matches itself unless the source spells it as an entity.
      if (entity && (char !== '&' || AMPERSAND.test(entity[0]))) {
        // One entity may decode to one or two UTF-16 units.
        const width = entity[0].length
        const units = char.codePointAt(0)! > 0xffff ? 2 : 1
        push(value.slice(i, i + units), j, width)
        i += units
        j += width
        continue
      }
    }
    if (char === sourceChar) {
      push(char, j, 1)
      i++
      j++
      continue
    }
    if (sourceChar === '\r' && char === '\n') {
      j++
      continue
    }
    // Markup the parser dropped: escapes, indentation, block-quote markers.
    if (DROPPED.test(sourceChar)) {
      j++
      continue
    }
    // Anything else dropped: skip ahead to where the next characters appear.
    const ahead = source.indexOf(value.slice(i, i + 4), j)
    if (ahead !== -1 && ahead - j <= 80) {
      j = ahead
      continue
    }
    // Anything else: keep the character where the source is.
    push(char, j, 1)
    i++
    j = Math.min(j + 1, source.length)
  }

  return runs
}
