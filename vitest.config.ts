import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/system-tools.ts'],
    testTimeout: 20_000,
    pool: 'forks'
  }
})
