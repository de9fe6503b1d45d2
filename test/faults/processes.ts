import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrateDatabase, openDatabase } from '../../src/storage/db';
import type { Database } from '../../src/storage/db';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Where one fault test keeps its data: a PGlite directory of its own, or a new database on the
 * PostgreSQL server of DATABASE_URL. Servers and workers are child processes pointed at it.
 */
export interface Storage {
  kind: 'pglite' | 'postgres';
  env: Record<string, string>;
  dataDir: string;
  databaseUrl: string | null;
  remove(): Promise<void>;
}

export async function createStorage(): Promise<Storage> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'corridor-fault-'));
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    return { kind: 'pglite', env: { DATA_DIR: dataDir }, dataDir, databaseUrl: null, remove: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `corridor_fault_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    dataDir,
    databaseUrl: url.toString(),
    async remove() {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the storage in this process (migrated) and runs `work`. On PGlite no server may be running:
 * the embedded database belongs to one process, and opening it after a kill -9 also checks that
 * the dead process's lock is taken over.
 */
export async function withDatabase<T>(storage: Storage, work: (db: Database) => Promise<T>): Promise<T> {
  const handle = await openDatabase(storage.databaseUrl ? { databaseUrl: storage.databaseUrl, poolSize: 2 } : { dataDir: path.join(storage.dataDir, 'pglite') });
  try {
    await migrateDatabase(handle);
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

export interface Child {
  process: ChildProcess;
  /** The server's address (serve only). */
  url: string;
  output(): string;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

/** Runs `corridor <args>` as a child process on the storage; for `serve`, resolves once it listens. */
export async function startCorridor(storage: Storage, args: string[], env: Record<string, string> = {}): Promise<Child> {
  const child = spawn(process.execPath, ['bin/corridor.js', ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'error', ...storage.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const handle: Child = {
    process: child,
    url: '',
    output: () => output,
    async kill9() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
  if (args[0] !== 'serve') return handle;
  handle.url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 60_000);
    const check = () => {
      const match = /Open in a browser: (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${output}`));
    });
  });
  return handle;
}

export const serveArgs = ['serve', '--port', '0', '--host', '127.0.0.1'];

/** A JSON request to a running server with a bearer token. */
export async function api(server: Child, token: string | null, method: string, url: string, body?: unknown): Promise<{ status: number; json: any; text: string }> {
  const response = await fetch(server.url + url, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON (a CSV export, a calendar file)
  }
  return { status: response.status, json, text };
}

/** Waits for a condition another process brings about (re-checked, not a fixed pause). */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
