import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/storage/db';
import { policyObservations } from '../../src/storage/schema';
import { createTestDatabase } from '../support/database';
import { as, buildTestApp } from '../support/app';
import { buildUser, type Person } from '../support/factories';

let handle: DatabaseHandle;
let app: FastifyInstance;
let organiser: Person;

beforeAll(async () => {
  handle = await createTestDatabase();
  app = await buildTestApp(handle.db);
  organiser = await buildUser(handle.db, 'organiser');
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

const HEADER = 'segment,period,metric,value,source,kind,label,note';

function upload(token: string | null, csv: string, query = '') {
  const boundary = '----corridor-policy';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="observations.csv"\r\nContent-Type: text/csv\r\n\r\n`),
    Buffer.from(csv),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return as(app, token)({ method: 'POST', url: `/api/policy/observations${query}`, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

async function storedCount(): Promise<number> {
  const [row] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(policyObservations);
  return row!.n;
}

async function report() {
  return (await as(app, null)({ url: '/api/policy/report' })).json();
}

const truckOf = (r: { projection: { segments: { segment: string; method: string; anchor: { year: number; value: number } }[] } }) =>
  r.projection.segments.find((s) => s.segment === 'truck')!;

describe('imported policy observations', () => {
  it('stores a good file and projects the report from it', async () => {
    const before = truckOf(await report());
    expect(before.method).not.toBe('anchored_share');
    const csv = [HEADER, 'trucks,FY2024-25,sales_share,4%,https://example.org/truck-sales,observed,Electric share of truck sales,test figure'].join('\n');

    const preview = await upload(organiser.token, csv, '?dryRun=true');
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ dryRun: true, created: 1, updated: 0 });
    expect(await storedCount()).toBe(0);

    const response = await upload(organiser.token, csv);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ dryRun: false, created: 1, updated: 0 });

    const listed = (await as(app, null)({ url: '/api/policy/observations' })).json();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ scope: 'truck', metric: 'sales_share', value: 0.04, period: { label: 'FY2024-25', year: 2025 }, sources: [{ url: 'https://example.org/truck-sales' }] });

    // The report seen right after the import (cache dropped) starts the truck curve at the imported share.
    const after = await report();
    expect(truckOf(after)).toMatchObject({ method: 'anchored_share', anchor: { year: 2025, value: 0.04 } });
    expect(after.observations.some((o: { scope: string; value: number }) => o.scope === 'truck' && o.value === 0.04)).toBe(true);
    expect(after.sources.some((s: { url: string | null }) => s.url === 'https://example.org/truck-sales')).toBe(true);
  });

  it('updates an observation imported again instead of adding a second one', async () => {
    const csv = (value: string) => [HEADER, `bus,2025,sales_share,${value},https://example.org/bus,observed,Electric share of bus sales,`].join('\n');
    await upload(organiser.token, csv('10'));
    const count = await storedCount();
    const again = await upload(organiser.token, csv('12'));
    expect(again.json()).toMatchObject({ created: 0, updated: 1 });
    expect(await storedCount()).toBe(count);
    const listed = (await as(app, null)({ url: '/api/policy/observations' })).json();
    expect(listed.filter((o: { scope: string }) => o.scope === 'bus').map((o: { value: number }) => o.value)).toEqual([0.12]);
    const bus = (await report()).projection.segments.find((s: { segment: string }) => s.segment === 'bus');
    expect(bus.anchor).toEqual({ year: 2025, value: 0.12 });
  });

  it('rejects a file with a bad row, naming the row and column, and stores none of its rows', async () => {
    const count = await storedCount();
    const csv = [
      HEADER,
      'car,2025,sales_share,3,https://example.org/cars,observed,Car share,',
      'car,2025,cumulative_units,lots,https://example.org/cars,observed,Cars on the road,',
      'boats,2025,ev_sales,10,https://example.org/boats,observed,Boats,',
    ].join('\n');
    const response = await upload(organiser.token, csv);
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('row 3, column "value"');
    expect(error.rows).toEqual([
      expect.objectContaining({ row: 3, column: 'value' }),
      expect.objectContaining({ row: 4, column: 'segment' }),
    ]);
    expect(await storedCount()).toBe(count);
    const listed = (await as(app, null)({ url: '/api/policy/observations' })).json();
    expect(listed.some((o: { scope: string }) => o.scope === 'car')).toBe(false);
  });

  it('names both rows when a file gives the same observation twice', async () => {
    const csv = [HEADER, 'car,2026,ev_sales,100,https://example.org/a,observed,Cars sold,', 'cars,2026,ev_sales,120,https://example.org/b,observed,Cars sold,'].join('\n');
    const response = await upload(organiser.token, csv);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.rows).toEqual([expect.objectContaining({ row: 3, column: 'label', message: expect.stringContaining('repeats row 2') })]);
  });

  it('lets only signed-in holders of the organiser role import or remove observations', async () => {
    const count = await storedCount();
    const csv = [HEADER, 'car,2026,ev_sales,100,https://example.org/a,observed,Cars sold,'].join('\n');
    const delegate = await buildUser(handle.db, 'delegate');
    expect((await upload(delegate.token, csv)).statusCode).toBe(403);
    expect((await upload(null, csv)).statusCode).toBe(401);
    expect(await storedCount()).toBe(count);

    const [stored] = (await as(app, null)({ url: '/api/policy/observations' })).json();
    const remove = (token: string | null) => as(app, token)({ method: 'DELETE', url: `/api/policy/observations/${stored.storedId}` });
    expect((await remove(delegate.token)).statusCode).toBe(403);
    expect((await remove(null)).statusCode).toBe(401);
    expect((await remove(organiser.token)).statusCode).toBe(204);
    expect(await storedCount()).toBe(count - 1);
  });
});
