/**
 * A progress line on standard error for long runs (more than 20 files to
 * check): only when standard error is a terminal, never in CI (CI is set)
 * and never with --quiet.
 */
import type {Io} from './io.js'

export interface Progress {
  update(done: number, total: number): void
  done(): void
}

const WIDTH = 24

export function createProgress(io: Io, options: {enabled: boolean}): Progress {
  const on = options.enabled && Boolean(io.stderr.isTTY) && !io.env.CI
  let shown = false
  let last = -1
  return {
    update(done, total) {
      if (!on || total <= 20) return
      const filled = Math.round((done / total) * WIDTH)
      if (filled === last && done !== total) return
      last = filled
      shown = true
      io.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total} files`)
    },
    done() {
      if (shown) io.stderr.write(`\r${' '.repeat(WIDTH + 24)}\r`)
    }
  }
}
