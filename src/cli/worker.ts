/** A worker thread for batch checks (see serve.ts and pool.ts). */
import {parentPort, workerData} from 'node:worker_threads'
import {serveChecks} from './serve.js'

serveChecks(parentPort!, workerData)
