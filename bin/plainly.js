#!/usr/bin/env node
// The bundled command, with its code cache (see bin/load-bundle.js). This file
// is CommonJS (bin/package.json says so): Node starts it sooner than an ES module.
'use strict'
const {loadBundle} = require('./load-bundle.js')

const {run, directOutput} = loadBundle().bundle
// Node builds each of its standard streams when it is first asked for (a few milliseconds each).
let stdoutStream
let stderrStream
run(process.argv.slice(2), {
  // Written straight to the file descriptor (src/cli/stdout.ts); process.stdout only if that would block.
  stdout: directOutput(1, {fallback: () => (stdoutStream ??= process.stdout)}),
  get stderr() {
    return (stderrStream ??= process.stderr)
  },
  get stdin() {
    return process.stdin
  },
  cwd: process.cwd(),
  env: process.env
}).then((code) => {
  process.exitCode = code
  // run() has finished all its work (files, cache, worker threads). When nothing is still
  // waiting to be written, end now: Node's usual tear-down takes some 10 ms more.
  if (!stdoutStream?.writableLength && !stderrStream?.writableLength) process.exit()
})
