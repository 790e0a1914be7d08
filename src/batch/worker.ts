/**
 * Checking one file on disk (checkFileOnDisk): what the batch does for each
 * file, in its own thread or in a worker thread. A worker (see pool.ts)
 * makes its own settings (glossaries loaded and compiled once per worker),
 * then checks files one at a time as the pool sends them.
 */
import type {MessagePort} from 'node:worker_threads'
import {GlossaryError} from '../glossary/problems.js'
import type {GlossaryProblem} from '../glossary/types.js'
import {ConfigError} from '../io/config.js'
import type {FoundFile} from '../io/find-files.js'
import {boundMemory} from '../io/memory.js'
import {readDocumentBytes} from '../io/read.js'
import {isPlainlyReport} from '../reporters/own-reports.js'
import type {DocumentView, FileResult} from '../types.js'
import {createSettings, type BatchOptions, type Settings} from './settings.js'

/** What checking one file gives: no result for a report that plainly wrote, which is not checked. */
export interface CheckedFile {
  result?: FileResult
  view?: DocumentView
}

export async function checkFileOnDisk(settings: Settings, file: FoundFile, options: {maxFileSize?: number; view?: boolean}): Promise<CheckedFile> {
  const read = readDocumentBytes(file.absolute, {maxSize: options.maxFileSize, isOwnReport: isPlainlyReport})
  if ('ownReport' in read) return {}
  const checker = await settings.checkerFor(file.absolute)
  return checker.check({path: file.shown, view: options.view, ...('bytes' in read ? {bytes: read.bytes} : {problem: read.problem})})
}

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
