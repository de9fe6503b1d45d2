import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import type { DatabaseHandle } from '../../src/storage/db';
import { outbox, registrations } from '../../src/storage/schema';
import { register } from '../../src/services/training/registrations';
import { ANONYMOUS } from '../../src/services/actor';
import { createTestDatabase } from '../support/database';
import { as, buildTestApp } from '../support/app';
import { buildDelegate, buildEvent, buildUser } from '../support/factories';

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

let serial = 0;
/** The BTBU–ECOSF webinar of the issue, moved to 2030 so it stays in the future: 28 September, 14:00–16:00 Beijing time. */
function lithiumWebinar(overrides: Record<string, unknown> = {}) {
  serial++;
  return {
    title: 'Powering Belt and Road: Lithium-ion batteries',
    slug: `lithium-ion-${serial}-${Date.now()}`,
    organisedBy: ['BTBU', 'ECOSF'],
    description: 'Cell chemistry, pack assembly and recycling for Pakistani and Chinese engineers.',
    timeZone: 'Asia/Shanghai',
    registrationDeadline: '2030-09-26',
    capacity: 2,
    questions: [
      { key: 'country', required: true, allowed: ['Pakistan', 'CN'] },
      { key: 'organisation', required: true },
    ],
    sessions: [{ title: 'Cells and packs', startsAt: '2030-09-28T14:00', endsAt: '2030-09-28T16:00', webinarUrl: 'https://meeting.example/j/2030928' }],
    ...overrides,
  };
}

async function organisedProgramme(overrides: Record<string, unknown> = {}) {
  const organiser = await buildUser(handle.db, 'organiser');
  const created = await as(app, organiser.token)({ method: 'POST', url: '/api/programmes', payload: lithiumWebinar(overrides) });
  expect(created.statusCode, created.body).toBe(201);
  return { organiser, programme: created.json() };
}

const person = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  email: `${name.toLowerCase().replace(/\W+/g, '.')}.${serial}@test.example`,
  country: 'PK',
  organisation: 'Lahore Cells',
  ...extra,
});

async function mailsTo(address: string) {
  return handle.db.select().from(outbox).where(sql`lower(${outbox.toAddress}) = lower(${address})`).orderBy(asc(outbox.createdAt));
}

function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

const wall = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);

