/**
 * A worker thread for batch checks: one session per worker (glossary
 * compiled once), then files one at a time from the pool.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {createSession, type SessionOptions} from '../core/session.js'
import {GlossaryError} from '../glossary/load.js'

interface Task {
  index: number
  absolute: string
  shown: string
}

const {options, withSources} = workerData as {options: SessionOptions; withSources: boolean}
let session: ReturnType<typeof createSession> | undefined

parentPort!.on('message', async (task: Task) => {
  try {
    session ??= createSession(options)
    const {result, source} = await session.checkDocument(task.absolute, task.shown)
    parentPort!.postMessage({index: task.index, result, source: withSources ? source : undefined})
  } catch (error) {
    parentPort!.postMessage({
      index: task.index,
      error: {name: (error as Error).name, message: (error as Error).message, problems: error instanceof GlossaryError ? error.problems : undefined}
    })
  }
})
