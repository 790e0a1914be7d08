import type {Location} from 'vfile-location'
import {parseControl, type Control} from './controls.js'

type Place = Pick<Location, 'toPoint'>

/** The plainly control comments in a piece of HTML source that starts at `offset`. */
export function commentControls(html: string, offset: number | undefined, place: Place): Control[] {
  if (offset === undefined || !html.includes('plainly-')) return []
  const controls: Control[] = []
  for (const match of html.matchAll(/<!--([\s\S]*?)-->/g)) {
    const start = place.toPoint(offset + match.index)
    const end = place.toPoint(offset + match.index + match[0].length)
    if (!start || !end) continue
    const control = parseControl(match[1]!, start, end)
    if (control) controls.push(control)
  }
  return controls
}
