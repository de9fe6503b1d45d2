import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import type { DatabaseHandle } from '../../src/storage/db';
import { claimJob, runJob } from '../../src/jobs/job-runner';
import { JOB_HANDLERS } from '../../src/jobs/handlers';
import { cancelRequest } from '../../src/services/meeting-requests';
import { createTestDatabase } from '../support/database';
import { as, buildTestApp } from '../support/app';
import { buildAcceptedMeeting, buildDelegate, buildEvent, buildSlots, buildTables } from '../support/factories';

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

function events(ics: string) {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

const wall = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);

/** A small forum in Asia/Karachi with a published schedule: one Pakistani delegate meets two Chinese ones. */
async function publishedForum() {
  const { event, organiser } = await buildEvent(handle.db, { venue: 'Pak-China Friendship Centre', city: 'Islamabad' });
  const slots = await buildSlots(handle.db, event.id, 4);
  await buildTables(handle.db, event.id, 2);
  const pk = await buildDelegate(handle.db, event.id, { country: 'PK', name: 'Sabesh Motors' });
  const cn = [await buildDelegate(handle.db, event.id, { country: 'CN', name: 'Hefei Cells' }), await buildDelegate(handle.db, event.id, { country: 'CN', name: 'Xi’an Packs' })];
  const meetings = [];
  for (const other of cn) meetings.push(await buildAcceptedMeeting(handle.db, event.id, pk.delegate.id, other.delegate.id));
  await as(app, organiser.token)({ method: 'POST', url: `/api/events/${event.id}/schedule/build`, payload: { timeLimitSeconds: 2 } });
  for (let job = await claimJob(handle.db, Object.keys(JOB_HANDLERS)); job; job = await claimJob(handle.db, Object.keys(JOB_HANDLERS))) {
    await runJob(handle.db, job, JOB_HANDLERS[job.kind]!);
  }
  const draft = (await as(app, organiser.token)({ url: `/api/events/${event.id}/schedule` })).json().versions[0];
  expect((await as(app, organiser.token)({ method: 'POST', url: `/api/events/${event.id}/schedule/${draft.id}/publish` })).statusCode).toBe(200);
  return { event, organiser, slots, pk, cn, meetings };
}

describe('a delegate’s agenda as a calendar', () => {
  it('downloads as .ics with each meeting at its slot, right in UTC, Karachi and Shanghai', async () => {
    const { event, pk, slots } = await publishedForum();
    const response = await as(app, pk.token)({ url: `/api/events/${event.id}/agenda.ics` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    const agenda = events(response.body).sort((a, b) => a.startDate.toJSDate().getTime() - b.startDate.toJSDate().getTime());
    expect(agenda).toHaveLength(2);
    const slotStarts = new Set(slots.map((s) => s.startsAt.toISOString()));
    for (const meeting of agenda) {
      const start = meeting.startDate.toJSDate();
      expect(slotStarts.has(start.toISOString())).toBe(true);
      expect(meeting.endDate.toJSDate().getTime() - start.getTime()).toBe(20 * 60_000);
      expect(meeting.location).toMatch(/^Table \d+, Pak-China Friendship Centre, Islamabad$/);
      expect(meeting.summary).toMatch(/^Meeting: Test Delegate \w+ \((Hefei Cells|Xi’an Packs)\)$/);
    }
    // buildSlots starts at 04:00 UTC, 20 minutes each: 09:00, 09:20, … in Karachi, three hours later in Shanghai.
    for (const meeting of agenda) {
      const start = meeting.startDate.toJSDate();
      const karachi = wall(start, 'Asia/Karachi');
      expect(['09:00', '09:20', '09:40', '10:00']).toContain(karachi);
      expect(wall(start, 'Asia/Shanghai')).toBe(`${Number(karachi.slice(0, 2)) + 3}:${karachi.slice(3)}`);
      expect(meeting.description).toContain(`${karachi}–${wall(meeting.endDate.toJSDate(), 'Asia/Karachi')} Asia/Karachi (UTC+05:00)`);
    }
  });

  it('is a secret feed that follows changes to the schedule, and stops working when renewed', async () => {
    const { event, pk, cn, meetings } = await publishedForum();
    const created = await as(app, pk.token)({ method: 'POST', url: `/api/events/${event.id}/calendar-feed` });
    expect(created.statusCode).toBe(201);
    const { url, webcalUrl } = created.json();
    expect(webcalUrl).toBe(url.replace(/^http:/, 'webcal:'));
    const path = new URL(url).pathname;
    const before = events((await as(app, null)({ url: path })).body);
    expect(before).toHaveLength(2);
    expect(before.every((e) => e.component.getFirstPropertyValue('status') === 'CONFIRMED')).toBe(true);

    // A Chinese delegate cancels an hour later: the feed shows the meeting cancelled, with a higher sequence.
    await cancelRequest(handle.db, cn[0]!.actor, meetings[0]!.request.id, 'http://corridor.test', new Date(Date.now() + 3_600_000));
    const after = events((await as(app, null)({ url: path })).body);
    const cancelled = after.find((e) => e.uid === `meeting-${meetings[0]!.meeting.id}@corridor`)!;
    expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled.sequence).toBeGreaterThan(before.find((e) => e.uid === cancelled.uid)!.sequence);
    expect(after.find((e) => e.uid === `meeting-${meetings[1]!.meeting.id}@corridor`)!.component.getFirstPropertyValue('status')).toBe('CONFIRMED');

    const renewed = (await as(app, pk.token)({ method: 'POST', url: `/api/events/${event.id}/calendar-feed` })).json();
    expect(renewed.url).not.toBe(url);
    expect((await as(app, null)({ url: path })).statusCode).toBe(404);
    expect((await as(app, null)({ url: new URL(renewed.url).pathname })).statusCode).toBe(200);
    expect((await as(app, pk.token)({ method: 'DELETE', url: `/api/events/${event.id}/calendar-feed` })).statusCode).toBe(204);
    expect((await as(app, null)({ url: new URL(renewed.url).pathname })).statusCode).toBe(404);
  });

  it('is the delegate’s own; organisers may fetch anyone’s', async () => {
    const { event, organiser, pk, cn } = await publishedForum();
    expect((await as(app, cn[0]!.token)({ url: `/api/events/${event.id}/agenda.ics?delegateId=${pk.delegate.id}` })).statusCode).toBe(403);
    expect((await as(app, null)({ url: `/api/events/${event.id}/agenda.ics` })).statusCode).toBe(404);
    expect((await as(app, null)({ method: 'POST', url: `/api/events/${event.id}/calendar-feed` })).statusCode).toBe(401);
    const theirs = await as(app, organiser.token)({ url: `/api/events/${event.id}/agenda.ics?delegateId=${pk.delegate.id}` });
    expect(events(theirs.body)).toHaveLength(2);
  });
});
