/** The known name nearest to a misspelt one, for "did you mean …?" hints. Pure. */

/** The candidate closest to `name` (ignoring case), if it is close enough to be a likely typo. */
export function nearest(name: string, candidates: Iterable<string>): string | undefined {
  const wanted = name.toLowerCase()
  // A typo of a short name is one or two letters; of a long one, up to a third of it.
  const limit = Math.max(2, Math.floor(wanted.length / 3))
  let best: string | undefined
  let bestDistance = limit + 1
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase()
    if (Math.abs(lower.length - wanted.length) >= bestDistance) continue
    const distance = editDistance(wanted, lower, bestDistance)
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}

/** ' (did you mean "x"?)', or '' when nothing is close. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const hint = nearest(name, candidates)
  return hint === undefined ? '' : ` (did you mean "${hint}"?)`
}

/** Levenshtein distance, giving up (returning `stop`) once every path costs `stop` or more. */
export function editDistance(a: string, b: string, stop = Infinity): number {
  let previous = Array.from({length: b.length + 1}, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let lowest = i
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
      current[j] = value
      if (value < lowest) lowest = value
    }
    if (lowest >= stop) return stop
    previous = current
  }
  return previous[b.length]!
}
