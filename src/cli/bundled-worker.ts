/** The worker thread of the bundled command (see bundle.ts and pool.ts). */
import {parentPort, workerData} from 'node:worker_threads'
import {loadBundle} from './bundle.js'

loadBundle().bundle.serveChecks(parentPort!, workerData)
