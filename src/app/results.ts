/**
 * The results of one check, in the page: what to do first (the verdict),
 * the reading age on a scale, the text with its highlights and filters,
 * advice for the selected highlight, every problem in order (a word used
 * again and again once, with its count), the hardest sentences and the
 * words to change most often.
 */
import {referenceText} from '../reporters/reference.js'
import type {Finding, ReadingAge, Severity} from '../types.js'
import {append, byId, clear, h} from './dom.js'
import {usableAlternatives} from './edit.js'
import {capitalise, fullStop, plural, thousands} from './words.js'
import type {Checked, Kind} from './protocol.js'
import {KIND_LABEL, renderDocument, SEVERITY_LABEL, type Rendered, type Shown} from './render.js'

const KINDS: Kind[] = ['jargon', 'acronym', 'wordy', 'sentence', 'age', 'other']
const SEVERITIES: Severity[] = ['error', 'warning', 'suggestion']
const KIND_HELP: Record<Kind, string> = {
  jargon: 'a word or phrase to change (solid line)',
  acronym: 'letters to spell out (dashed line)',
  wordy: 'a wordy phrase (dotted line)',
  sentence: 'a long or hard sentence (wavy line)',
  age: 'the whole text',
  other: 'anything else (double line)'
}
/** The scale of reading ages shown. */
const SCALE = {from: 5, to: 21}
/** At most this many problems are listed; the downloads have them all. */
const LISTED = 500

export interface Showing {
  checked: Checked
  /** The name shown: the file's name, or "your text". */
  name: string
  /** Pasted text: its words can be swapped in place. */
  editable: boolean
}

export interface ResultsHandlers {
  /** Swap a finding's words for an alternative in the pasted text. */
  useWord(finding: Finding, alternative: string): void
}

const hidden = {kinds: new Set<Kind>(), severities: new Set<Severity>()}
let rendered: Rendered | undefined
let showing: Showing | undefined
let selected: {index: number} | undefined

export function showResults(next: Showing, handlers: ResultsHandlers): void {
  showing = next
  const {checked, name} = next
  const {result} = checked
  byId('results').hidden = false
  byId('results-title').textContent = `Results for ${name}`
  byId('verdict').textContent = verdict(checked)
  showAge(result.readingAge)
  showFilters(checked, handlers)
  showText(handlers)
  showList(handlers)
  showHardest(result.readingAge)
  showTop(checked)
}

function verdict({result}: Checked): string {
  const {error, warning, suggestion} = result.counts
  const problems = error + warning
  const age = result.readingAge
  const sentences: string[] = []
  if (age && age.age !== null) sentences.push(`Reading age ${age.age}: ${age.withinTarget ? 'within' : `${plural(age.age - age.target.max, 'year')} above`} the target of ${target(age)}.`)
  sentences.push(problems + suggestion === 0 ? 'We found nothing to change.' : `We found ${plural(problems, 'problem')} to fix (${thousands(error)} must fix, ${thousands(warning)} should fix) and ${plural(suggestion, 'suggestion')}.`)
  return sentences.join(' ')
}

function showAge(age: ReadingAge | null | undefined): void {
  const box = byId('age')
  clear(box)
  if (!age || age.age === null) {
    box.append(h('p', {}, 'There are no sentences to measure yet.'))
    return
  }
  const at = (value: number) => `${((Math.max(SCALE.from, Math.min(SCALE.to, value)) - SCALE.from) / (SCALE.to - SCALE.from)) * 100}%`
  const band = h('span', {class: 'band'})
  band.style.left = at(age.target.min)
  band.style.width = `calc(${at(age.target.max)} - ${at(age.target.min)})`
  const you = h('span', {class: 'you'}, String(age.age > SCALE.to ? `${SCALE.to}+` : age.age))
  you.style.left = at(age.age)
  if (age.age >= SCALE.to - 1) you.classList.add('end')
  if (age.age <= SCALE.from + 1) you.classList.add('start')
  const ticks = [SCALE.from, 9, 11, 16, SCALE.to].map((value) => {
    const tick = h('span', {class: value === SCALE.to ? 'point last' : 'point'}, String(value))
    tick.style.left = at(value)
    return tick
  })
  box.append(
    h('div', {class: 'scale', 'aria-hidden': 'true'}, band, you, ...ticks),
    h(
      'ul',
      {class: 'scale-key'},
      h('li', {}, h('strong', {}, `This text: reading age ${age.age}`), age.withinTarget ? ', within your target.' : `, ${plural(age.age - age.target.max, 'year')} above your target.`),
      h('li', {}, `Your target (the striped part): ${target(age)}.`),
      h('li', {}, 'For comparison: 11 is the end of primary school, and 16 the end of GCSEs.'),
      ...(referenceText(age) ? [h('li', {}, referenceText(age))] : [])
    ),
    h('p', {class: 'hint'}, 'Reading age is the UK school age at which most people could follow the text. It is a rough guide: use it to find the sentences to work on.')
  )
}

