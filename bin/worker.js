// A worker thread of the bundled command (src/batch/pool.ts starts it): the
// bundle's serveChecks, with its code cache (see bin/load-bundle.js).
'use strict'
const {parentPort, workerData} = require('node:worker_threads')
const {loadBundle} = require('./load-bundle.js')

loadBundle().bundle.serveChecks(parentPort, workerData)
