// A worker thread of the bundled command (src/batch/pool.ts starts it): the
// bundle's serveChecks, with its code cache (see src/cli/bundle.cts).
'use strict'
const {parentPort, workerData} = require('node:worker_threads')
const {loadBundle} = require('../dist/cli/bundle.cjs')

loadBundle().bundle.serveChecks(parentPort, workerData)
