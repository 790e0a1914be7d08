/**
 * "Suggest a word": a form whose suggestions are kept on this computer
 * (local storage) and downloaded as a spreadsheet (CSV) that
 * `plainly glossary import` reads as proposed entries.
 */
import {byId, clear, h} from './dom.js'
import {download, load, save, STORE} from './storage.js'
import {suggestionProblems, suggestionsCsv, type Suggestion} from './suggestions.js'

const FIELDS = {term: 's-term', why: 's-why', team: 's-team'} as const

export function setUpSuggestions(): void {
  const form = byId<HTMLFormElement>('suggest')
  const errors = byId('suggest-errors')
  const value = (id: string) => byId<HTMLInputElement | HTMLTextAreaElement>(id).value
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const suggestion: Suggestion = {
      term: value('s-term').trim(),
      alternatives: value('s-instead').split('\n').map((line) => line.trim()).filter(Boolean),
      why: value('s-why').trim(),
      team: value('s-team').trim(),
      when: new Date().toISOString()
    }
    const problems = suggestionProblems(suggestion)
    for (const id of Object.values(FIELDS)) byId(id).removeAttribute('aria-invalid')
    if (problems.length > 0) {
      clear(errors)
      errors.append(h('p', {}, 'There is a problem:'), h('ul', {}, ...problems.map((problem) => h('li', {}, h('a', {href: `#${FIELDS[problem.field]}`}, problem.message)))))
      for (const problem of problems) byId(FIELDS[problem.field]).setAttribute('aria-invalid', 'true')
      errors.hidden = false
      errors.focus()
      return
    }
    errors.hidden = true
    const all = [...stored(), suggestion]
    save(STORE.suggestions, JSON.stringify(all))
    for (const id of ['s-term', 's-instead', 's-why']) byId<HTMLInputElement>(id).value = ''
    showList(`Saved “${suggestion.term}”. You have ${all.length} ${all.length === 1 ? 'suggestion' : 'suggestions'}.`)
    byId('s-term').focus()
  })
  errors.addEventListener('click', (event) => {
    const link = (event.target as Element).closest('a')
    if (!link) return
    event.preventDefault()
    byId(link.getAttribute('href')!.slice(1)).focus()
  })
  byId('download-suggestions').addEventListener('click', () => {
    download('suggested words.csv', suggestionsCsv(stored()), 'text/csv;charset=utf-8')
  })
  showList()
}

function stored(): Suggestion[] {
  try {
    const list = JSON.parse(load(STORE.suggestions) ?? '[]') as unknown
    return Array.isArray(list) ? (list as Suggestion[]) : []
  } catch {
    return []
  }
}

function showList(announce?: string): void {
  const list = byId('suggestions')
  const all = stored()
  clear(list)
  byId('suggest-none').hidden = all.length > 0
  byId('download-suggestions').hidden = all.length === 0
  all.forEach((suggestion, index) => {
    const remove = h('button', {type: 'button', class: 'button small secondary'}, 'Remove', h('span', {class: 'visually-hidden'}, ` “${suggestion.term}”`))
    remove.addEventListener('click', () => {
      const left = stored().filter((_, at) => at !== index)
      save(STORE.suggestions, left.length === 0 ? '' : JSON.stringify(left))
      showList(`Removed “${suggestion.term}”.`)
    })
    const instead = suggestion.alternatives.length > 0 ? ` Use instead: ${suggestion.alternatives.join(', ')}.` : ''
    list.append(h('li', {}, h('strong', {}, suggestion.term), `.${instead} Why: ${suggestion.why} (${suggestion.team}) `, remove))
  })
  if (announce) byId('suggest-status').textContent = announce
}
