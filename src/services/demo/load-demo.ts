import { eq, sql } from 'drizzle-orm';
import { generateDemoEvent } from '../../domain/demo';
import type { DemoEvent, DemoLogin } from '../../domain/demo';
import type { ImportedDelegate, ImportedOrganisation } from '../../domain/import/organisation-rows';
import type { Database } from '../../storage/db';
import { rowsOf } from '../../storage/db';
import { eventOrganisers, events, meetingTables, timeSlots, users } from '../../storage/schema';
import { hashPassword } from '../auth/secrets';
import { findUserByEmail } from '../auth/users';
import { replaceImportedItems, upsertDelegates, upsertOrganisations } from '../import/store-organisations';

export const DEMO_SLUG = 'pakistan-china-business-conference';
/**
 * The demo's sign-in password. It guards only fictional data on the organiser's own machine and is
 * printed at start; set DEMO_PASSWORD to choose another.
 */
export const DEFAULT_DEMO_PASSWORD = 'corridor-demo';

export interface DemoResult {
  eventId: string;
  created: boolean;
  organisations: number;
  delegates: number;
  logins: DemoLogin[];
  password: string;
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

async function storeRequests(tx: Tx, eventId: string, demo: DemoEvent) {
  const json = JSON.stringify(
    demo.meetingRequests.map((r) => ({ from: r.fromDelegateExternalId, to: r.toDelegateExternalId, message: r.message, status: r.status })),
  );
  await tx.execute(sql`
    insert into meeting_requests (event_id, from_delegate_id, to_delegate_id, message, status, responded_at)
    select ${eventId}::uuid, f.id, t.id, x.message, x.status, case when x.status in ('accepted', 'declined') then now() end
    from jsonb_to_recordset(${json}::jsonb) as x("from" text, "to" text, message text, status text)
    join delegates f on f.event_id = ${eventId}::uuid and f.external_id = x."from"
    join delegates t on t.event_id = ${eventId}::uuid and t.external_id = x."to"`);
  await tx.execute(sql`
    insert into meetings (event_id, request_id, status)
    select event_id, id, 'scheduled' from meeting_requests where event_id = ${eventId}::uuid and status = 'accepted'`);
}

/** Loads the demo conference once; later calls find it and only report the logins. */
export async function loadDemoEvent(db: Database, options: { password?: string; seed?: number } = {}): Promise<DemoResult> {
  const password = options.password || DEFAULT_DEMO_PASSWORD;
  const demo = generateDemoEvent(options.seed === undefined ? {} : { seed: options.seed });
  const [existing] = await db.select({ id: events.id }).from(events).where(eq(events.slug, DEMO_SLUG));
  const summary = { organisations: demo.organisations.length, delegates: demo.delegates.length, logins: demo.logins, password };
  if (existing) return { eventId: existing.id, created: false, ...summary };

  const passwordHash = await hashPassword(password);
  const eventId = await db.transaction(async (tx) => {
    const [event] = await tx
      .insert(events)
      .values({
        slug: DEMO_SLUG,
        name: demo.event.name,
        venue: demo.event.venue,
        city: demo.event.city,
        timeZone: demo.event.timeZone,
        days: demo.event.days,
        description: demo.event.description,
        crossBorderOnly: true,
        countries: ['PK', 'CN'],
        maxMeetingsPerDelegate: 12,
        maxPendingRequestsPerDelegate: 30,
      })
      .returning();
    const id = event!.id;
    await tx.insert(timeSlots).values(
      demo.slots.map((s) => ({ eventId: id, startsAt: new Date(s.start), endsAt: new Date(s.end), session: s.session, label: s.label, isBreak: s.isBreak })),
    );
    await tx.insert(meetingTables).values(demo.tables.map((t) => ({ eventId: id, ...t })));

    const organisations: ImportedOrganisation[] = demo.organisations.map((o, i) => ({
      ...o,
      requestHsCodes: [...new Set(o.items.filter((item) => item.kind === 'request').flatMap((item) => item.hsCodes))],
      row: i + 2,
    }));
    const people: ImportedDelegate[] = demo.delegates.map((d, i) => ({ ...d, jobTitle: d.role, row: i + 2 }));
    const stored = await upsertOrganisations(tx, id, organisations);
    // Items keep their own codes and partnership types, so store them as written rather than re-derived.
    await replaceImportedItems(tx, id, organisations, stored.ids);
    await upsertDelegates(tx, id, people, stored.ids);
    await storeRequests(tx, id, demo);

    const organiser = demo.logins.find((l) => l.role === 'organiser')!;
    const organiserUser =
      (await findUserByEmail(tx, organiser.email)) ??
      (await tx.insert(users).values({ email: organiser.email, name: organiser.name, role: 'organiser' }).returning())[0]!;
    await tx.update(users).set({ role: 'organiser' }).where(eq(users.id, organiserUser.id));
    await tx.insert(eventOrganisers).values({ eventId: id, userId: organiserUser.id });
    for (const login of demo.logins) {
      await tx.update(users).set({ passwordHash }).where(sql`lower(${users.email}) = ${login.email.toLowerCase()}`);
    }
    return id;
  });
  return { eventId, created: true, ...summary };
}

export async function countOrganisations(db: Database, eventId: string): Promise<number> {
  const rows = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from organisations where event_id = ${eventId}::uuid`));
  return Number(rows[0]?.n ?? 0);
}
