import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/storage/db';
import { delegates, meetingRequests, meetings, users } from '../../src/storage/schema';
import { claimJob, runJob } from '../../src/jobs/job-runner';
import { JOB_HANDLERS } from '../../src/jobs/handlers';
import { startSession } from '../../src/services/auth/sessions';
import { createTestDatabase } from '../support/database';
import { as, buildTestApp } from '../support/app';
import { buildAcceptedMeeting, buildDelegate, buildEvent, buildSlots, buildTables, buildUser } from '../support/factories';

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

async function runQueuedJobs() {
  for (;;) {
    const job = await claimJob(handle.db, Object.keys(JOB_HANDLERS));
    if (!job) return;
    await runJob(handle.db, job, JOB_HANDLERS[job.kind]!);
  }
}

describe('GET and PATCH /api/me', () => {
  it('gives a cookie session its CSRF token and the saved language, and never gives a token to a bearer', async () => {
    const person = await buildUser(handle.db);
    const byCookie = await app.inject({ url: '/api/me', cookies: { corridor_session: person.token } });
    expect(byCookie.statusCode).toBe(200);
    expect(byCookie.json()).toMatchObject({ email: person.email, language: 'en', csrfToken: person.csrfToken });
    const byBearer = (await as(app, person.token)({ url: '/api/me' })).json();
    expect(byBearer.csrfToken).toBeUndefined();
    expect((await app.inject({ url: '/api/me' })).statusCode).toBe(401);
  });

  it('remembers the language on the account and on its delegate records, so the next sign-in and e-mails follow it', async () => {
    const { event } = await buildEvent(handle.db);
    const delegate = await buildDelegate(handle.db, event.id);
    const changed = await app.inject({
      method: 'PATCH',
      url: '/api/me',
      cookies: { corridor_session: delegate.token },
      headers: { 'x-csrf-token': delegate.csrfToken },
      payload: { language: 'ur', name: 'Amina Khan' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ language: 'ur', name: 'Amina Khan' });
    const [account] = await handle.db.select().from(users).where(eq(users.id, delegate.userId));
    expect(account).toMatchObject({ language: 'ur', name: 'Amina Khan' });
    const [record] = await handle.db.select().from(delegates).where(eq(delegates.id, delegate.delegate.id));
    expect(record!.language).toBe('ur');

    // Another device: a new session answers with the saved language.
    const elsewhere = await startSession(handle.db, account!);
    const me = (await app.inject({ url: '/api/me', cookies: { corridor_session: elsewhere.token } })).json();
    expect(me.language).toBe('ur');
    expect(me.delegates[0].language).toBe('ur');
  });

  it('refuses an unknown language naming the field, a write without the CSRF header, and anonymous callers', async () => {
    const person = await buildUser(handle.db);
    const bad = await as(app, person.token)({ method: 'PATCH', url: '/api/me', payload: { language: 'fr' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('language');
    const blank = await as(app, person.token)({ method: 'PATCH', url: '/api/me', payload: { name: '  ' } });
    expect(blank.json().error).toMatchObject({ code: 'VALIDATION', field: 'name' });
    const noCsrf = await app.inject({ method: 'PATCH', url: '/api/me', cookies: { corridor_session: person.token }, payload: { language: 'zh' } });
    expect(noCsrf.statusCode).toBe(403);
    expect((await app.inject({ method: 'PATCH', url: '/api/me', payload: { language: 'zh' } })).statusCode).toBe(401);
    const [account] = await handle.db.select().from(users).where(eq(users.id, person.userId));
    expect(account!.language).toBe('en');
  });
});

describe('creating an event from a first and a last day', () => {
  it('lists every day between them and makes the creator its organiser', async () => {
    const organiser = await buildUser(handle.db, 'organiser');
    const created = await as(app, organiser.token)({
      method: 'POST',
      url: '/api/events',
      payload: { name: 'Lahore Solar Forum', timeZone: 'Asia/Karachi', firstDay: '2026-10-30', lastDay: '2026-11-02', crossBorderOnly: true, countries: ['PK', 'CN'], maxMeetingsPerDelegate: 12 },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ days: ['2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02'], crossBorderOnly: true, maxMeetingsPerDelegate: 12 });
    const event = (await as(app, organiser.token)({ url: `/api/events/${created.json().id}` })).json();
    expect(event.viewer.organiser).toBe(true);
  });

  it('names the last day when it comes before the first, or the range is too long; delegates may not create events', async () => {
    const organiser = await buildUser(handle.db, 'organiser');
    const create = (payload: object) => as(app, organiser.token)({ method: 'POST', url: '/api/events', payload: { name: 'Backwards Forum', timeZone: 'Asia/Karachi', ...payload } });
    const backwards = await create({ firstDay: '2026-10-30', lastDay: '2026-10-28' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error).toMatchObject({ field: 'lastDay', message: expect.stringContaining('2026-10-30') });
    expect((await create({ firstDay: '2026-10-01', lastDay: '2026-10-20' })).json().error.field).toBe('lastDay');
    expect((await create({ firstDay: '2026-10-01' })).json().error.field).toBe('lastDay');
    expect((await create({ firstDay: '2026-10-01', lastDay: 'soon' })).json().error.field).toBe('lastDay');
    const delegate = await buildUser(handle.db, 'delegate');
    expect((await as(app, delegate.token)({ method: 'POST', url: '/api/events', payload: { name: 'X', timeZone: 'Asia/Karachi', days: ['2026-10-01'] } })).statusCode).toBe(403);
  });
});

describe('the organiser’s delegate list', () => {
  it('finds delegates by name or e-mail and by organisation', async () => {
    const { event, organiser } = await buildEvent(handle.db);
    const one = await buildDelegate(handle.db, event.id);
    await buildDelegate(handle.db, event.id);
    const list = (path: string) => as(app, organiser.token)({ url: `/api/events/${event.id}/delegates${path}` }).then((r) => r.json());
    expect((await list('')).total).toBe(2);
    const byOrganisation = await list(`?organisationId=${one.organisation.id}`);
    expect(byOrganisation.items.map((d: { id: string }) => d.id)).toEqual([one.delegate.id]);
    const byEmail = await list(`?q=${encodeURIComponent(one.email.slice(0, 14))}`);
    expect(byEmail).toMatchObject({ total: 1, items: [{ id: one.delegate.id, email: one.email }] });
    expect((await as(app, one.token)({ url: `/api/events/${event.id}/delegates` })).statusCode).toBe(403);
  });
});

describe('GET /api/events/:eventId/agendas', () => {
  it('lists each delegate’s meetings of the published schedule, in time order; counts match the schedule', async () => {
    const { event, organiser } = await buildEvent(handle.db);
    await buildSlots(handle.db, event.id, 6, [2]);
    await buildTables(handle.db, event.id, 2);
    const pk = await Promise.all([0, 1, 2].map(() => buildDelegate(handle.db, event.id, { country: 'PK' })));
    const cn = await Promise.all([0, 1].map(() => buildDelegate(handle.db, event.id, { country: 'CN' })));
    const idle = await buildDelegate(handle.db, event.id, { country: 'CN' });
    for (const [i, j] of [[0, 0], [0, 1], [1, 0], [2, 1]] as const) await buildAcceptedMeeting(handle.db, event.id, pk[i]!.delegate.id, cn[j]!.delegate.id);
    const agendas = () => as(app, organiser.token)({ url: `/api/events/${event.id}/agendas` }).then((r) => r.json());

    // Nothing published yet: accepted meetings without a time make no agenda.
    expect((await agendas()).agendas).toEqual([]);

    await as(app, organiser.token)({ method: 'POST', url: `/api/events/${event.id}/schedule/build`, payload: { timeLimitSeconds: 2 } });
    await runQueuedJobs();
    const draft = (await as(app, organiser.token)({ url: `/api/events/${event.id}/schedule` })).json().versions[0];
    expect((await as(app, organiser.token)({ method: 'POST', url: `/api/events/${event.id}/schedule/${draft.id}/publish` })).statusCode).toBe(200);

    const placed = await handle.db
      .select({ from: meetingRequests.fromDelegateId, to: meetingRequests.toDelegateId })
      .from(meetings)
      .innerJoin(meetingRequests, eq(meetingRequests.id, meetings.requestId))
      .where(and(eq(meetings.eventId, event.id), eq(meetings.status, 'scheduled'), isNotNull(meetings.slotId)));
    expect(placed).toHaveLength(4);
    const expected = new Map<string, number>();
    for (const m of placed) for (const id of [m.from, m.to]) expected.set(id, (expected.get(id) ?? 0) + 1);

    const all = await agendas();
    expect(all.meetings).toBe(placed.length);
    const counts = new Map<string, number>(all.agendas.map((a: { delegate: { id: string }; meetings: unknown[] }) => [a.delegate.id, a.meetings.length]));
    expect(counts).toEqual(expected);
    expect(counts.has(idle.delegate.id)).toBe(false);
    const first = all.agendas.find((a: { delegate: { id: string } }) => a.delegate.id === pk[0]!.delegate.id);
    expect(first.meetings.map((m: { counterpart: { id: string } }) => m.counterpart.id).sort()).toEqual([cn[0]!.delegate.id, cn[1]!.delegate.id].sort());
    const starts = first.meetings.map((m: { slot: { startsAt: string } }) => m.slot.startsAt);
    expect(starts).toEqual([...starts].sort());
    expect(first.meetings.every((m: { table: { name: string } | null }) => m.table?.name.startsWith('Table'))).toBe(true);

    const ofOne = await as(app, organiser.token)({ url: `/api/events/${event.id}/agendas?organisationId=${cn[0]!.organisation.id}` }).then((r) => r.json());
    expect(ofOne.agendas.map((a: { delegate: { id: string } }) => a.delegate.id)).toEqual([cn[0]!.delegate.id]);
    expect(ofOne.agendas[0].meetings).toHaveLength(2);
    const chinese = await as(app, organiser.token)({ url: `/api/events/${event.id}/agendas?country=China` }).then((r) => r.json());
    expect(chinese.agendas.map((a: { delegate: { country: string } }) => a.delegate.country)).toEqual(['CN', 'CN']);

    expect((await as(app, pk[0]!.token)({ url: `/api/events/${event.id}/agendas` })).statusCode).toBe(403);
    expect((await as(app, null)({ url: `/api/events/${event.id}/agendas` })).statusCode).toBe(401);
  });
});
