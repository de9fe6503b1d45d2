import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // *.server.test.ts need a PostgreSQL server (pg_dump, several connections): they run in the
    // CI's second pass, where DATABASE_URL is set, and are not collected without one.
    exclude: ['**/node_modules/**', ...(process.env.DATABASE_URL ? [] : ['test/**/*.server.test.ts'])],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { TZ: process.env.TZ ?? 'UTC' },
  },
});
