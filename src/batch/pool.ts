/**
 * Check many files across CPU cores with worker threads, each doing what
 * the batch does in this thread for each file (checkFileOnDisk, see
 * worker.ts). Results come back in the order the files were given,
 * whatever the number of workers. A problem with the settings or a glossary
 * in a worker is the same error here.
 */
import {Worker} from 'node:worker_threads'
import {ConfigError} from '../io/config.js'
import {GlossaryError} from '../glossary/problems.js'
import type {FoundFile} from '../io/find-files.js'
import type {BatchOptions} from './settings.js'
import type {CheckedFile, WorkerData, WorkerError, WorkerReply} from './worker.js'

/**
 * The worker thread's script: bin/worker.js, which runs the bundled
 * command's worker (bin/ loads the build). From src/batch/ and from
 * dist/batch/ alike, two folders up.
 */
const WORKER = new URL('../../bin/worker.js', import.meta.url)

export async function checkInPool(
  tasks: readonly FoundFile[],
  options: {jobs: number; options: BatchOptions; read: WorkerData['read']; onDone?: () => void}
): Promise<CheckedFile[]> {
  const results: CheckedFile[] = new Array(tasks.length)
  const count = Math.max(1, Math.min(options.jobs, tasks.length))
  const data: WorkerData = {options: options.options, read: options.read}
  let next = 0
  let done = 0
  const workers: Worker[] = []
  try {
    // The first failure rejects; a promise settles once, so later ones are ignored.
    await new Promise<void>((resolve, reject) => {
      for (let index = 0; index < count; index++) {
        const worker = new Worker(WORKER, {workerData: data})
        workers.push(worker)
        const feed = () => {
          if (next < tasks.length) {
            worker.postMessage({index: next, file: tasks[next]!})
            next++
          }
        }
        worker.on('message', (reply: WorkerReply) => {
          if (reply.error) return reject(errorFrom(reply.error))
          results[reply.index] = reply.checked!
          done++
          options.onDone?.()
          if (done === tasks.length) resolve()
          else feed()
        })
        worker.on('error', reject)
        worker.on('exit', (code) => {
          if (code !== 0 && done < tasks.length) reject(new Error(`a worker stopped unexpectedly (exit code ${code})`))
        })
        feed()
      }
    })
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
  return results
}

function errorFrom(error: WorkerError): Error {
  if (error.problems) return new GlossaryError(error.problems)
  if (error.configFile !== undefined) return new ConfigError(error.configFile, error.configMessage!, error.configLine)
  return new Error(error.message)
}
