/**
 * Every rule plainly has, each declared beside its code (see
 * plugins/check.ts). Comment controls, settings validation (`rules:`),
 * SARIF rule descriptors, the reports' groupings, `glossary show` and
 * docs/rules.md are all made from this list.
 *
 * Adding a rule: its file (a retext plugin and its Check), plus one line in CHECKS.
 */
import type {Check} from '../plugins/check.js'
import {hardSentenceCheck} from '../plugins/retext-hard-sentences.js'
import {jargonCheck} from '../plugins/retext-jargon.js'
import {readingAgeCheck} from '../plugins/retext-reading-age.js'
import {simplifyCheck} from '../plugins/retext-simplify-suggestions.js'
import type {RuleMeta} from '../types.js'
import {coreCheck} from './core-rules.js'

/** The checks, in the order their plugins run (the order changes no result: see yieldsTo). */
export const CHECKS: readonly Check[] = [jargonCheck, simplifyCheck, readingAgeCheck, hardSentenceCheck, coreCheck]

export const RULES: readonly RuleMeta[] = CHECKS.flatMap((check) => check.rules)

/** Names of the data-driven rules of each family (glossary ids, phrase ids), to check names against. */
export type FamilyMembers = Record<string, ReadonlySet<string>>

/** The family part of a rule id: "jargon/robust" → "jargon" ("@team/retext-x/rule" → "@team/retext-x"). */
export function familyOf(ruleId: string): string {
  const slash = ruleId.indexOf('/', ruleId.startsWith('@') ? ruleId.indexOf('/') + 1 : 0)
  return slash === -1 ? ruleId : ruleId.slice(0, slash)
}

/**
 * The rules of one run: plainly's own and those of any retext plugins the
 * settings add, with the names of the data-driven rules of each family.
 */
export class RuleBook {
  readonly #byId: Map<string, RuleMeta>

  constructor(
    readonly rules: readonly RuleMeta[] = RULES,
    private readonly members: () => FamilyMembers = () => ({})
  ) {
    this.#byId = new Map(rules.map((rule) => [rule.id, rule]))
  }

  /** The rule (or family) a rule id belongs to: "jargon/robust" → the jargon family. */
  ruleFor(ruleId: string): RuleMeta | undefined {
    const direct = this.#byId.get(ruleId)
    if (direct) return direct
    const family = this.#byId.get(familyOf(ruleId))
    return family?.family ? family : undefined
  }

  /** A plain one-line title, such as "Long sentence" or "Jargon: stakeholder". */
  titleOf(ruleId: string): string {
    const rule = this.ruleFor(ruleId)
    if (!rule) return ruleId
    if (rule.id === ruleId) return rule.title
    const name = ruleId.slice(rule.id.length + 1)
    return rule.members?.[name] ?? `${rule.title}: ${name}`
  }

  /** What a rule's findings point at (see RuleMeta.about); another plugin's, some words. */
  aboutOf(ruleId: string): NonNullable<RuleMeta['about']> {
    return this.ruleFor(ruleId)?.about ?? 'words'
  }

  /**
   * Whether a name can stand for rules in settings (`rules:`) or a comment:
   * a rule id, a family ("jargon", "jargon/*"), or one rule of a family
   * ("jargon/robust"). A family whose rules nobody lists (another retext
   * plugin's) takes any name.
   */
  isRuleName(name: string): boolean {
    if (name.endsWith('/*')) return this.#byId.get(name.slice(0, -2))?.family === true
    if (this.#byId.has(name)) return true
    const family = this.#byId.get(familyOf(name))
    if (!family?.family || family.id === name) return false
    const member = name.slice(family.id.length + 1)
    if (family.members) return member in family.members
    const known = this.members()[family.id]
    return known ? known.has(member) : true
  }

  /** Every name isRuleName accepts (of the families it can list), for "did you mean …?" hints. */
  ruleNames(): string[] {
    const names: string[] = []
    for (const rule of this.rules) {
      names.push(rule.id)
      if (!rule.family) continue
      names.push(`${rule.id}/*`)
      for (const member of rule.members ? Object.keys(rule.members) : (this.members()[rule.id] ?? [])) names.push(`${rule.id}/${member}`)
    }
    return names
  }
}

/** plainly's own rules, as reports see them. */
export const PLAINLY_RULES = new RuleBook()
