/**
 * What bin/plainly.js loads before the checker when a run asks for the
 * cache: the run memo (io/run-memo.ts) and standard output. Bundled on its
 * own (dist/bundle/replay.cjs, see scripts/bundle.mjs), so that replaying an
 * unchanged run loads none of the checker.
 */
export {MAX_MEMO_BYTES, replay, saveRun} from '../io/run-memo.js'
export {directOutput} from './stdout.js'
