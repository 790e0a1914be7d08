/** Target reading ages as people write them. */
import type {TargetAge} from '../types.js'

/** Parse "11", "9-11", 11 or {min, max} into a target. Undefined when invalid. */
export function parseTargetAge(value: unknown): TargetAge | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 5 ? {min: value, max: value} : undefined
  if (typeof value === 'string') {
    const match = /^\s*(\d{1,2})\s*(?:(?:-|–|to)\s*(\d{1,2}))?\s*$/.exec(value)
    if (!match) return undefined
    const min = Number(match[1])
    const max = match[2] ? Number(match[2]) : min
    return min >= 5 && min <= max ? {min, max} : undefined
  }
  if (value && typeof value === 'object' && 'min' in value && 'max' in value) {
    const {min, max} = value as {min: unknown; max: unknown}
    return typeof min === 'number' && typeof max === 'number' && min >= 5 && min <= max ? {min, max} : undefined
  }
  return undefined
}
