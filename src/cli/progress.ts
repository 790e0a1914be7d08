/**
 * A progress line on standard error for long runs: only when standard error
 * is a terminal, never in CI (CI is set) and never with --quiet.
 */
import type {Io} from './io.js'

export interface Progress {
  update(done: number): void
  done(): void
}

export function createProgress(io: Io, options: {total: number; enabled: boolean}): Progress {
  const on = options.enabled && Boolean(io.stderr.isTTY) && !io.env.CI
  if (!on) return {update: () => undefined, done: () => undefined}
  const width = 24
  let last = -1
  return {
    update(done) {
      const filled = Math.round((done / options.total) * width)
      if (filled === last && done !== options.total) return
      last = filled
      io.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${options.total} files`)
    },
    done() {
      io.stderr.write(`\r${' '.repeat(width + 24)}\r`)
    }
  }
}
