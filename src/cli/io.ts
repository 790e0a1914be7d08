import type {RunInputs} from '../io/run-memo.js'

/** What the CLI may touch, injected so tests never patch globals. */
export interface OutputStream {
  write(chunk: string): unknown
  isTTY?: boolean
}

export interface Io {
  stdout: OutputStream
  stderr: OutputStream
  stdin?: AsyncIterable<string | Uint8Array> & {isTTY?: boolean}
  cwd: string
  env: Record<string, string | undefined>
  /**
   * Told, when a --cache run that wrote only its report has ended, what it
   * depended on, so that bin/plainly.js can save its memo (io/run-memo.ts).
   */
  remember?: (inputs: RunInputs) => void
}
