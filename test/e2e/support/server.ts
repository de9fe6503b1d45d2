import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readConfig } from '../../../src/config';
import { startServer } from '../../../src/server';
import type { RunningServer } from '../../../src/server';

export interface TestServer {
  url: string;
  dataDir: string;
  demo: NonNullable<RunningServer['demo']>;
  stop(): Promise<void>;
}

/**
 * The real server as `npm start` runs it (demo event, embedded PostgreSQL, e-mail to .eml files),
 * on a spare port and a fresh data directory of its own.
 */
export async function startTestServer(): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'corridor-e2e-'));
  const config = readConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'error' });
  const server = await startServer(config, { demo: true, logger: false });
  // E-mailed links must point at this server; the port is only known once it listens.
  config.publicUrl = server.url;
  return {
    url: server.url,
    dataDir,
    demo: server.demo!,
    async stop() {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
