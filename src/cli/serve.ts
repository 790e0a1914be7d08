/**
 * The work of a worker thread for batch checks: one session per worker
 * (glossary compiled once), then files one at a time from the pool.
 */
import type {MessagePort} from 'node:worker_threads'
import {createSession, type SessionOptions} from '../core/session.js'
import {GlossaryError} from '../glossary/load.js'
import {isPlainlyReport} from '../reporters/own-reports.js'
import {boundMemory} from '../io/memory.js'

interface Task {
  index: number
  absolute: string
  shown: string
}

/** Answer the pool's tasks on `port` (a worker's parentPort), with the settings it was started with. */
export function serveChecks(port: MessagePort, data: {options: SessionOptions; withViews: boolean}): void {
  const {options, withViews} = data
  let session: ReturnType<typeof createSession> | undefined
  port.on('message', async (task: Task) => {
    try {
      session ??= createSession({...options, afterPiece: boundMemory})
      // Nothing for a report that plainly wrote: it is not checked.
      const checked = await session.checkDocument(task.absolute, task.shown, {isOwnReport: isPlainlyReport, view: withViews})
      port.postMessage({index: task.index, result: checked?.result, view: checked?.view})
    } catch (error) {
      port.postMessage({
        index: task.index,
        error: {name: (error as Error).name, message: (error as Error).message, problems: error instanceof GlossaryError ? error.problems : undefined}
      })
    }
  })
}
