/**
 * Small word helpers for the page. The reporters have the same ones
 * (reporters/escape.ts), but importing them would bring the checker's rules
 * into the page's own script, which is kept small: the worker has them.
 */
export function plural(count: number, word: string): string {
  return `${thousands(count)} ${count === 1 ? word : `${word}s`}`
}

/** A count as people write it: 24,000. */
export function thousands(count: number): string {
  return count.toLocaleString('en-GB')
}

/** End with a full stop unless it has one. */
export function fullStop(text: string): string {
  return /[.!?]$/.test(text.trimEnd()) ? text.trimEnd() : `${text.trimEnd()}.`
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}
