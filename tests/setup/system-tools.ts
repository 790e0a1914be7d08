/**
 * Tests that need a program from the system (Debian's chromium for the
 * browser tests) are skipped on a machine without it, with one line saying
 * how to run them. CI (.ci/run) sets PLAINLY_REQUIRE_SYSTEM_TOOLS=1, which
 * turns a missing program into a failure instead.
 */
import {SYSTEM_TOOLS, systemTool} from '../system-tools.js'

export default function checkSystemTools(): void {
  const required = process.env.PLAINLY_REQUIRE_SYSTEM_TOOLS === '1'
  const missing = SYSTEM_TOOLS.filter((tool) => !systemTool(tool.name).available)
  if (missing.length === 0) return
  if (required) {
    const names = missing.map((tool) => `${tool.program} (for the ${tool.tests}: ${tool.install})`).join('; ')
    throw new Error(`PLAINLY_REQUIRE_SYSTEM_TOOLS=1 makes every test required, and these programs are missing: ${names}`)
  }
  for (const tool of missing) process.stderr.write(`The ${tool.tests} were skipped: ${tool.program} is not installed. To run them: ${tool.install}.\n`)
}
