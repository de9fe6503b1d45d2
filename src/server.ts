import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config';
import { buildApp } from './http/app';
import { fileTransport, smtpTransport } from './jobs/mail-transport';
import { startJobRunner } from './jobs/job-runner';
import { startOutboxWorker } from './jobs/outbox-worker';
import { startReminderJob } from './jobs/reminders';
import { JOB_HANDLERS } from './jobs/handlers';
import { loadDemoEvent } from './services/demo/load-demo';
import type { DemoResult } from './services/demo/load-demo';
import { migrateDatabase, openDatabase } from './storage/db';
import type { DatabaseHandle } from './storage/db';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  demo: DemoResult | null;
  handle: DatabaseHandle;
  stop(): Promise<void>;
}

export async function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  const handle = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? null : path.join(config.dataDir, 'pglite'),
    poolSize: config.databasePoolSize,
  });
  await migrateDatabase(handle);
  return handle;
}

/** Opens (and migrates) the database, optionally loads the demo event, serves HTTP and delivers mail. */
export async function startServer(config: Config, options: { demo?: boolean; logger?: boolean } = {}): Promise<RunningServer> {
  const handle = await openConfiguredDatabase(config);
  const demo = options.demo ? await loadDemoEvent(handle.db, { password: process.env.DEMO_PASSWORD }) : null;
  const app = await buildApp({
    db: handle.db,
    config,
    logger: options.logger === false ? false : { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'] },
  });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const transport = config.smtpUrl ? smtpTransport(config.smtpUrl) : fileTransport(path.join(config.dataDir, 'outbox'));
  const worker = startOutboxWorker(handle.db, transport, config.mailFrom);
  const runner = startJobRunner(handle.db, JOB_HANDLERS);
  const reminders = startReminderJob(handle.db, () => config.publicUrl);
  let stopping: Promise<void> | null = null;
  return {
    app,
    url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`,
    demo,
    handle,
    stop() {
      stopping ??= (async () => {
        await app.close();
        await runner.stop();
        await reminders.stop();
        await worker.stop();
        await handle.close();
      })();
      return stopping;
    },
  };
}
