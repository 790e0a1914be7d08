/**
 * Put entries into glossary YAML text, keeping everything else in the file
 * (comments, order, other entries): an entry with the same id is replaced
 * in place, a new one is added at the end. Pure: text in, text out.
 */
import {Document, isMap, isSeq, parseDocument, type YAMLSeq} from 'yaml'

export function mergeEntriesIntoYaml(existing: string | undefined, entries: ReadonlyArray<Record<string, unknown>>): string {
  const doc = existing === undefined ? new Document({description: 'Imported glossary entries', entries: []}) : parseDocument(existing)
  let list = doc.get('entries', true) as YAMLSeq | undefined
  if (!isSeq(list)) {
    list = doc.createNode([]) as YAMLSeq
    doc.set('entries', list)
  }
  for (const entry of entries) {
    const node = doc.createNode(entry)
    const index = list.items.findIndex((item) => isMap(item) && item.get('id') === entry.id)
    if (index === -1) {
      list.items.push(node)
    } else {
      const old = list.items[index] as {commentBefore?: string | null; comment?: string | null}
      ;(node as {commentBefore?: string | null}).commentBefore = old.commentBefore
      list.items[index] = node
    }
  }
  return doc.toString({lineWidth: 100, minContentWidth: 40})
}
