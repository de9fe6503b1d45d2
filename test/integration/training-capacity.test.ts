import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { DatabaseHandle } from '../../src/storage/db';
import { outbox, programmes, registrations } from '../../src/storage/schema';
import { deliverDueMail } from '../../src/jobs/outbox-worker';
import { fileTransport } from '../../src/jobs/mail-transport';
import { ANONYMOUS } from '../../src/services/actor';
import { createProgramme, updateProgramme } from '../../src/services/training/programmes';
import { cancelRegistration, register } from '../../src/services/training/registrations';
import { createTestDatabase } from '../support/database';
import { buildUser } from '../support/factories';

let handle: DatabaseHandle;
const outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'corridor-capacity-'));

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
  fs.rmSync(outboxDir, { recursive: true, force: true });
});

describe('registration under load', () => {
  it('gives exactly 500 places to 2,000 people arriving at once, queues the rest, and e-mails each of them once', async () => {
    const organiser = await buildUser(handle.db, 'organiser');
    const programme = await createProgramme(handle.db, organiser.actor, {
      title: 'Powering Belt and Road: Lithium-ion batteries (2,000 at once)',
      organisedBy: ['BTBU', 'ECOSF'],
      timeZone: 'Asia/Shanghai',
      registrationDeadline: '2030-09-26',
      capacity: 500,
      sessions: [{ startsAt: '2030-09-28T14:00', endsAt: '2030-09-28T16:00', webinarUrl: 'https://meeting.example/j/2030928' }],
    });
    const people = Array.from({ length: 2000 }, (_, i) => ({ name: `Participant ${i}`, email: `participant-${i}@load.example`, country: i % 2 ? 'PK' : 'CN' }));
    const now = new Date('2030-09-01T00:00:00Z');
    const outcomes = await Promise.all(people.map((p) => register(handle.db, ANONYMOUS, programme.id, p, 'http://corridor.test', now)));

    expect(outcomes.filter((o) => o.status === 'confirmed')).toHaveLength(500);
    const positions = outcomes.filter((o) => o.status === 'waitlisted').map((o) => o.waitlistPosition!);
    expect(positions).toHaveLength(1500);
    expect(new Set(positions).size).toBe(1500);
    expect(Math.max(...positions)).toBe(1500);

    const stored = await handle.db
      .select({ status: registrations.status, n: sql<number>`count(*)::int` })
      .from(registrations)
      .where(eq(registrations.programmeId, programme.id))
      .groupBy(registrations.status);
    expect(Object.fromEntries(stored.map((s) => [s.status, Number(s.n)]))).toEqual({ confirmed: 500, waitlisted: 1500 });
    // The programme's own counts agree with its registrations.
    const [counted] = await handle.db.select().from(programmes).where(eq(programmes.id, programme.id));
    expect(counted).toMatchObject({ confirmedCount: 500, waitlistedCount: 1500, lastQueueNumber: 2000 });

    const addresses = people.map((p) => p.email);
    const queued = await handle.db
      .select({ kind: outbox.kind, n: sql<number>`count(*)::int`, people: sql<number>`count(distinct ${outbox.toAddress})::int` })
      .from(outbox)
      .where(inArray(outbox.toAddress, addresses))
      .groupBy(outbox.kind);
    expect(Object.fromEntries(queued.map((q) => [q.kind, [Number(q.n), Number(q.people)]]))).toEqual({ 'training-confirmed': [500, 500], 'training-waitlisted': [1500, 1500] });

    // The worker delivers every message, each once: 2,000 files, one per person.
    const transport = fileTransport(outboxDir);
    for (;;) {
      const report = await deliverDueMail(handle.db, transport, 'Corridor <no-reply@corridor.test>', { batch: 200, concurrency: 8 });
      if (report.claimed === 0) break;
      expect(report.retried + report.failed).toBe(0);
    }
    transport.close();
    const files = fs.readdirSync(outboxDir).filter((f) => f.endsWith('.eml'));
    const recipients = files.map((f) => /^To: (.+)$/m.exec(fs.readFileSync(path.join(outboxDir, f), 'utf8'))![1]!.trim());
    expect(new Set(recipients)).toEqual(new Set(addresses));
    expect(recipients).toHaveLength(2000);
    const links = files.filter((f) => fs.readFileSync(path.join(outboxDir, f), 'utf8').includes('meeting.example/j/2030928'));
    expect(links).toHaveLength(500);
  }, 120_000);

  it('keeps its promises through any mix of registrations, repeats, cancellations and capacity changes', async () => {
    const organiser = await buildUser(handle.db, 'organiser');
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('register' as const), person: fc.integer({ min: 0, max: 11 }) }),
      fc.record({ kind: fc.constant('cancel' as const), person: fc.integer({ min: 0, max: 11 }) }),
      fc.record({ kind: fc.constant('capacity' as const), capacity: fc.integer({ min: 1, max: 6 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(operation, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }), async (rounds) => {
        const programme = await createProgramme(handle.db, organiser.actor, {
          title: 'Sodium-ion cells: a model run',
          timeZone: 'Asia/Karachi',
          registrationDeadline: '2030-09-26',
          capacity: 3,
          sessions: [{ startsAt: '2030-09-28T10:00', endsAt: '2030-09-28T12:00', webinarUrl: 'https://meeting.example/j/model' }],
        });
        const email = (person: number) => `model-${person}-${programme.id.slice(0, 8)}@test.example`;
        const now = new Date('2030-09-01T00:00:00Z');
        // Operations in one round arrive at the same moment; refusals (lowering below the taken places) are expected.
        for (const round of rounds) {
          await Promise.allSettled(
            round.map(async (op) => {
              if (op.kind === 'register') return register(handle.db, ANONYMOUS, programme.id, { name: `Person ${op.person}`, email: email(op.person) }, 'http://corridor.test', now);
              if (op.kind === 'capacity') return updateProgramme(handle.db, organiser.actor, programme.id, { capacity: op.capacity }, 'http://corridor.test', now);
              const [row] = await handle.db.select().from(registrations).where(sql`${registrations.programmeId} = ${programme.id} and ${registrations.email} = ${email(op.person)}`);
              return row ? cancelRegistration(handle.db, organiser.actor, programme.id, row.id, 'http://corridor.test', now) : null;
            }),
          );
        }
        const [state] = await handle.db.select().from(programmes).where(eq(programmes.id, programme.id));
        const rows = await handle.db.select().from(registrations).where(eq(registrations.programmeId, programme.id));
        const confirmed = rows.filter((r) => r.status === 'confirmed');
        const waiting = rows.filter((r) => r.status === 'waitlisted');
        expect(confirmed.length).toBeLessThanOrEqual(state!.capacity!);
        expect([state!.confirmedCount, state!.waitlistedCount]).toEqual([confirmed.length, waiting.length]);
        // Nobody waits while a place is free, and the queue is served in order.
        if (waiting.length > 0) expect(confirmed.length).toBe(state!.capacity);
        const promoted = confirmed.filter((r) => r.waitlistedAt !== null);
        for (const p of promoted) for (const w of waiting) expect(p.queueNumber).toBeLessThan(w.queueNumber);
        // One row per address, however often it registered.
        expect(new Set(rows.map((r) => r.email)).size).toBe(rows.length);
      }),
      { numRuns: 6, seed: 7 },
    );
  }, 120_000);
});

