#!/usr/bin/env node
// The bundled command (scripts/bundle.mjs): a few files to load instead of hundreds of modules.
import {run} from '../dist/bundle/cli.js'

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  env: process.env
})
