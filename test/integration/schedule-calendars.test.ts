import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import type { DatabaseHandle } from '../../src/storage/db';
import { meetingRequests, meetings, outbox, timeSlots } from '../../src/storage/schema';
import { claimJob, runJob } from '../../src/jobs/job-runner';
import { JOB_HANDLERS } from '../../src/jobs/handlers';
import { createTestDatabase } from '../support/database';
import { as, buildTestApp } from '../support/app';
import { buildAcceptedMeeting, buildDelegate, buildEvent, buildSlots, buildTables } from '../support/factories';

/* The agenda that travels with schedule e-mails, and calendars that update a moved meeting in place. */
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
  for (let job = await claimJob(handle.db, Object.keys(JOB_HANDLERS)); job; job = await claimJob(handle.db, Object.keys(JOB_HANDLERS))) {
    await runJob(handle.db, job, JOB_HANDLERS[job.kind]!);
  }
}

function vevents(ics: string) {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

/** Two Pakistani delegates, two Chinese ones, three meetings, five slots in Asia/Karachi. */
async function forum() {
  const { event, organiser } = await buildEvent(handle.db, { venue: 'Jinnah Convention Centre', city: 'Islamabad' });
  const slots = await buildSlots(handle.db, event.id, 5);
  await buildTables(handle.db, event.id, 2);
  const pk = [await buildDelegate(handle.db, event.id, { country: 'PK', name: 'Sabesh Motors' }), await buildDelegate(handle.db, event.id, { country: 'PK', name: 'Indus Solar' })];
  const cn = [await buildDelegate(handle.db, event.id, { country: 'CN', name: 'Hefei Cells' }), await buildDelegate(handle.db, event.id, { country: 'CN', name: 'Xi’an Packs' })];
  const accepted = [
    await buildAcceptedMeeting(handle.db, event.id, pk[0]!.delegate.id, cn[0]!.delegate.id),
    await buildAcceptedMeeting(handle.db, event.id, pk[0]!.delegate.id, cn[1]!.delegate.id),
    await buildAcceptedMeeting(handle.db, event.id, pk[1]!.delegate.id, cn[0]!.delegate.id),
  ];
  return { event, organiser, slots, pk, cn, accepted };
}

async function buildAndPublish(eventId: string, token: string, kind: 'build' | 'replan') {
  const started = await as(app, token)({ method: 'POST', url: `/api/events/${eventId}/schedule/${kind}`, payload: { timeLimitSeconds: 2 } });
  expect(started.statusCode, started.body).toBe(202);
  await runQueuedJobs();
  const draft = (await as(app, token)({ url: `/api/events/${eventId}/schedule` })).json().versions[0];
  const published = await as(app, token)({ method: 'POST', url: `/api/events/${eventId}/schedule/${draft.id}/publish` });
  expect(published.statusCode, published.body).toBe(200);
}

async function placed(meetingIds: string[]) {
  const rows = await handle.db
    .select({ id: meetings.id, revision: meetings.revision, slotId: meetings.slotId, startsAt: timeSlots.startsAt, endsAt: timeSlots.endsAt })
    .from(meetings)
    .innerJoin(timeSlots, eq(timeSlots.id, meetings.slotId))
    .where(inArray(meetings.id, meetingIds));
  return new Map(rows.map((r) => [r.id, r]));
}

describe('schedule e-mails', () => {
  it('carry each delegate’s agenda as an .ics file with their meetings at the right UTC times', async () => {
    const { event, organiser, pk, cn, accepted } = await forum();
    await buildAndPublish(event.id, organiser.token, 'build');
    const slotOf = await placed(accepted.map((a) => a.meeting.id));

    const mails = await handle.db.select().from(outbox).where(eq(outbox.kind, 'schedule-published'));
    for (const [person, theirs] of [
      [pk[0]!, [accepted[0]!, accepted[1]!]],
      [pk[1]!, [accepted[2]!]],
      [cn[0]!, [accepted[0]!, accepted[2]!]],
      [cn[1]!, [accepted[1]!]],
    ] as const) {
      const mail = mails.find((m) => m.toAddress === person.email);
      expect(mail, person.email).toBeDefined();
      const [agenda] = mail!.attachments as { filename: string; contentType: string; content: string }[];
      expect(agenda).toMatchObject({ filename: 'agenda.ics', contentType: expect.stringMatching(/^text\/calendar/) });
      const entries = vevents(agenda!.content);
      expect(entries.map((e) => e.uid).sort()).toEqual(theirs.map((a) => `meeting-${a.meeting.id}@corridor`).sort());
      for (const entry of entries) {
        const meeting = slotOf.get(entry.uid.replace(/^meeting-|@corridor$/g, ''))!;
        expect(entry.startDate.zone?.tzid).toBe('UTC');
        expect(entry.startDate.toJSDate().toISOString()).toBe(meeting.startsAt.toISOString());
        expect(entry.endDate.toJSDate().toISOString()).toBe(meeting.endsAt.toISOString());
        expect(entry.location).toMatch(/^Table 00\d, Jinnah Convention Centre, Islamabad$/);
      }
    }
  });

  it('move a meeting in every calendar: same UID, higher SEQUENCE, new time, after a re-plan', async () => {
    const { event, organiser, pk, accepted } = await forum();
    await buildAndPublish(event.id, organiser.token, 'build');
    const feed = (await as(app, pk[0]!.token)({ method: 'POST', url: `/api/events/${event.id}/calendar-feed` })).json();
    const feedPath = new URL(feed.url).pathname;
    const before = vevents((await as(app, null)({ url: feedPath })).body);
    const moving = accepted[0]!.meeting.id;
    const staying = accepted[1]!.meeting.id;
    const placedBefore = await placed([moving, staying]);
    const old = placedBefore.get(moving)!;
    const stayingBefore = placedBefore.get(staying)!;

    // The organisers turn the slot of one meeting into a break: the re-plan has to move it.
    await handle.db.update(timeSlots).set({ isBreak: true }).where(and(eq(timeSlots.id, old.slotId!), eq(timeSlots.eventId, event.id)));
    await buildAndPublish(event.id, organiser.token, 'replan');
    const now = await placed([moving, staying]);
    expect(now.get(moving)!.slotId).not.toBe(old.slotId);
    expect(now.get(moving)!.revision).toBeGreaterThan(old.revision);

    const after = vevents((await as(app, null)({ url: feedPath })).body);
    expect(after).toHaveLength(before.length);
    const uid = `meeting-${moving}@corridor`;
    const was = before.find((e) => e.uid === uid)!;
    const is = after.find((e) => e.uid === uid)!;
    expect(is.sequence).toBeGreaterThan(was.sequence);
    expect(is.startDate.toJSDate().toISOString()).toBe(now.get(moving)!.startsAt.toISOString());
    expect(is.startDate.toJSDate().toISOString()).not.toBe(was.startDate.toJSDate().toISOString());
    // A meeting the re-plan left where it was keeps its sequence, so calendars do not churn.
    if (now.get(staying)!.slotId === stayingBefore.slotId) {
      const unmoved = `meeting-${staying}@corridor`;
      expect(after.find((e) => e.uid === unmoved)!.sequence).toBe(before.find((e) => e.uid === unmoved)!.sequence);
    }

    // The e-mail about the change carries the agenda with the meeting at its new time.
    const [changed] = await handle.db.select().from(outbox).where(and(eq(outbox.kind, 'schedule-changed'), eq(outbox.toAddress, pk[0]!.email)));
    const attached = vevents((changed!.attachments as { content: string }[])[0]!.content).find((e) => e.uid === uid)!;
    expect(attached.sequence).toBe(is.sequence);
    expect(attached.startDate.toJSDate().toISOString()).toBe(now.get(moving)!.startsAt.toISOString());
  });

  it('cancel a meeting in every calendar with a higher SEQUENCE', async () => {
    const { event, organiser, pk, accepted } = await forum();
    await buildAndPublish(event.id, organiser.token, 'build');
    const [request] = await handle.db.select().from(meetingRequests).where(eq(meetingRequests.id, accepted[0]!.request.id));
    const before = (await placed([accepted[0]!.meeting.id])).get(accepted[0]!.meeting.id)!;
    expect((await as(app, pk[0]!.token)({ method: 'POST', url: `/api/meeting-requests/${request!.id}/cancel` })).statusCode).toBe(200);
    const calendar = vevents((await as(app, pk[0]!.token)({ url: `/api/events/${event.id}/agenda.ics` })).body);
    const cancelled = calendar.find((e) => e.uid === `meeting-${accepted[0]!.meeting.id}@corridor`)!;
    expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled.sequence).toBe(before.revision + 1);
  });

  it('cancel a meeting a re-plan cannot place, in the feed and in the e-mail to both delegates', async () => {
    const { event, organiser, pk, cn, slots, accepted } = await forum();
    await buildAndPublish(event.id, organiser.token, 'build');
    const feed = (await as(app, pk[0]!.token)({ method: 'POST', url: `/api/events/${event.id}/calendar-feed` })).json();
    const feedPath = new URL(feed.url).pathname;
    const dropped = accepted[0]!.meeting.id;
    const old = (await placed([dropped])).get(dropped)!;

    // One slot left: Sabesh Motors and Hefei Cells each have two meetings, so only the other two
    // meetings (different people) fit, and theirs together cannot be held.
    const kept = slots[0]!;
    await handle.db.update(timeSlots).set({ isBreak: true }).where(and(eq(timeSlots.eventId, event.id), ne(timeSlots.id, kept.id)));
    await buildAndPublish(event.id, organiser.token, 'replan');
    const [after] = await handle.db.select().from(meetings).where(eq(meetings.id, dropped));
    expect(after!.slotId).toBeNull();
    expect(after!.status).toBe('scheduled');

    const uid = `meeting-${dropped}@corridor`;
    const inFeed = vevents((await as(app, null)({ url: feedPath })).body).find((e) => e.uid === uid);
    expect(inFeed, 'the dropped meeting is still in the feed').toBeDefined();
    expect(inFeed!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(inFeed!.sequence).toBeGreaterThan(old.revision);
    expect(inFeed!.startDate.toJSDate().toISOString()).toBe(old.startsAt.toISOString());

    for (const person of [pk[0]!, cn[0]!]) {
      const mails = await handle.db.select().from(outbox).where(and(eq(outbox.kind, 'schedule-changed'), eq(outbox.toAddress, person.email)));
      expect(mails, person.email).toHaveLength(1);
      const attached = vevents((mails[0]!.attachments as { content: string }[])[0]!.content).find((e) => e.uid === uid);
      expect(attached?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
      expect(attached!.sequence).toBe(inFeed!.sequence);
    }
  });
});
