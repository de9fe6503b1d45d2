import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // *.server.test.ts need a PostgreSQL server (pg_dump, several connections): they run in the
    // CI's second pass, where DATABASE_URL is set, and are not collected without one.
    // test/faults kill and restart real processes: they run on their own (`npm run test:faults`).
    exclude: ['**/node_modules/**', 'test/faults/**', ...(process.env.DATABASE_URL ? [] : ['test/**/*.server.test.ts'])],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { TZ: process.env.TZ ?? 'UTC' },
  },
});
