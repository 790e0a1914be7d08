/** What the bundle (scripts/bundle.mjs) exports: the command, and the work of its worker threads. */
export {run} from './run.js'
export {serveChecks} from '../batch/worker.js'
export {directOutput} from './stdout.js'
