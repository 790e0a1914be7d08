/**
 * docs/rules.md, made from the list of rules (core/rules.ts) by
 * `npm run docs`; a test fails when the file in the repository is stale.
 */
import {RULES} from '../core/rules.js'
import type {RuleMeta} from '../types.js'

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
/** Text shown as written: "<!-- … -->" and "<name>" are not HTML. */
const plain = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const code = (text: string) => `\`${text}\``

function ruleName(rule: RuleMeta): string {
  if (!rule.family) return code(rule.id)
  const members = rule.members ? Object.keys(rule.members).map((name) => code(`${rule.id}/${name}`)).join(', ') : code(`${rule.id}/<name>`)
  return `${code(rule.id)}: ${members}`
}

export function renderRulesDoc(rules: readonly RuleMeta[] = RULES): string {
  const lines = [
    '# Rules',
    '',
    '<!-- Made by `npm run docs` from the rules in src/ (each declared beside its code; listed in src/core/rules.ts). Do not edit by hand. -->',
    '',
    'Every finding has a rule id. Switch a rule off or change its severity under `rules:` in a settings file',
    '(`long-sentence: off`, `jargon/*: suggestion`), or in a comment in the document (`<!-- plainly-disable long-sentence -->`).',
    'A family (`jargon`, `simplify`) names all its rules at once. Problems with the file itself are always reported.',
    '',
    '| Rule | Title | Default | What it looks for | Example | Settings |',
    '| --- | --- | --- | --- | --- | --- |'
  ]
  for (const rule of rules) {
    const example = rule.example ? [`Flags: “${plain(rule.example.flag)}”`, rule.example.pass ? `Passes: “${plain(rule.example.pass)}”` : ''].filter(Boolean).join('<br>') : ''
    const options = Object.entries(rule.options ?? {})
      .map(([name, text]) => `${code(name)}: ${plain(text)}`)
      .join('<br>')
    const severity = rule.configurable === false ? `${rule.severity} (always)` : rule.severity
    lines.push(`| ${[ruleName(rule), plain(rule.title), severity, plain(rule.description), example, options].map(cell).join(' | ')} |`)
  }
  lines.push(
    '',
    'Retext plugins added in a settings file (`plugins:`) bring their own rules, named after the package: `retext-passive/<rule>`.',
    ''
  )
  return lines.join('\n')
}