describe('a training programme', () => {
  it('is public without its webinar link, which only organisers and confirmed registrants see', async () => {
    const { organiser, programme } = await organisedProgramme();
    expect(programme.sessions[0]).toMatchObject({ startsAt: '2030-09-28T06:00:00.000Z', startsLocal: '2030-09-28T14:00:00', timeZone: 'Asia/Shanghai', webinarUrl: 'https://meeting.example/j/2030928' });
    expect(programme.registration).toMatchObject({ state: 'open', closesAt: '2030-09-26T16:00:00.000Z', closesLocal: '2030-09-27T00:00:00' });
    expect(programme.registration.deadline).toBe('Thursday, 26 September 2030 (end of the day, Asia/Shanghai time)');

    const seen = await as(app, null)({ url: `/api/programmes/${programme.slug}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain('meeting.example');
    expect(seen.json().sessions[0]).toMatchObject({ online: true, cancelled: false });
    expect(seen.json().settings).toBeUndefined();
    expect((await as(app, null)({ url: '/api/programmes' })).json().map((p: { id: string }) => p.id)).toContain(programme.id);

    // An organiser of some other event has no say over this programme.
    const { organiser: stranger } = await buildEvent(handle.db);
    expect((await as(app, stranger.token)({ method: 'PATCH', url: `/api/programmes/${programme.id}`, payload: { capacity: 9 } })).statusCode).toBe(403);
    expect((await as(app, null)({ method: 'POST', url: '/api/programmes', payload: lithiumWebinar() })).statusCode).toBe(401);
    expect((await as(app, null)({ url: `/api/programmes/${programme.id}/registrations` })).statusCode).toBe(401);
    expect((await as(app, organiser.token)({ url: `/api/programmes/${programme.id}/registrations` })).json()).toEqual([]);
  });

  it('confirms a registration by e-mail with the link and a calendar invite in the right zones', async () => {
    const { programme } = await organisedProgramme();
    const ayesha = person('Ayesha Khan', { timeZone: 'Asia/Karachi' });
    const response = await as(app, null)({ method: 'POST', url: `/api/programmes/${programme.id}/registrations`, payload: ayesha });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ status: 'confirmed', duplicate: false, waitlistPosition: null });
    expect(response.body).not.toContain('meeting.example');

    const [mail] = await mailsTo(ayesha.email);
    expect(mail).toMatchObject({ kind: 'training-confirmed', subject: 'Registration confirmed: Powering Belt and Road: Lithium-ion batteries' });
    expect(mail!.textBody).toContain('Join: https://meeting.example/j/2030928');
    // The reader in Karachi sees Beijing time and her own.
    expect(mail!.textBody).toContain('14:00–16:00 Asia/Shanghai (UTC+08:00) · 11:00–13:00 Asia/Karachi (UTC+05:00)');
    const [invite] = mail!.attachments as { filename: string; contentType: string; content: string }[];
    expect(invite!.contentType).toMatch(/^text\/calendar/);
    const [event] = events(invite!.content);
    expect(event!.summary).toBe('Powering Belt and Road: Lithium-ion batteries — Cells and packs');
    const start = event!.startDate.toJSDate();
    expect(start.toISOString()).toBe('2030-09-28T06:00:00.000Z');
    expect(event!.endDate.toJSDate().toISOString()).toBe('2030-09-28T08:00:00.000Z');
    expect(wall(start, 'Asia/Shanghai')).toBe('28/09/2030, 14:00');
    expect(wall(start, 'Asia/Karachi')).toBe('28/09/2030, 11:00');
    expect(event!.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(String(event!.component.getFirstPropertyValue('url'))).toBe('https://meeting.example/j/2030928');

    // The registrant's page (by the secret link in the e-mail) shows the link; the token is only in the e-mail.
    const token = /registrations\/(reg_[\w-]+)/.exec(mail!.textBody)![1]!;
    const page = await as(app, null)({ url: `/api/registrations/${token}` });
    expect(page.json()).toMatchObject({ status: 'confirmed', programme: { sessions: [{ webinarUrl: 'https://meeting.example/j/2030928' }] } });
    const feed = await as(app, null)({ url: `/api/registrations/${token}/calendar.ics` });
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    expect(events(feed.body)[0]!.startDate.toJSDate().toISOString()).toBe('2030-09-28T06:00:00.000Z');
  });

  it('recognises the same e-mail registering again and sends the details once more, without a second place', async () => {
    const { programme, organiser } = await organisedProgramme();
    const bilal = person('Bilal Ahmed');
    await as(app, null)({ method: 'POST', url: `/api/programmes/${programme.id}/registrations`, payload: bilal });
    const again = await as(app, null)({ method: 'POST', url: `/api/programmes/${programme.id}/registrations`, payload: { ...bilal, email: bilal.email.toUpperCase() } });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'confirmed', duplicate: true });
    const list = (await as(app, organiser.token)({ url: `/api/programmes/${programme.id}/registrations` })).json();
    expect(list).toHaveLength(1);
    expect((await mailsTo(bilal.email)).map((m) => m.kind)).toEqual(['training-confirmed', 'training-confirmed-again']);
  });

  it('puts people on a waiting list when full; a cancellation promotes the first of them, who is e-mailed', async () => {
    const { programme } = await organisedProgramme({ capacity: 1 });
    const first = person('Chen Jing', { country: 'CN', language: 'zh' });
    const second = person('Danish Ali');
    const third = person('Erum Shah');
    for (const p of [first, second, third]) await as(app, null)({ method: 'POST', url: `/api/programmes/${programme.id}/registrations`, payload: p });
    const again = (await as(app, null)({ method: 'POST', url: `/api/programmes/${programme.id}/registrations`, payload: third })).json();
    expect(again).toMatchObject({ status: 'waitlisted', duplicate: true, waitlistPosition: 2 });
    expect((await mailsTo(second.email))[0]).toMatchObject({ kind: 'training-waitlisted' });
    expect((await mailsTo(second.email))[0]!.textBody).not.toContain('meeting.example');
    expect((await mailsTo(first.email))[0]!.subject).toBe('报名成功：Powering Belt and Road: Lithium-ion batteries');

    const token = (address: string) => mailsTo(address).then((m) => /registrations\/(reg_[\w-]+)/.exec(m[0]!.textBody)![1]!);
    const waiting = (await as(app, null)({ url: `/api/registrations/${await token(second.email)}` })).json();
    expect(waiting).toMatchObject({ status: 'waitlisted', waitlistPosition: 1, calendarUrl: null });
    expect(JSON.stringify(waiting)).not.toContain('meeting.example');

    const cancelled = await as(app, null)({ method: 'POST', url: `/api/registrations/${await token(first.email)}/cancel` });
    expect(cancelled.json()).toEqual({ status: 'cancelled', promoted: 1 });
    const goodbye = (await mailsTo(first.email)).at(-1)!;
    expect(goodbye.kind).toBe('training-cancelled');
    expect(events((goodbye.attachments as { content: string }[])[0]!.content)[0]!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    const promoted = (await mailsTo(second.email)).at(-1)!;
    expect(promoted.kind).toBe('training-promoted');
    expect(promoted.textBody).toContain('https://meeting.example/j/2030928');
    expect((await as(app, null)({ url: `/api/registrations/${await token(third.email)}` })).json()).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect((await as(app, null)({ url: `/api/programmes/${programme.id}` })).json()).toMatchObject({ placesLeft: 0, waitlistLength: 1 });
  });

  it('asks its eligibility questions and names the field that fails', async () => {
    const { programme } = await organisedProgramme();
    const post = (payload: object) => as(app, null)({ method: 'POST', url: `/api/programmes/${programme.id}/registrations`, payload });
    const fromIndia = await post(person('Farah Noor', { country: 'India' }));
    expect(fromIndia.statusCode).toBe(422);
    expect(fromIndia.json().error).toMatchObject({ code: 'RULE_VIOLATED', field: 'country', message: 'This programme is open to participants from Pakistan, China only.' });
    const noOrganisation = await post(person('Ghulam Abbas', { organisation: '' }));
    expect(noOrganisation.json().error).toMatchObject({ code: 'VALIDATION', field: 'organisation' });
    const chineseName = await post(person('x', { name: '王芳', country: 'CN' }));
    expect(chineseName.json().error).toMatchObject({ code: 'VALIDATION', field: 'nameLatin' });
    const withLatin = await post({ ...person('x', { name: '王芳', country: 'China' }), nameLatin: 'Wang Fang' });
    expect(withLatin.statusCode).toBe(201);
    expect((await handle.db.select().from(registrations).where(eq(registrations.programmeId, programme.id)))[0]).toMatchObject({ country: 'CN', nameLatin: 'Wang Fang' });
  });

  it('refuses a registration one second after the deadline with a clear message, and accepts one a second before', async () => {
    const { programme } = await organisedProgramme({ capacity: null });
    const deadline = new Date('2030-09-26T16:00:00Z'); // midnight in Beijing at the end of 26 September
    const before = await register(handle.db, ANONYMOUS, programme.id, person('Hina Malik'), 'http://corridor.test', new Date(deadline.getTime() - 1000));
    expect(before.status).toBe('confirmed');
    await expect(register(handle.db, ANONYMOUS, programme.id, person('Imran Butt'), 'http://corridor.test', new Date(deadline.getTime() + 1000))).rejects.toMatchObject({
      code: 'DEADLINE_PASSED',
      message: 'Registration for “Powering Belt and Road: Lithium-ion batteries” closed on Thursday, 26 September 2030 (end of the day, Asia/Shanghai time).',
    });
    const closed = await organisedProgramme({ registrationDeadline: '2020-01-01', sessions: [{ startsAt: '2030-01-02T10:00', endsAt: '2030-01-02T11:00', webinarUrl: 'https://meeting.example/j/1' }] });
    const late = await as(app, null)({ method: 'POST', url: `/api/programmes/${closed.programme.id}/registrations`, payload: person('Javed Iqbal') });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.code).toBe('DEADLINE_PASSED');
  });

  it('tells confirmed registrants when a session moves, and their calendar follows', async () => {
    const { programme, organiser } = await organisedProgramme();
    const kamran = person('Kamran Akmal');
    await as(app, null)({ method: 'POST', url: `/api/programmes/${programme.id}/registrations`, payload: kamran });
    const token = /registrations\/(reg_[\w-]+)/.exec((await mailsTo(kamran.email))[0]!.textBody)![1]!;
    const before = events((await as(app, null)({ url: `/api/registrations/${token}/calendar.ics` })).body)[0]!;

    const moved = await as(app, organiser.token)({
      method: 'PATCH',
      url: `/api/programmes/${programme.id}/sessions/${programme.sessions[0].id}`,
      payload: { startsAt: '2030-09-29T09:30', endsAt: '2030-09-29T11:30' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const notice = (await mailsTo(kamran.email)).at(-1)!;
    expect(notice.kind).toBe('training-session-changed');
    const after = events((await as(app, null)({ url: `/api/registrations/${token}/calendar.ics` })).body)[0]!;
    expect(after.uid).toBe(before.uid);
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect(after.startDate.toJSDate().toISOString()).toBe('2030-09-29T01:30:00.000Z');
    expect(wall(after.startDate.toJSDate(), 'Asia/Karachi')).toBe('29/09/2030, 06:30');
  });

  it('may belong to an event, whose organisers manage it; a larger capacity promotes the waiting list', async () => {
    const { event, organiser } = await buildEvent(handle.db);
    const delegate = await buildDelegate(handle.db, event.id);
    expect((await as(app, delegate.token)({ method: 'POST', url: '/api/programmes', payload: lithiumWebinar({ eventId: event.id }) })).statusCode).toBe(403);
    const outsider = await buildUser(handle.db, 'organiser');
    expect((await as(app, outsider.token)({ method: 'POST', url: '/api/programmes', payload: lithiumWebinar({ eventId: event.id }) })).statusCode).toBe(403);
    const created = (await as(app, organiser.token)({ method: 'POST', url: '/api/programmes', payload: lithiumWebinar({ eventId: event.id, capacity: 1 }) })).json();
    expect((await as(app, null)({ url: `/api/programmes?eventId=${event.id}` })).json().map((p: { id: string }) => p.id)).toEqual([created.id]);

    const [first, second, third] = [person('Laila Raza'), person('Mehwish Hayat'), person('Nadia Jamil')];
    for (const p of [first, second, third]) await as(app, null)({ method: 'POST', url: `/api/programmes/${created.id}/registrations`, payload: p });
    const raised = await as(app, organiser.token)({ method: 'PATCH', url: `/api/programmes/${created.id}`, payload: { capacity: 2 } });
    expect(raised.json()).toMatchObject({ capacity: 2, placesLeft: 0, waitlistLength: 1, confirmed: 2 });
    const lowered = await as(app, organiser.token)({ method: 'PATCH', url: `/api/programmes/${created.id}`, payload: { capacity: 1 } });
    expect(lowered.statusCode).toBe(409);
    expect(lowered.json().error).toMatchObject({ code: 'CONFLICT', field: 'capacity' });
    expect((await mailsTo(second.email)).map((m) => m.kind)).toEqual(['training-waitlisted', 'training-promoted']);
    expect((await mailsTo(third.email)).map((m) => m.kind)).toEqual(['training-waitlisted']);

    const cancelled = await as(app, organiser.token)({ method: 'POST', url: `/api/programmes/${created.id}/sessions/${created.sessions[0].id}/cancel` });
    expect(cancelled.json().sessions[0].cancelled).toBe(true);
    const notice = (await mailsTo(first.email)).at(-1)!;
    expect(notice.kind).toBe('training-session-cancelled');
    expect(notice.textBody).not.toContain('meeting.example');
    expect(events((notice.attachments as { content: string }[])[0]!.content)[0]!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect((await mailsTo(third.email)).map((m) => m.kind)).toEqual(['training-waitlisted']);
  });

  it('is documented in the OpenAPI description', async () => {
    const spec = (await as(app, null)({ url: '/api/openapi.json' })).json();
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/programmes', '/api/programmes/{programme}/registrations', '/api/registrations/{token}', '/api/certificates/{code}']));
    expect(spec.paths['/api/programmes/{programme}'].get.responses['200'].content['application/json'].schema.properties.sessions).toBeDefined();
  });
});
