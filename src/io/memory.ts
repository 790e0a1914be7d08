/**
 * Memory for very long documents. Checked a piece at a time, a 20 MB
 * document makes thousands of short-lived trees, and V8 lets their garbage
 * pile up to several times what is really in use before it collects it (a
 * peak of over a gigabyte for some 200 MB alive). After each piece, when
 * the heap holds more than twice what was alive after the last full
 * collection (and at least HEAP_FLOOR), plainly asks for a full collection.
 * Ordinary documents are never checked in pieces, so they never get here.
 */
import {getHeapStatistics, setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'

/** Below this much heap in use, nothing is done (bytes). */
const HEAP_FLOOR = 256 * 1024 * 1024

let collect: (() => void) | undefined
let aliveAfterLast = 0

/** Collect garbage now if the heap has grown well past what is alive (see above). */
export function boundMemory(): void {
  const used = getHeapStatistics().used_heap_size
  if (used < Math.max(HEAP_FLOOR, 2 * aliveAfterLast)) return
  if (!collect) {
    // V8's own full collection, made callable (as node --expose-gc does), and only for this.
    setFlagsFromString('--expose-gc')
    collect = runInNewContext('gc') as () => void
  }
  collect()
  aliveAfterLast = getHeapStatistics().used_heap_size
}
