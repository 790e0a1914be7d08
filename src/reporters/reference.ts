/** The reading ages of real text shown beside a document's, in words: one sentence for every report and the web page. */
import type {ReadingAge} from '../types.js'

/** "On the same scale, real text measures: Easy Read 12, NHS patient leaflets 16, …", or '' when there are no reference points. */
export function referenceText(readingAge: Pick<ReadingAge, 'reference'>): string {
  const points = readingAge.reference ?? []
  if (points.length === 0) return ''
  return `On the same scale, real text measures: ${points.map((point) => `${point.name} ${point.age}`).join(', ')}.`
}
