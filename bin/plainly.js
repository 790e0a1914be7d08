#!/usr/bin/env node
// The bundled command, with its code cache (see src/cli/bundle.ts).
import {loadBundle} from '../dist/cli/bundle.js'

const {run} = loadBundle().bundle
process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env
})
