/** Per-run problems. `run()` prints one line (plus a hint) and exits 2. */
export class UsageError extends Error {
  readonly hint?: string
  constructor(message: string, hint?: string) {
    super(message)
    this.name = 'UsageError'
    this.hint = hint
  }
}
