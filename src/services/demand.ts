import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { codeCatalog } from '../reference/code-catalog';
import type { Executor } from '../storage/db';
import { rowsOf } from '../storage/db';
import type { Actor } from './actor';
import { accessEvent, authorize } from './access';

/** Most-requested organisations shown; the list of organisations nobody asked for is capped too. */
export const MOST_REQUESTED_LIMIT = 10;
export const WITHOUT_REQUESTS_LIMIT = 1000;

/**
 * An organisation's sector: the ISIC division (two digits) of its first, primary code, or the
 * section letter when only a section was given; '' when it gave no code. Divisions are fine
 * enough to tell battery makers (27) from vehicle makers (29) and coarse enough to chart.
 */
export function primarySector(isicCodes: SQL): SQL<string> {
  return sql<string>`coalesce(left((${isicCodes})[1], 2), '')`;
}

/** The ISIC title of a sector code, in English as the classification publishes it; null for none. */
export function sectorName(code: string): string | null {
  if (!code) return null;
  return codeCatalog().isic.get(code)?.description ?? null;
}

interface SideCount {
  key: string;
  requestsSent: number;
  acceptedSent: number;
  requestsReceived: number;
  acceptedReceived: number;
}

const number = (value: unknown) => Number(value ?? 0);

/**
 * Who asks whom, for the organisers: totals, requests by sector and country of either side, the
 * most-requested organisations, those nobody asked for (so organisers can help them), and requests
 * per day. Breakdowns count delegates' own requests; meetings suggested by the organisers are
 * counted apart, because they show the organisers' matchmaking rather than demand.
 */
