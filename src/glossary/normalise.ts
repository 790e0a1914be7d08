/**
 * How words are compared: the same function runs on glossary terms and on
 * document words, so both sides always agree.
 */

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g
const APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4]/g
const HYPHENS = /[\u2010\u2011\u2012\u2013\u2014\u2212]/g
const POSSESSIVE = /(?:'s|s')$/
/** Words that normalising leaves alone, apart from -ize spellings. */
const PLAIN_WORD = /^[a-z\d]*$/
/** Words whose exact form is the word itself. */
const PLAIN_EXACT = /^[a-zA-Z\d]*$/
const APOSTROPHE_S = /'s$/i
/** Terms of words joined by single spaces, with no hyphens or apostrophes to fold. */
const SIMPLE_TERM = /^[^\s\-\u2010-\u2014\u2212\u2018\u2019\u02BC\u0060\u00B4]+(?: [^\s\-\u2010-\u2014\u2212\u2018\u2019\u02BC\u0060\u00B4]+)*$/

/**
 * Lower-case a word, drop invisible characters, fold curly apostrophes, drop
 * a possessive "'s", and fold -ize/-yze spellings onto -ise/-yse so British
 * and American spellings match each other.
 */
export function normaliseWord(word: string): string {
  // Most words are lower-case letters and digits already: only the spelling can change.
  if (PLAIN_WORD.test(word)) return foldSpelling(word)
  let value = word.normalize('NFC').replace(INVISIBLE, '').replace(APOSTROPHES, "'").toLowerCase()
  if (POSSESSIVE.test(value) && value.length > 3) value = value.endsWith("s'") ? value.slice(0, -1) : value.slice(0, -2)
  return foldSpelling(value)
}

/** The exact form used for acronyms: invisible characters and possessives removed, case kept. */
export function exactWord(word: string): string {
  if (PLAIN_EXACT.test(word)) return word
  const value = word.normalize('NFC').replace(INVISIBLE, '').replace(APOSTROPHES, "'")
  return APOSTROPHE_S.test(value) ? value.slice(0, -2) : value
}

const IZE = /([iy])z(e|es|ed|ing|er|ers|ation|ations|ational|ant|antly|ance)$/

/** utilize → utilise, cognizant → cognisant, analyze → analyse. */
export function foldSpelling(word: string): string {
  return word.includes('z') ? word.replace(IZE, '$1s$2') : word
}

/** Split a term into its words and the joins between them. */
export function splitTerm(term: string): {words: string[]; joins: Array<' ' | '-'>} {
  if (SIMPLE_TERM.test(term)) {
    const words = term.split(' ')
    return {words, joins: new Array<' '>(words.length - 1).fill(' ')}
  }
  const cleaned = term.replace(HYPHENS, '-').replace(APOSTROPHES, "'").trim()
  const words: string[] = []
  const joins: Array<' ' | '-'> = []
  for (const match of cleaned.matchAll(/[^\s-]+|\s+|-+/g)) {
    const part = match[0]
    if (/^\s+$/.test(part)) {
      if (words.length > joins.length) joins.push(' ')
    } else if (/^-+$/.test(part)) {
      if (words.length > joins.length) joins.push('-')
      else if (words.length === joins.length && joins.length > 0) joins[joins.length - 1] = '-'
    } else {
      words.push(part)
    }
  }
  return {words, joins: joins.slice(0, Math.max(0, words.length - 1))}
}

/**
 * Every way a term may be written as a run of document words.
 * Words joined by a space also match when hyphenated (documents split
 * hyphenated words into their parts); words joined by a hyphen also match
 * closed up: "co-production", "co production" and "coproduction".
 */
