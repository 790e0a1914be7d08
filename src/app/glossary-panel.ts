/** The words list: every glossary entry in use, with a search. Built the first time it is opened. */
import type {GlossaryEntry} from '../glossary/types.js'
import {byId, h} from './dom.js'
import {curlyQuotes} from '../shared/quotes.js'
import {withoutContextMarks} from '../glossary/normalise.js'

let built = false

export function showGlossary(entries: readonly GlossaryEntry[]): void {
  if (built) return
  built = true
  const body = byId('words').querySelector('tbody')!
  const search = byId<HTMLInputElement>('search')
  const count = byId('search-count')
  const rows = entries.map((entry) => {
    const row = h(
      'tr',
      {},
      h('td', {}, entry.terms.join(', ')),
      h('td', {}, entry.alternatives.length > 0 ? entry.alternatives.join(', ') : entry.explain ? 'Explain what it means the first time you use it' : ''),
      h('td', {}, curlyQuotes(entry.note)),
      h('td', {}, entry.source)
    )
    return {row, words: [...entry.terms, ...entry.terms.map(withoutContextMarks), ...entry.alternatives, entry.note].join('\n').toLowerCase()}
  })
  body.append(...rows.map((item) => item.row))
  const filter = () => {
    const needle = search.value.trim().toLowerCase()
    let shown = 0
    for (const item of rows) {
      const match = needle === '' || item.words.includes(needle)
      item.row.hidden = !match
      if (match) shown++
    }
    count.textContent = needle === '' ? `${entries.length.toLocaleString('en-GB')} words and phrases.` : shown === 0 ? `No words match “${search.value.trim()}”. You can suggest it.` : `${shown.toLocaleString('en-GB')} of ${entries.length.toLocaleString('en-GB')} words and phrases match “${search.value.trim()}”.`
  }
  search.addEventListener('input', filter)
  filter()
}
