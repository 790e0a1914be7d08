/** The fields a glossary file and its entries may have, and the forms of some values. */
import type {EntryStatus} from './types.js'

export const ENTRY_KEYS = [
  'id',
  'term',
  'terms',
  'alternatives',
  'explain',
  'note',
  'severity',
  'source',
  'licence',
  'acronym',
  'except',
  'forms',
  'inflect',
  'status',
  'proposedBy',
  'reviewed',
  'url',
  'examples',
  'disabled',
  'autofix'
] as const
export const FILE_KEYS = ['description', 'entries', 'knownAcronyms'] as const
export const STATUSES: readonly EntryStatus[] = ['proposed', 'accepted', 'retired']
export const ID_PATTERN = /^[a-z\d][a-z\d-]*$/
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/
