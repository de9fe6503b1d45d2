import { defineConfig } from 'vitest/config';

// Fault tests start the real server and worker as child processes and kill them with SIGKILL: they
// run one file at a time (`npm run test:faults`), on PGlite or on the server of DATABASE_URL.
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    // *.server.test.ts stop and start the PostgreSQL server itself: only the throw-away one that
    // scripts/with-postgres.sh starts (and describes in POSTGRES_DATA_DIR …) may be restarted.
    exclude: ['**/node_modules/**', ...(process.env.DATABASE_URL && process.env.POSTGRES_DATA_DIR ? [] : ['test/faults/**/*.server.test.ts'])],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    env: { TZ: process.env.TZ ?? 'UTC' },
  },
});
