import path from 'node:path';

/** Settings read from the environment once at start; everything else receives them as values. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
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

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = parsePort(env.PORT);
  const host = env.HOST || '127.0.0.1';
  const dataDir = path.resolve(env.DATA_DIR || 'data');
  return {
    port,
    host,
    databaseUrl: env.DATABASE_URL || null,
    dataDir,
    publicUrl: (env.PUBLIC_URL || `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`).replace(/\/$/, ''),
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM || 'Corridor <no-reply@corridor.example>',
    logLevel: env.LOG_LEVEL || 'warn',
  };
}
