#!/usr/bin/env node
// The bundled command, with its code cache (see bin/load-bundle.js). This file
// is CommonJS (bin/package.json says so): Node starts it sooner than an ES module.
'use strict'
const {fstatSync} = require('node:fs')
const {loadBundle, REPLAY_FILE} = require('./load-bundle.js')

const argv = process.argv.slice(2)
// Node builds each of its standard streams when it is first asked for (a few milliseconds each).
let stdoutStream
let stderrStream
const stdoutFallback = () => (stdoutStream ??= process.stdout)
const stderrFallback = () => (stderrStream ??= process.stderr)

// With the cache on, a run made before exactly so, over files that have not
// changed since, is written again from its memo without loading the checker
// (src/io/run-memo.ts); otherwise the run's output is kept for its memo.
let memo
if (argv.some((arg) => arg === '--cache' || arg.startsWith('--cache-'))) {
  const replayer = loadBundle({file: REPLAY_FILE}).bundle
  // Whether each output could be a terminal (node:tty would load Node's network modules).
  const mayBeTerminal = (fd) => {
    try {
      return fstatSync(fd).isCharacterDevice()
    } catch {
      return false
    }
  }
  const context = {argv, cwd: process.cwd(), env: process.env, terminals: [mayBeTerminal(1), mayBeTerminal(2)]}
  const stdout = replayer.directOutput(1, {fallback: stdoutFallback})
  const stderr = replayer.directOutput(2, {fallback: stderrFallback})
  const code = replayer.replay(context, (fd, bytes) => (fd === 1 ? stdout : stderr).writeBytes(bytes))
  if (code !== undefined) {
    process.exitCode = code
    if (!stdoutStream?.writableLength && !stderrStream?.writableLength) process.exit()
    return
  }
  memo = {replayer, context, stdout: [], stderr: [], size: 0, inputs: undefined}
}

/** Keep what is written, for the run's memo, up to its limit. */
function kept(stream, chunks) {
  if (!memo) return stream
  return {
    write(chunk) {
      memo.size += chunk.length
      if (memo.size <= memo.replayer.MAX_MEMO_BYTES) chunks.push(chunk)
      else memo.stdout.length = memo.stderr.length = 0
      return stream.write(chunk)
    },
    get isTTY() {
      return stream.isTTY
    }
  }
}

const {run, directOutput} = loadBundle().bundle
run(argv, {
  // Written straight to the file descriptor (src/cli/stdout.ts); the stream only if that would block.
  stdout: kept(directOutput(1, {fallback: stdoutFallback}), memo?.stdout),
  stderr: kept(directOutput(2, {fallback: stderrFallback}), memo?.stderr),
  get stdin() {
    return process.stdin
  },
  cwd: process.cwd(),
  env: process.env,
  remember: memo
    ? (inputs) => {
        memo.inputs = inputs
      }
    : undefined
}).then((code) => {
  process.exitCode = code
  if (memo?.inputs && memo.size <= memo.replayer.MAX_MEMO_BYTES) {
    const bytes = (chunks) => chunks.map((chunk) => Buffer.from(chunk))
    memo.replayer.saveRun(memo.context, memo.inputs, {exitCode: code, stdout: bytes(memo.stdout), stderr: bytes(memo.stderr)})
  }
  // run() has finished all its work (files, cache, worker threads). When nothing is still
  // waiting to be written, end now: Node's usual tear-down takes some 10 ms more.
  if (!stdoutStream?.writableLength && !stderrStream?.writableLength) process.exit()
})
