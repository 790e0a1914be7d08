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
}