export function termVariants(term: string): string[][] {
  // Context words are matched like the others: only the finding leaves them out (see contextOf).
  if (term.includes('(')) {
    const plain = withoutContextMarks(term)
    if (plain !== term) return termVariants(plain)
  }
  if (SIMPLE_TERM.test(term)) return [term.split(' ')]
  const {words, joins} = splitTerm(term)
  let variants: string[][] = [[words[0] ?? '']]
  for (let index = 0; index < joins.length; index++) {
    const next = words[index + 1]!
    const grown: string[][] = []
    for (const variant of variants) {
      grown.push([...variant, next])
      if (joins[index] === '-') grown.push([...variant.slice(0, -1), variant[variant.length - 1] + next])
    }
    variants = grown
  }
  return variants.filter((variant) => variant.every(Boolean))
}

const VOWEL = /[aeiou]/
const SIBILANT = /(s|x|z|ch|sh)$/
const LOWER_LAST = /[a-z]$/
/** Short vowel and a consonant at the end: the consonant doubles (stop → stopped). */
const DOUBLES_LAST = /[^aeiou][aeiou][bdgklmnprt]$/

/**
 * Regular English endings of one word: plural and third person (-s, -es,
 * -ies), past (-ed, -d, -ied) and -ing, with and without a doubled final
 * consonant. Over-generating is harmless: a form that is not a word never
 * occurs in a document.
 */
export function inflect(word: string): string[] {
  // An array, not a Set: a handful of forms, and this runs for every term a large glossary adds.
  const forms = [word]
  const last = word.at(-1) ?? ''
  const beforeLast = word.at(-2) ?? ''
  if (word.length < 2 || !LOWER_LAST.test(word)) return forms

  if (last === 'y' && !VOWEL.test(beforeLast)) {
    const stem = word.slice(0, -1)
    addForm(forms, `${stem}ies`)
    addForm(forms, `${stem}ied`)
    addForm(forms, `${word}ing`)
  } else if (last === 'e') {
    const stem = word.slice(0, -1)
    addForm(forms, `${word}s`)
    addForm(forms, `${word}d`)
    addForm(forms, `${stem}ing`)
    if (word.endsWith('ee') || word.endsWith('ye') || word.endsWith('oe')) addForm(forms, `${word}ing`)
  } else {
    addForm(forms, SIBILANT.test(word) ? `${word}es` : `${word}s`)
    addForm(forms, `${word}ed`)
    addForm(forms, `${word}ing`)
    if (DOUBLES_LAST.test(word)) {
      addForm(forms, `${word}${last}ed`)
      addForm(forms, `${word}${last}ing`)
    }
  }
  return forms
}

function addForm(forms: string[], form: string): void {
  if (!forms.includes(form)) forms.push(form)
}

/** A word in brackets at the start or end of a term: "(may)" in "(may) experience" (letters, digits and apostrophes only: one document word, as the glossary's schema also says). */
const CONTEXT_WORD = /^\([\p{L}\p{N}'\u2019]+\)$/u

/** The term with the brackets round its context words taken off: "(may) experience" → "may experience". */
export function withoutContextMarks(term: string): string {
  return term
    .trim()
    .split(/\s+/)
    .map((word) => (CONTEXT_WORD.test(word) ? word.slice(1, -1) : word))
    .join(' ')
}

const NO_CONTEXT = Object.freeze({lead: 0, trail: 0})

/**
 * How many of a term's words are context: written in brackets at its start or
 * end ("(may) experience", "following (the)"), they must be in the document for
 * the term to match, but the finding is only the other words, so the advice
 * replaces those ("experience" → "have", keeping "may").
 */
export function contextOf(term: string): {lead: number; trail: number} {
  if (!term.includes('(')) return NO_CONTEXT
  const words = term.trim().split(/\s+/)
  let lead = 0
  while (lead < words.length && CONTEXT_WORD.test(words[lead]!)) lead++
  let trail = 0
  while (trail < words.length - lead && CONTEXT_WORD.test(words[words.length - 1 - trail]!)) trail++
  return lead + trail < words.length ? {lead, trail} : NO_CONTEXT
}

/** The words of a term that a finding covers: without its context words ("following (the)" → "following"). */
export function focusOf(term: string): string {
  const {lead, trail} = contextOf(term)
  const words = term.trim().split(/\s+/)
  return words.slice(lead, words.length - trail).join(' ')
}

