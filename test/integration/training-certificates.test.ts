import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, like } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/storage/db';
import { outbox } from '../../src/storage/schema';
import { ANONYMOUS } from '../../src/services/actor';
import { createProgramme } from '../../src/services/training/programmes';
import { register } from '../../src/services/training/registrations';
import { queueDueReminders } from '../../src/services/training/reminders';
import { createTestDatabase } from '../support/database';
import { as, buildTestApp } from '../support/app';
import { buildUser } from '../support/factories';

let handle: DatabaseHandle;
let app: FastifyInstance;
const URL = 'http://corridor.test';

beforeAll(async () => {
  handle = await createTestDatabase();
  app = await buildTestApp(handle.db);
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

const mails = (kind: string, address: string) =>
  handle.db.select().from(outbox).where(and(eq(outbox.kind, kind), eq(outbox.toAddress, address))).orderBy(asc(outbox.createdAt));

function multipart(csv: string) {
  const boundary = 'corridor-test-boundary';
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="attendance.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
  };
}

// The shape of Zoom's webinar attendee report: a summary, then a table per role, a person once per (re)join.
const zoomReport = (emails: { ayesha: string; bilal: string; wang: string }) => `Attendee Report,
Report Generated:,"9/28/2025 16:05"
Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Registered,Unique Viewers
Powering Belt and Road: Lithium-ion batteries,912 3456 7890,"Sep 28, 2025 14:00:12",121,3,3
Host Details,
Attended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),Is Guest,Country/Region Name
Yes,BTBU Host,host@btbu.example,"Sep 28, 2025 13:50:00","Sep 28, 2025 16:02:00",132,No,China
Attendee Details,
Attended,First Name,Last Name,Email,Registration Time,Approval Status,Join Time,Leave Time,Time in Session (minutes),Is Guest,Country/Region Name
Yes,Ayesha,Khan,${emails.ayesha.toUpperCase()},"Sep 2, 2025 10:00:00",approved,"Sep 28, 2025 14:00:30","Sep 28, 2025 15:35:00",95,No,Pakistan
Yes,Ayesha,Khan,${emails.ayesha},"Sep 2, 2025 10:00:00",approved,"Sep 28, 2025 15:38:00","Sep 28, 2025 15:58:00",20,No,Pakistan
Yes,Bilal,Ahmed,${emails.bilal},"Sep 3, 2025 11:00:00",approved,"Sep 28, 2025 14:05:00","Sep 28, 2025 14:35:00",30,No,Pakistan
Yes,Fang,Wang,${emails.wang},"Sep 4, 2025 09:00:00",approved,"Sep 28, 2025 14:00:00","Sep 28, 2025 16:00:00",120,No,China
Yes,Guest,Viewer,guest@elsewhere.example,,approved,"Sep 28, 2025 14:10:00","Sep 28, 2025 15:10:00",60,Yes,Pakistan
No,Late,Comer,,"Sep 5, 2025 09:00:00",approved,,,,No,Pakistan
`;

describe('attendance and certificates', () => {
  it('imports a webinar report, takes hand marks, and certifies those who attended every session, verifiably', async () => {
    const organiser = await buildUser(handle.db, 'organiser');
    // Held in 2025: over by now, so certificates can be issued through the API.
    const programme = await createProgramme(handle.db, organiser.actor, {
      title: 'Powering Belt and Road: Lithium-ion batteries',
      organisedBy: ['BTBU', 'ECOSF'],
      timeZone: 'Asia/Shanghai',
      registrationDeadline: '2025-09-26',
      sessions: [
        { title: 'Cells', startsAt: '2025-09-28T14:00', endsAt: '2025-09-28T16:00', webinarUrl: 'https://meeting.example/j/1' },
        { title: 'Packs', startsAt: '2025-10-05T14:00', endsAt: '2025-10-05T16:00', webinarUrl: 'https://meeting.example/j/2' },
      ],
    });
    const stamp = Date.now();
    const emails = { ayesha: `ayesha.${stamp}@test.example`, bilal: `bilal.${stamp}@test.example`, wang: `wang.${stamp}@test.example` };
    const at = new Date('2025-09-01T00:00:00Z');
    await register(handle.db, ANONYMOUS, programme.id, { name: 'Ayesha Khan', email: emails.ayesha }, URL, at);
    await register(handle.db, ANONYMOUS, programme.id, { name: 'Bilal Ahmed', email: emails.bilal }, URL, at);
    await register(handle.db, ANONYMOUS, programme.id, { name: '王芳', nameLatin: 'Wang Fang', email: emails.wang, language: 'zh' }, URL, at);
    const [cells, packs] = programme.sessions;

    const imported = await as(app, organiser.token)({ method: 'POST', url: `/api/programmes/${programme.id}/sessions/${cells!.id}/attendance/import`, ...multipart(zoomReport(emails)) });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ matched: 3, present: 2, belowThreshold: 1, unmatchedCount: 2 });
    expect(imported.json().unmatched.sort()).toEqual(['guest@elsewhere.example', 'host@btbu.example']);
    // The same report again changes nothing.
    expect((await as(app, organiser.token)({ method: 'POST', url: `/api/programmes/${programme.id}/sessions/${cells!.id}/attendance/import`, ...multipart(zoomReport(emails)) })).json()).toMatchObject({ matched: 3, present: 2 });

    const bad = await as(app, organiser.token)({ method: 'POST', url: `/api/programmes/${programme.id}/sessions/${packs!.id}/attendance/import`, ...multipart('Email,Duration (Minutes)\nayesha@x.example,95\nnot-an-address,12\n') });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('row 3, column "Email": "not-an-address" is not an e-mail address');

    const people = (await as(app, organiser.token)({ url: `/api/programmes/${programme.id}/registrations` })).json() as { id: string; email: string }[];
    const idOf = (email: string) => people.find((p) => p.email === email)!.id;
    const marked = await as(app, organiser.token)({
      method: 'PUT',
      url: `/api/programmes/${programme.id}/sessions/${packs!.id}/attendance`,
      payload: { marks: [emails.ayesha, emails.bilal, emails.wang].map((e) => ({ registrationId: idOf(e), present: true })) },
    });
    expect(marked.json()).toEqual({ marked: 3 });
    const stranger = await buildUser(handle.db, 'organiser');
    expect((await as(app, stranger.token)({ method: 'PUT', url: `/api/programmes/${programme.id}/sessions/${packs!.id}/attendance`, payload: { marks: [] } })).statusCode).toBe(403);

    const issued = await as(app, organiser.token)({ method: 'POST', url: `/api/programmes/${programme.id}/certificates` });
    expect(issued.json()).toEqual({ issued: 2, alreadyIssued: 0, notQualified: 1, sessionsRequired: 2 });
    expect((await as(app, organiser.token)({ method: 'POST', url: `/api/programmes/${programme.id}/certificates` })).json()).toMatchObject({ issued: 0, alreadyIssued: 2 });
    expect(await mails('training-certificate', emails.bilal)).toHaveLength(0);

    const [notice] = await mails('training-certificate', emails.wang);
    expect(notice!.subject).toBe('您的证书：Powering Belt and Road: Lithium-ion batteries');
    const code = /证书编号 ([0-9A-Z-]+)/.exec(notice!.textBody)![1]!;
    expect(notice!.textBody).toContain(`${URL}/certificates/${code}`);
    const verified = await as(app, null)({ url: `/api/certificates/${code.toLowerCase().replace(/-/g, '')}` });
    expect(verified.json()).toMatchObject({ code, valid: true, holderName: 'Wang Fang', sessionsAttended: 2, sessionsHeld: 2, heldFrom: '2025-09-28T06:00:00.000Z', programme: { organisedBy: ['BTBU', 'ECOSF'], timeZone: 'Asia/Shanghai' } });
    const pdf = await as(app, null)({ url: `/api/certificates/${code}/certificate.pdf` });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.body.startsWith('%PDF-1.4')).toBe(true);
    expect(pdf.body).toContain('(Wang Fang)');
    expect(pdf.body).toContain(`(Certificate code ${code})`);
    expect(pdf.body).toContain('(held 28 September 2025 to 5 October 2025 \\(2 of 2 sessions attended\\))');
    expect((await as(app, null)({ url: '/api/certificates/0000-0000-0000' })).statusCode).toBe(404);
  });
});

