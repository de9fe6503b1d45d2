import os from 'node:os';
import path from 'node:path';

/** Settings read from the environment once at start; everything else receives them as values. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  /** Connections to a PostgreSQL server. More than the cores can serve only adds waiting. */
  databasePoolSize: number;
  dataDir: string;
  /** Base URL printed in e-mails and links (defaults to http://HOST:PORT). */
  publicUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  logLevel: string;
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT: "${raw}" is not a port number (0–65535)`);
  }
  return port;
}

function parsePoolSize(raw: string | undefined): number {
  // PostgreSQL's rule of thumb: about two connections per core, plus one.
  if (raw === undefined || raw === '') return 2 * os.availableParallelism() + 1;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > 1000) {
    throw new Error(`DATABASE_POOL_SIZE: "${raw}" is not a whole number from 1 to 1000`);
  }
  return size;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = parsePort(env.PORT);
  const host = env.HOST || '127.0.0.1';
  const dataDir = path.resolve(env.DATA_DIR || 'data');
  return {
    port,
    host,
    databaseUrl: env.DATABASE_URL || null,
    databasePoolSize: parsePoolSize(env.DATABASE_POOL_SIZE),
    dataDir,
    publicUrl: (env.PUBLIC_URL || `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`).replace(/\/$/, ''),
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM || 'Corridor <no-reply@corridor.example>',
    logLevel: env.LOG_LEVEL || 'warn',
  };
}
