import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvent } from '../support/factories';
import { api, createStorage, serveArgs, startCorridor, withDatabase } from './processes';
import type { Child, Storage } from './processes';

const ORGANISATIONS = 6_000;
let storage: Storage;
let eventId: string;
let token: string;

beforeAll(async () => {
  storage = await createStorage();
  ({ eventId, token } = await withDatabase(storage, async (db) => {
    const { event, organiser } = await buildEvent(db);
    return { eventId: event.id, token: organiser.token };
  }));
});
afterAll(async () => {
  await storage.remove();
});

function bigCsv(): string {
  const lines = ['external_id,name,country,city,offers,requests,delegate_external_id,delegate_first_name,delegate_last_name,delegate_email'];
  for (let i = 0; i < ORGANISATIONS; i++) {
    const country = i % 2 ? 'CN' : 'PK';
    lines.push(`F-${i},Fault Motors ${i},${country},${country === 'PK' ? 'Lahore' : 'Shenzhen'},LFP cells;BMS boards,Chargers,F-D-${i},Amna,Rafiq ${i},amna.${i}@fault.example`);
  }
  return lines.join('\n') + '\n';
}

/** Sends the upload; `onSent` runs once the whole body has left this process. */
function upload(server: Child, csv: string, onSent: () => void): Promise<{ status: number; body: string } | null> {
  const boundary = 'fault-boundary';
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="organisations.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
  return new Promise((resolve) => {
    const request = http.request(`${server.url}/api/events/${eventId}/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': Buffer.byteLength(body) },
    });
    request.on('response', (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, body: text }));
    });
    // A killed server resets the connection: no answer.
    request.on('error', () => resolve(null));
    request.end(body, onSent);
  });
}

async function importedCounts(server: Child) {
  const exported = await api(server, token, 'GET', `/api/events/${eventId}/export/delegates?format=csv`);
  expect(exported.status, exported.text.slice(0, 300)).toBe(200);
  const rows = exported.text.trim().split('\n').slice(1).filter(Boolean);
  return { delegates: rows.length, organisations: new Set(rows.map((row) => row.split(',')[0])).size };
}

describe('a server killed with SIGKILL during a large import', () => {
  it('stores all of the file or none of it, and the retried import stores exactly the file', async () => {
    const csv = bigCsv();
    const first = await startCorridor(storage, serveArgs);
    let killed: Promise<void> | null = null;
    const answer = await upload(first, csv, () => {
      // The server is now parsing and writing the rows; the import takes seconds at this size.
      killed = new Promise((resolve) => setTimeout(() => void first.kill9().then(resolve), 400));
    });
    await killed;
    expect(answer, 'the import finished before the kill: make the file bigger').toBeNull();
    if (storage.kind === 'pglite') {
      // The dead server's lock on the embedded database stays behind; the restart must take it over.
      const lock = path.join(storage.dataDir, 'pglite.lock');
      expect(Number(fs.readFileSync(lock, 'utf8'))).toBe(first.process.pid);
    }

    const second = await startCorridor(storage, serveArgs);
    try {
      const afterCrash = await importedCounts(second);
      expect([0, ORGANISATIONS]).toContain(afterCrash.organisations);
      expect(afterCrash.delegates).toBe(afterCrash.organisations);

      const retried = await upload(second, csv, () => {});
      expect(retried?.status, retried?.body.slice(0, 300)).toBe(200);
      expect(await importedCounts(second)).toEqual({ organisations: ORGANISATIONS, delegates: ORGANISATIONS });
    } finally {
      await second.stop();
    }
  }, 150_000);
});
