/**
 * Kinds of document and the settings that suit each (glossary/profiles.yml),
 * and the reading ages of real text that reports show beside a document's.
 * Data, like the glossary: change them there, not in the code.
 */
import {parse} from 'yaml'
import {parseTargetAge} from '../shared/target-age.js'
import {SEVERITIES, type RuleSetting, type TargetAge} from '../types.js'

export interface Profile {
  name: string
  description: string
  targetAge?: TargetAge
  maxSentenceWords?: number
  veryLongSentenceWords?: number
  /**
   * Rules given another severity (or switched off) for this kind of
   * document, before the settings' own `rules`, which win.
   */
  rules?: Record<string, RuleSetting>
}

/** The reading age plainly measures on a kind of real text. */
export interface ReferencePoint {
  name: string
  age: number
  /** What was measured. */
  measured: string
}

export interface ProfileData {
  profiles: Profile[]
  referencePoints: ReferencePoint[]
}

export const PROFILES_FILE_NAME = 'profiles.yml'

const RULE_SETTINGS: readonly RuleSetting[] = ['off', ...SEVERITIES]

/** The settings of a profile that count words in a sentence. */
const WORD_COUNTS = ['maxSentenceWords', 'veryLongSentenceWords'] as const

/** Parse and check glossary/profiles.yml. Throws naming what is wrong. */
export function parseProfiles(text: string): ProfileData {
  const data = (parse(text) ?? {}) as {profiles?: unknown; referencePoints?: unknown}
  const fail = (what: string): never => {
    throw new Error(`glossary/${PROFILES_FILE_NAME}: ${what}`)
  }
  if (!data.profiles || typeof data.profiles !== 'object') fail('"profiles" must be a map of kinds of document')
  const profiles = Object.entries(data.profiles as Record<string, Record<string, unknown>>).map(([name, value]) => {
    if (!/^[a-z][a-z0-9-]*$/.test(name)) fail(`profile "${name}" must be named in small letters and hyphens`)
    const profile: Profile = {name, description: String(value?.description ?? fail(`profile "${name}" needs a description`))}
    for (const key of Object.keys(value)) if (!['description', 'targetAge', 'rules', ...WORD_COUNTS].includes(key)) fail(`profile "${name}": unknown setting "${key}"`)
    if (value.rules !== undefined) {
      const rules = value.rules as Record<string, unknown>
      if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) fail(`profile "${name}": "rules" must be a map of rule names to off, error, warning or suggestion`)
      for (const [rule, setting] of Object.entries(rules)) {
        if (!RULE_SETTINGS.includes(setting as RuleSetting)) fail(`profile "${name}": rule "${rule}" must be off, error, warning or suggestion`)
      }
      profile.rules = rules as Record<string, RuleSetting>
    }
    if (value.targetAge !== undefined) profile.targetAge = parseTargetAge(value.targetAge) ?? fail(`profile "${name}": "targetAge" must be an age such as 11, or a range such as 9-11`)
    for (const key of WORD_COUNTS) {
      if (value[key] === undefined) continue
      if (!Number.isInteger(value[key]) || (value[key] as number) < 1) fail(`profile "${name}": "${key}" must be a whole number`)
      profile[key] = value[key] as number
    }
    return profile
  })
  if (!Array.isArray(data.referencePoints)) fail('"referencePoints" must be a list')
  const referencePoints = (data.referencePoints as Array<Record<string, unknown>>).map((point) => {
    if (typeof point?.name !== 'string' || !Number.isInteger(point.age) || typeof point.measured !== 'string') fail('each reference point needs a name, an age (a whole number) and what was measured')
    return {name: point.name as string, age: point.age as number, measured: point.measured as string}
  })
  return {profiles, referencePoints}
}
