import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/temp-folder.ts', 'tests/setup/system-tools.ts'],
    testTimeout: 20_000,
    pool: 'forks'
  }
})
