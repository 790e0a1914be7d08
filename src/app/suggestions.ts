/**
 * Words suggested in the page, as the CSV that `plainly glossary import`
 * reads: one row per word, with the glossary's own columns (from its
 * schema: glossary/table.ts), each suggestion `status: proposed` with who
 * proposed it. No DOM: the tests use it as it is.
 */
import schema from '../../glossary/glossary.schema.json' with {type: 'json'}
import {toCsv} from '../glossary/csv.js'
import {createTable} from '../glossary/table.js'

export interface Suggestion {
  term: string
  alternatives: string[]
  why: string
  team: string
  /** When it was suggested (ISO date and time). */
  when: string
}

/** The file `glossary import` writes a suggestion to when not told otherwise (--into). */
export const SUGGESTIONS_FILE = 'suggested-words.yml'

/** An id for a term, as glossary ids are written: lower case words joined by hyphens. */
export function idFor(term: string): string {
  const id = term
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return id === '' ? 'suggested-word' : id
}

/** The suggestions as glossary CSV. */
export function suggestionsCsv(suggestions: readonly Suggestion[]): string {
  const table = createTable(schema as unknown as Record<string, unknown>)
  const used = new Set<string>()
  const rows = suggestions.map((suggestion) => {
    let id = idFor(suggestion.term)
    for (let number = 2; used.has(id); number++) id = `${idFor(suggestion.term)}-${number}`
    used.add(id)
    const alternatives = suggestion.alternatives.map((item) => item.trim()).filter(Boolean)
    const cells: Record<string, string> = {
      id,
      terms: suggestion.term.trim(),
      alternatives: alternatives.join('\n'),
      // With no plainer word, the advice is to explain it.
      explain: alternatives.length === 0 ? 'true' : '',
      note: suggestion.why.trim(),
      severity: 'warning',
      source: `Suggested by ${suggestion.team.trim()}`,
      licence: 'Own words',
      status: 'proposed',
      proposedBy: suggestion.team.trim(),
      file: SUGGESTIONS_FILE
    }
    return table.columns.map((column) => cells[column] ?? '')
  })
  return toCsv([[...table.columns], ...rows])
}

/** What is missing from a suggestion, in words, by field. */
export function suggestionProblems(suggestion: Pick<Suggestion, 'term' | 'why' | 'team'>): Array<{field: 'term' | 'why' | 'team'; message: string}> {
  const problems: Array<{field: 'term' | 'why' | 'team'; message: string}> = []
  if (suggestion.term.trim() === '') problems.push({field: 'term', message: 'Enter the word or phrase'})
  if (suggestion.why.trim() === '') problems.push({field: 'why', message: 'Say why it is hard for readers'})
  if (suggestion.team.trim() === '') problems.push({field: 'team', message: 'Enter your team'})
  return problems
}
