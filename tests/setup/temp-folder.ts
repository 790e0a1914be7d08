/**
 * Every test run gets its own temporary folder, removed when the run ends:
 * TMPDIR points the tests (and the plainly processes they start) at it, so
 * the folders they make with os.tmpdir() do not pile up in the system's.
 * Parsed team glossaries are cached there too, not in the user's cache
 * folder. What is kept for people to look at afterwards (the browser tests'
 * screenshots) goes to the system's temp folder, named by keptFolder() in
 * tests/helpers.ts.
 */
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

export default function tempFolder(): () => void {
  const system = tmpdir()
  const folder = mkdtempSync(path.join(system, 'plainly-tests-'))
  process.env.PLAINLY_TEST_KEPT = system
  process.env.TMPDIR = folder
  process.env.PLAINLY_CACHE_DIR = path.join(folder, 'plainly-test-cache')
  return () => rmSync(folder, {recursive: true, force: true})
}
