import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // DuckDB and child-process tests are heavy: two cores, two workers.
    pool: 'forks',
    maxWorkers: 2,
    env: { TZ: 'UTC' },
  },
});
