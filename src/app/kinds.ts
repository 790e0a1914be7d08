/** Which kind of problem a finding is, for its highlight and the filters. */
import {PLAINLY_RULES} from '../core/rules.js'
import type {Finding} from '../types.js'
import type {Kind} from './protocol.js'

export function kindOf(finding: Finding): Kind {
  const family = finding.ruleId.split('/')[0]
  if (family === 'jargon') return 'jargon'
  if (family === 'acronym') return 'acronym'
  if (family === 'simplify') return 'wordy'
  const about = PLAINLY_RULES.aboutOf(finding.ruleId)
  if (about === 'sentence') return 'sentence'
  if (about === 'document') return 'age'
  return 'other'
}
