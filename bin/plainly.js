#!/usr/bin/env node
// The bundled command, with its code cache (see src/cli/bundle.ts).
import {loadBundle} from '../dist/cli/bundle.js'

const {run} = loadBundle().bundle
process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  // Made on first use: Node builds each of these streams when it is first asked for (a few milliseconds each).
  get stderr() {
    return process.stderr
  },
  get stdin() {
    return process.stdin
  },
  cwd: process.cwd(),
  env: process.env
})
