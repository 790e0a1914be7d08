/**
 * The work of a worker thread of the batch (see pool.ts): its own settings
 * (glossaries loaded and compiled once per worker), then files one at a
 * time from the pool, each checked as the batch checks one in its own
 * thread (checkFileOnDisk).
 */
import type {MessagePort} from 'node:worker_threads'
import {GlossaryError} from '../glossary/problems.js'
import type {GlossaryProblem} from '../glossary/types.js'
import {ConfigError} from '../io/config.js'
import type {FoundFile} from '../io/find-files.js'
import {boundMemory} from '../io/memory.js'
import {checkFileOnDisk, type CheckedFile} from './batch.js'
import {createSettings, type BatchOptions, type Settings} from './settings.js'

export interface WorkerData {
  options: BatchOptions
  read: {maxFileSize?: number; view?: boolean}
}

export interface WorkerError {
  message: string
  problems?: GlossaryProblem[]
  configFile?: string
  configMessage?: string
  configLine?: number
}

export interface WorkerReply {
  index: number
  checked?: CheckedFile
  error?: WorkerError
}

/** Answer the pool's tasks on `port` (a worker's parentPort), with the settings it was started with. */
export function serveChecks(port: MessagePort, data: WorkerData): void {
  let settings: Settings | undefined
  port.on('message', async (task: {index: number; file: FoundFile}) => {
    let reply: WorkerReply
    try {
      settings ??= createSettings({...data.options, afterPiece: boundMemory})
      reply = {index: task.index, checked: await checkFileOnDisk(settings, task.file, data.read)}
    } catch (error) {
      const failure: WorkerError = {message: (error as Error).message}
      if (error instanceof GlossaryError) failure.problems = error.problems
      if (error instanceof ConfigError) Object.assign(failure, {configFile: error.file, configMessage: error.detail, configLine: error.line})
      reply = {index: task.index, error: failure}
    }
    port.postMessage(reply)
  })
}