function showFilters(checked: Checked, handlers: ResultsHandlers): void {
  const kinds = byId('filter-kinds')
  const severities = byId('filter-severities')
  clear(kinds)
  clear(severities)
  const count = (test: (index: number) => boolean) => checked.kinds.filter((_, index) => test(index)).length
  const box = <T extends string>(group: HTMLElement, value: T, label: string, total: number, set: Set<T>) => {
    const id = `filter-${value}`
    const input = h('input', {type: 'checkbox', id, checked: !set.has(value)})
    input.addEventListener('change', () => {
      if (input.checked) set.delete(value)
      else set.add(value)
      showText(handlers)
      showList(handlers)
    })
    group.append(h('label', {for: id}, input, `${label} (${thousands(total)})`))
  }
  for (const kind of KINDS) {
    const total = count((index) => checked.kinds[index] === kind)
    if (total > 0) box(kinds, kind, KIND_LABEL[kind], total, hidden.kinds)
  }
  for (const severity of SEVERITIES) box(severities, severity, SEVERITY_LABEL[severity], count((index) => checked.result.findings[index]!.severity === severity), hidden.severities)
  const legend = byId('legend')
  clear(legend)
  for (const kind of KINDS) if (kind !== 'age') legend.append(h('li', {}, h('span', {class: `hl k-${kind}`}, KIND_LABEL[kind]), `: ${KIND_HELP[kind]}`))
}

function visible(checked: Checked): Shown[] {
  const shown: Shown[] = []
  checked.result.findings.forEach((finding, index) => {
    const kind = checked.kinds[index]!
    if (finding.fatal || hidden.kinds.has(kind) || hidden.severities.has(finding.severity)) return
    shown.push({index, finding, kind, message: checked.messages[index]!})
  })
  return shown
}

function showText(handlers: ResultsHandlers): void {
  const doc = byId('doc')
  clear(doc)
  if (!showing?.checked.view) return
  rendered = renderDocument(showing.checked.view, visible(showing.checked))
  doc.append(rendered.element)
  if (rendered.leftOut > 0) doc.append(h('p', {class: 'hint'}, `The rest of this document (${thousands(rendered.leftOut)} more ${rendered.leftOut === 1 ? 'part' : 'parts'}) is not shown here, to keep the page quick. The list below and the downloads have every problem.`))
  for (const [mark, on] of rendered.onMark) {
    const open = () => showAdvice(on, handlers, mark)
    mark.addEventListener('click', () => {
      open()
      // On a narrow screen the advice is below the text: go to it.
      const advice = byId('advice')
      if (advice.getBoundingClientRect().top > innerHeight) advice.focus()
    })
    mark.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault()
        open()
        byId('advice').focus()
      }
    })
  }
  // The advice shown before stays if its finding is still there.
  const again = selected && rendered.marks.get(selected.index)
  if (!again) clearAdvice()
}

function clearAdvice(): void {
  selected = undefined
  const body = byId('advice-body')
  clear(body)
  body.append(h('p', {class: 'hint'}, 'Select a highlighted word to see advice here.'))
}

