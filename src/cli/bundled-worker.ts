/** The worker thread of the bundled command (see bundle.cts and pool.ts). */
import {parentPort, workerData} from 'node:worker_threads'
import {loadBundle} from './bundle.cjs'

loadBundle().bundle.serveChecks(parentPort!, workerData)
