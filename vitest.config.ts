import {tmpdir} from 'node:os'
import path from 'node:path'
import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/system-tools.ts'],
    // Parsed team glossaries are cached here, not in the user's cache folder.
    env: {PLAINLY_CACHE_DIR: path.join(tmpdir(), 'plainly-test-cache')},
    testTimeout: 20_000,
    pool: 'forks'
  }
})
