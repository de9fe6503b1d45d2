import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/storage/db';
import { marketplaceItems } from '../../src/storage/schema';
import { createTestDatabase } from '../support/database';
import { as, buildTestApp } from '../support/app';
import { buildEvent, buildOrganisation } from '../support/factories';

let handle: DatabaseHandle;
let app: FastifyInstance;

beforeAll(async () => {
  handle = await createTestDatabase();
  app = await buildTestApp(handle.db);
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

describe('policy tracker API', () => {
  it('serves the 2030 targets exactly as the shipped sources state them, each with its source', async () => {
    const report = (await as(app, null)({ url: '/api/policy/report' })).json();
    const targets = report.progress.map((p: { target: { scope: string; metric: string; year: number; value: number; sources: unknown[] } }) => p.target);
    const byScope = (scope: string) => targets.filter((t: { scope: string; year: number; metric: string }) => t.scope === scope && t.year === 2030 && t.metric === 'cumulative_units');
    // Cumulative 2030 targets by segment, FACTS.md [4].
    expect(byScope('two_wheeler').map((t: { value: number }) => t.value)).toContain(2_000_000);
    expect(byScope('three_wheeler').map((t: { value: number }) => t.value)).toContain(53_950);
    expect(byScope('car').map((t: { value: number }) => t.value)).toContain(99_155);
    expect(byScope('bus').map((t: { value: number }) => t.value)).toContain(2_238);
    expect(byScope('truck').map((t: { value: number }) => t.value)).toContain(2_996);
    expect(targets.every((t: { sources: unknown[] }) => t.sources.length > 0)).toBe(true);
    expect(report.batteryDemand.years.find((y: { year: number }) => y.year === 2030).totalGwh).toBeGreaterThan(0);
  });

  it('refuses an unknown scenario, naming the field', async () => {
    const response = await as(app, null)({ url: '/api/policy/report?scenario=moonshot' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.field).toBe('scenario');
  });

  it('shows which segments the event’s organisations serve next to the 2030 demand', async () => {
    const { event } = await buildEvent(handle.db);
    await buildOrganisation(handle.db, event.id, { stages: ['ev_assembly'], description: 'Electric rickshaw and loader assembly in Lahore' });
    const packer = await buildOrganisation(handle.db, event.id, { stages: ['packs'], country: 'CN' });
    await handle.db.insert(marketplaceItems).values({ eventId: event.id, organisationId: packer.id, kind: 'offer', title: '60V LFP packs for e-rickshaws' });
    const segments = (await as(app, null)({ url: `/api/events/${event.id}/policy/segments` })).json();
    expect(segments.coverage.bySegment.three_wheeler).toMatchObject({ total: 2, ev_assembly: 1, packs: 1 });
    expect(segments.demand2030.gwhBySegment.three_wheeler).toBeGreaterThan(0);
  });
});