describe('reminders', () => {
  it('go out 24 hours and 1 hour before each session, once each, and never for a time before the person registered', async () => {
    const organiser = await buildUser(handle.db, 'organiser');
    const programme = await createProgramme(handle.db, organiser.actor, {
      title: 'Sodium-ion cells for two-wheelers',
      timeZone: 'Asia/Shanghai',
      registrationDeadline: '2030-09-28T13:00',
      reminderOffsetsMinutes: [1440, 60],
      sessions: [{ startsAt: '2030-09-28T14:00', endsAt: '2030-09-28T15:30', webinarUrl: 'https://meeting.example/j/sodium' }],
    });
    const stamp = Date.now();
    const early = [`early-a.${stamp}@test.example`, `early-b.${stamp}@test.example`];
    const late = `late.${stamp}@test.example`;
    for (const email of early) await register(handle.db, ANONYMOUS, programme.id, { name: 'Early Bird', email }, URL, new Date('2030-09-01T00:00:00Z'));

    const start = Date.parse('2030-09-28T06:00:00Z');
    const hours = (h: number) => new Date(start - h * 3_600_000);
    expect(await queueDueReminders(handle.db, URL, new Date(hours(24).getTime() - 1000))).toBe(0);
    // Two servers checking at the same moment queue each reminder once.
    const [one, other] = await Promise.all([queueDueReminders(handle.db, URL, hours(24)), queueDueReminders(handle.db, URL, hours(24))]);
    expect(one + other).toBe(2);
    expect(await queueDueReminders(handle.db, URL, hours(23))).toBe(0);

    await register(handle.db, ANONYMOUS, programme.id, { name: 'Late Comer', email: late, language: 'ur' }, URL, hours(3));
    expect(await queueDueReminders(handle.db, URL, hours(2))).toBe(0);
    expect(await queueDueReminders(handle.db, URL, hours(1))).toBe(3);
    expect(await queueDueReminders(handle.db, URL, hours(0.5))).toBe(0);
    expect(await queueDueReminders(handle.db, URL, hours(-1))).toBe(0);

    const first = await mails('training-reminder', early[0]!);
    expect(first.map((m) => m.subject)).toEqual(['Starts in 24 hours: Sodium-ion cells for two-wheelers', 'Starts in 1 hour: Sodium-ion cells for two-wheelers']);
    expect(first[1]!.textBody).toContain('Join: https://meeting.example/j/sodium');
    const latecomer = await mails('training-reminder', late);
    expect(latecomer).toHaveLength(1);
    expect(latecomer[0]!.subject).toBe('1 گھنٹے میں شروع: Sodium-ion cells for two-wheelers');
    expect(await handle.db.select().from(outbox).where(and(eq(outbox.kind, 'training-reminder'), like(outbox.toAddress, `%.${stamp}@test.example`)))).toHaveLength(5);
  });
});