function showAdvice(on: readonly Shown[], handlers: ResultsHandlers, mark?: HTMLElement): void {
  if (!showing) return
  for (const other of document.querySelectorAll('.hl.current')) other.classList.remove('current')
  mark?.classList.add('current')
  selected = {index: on[0]!.index}
  const body = byId('advice-body')
  clear(body)
  for (const item of on) {
    const {finding} = item
    const parts: Array<Node | string> = [
      h('p', {class: 'kind'}, `${KIND_LABEL[item.kind]}: ${SEVERITY_LABEL[finding.severity].toLowerCase()}`),
      finding.actual && item.kind !== 'sentence' ? h('p', {}, 'You wrote ', h('q', {}, finding.actual), '.') : '',
      h('p', {}, fullStop(item.message))
    ]
    if (finding.note) parts.push(h('p', {}, h('strong', {}, 'Why: '), finding.note))
    const later = showing.checked.listed.find((entry) => entry.index === item.index)?.repeatsText
    if (later) parts.push(h('p', {}, later))
    else if (finding.occurrences && finding.occurrences > 1) parts.push(h('p', {}, `This is use ${finding.occurrence} of ${finding.occurrences} in this text.`))
    const alternatives = showing.editable ? usableAlternatives(finding) : []
    if (alternatives.length > 0) {
      parts.push(
        h('p', {}, 'Change it in your text:'),
        h(
          'p',
          {},
          ...alternatives.slice(0, 4).map((alternative) => {
            const button = h('button', {type: 'button', class: 'button small'}, `Use “${alternative}”`)
            button.addEventListener('click', () => handlers.useWord(finding, alternative))
            return button
          })
        )
      )
    } else if (!showing.editable && finding.expected.length > 0 && item.kind !== 'sentence') {
      parts.push(h('p', {class: 'hint'}, 'To change it, edit your document. Or paste its text into the box above: then you can change words here with one click.'))
    }
    body.append(h('div', {class: 'advice-item'}, ...parts))
  }
  if (mark) {
    const back = h('button', {type: 'button', class: 'button small secondary'}, 'Back to the text')
    back.addEventListener('click', () => mark.focus())
    body.append(h('p', {}, back))
  }
  adviceFor = mark
}

/** The highlight whose advice is shown: Escape in the advice goes back to it. */
let adviceFor: HTMLElement | undefined

export function setUpAdvice(): void {
  byId('advice').addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !adviceFor?.isConnected) return
    event.preventDefault()
    adviceFor.focus()
  })
}

function showList(handlers: ResultsHandlers): void {
  const list = byId('findings')
  clear(list)
  if (!showing) return
  const {checked} = showing
  const shownIndexes = new Set(visible(checked).map((item) => item.index))
  const entries = checked.listed.filter((entry) => shownIndexes.has(entry.index))
  for (const entry of entries.slice(0, LISTED)) {
    const finding = checked.result.findings[entry.index]!
    const kind = checked.kinds[entry.index]!
    const item = h(
      'li',
      {},
      h('strong', {}, `${SEVERITY_LABEL[finding.severity]}: `),
      `${kind === 'age' ? '' : `${KIND_LABEL[kind]}. `}${fullStop(checked.messages[entry.index]!)}`,
      finding.note ? ` Why: ${finding.note}` : '',
      entry.repeatsText ? ` ${entry.repeatsText}` : '',
      kind === 'age' ? '' : ' ',
      kind === 'age' ? '' : h('span', {class: 'where'}, `(${capitalise(checked.places[entry.index]!.replace(/^(\d+):\d+$/, 'line $1'))})`)
    )
    const mark = rendered?.marks.get(entry.index)
    if (mark) {
      const button = h('button', {type: 'button', class: 'button small secondary'}, 'Show in the text')
      button.addEventListener('click', () => {
        mark.scrollIntoView({block: 'center'})
        mark.focus()
        showAdvice(rendered!.onMark.get(mark) ?? [], handlers, mark)
      })
      append(item, ' ', button)
    }
    list.append(item)
  }
  if (entries.length === 0) list.append(h('li', {}, checked.listed.length === 0 ? 'Nothing to change.' : 'Nothing to show: every kind is switched off above.'))
  if (entries.length > LISTED) list.append(h('li', {}, `And ${thousands(entries.length - LISTED)} more: download the list of problems to see them all.`))
}

function showHardest(age: ReadingAge | null | undefined): void {
  const list = byId('hardest')
  clear(list)
  const sentences = age?.hardestSentences ?? []
  byId('hard-section').hidden = sentences.length === 0
  for (const sentence of sentences) {
    const text = sentence.text.length > 300 ? `${sentence.text.slice(0, 299).trimEnd()}…` : sentence.text
    const years = Math.round(sentence.raises)
    const drop = sentence.raises <= 0 ? '' : years < 1 ? ' Without it, the reading age would be a little lower.' : ` Without it, the reading age would be about ${plural(years, 'year')} lower.`
    list.append(h('li', {}, h('q', {}, text), h('br'), `${capitalise(sentence.reasons.join(', '))}.${drop}`))
  }
}

function showTop(checked: Checked): void {
  const body = byId('top').querySelector('tbody')!
  clear(body)
  byId('top-section').hidden = checked.top.length === 0
  for (const term of checked.top) {
    body.append(h('tr', {}, h('td', {}, term.term), h('td', {class: 'num'}, thousands(term.count)), h('td', {}, term.expected.slice(0, 3).join(', ') || 'Explain it in plain words')))
  }
}

function target(age: ReadingAge): string {
  return age.target.min === age.target.max ? String(age.target.max) : `${age.target.min} to ${age.target.max}`
}
