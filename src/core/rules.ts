/**
 * Every rule plainly has, each declared beside its code. Comment controls,
 * settings validation (`rules:`), SARIF rule descriptors, reporters'
 * groupings, `glossary show` and docs/rules.md are made from this list.
 * Adding a rule: its file, plus one line here.
 */
import {acronymRule, jargonRule} from '../plugins/retext-jargon.js'
import {hardSentenceRule} from '../plugins/retext-hard-sentences.js'
import {longSentenceRule, readingAgeRule} from '../plugins/retext-reading-age.js'
import {simplifyRule} from '../plugins/retext-simplify-suggestions.js'
import type {RuleMeta} from '../types.js'
import {emptyFileRule, fileRule, internalErrorRule, unknownControlRule} from './core-rules.js'

export const RULES: readonly RuleMeta[] = [
  jargonRule,
  acronymRule,
  simplifyRule,
  readingAgeRule,
  longSentenceRule,
  hardSentenceRule,
  emptyFileRule,
  unknownControlRule,
  fileRule,
  internalErrorRule
]

const byId = new Map(RULES.map((rule) => [rule.id, rule]))

/** The rule (or family) a rule id belongs to: "jargon/robust" → the jargon family. */
export function ruleFor(ruleId: string): RuleMeta | undefined {
  const direct = byId.get(ruleId)
  if (direct) return direct
  const slash = ruleId.indexOf('/')
  const family = slash === -1 ? undefined : byId.get(ruleId.slice(0, slash))
  return family?.family ? family : undefined
}

/** Names of the data-driven rules of each family (glossary ids, phrase ids), to check names against. */
export type FamilyMembers = Record<string, ReadonlySet<string>>

/**
 * Whether a name can stand for rules in settings (`rules:`) or a comment:
 * a rule id, a family ("jargon", "jargon/*"), or one rule of a family
 * ("jargon/robust") that `members` knows.
 */
export function isRuleName(name: string, members: FamilyMembers = {}): boolean {
  const star = name.endsWith('/*') ? name.slice(0, -2) : undefined
  if (star !== undefined) return byId.get(star)?.family === true
  const rule = byId.get(name)
  if (rule) return true
  const slash = name.indexOf('/')
  if (slash === -1) return false
  const family = byId.get(name.slice(0, slash))
  return family?.family === true && (members[family.id]?.has(name.slice(slash + 1)) ?? false)
}

/** Every name isRuleName accepts, for "did you mean …?" hints. */
export function ruleNames(members: FamilyMembers = {}): string[] {
  const names: string[] = []
  for (const rule of RULES) {
    names.push(rule.id)
    if (rule.family) {
      names.push(`${rule.id}/*`)
      for (const member of members[rule.id] ?? []) names.push(`${rule.id}/${member}`)
    }
  }
  return names
}
