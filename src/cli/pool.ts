/**
 * Check many files across CPU cores with worker threads. Results come back
 * in the order the files were given, whatever the number of workers.
 */
import {Worker} from 'node:worker_threads'
import type {SessionOptions} from '../core/session.js'
import {GlossaryError} from '../glossary/load.js'
import type {GlossaryProblem} from '../glossary/types.js'
import type {DocumentView, FileResult} from '../types.js'
import {UsageError} from './errors.js'

export interface PoolTask {
  absolute: string
  shown: string
}

export interface PoolResult {
  /** None for a report that plainly wrote (not checked). */
  result?: FileResult
  view?: DocumentView
}

interface Reply {
  index: number
  result?: FileResult
  view?: DocumentView
  error?: {name: string; message: string; problems?: GlossaryProblem[]}
}

/** Set by scripts/bundle.mjs in the bundled command: the worker that loads the bundle (relative to dist/cli/). */
declare const PLAINLY_WORKER: string | undefined
// Otherwise the worker is the built one (dist/), also when tests run the TypeScript sources.
const WORKER = new URL(typeof PLAINLY_WORKER === 'string' ? PLAINLY_WORKER : '../../dist/cli/worker.js', import.meta.url)

export async function checkInPool(
  tasks: readonly PoolTask[],
  options: {jobs: number; session: SessionOptions; withViews: boolean; onDone?: (done: number) => void}
): Promise<PoolResult[]> {
  const results: PoolResult[] = new Array(tasks.length)
  const count = Math.max(1, Math.min(options.jobs, tasks.length))
  let next = 0
  let done = 0
  const workers: Worker[] = []
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false
      const fail = (error: Error) => {
        if (failed) return
        failed = true
        reject(error)
      }
      for (let index = 0; index < count; index++) {
        const worker = new Worker(WORKER, {workerData: {options: options.session, withViews: options.withViews}})
        workers.push(worker)
        const feed = () => {
          if (next < tasks.length) {
            const task = tasks[next]!
            worker.postMessage({index: next, absolute: task.absolute, shown: task.shown})
            next++
          }
        }
        worker.on('message', (reply: Reply) => {
          if (reply.error) {
            fail(reply.error.problems ? new GlossaryError(reply.error.problems) : new UsageError(reply.error.message))
            return
          }
          results[reply.index] = {result: reply.result, view: reply.view}
          done++
          options.onDone?.(done)
          if (done === tasks.length) resolve()
          else feed()
        })
        worker.on('error', fail)
        worker.on('exit', (code) => {
          if (code !== 0 && done < tasks.length) fail(new Error(`a worker stopped unexpectedly (exit code ${code})`))
        })
        feed()
      }
    })
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
  return results
}
