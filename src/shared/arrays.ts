/**
 * Array helpers that never spread a list into a call: spreading a list into
 * push or Math.max puts every item on the stack, and past some 100,000 items
 * (a long document's findings or words) that overflows it.
 */

/** Append every item of `items` to `target`; returns `target`. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item)
  return target
}

/** The largest of the numbers, or `empty` when there are none. */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let largest = empty
  for (const value of values) if (value > largest) largest = value
  return largest
}

/** How many items lead a sorted list with `before` true (it must be true up to some index, then false): a binary search. */
export function countBefore(length: number, before: (index: number) => boolean): number {
  let low = 0
  let high = length
  while (low < high) {
    const middle = (low + high) >> 1
    if (before(middle)) low = middle + 1
    else high = middle
  }
  return low
}
