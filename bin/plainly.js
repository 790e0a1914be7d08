#!/usr/bin/env node
// The bundled command, with its code cache (see src/cli/bundle.cts). This file
// is CommonJS (bin/package.json says so): Node starts it sooner than an ES module.
'use strict'
const {loadBundle} = require('../dist/cli/bundle.cjs')

const {run, directOutput} = loadBundle().bundle
run(process.argv.slice(2), {
  // Written straight to the file descriptor (src/cli/stdout.ts): process.stdout is made only if needed.
  stdout: directOutput(1, {fallback: () => process.stdout}),
  // Made on first use: Node builds each of these streams when it is first asked for (a few milliseconds each).
  get stderr() {
    return process.stderr
  },
  get stdin() {
    return process.stdin
  },
  cwd: process.cwd(),
  env: process.env
}).then((code) => {
  process.exitCode = code
})