export async function demandDashboard(db: Executor, actor: Actor, eventId: string) {
  const access = await accessEvent(db, actor, eventId);
  authorize(actor, 'demand.read', access.relations);
  const zone = access.event.timeZone;

  // Each request with the organisation on either side; every breakdown below reads this.
  const requestSides = sql`
    select r.status, r.kind, r.created_at, r.responded_at,
           fo.id as from_org, fo.country as from_country, ${primarySector(sql`fo.isic_codes`)} as from_sector,
           tor.id as to_org, tor.country as to_country, ${primarySector(sql`tor.isic_codes`)} as to_sector
      from meeting_requests r
      join delegates fd on fd.id = r.from_delegate_id
      join organisations fo on fo.id = fd.organisation_id
      join delegates td on td.id = r.to_delegate_id
      join organisations tor on tor.id = td.organisation_id
     where r.event_id = ${eventId}::uuid`;

  const [totals] = rowsOf<Record<string, number>>(
    await db.execute(sql`
      select count(*) filter (where kind = 'request')::int as requests,
             count(*) filter (where kind = 'suggested')::int as suggested,
             count(*) filter (where status = 'accepted')::int as accepted,
             count(*) filter (where status = 'declined')::int as declined,
             count(*) filter (where status = 'pending')::int as pending,
             count(*) filter (where status = 'cancelled')::int as cancelled
        from meeting_requests where event_id = ${eventId}::uuid`),
  );

  const bySide = async (fromColumn: SQL, toColumn: SQL): Promise<SideCount[]> => {
    const rows = rowsOf<SideCount>(
      await db.execute(sql`
        with sides as (${requestSides} and r.kind = 'request')
        select key,
               count(*) filter (where side = 'from')::int as "requestsSent",
               count(*) filter (where side = 'from' and status = 'accepted')::int as "acceptedSent",
               count(*) filter (where side = 'to')::int as "requestsReceived",
               count(*) filter (where side = 'to' and status = 'accepted')::int as "acceptedReceived"
          from (select ${fromColumn} as key, 'from' as side, status from sides
                union all
                select ${toColumn} as key, 'to' as side, status from sides) as both_sides
         group by key
         order by count(*) desc, key`),
    );
    return rows.map((row) => ({
      key: row.key,
      requestsSent: number(row.requestsSent),
      acceptedSent: number(row.acceptedSent),
      requestsReceived: number(row.requestsReceived),
      acceptedReceived: number(row.acceptedReceived),
    }));
  };
  const sectors = await bySide(sql`from_sector`, sql`to_sector`);
  const countries = await bySide(sql`from_country`, sql`to_country`);

  const mostRequested = rowsOf<{ organisationId: string; name: string; country: string; requests: number; accepted: number }>(
    await db.execute(sql`
      with sides as (${requestSides} and r.kind = 'request')
      select o.id as "organisationId", o.name, o.country,
             count(*)::int as requests,
             count(*) filter (where sides.status = 'accepted')::int as accepted
        from sides join organisations o on o.id = sides.to_org
       group by o.id, o.name, o.country
       order by count(*) desc, count(*) filter (where sides.status = 'accepted') desc, o.name, o.id
       limit ${MOST_REQUESTED_LIMIT}`),
  );

  // Asked by nobody: no delegate's request, in any state, reached any of the organisation's delegates.
  const nobodyAsked = sql`
    from organisations o
   where o.event_id = ${eventId}::uuid
     and not exists (select 1 from meeting_requests r join delegates d on d.id = r.to_delegate_id
                      where r.event_id = ${eventId}::uuid and d.organisation_id = o.id and r.kind = 'request')`;
  const [withoutCount] = rowsOf<{ count: number }>(await db.execute(sql`select count(*)::int as count ${nobodyAsked}`));
  const withoutRequests = rowsOf<{ id: string; name: string; country: string; sector: string }>(
    await db.execute(sql`
      select o.id, o.name, o.country, ${primarySector(sql`o.isic_codes`)} as sector ${nobodyAsked}
       order by o.name, o.id limit ${WITHOUT_REQUESTS_LIMIT}`),
  );
  const [organisationCount] = rowsOf<{ count: number }>(
    await db.execute(sql`select count(*)::int as count from organisations where event_id = ${eventId}::uuid`),
  );

  // Days in the event's time zone: a request sent at 01:00 in Beijing belongs to that Beijing day.
  const perDay = rowsOf<{ day: string; requests: number; accepted: number }>(
    await db.execute(sql`
      with sides as (${requestSides} and r.kind = 'request'),
      sent as (select to_char(created_at at time zone ${zone}, 'YYYY-MM-DD') as day, count(*)::int as n from sides group by 1),
      answered as (select to_char(responded_at at time zone ${zone}, 'YYYY-MM-DD') as day, count(*)::int as n
                     from sides where status = 'accepted' and responded_at is not null group by 1)
      select coalesce(sent.day, answered.day) as day, coalesce(sent.n, 0)::int as requests, coalesce(answered.n, 0)::int as accepted
        from sent full join answered on answered.day = sent.day
       order by 1`),
  );

  return {
    timeZone: zone,
    totals: {
      requests: number(totals?.requests),
      suggested: number(totals?.suggested),
      accepted: number(totals?.accepted),
      declined: number(totals?.declined),
      pending: number(totals?.pending),
      cancelled: number(totals?.cancelled),
      organisations: number(organisationCount?.count),
    },
    bySector: sectors.map(({ key, ...counts }) => ({ code: key, name: sectorName(key), ...counts })),
    byCountry: countries.map(({ key, ...counts }) => ({ country: key, ...counts })),
    mostRequested: mostRequested.map((row) => ({ ...row, requests: number(row.requests), accepted: number(row.accepted) })),
    withoutRequests: {
      count: number(withoutCount?.count),
      organisations: withoutRequests.map((row) => ({ ...row, sectorName: sectorName(row.sector) })),
    },
    perDay: perDay.map((row) => ({ day: row.day, requests: number(row.requests), accepted: number(row.accepted) })),
  };
}

export type DemandDashboard = Awaited<ReturnType<typeof demandDashboard>>;
