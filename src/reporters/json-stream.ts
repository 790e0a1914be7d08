/**
 * JSON text in pieces, exactly as JSON.stringify(value, null, 2) would give
 * it, for the machine formats (JSON, SARIF): the lists under `big` keys are
 * written an item at a time, so no piece is the size of the whole report (a
 * report of a million findings is several hundred megabytes, more than a
 * JavaScript string can hold). A list under a big key may also be any
 * iterable, such as a generator that makes each item only when it is
 * written. Everything else is JSON.stringify's own text, at its depth.
 */

/** The pieces of `value`'s JSON (two-space indentation), nested `depth` levels deep. */
export function* jsonPieces(value: unknown, big: ReadonlySet<string>, depth = 0): Generator<string> {
  if (isList(value)) {
    yield* listPieces(value, big, depth)
  } else if (value !== null && typeof value === 'object' && hasBig(value, big)) {
    yield* objectPieces(value as Record<string, unknown>, big, depth)
  } else {
    yield stringifyAt(value, depth) ?? 'null'
  }
}

function* objectPieces(object: Record<string, unknown>, big: ReadonlySet<string>, depth: number): Generator<string> {
  const inner = `\n${'  '.repeat(depth + 1)}`
  let members = 0
  for (const [key, value] of Object.entries(object)) {
    if (big.has(key) && (isList(value) || (value !== null && typeof value === 'object'))) {
      yield `${members === 0 ? '{' : ','}${inner}${JSON.stringify(key)}: `
      yield* jsonPieces(value, big, depth + 1)
      members++
      continue
    }
    // What JSON.stringify leaves out of an object (undefined, functions, symbols).
    const text = stringifyAt(value, depth + 1)
    if (text === undefined) continue
    yield `${members === 0 ? '{' : ','}${inner}${JSON.stringify(key)}: ${text}`
    members++
  }
  yield members === 0 ? '{}' : `\n${'  '.repeat(depth)}}`
}

function* listPieces(list: Iterable<unknown>, big: ReadonlySet<string>, depth: number): Generator<string> {
  const inner = `\n${'  '.repeat(depth + 1)}`
  let items = 0
  for (const item of list) {
    // The separator apart from the item: joined, a long item's text would be copied again.
    yield items === 0 ? `[${inner}` : `,${inner}`
    if (item !== null && typeof item === 'object' && !isList(item) && hasBig(item, big)) yield* objectPieces(item as Record<string, unknown>, big, depth + 1)
    else yield stringifyAt(item, depth + 1) ?? 'null'
    items++
  }
  yield items === 0 ? '[]' : `\n${'  '.repeat(depth)}]`
}

/** JSON.stringify's text for a value at this depth (its inner lines indented to it); undefined where it gives none. */
function stringifyAt(value: unknown, depth: number): string | undefined {
  const text = JSON.stringify(value, null, 2) as string | undefined
  if (text === undefined || depth === 0 || !text.includes('\n')) return text
  return text.replaceAll('\n', `\n${'  '.repeat(depth)}`)
}

/** An array, or any other iterable object that JSON would write as a list (a generator). */
function isList(value: unknown): value is Iterable<unknown> {
  return Array.isArray(value) || (value !== null && typeof value === 'object' && typeof (value as {[Symbol.iterator]?: unknown})[Symbol.iterator] === 'function' && !(value instanceof Map) && !(value instanceof Set))
}

function hasBig(object: object, big: ReadonlySet<string>): boolean {
  return Object.keys(object).some((key) => big.has(key))
}
