import { aliasedTable, and, asc, eq, or, sql } from 'drizzle-orm';
import { AppError, forbidden, notFound } from '../domain/errors';
import { outcomeSurveyMail, render } from '../domain/mail/templates';
import { AGREEMENT_TYPES, checkOutcome, checkReportingOpen, reportingOpensAt } from '../domain/outcomes';
import type { Attendance, DealType } from '../domain/outcomes';
import type { Database, Executor } from '../storage/db';
import { rowsOf } from '../storage/db';
import { delegates, meetingOutcomes, meetingRequests, meetings, organisations, timeSlots } from '../storage/schema';
import type { Actor } from './actor';
import { accessEvent, authorize, requireUser, withRelations } from './access';
import { primarySector, sectorName } from './demand';
import { recordAudit } from './events';
import { enqueueMail } from './mail/enqueue';
import type { Table } from './export/spreadsheet-writer';

const fromDelegate = aliasedTable(delegates, 'from_delegate');
const toDelegate = aliasedTable(delegates, 'to_delegate');
const fromOrganisation = aliasedTable(organisations, 'from_organisation');
const toOrganisation = aliasedTable(organisations, 'to_organisation');
const otherOutcome = aliasedTable(meetingOutcomes, 'other_outcome');

/** Meetings with two different accounts listed in the report; the download has them all. */
export const DISAGREEMENTS_LISTED = 100;

export interface OutcomeReport {
  attendance: Attendance;
  dealType?: DealType;
  estimatedValueUsd?: number | null;
  comment?: string;
  /** The organisation reported for; the reporter's own, and nothing else, is accepted. */
  organisationId?: string;
}

/** A meeting with the organisation on each side and the start of its slot. */
async function loadMeeting(db: Executor, meetingId: string) {
  const [row] = await db
    .select({
      id: meetings.id,
      eventId: meetings.eventId,
      status: meetings.status,
      slotStartsAt: timeSlots.startsAt,
      fromOrganisationId: fromDelegate.organisationId,
      toOrganisationId: toDelegate.organisationId,
    })
    .from(meetings)
    .innerJoin(meetingRequests, eq(meetingRequests.id, meetings.requestId))
    .innerJoin(fromDelegate, eq(fromDelegate.id, meetingRequests.fromDelegateId))
    .innerJoin(toDelegate, eq(toDelegate.id, meetingRequests.toDelegateId))
    .leftJoin(timeSlots, eq(timeSlots.id, meetings.slotId))
    .where(eq(meetings.id, meetingId));
  if (!row) throw notFound('Meeting');
  return row;
}

/**
 * Records what happened at a meeting for the reporter's organisation (a second report replaces the
 * first). Each side reports separately, so the organisers can compare the two accounts.
 */
export async function reportOutcome(db: Database, actor: Actor, meetingId: string, input: OutcomeReport, now = new Date()) {
  const user = requireUser(actor);
  return db.transaction(async (tx) => {
    const meeting = await loadMeeting(tx, meetingId);
    const access = await accessEvent(tx, actor, meeting.eventId);
    const mine = access.delegate?.organisationId ?? null;
    const member = mine !== null && (mine === meeting.fromOrganisationId || mine === meeting.toOrganisationId);
    authorize(actor, 'outcome.report', withRelations(access.relations, member && 'organisationMember'));
    if (input.organisationId && input.organisationId !== mine) {
      throw forbidden('you can report only for your own organisation; the other side reports for theirs');
    }
    if (meeting.status === 'cancelled') throw new AppError('RULE_VIOLATED', 'this meeting was cancelled before the event; there is no outcome to report');
    checkReportingOpen(reportingOpensAt(meeting.slotStartsAt, access.event.days, access.event.timeZone), now);
    const outcome = checkOutcome({
      attendance: input.attendance,
      dealType: input.dealType ?? 'none',
      estimatedValueUsd: input.estimatedValueUsd ?? null,
      comment: input.comment ?? '',
    });
    const [row] = await tx
      .insert(meetingOutcomes)
      .values({ meetingId, organisationId: mine!, eventId: meeting.eventId, reportedBy: user.userId, ...outcome, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: [meetingOutcomes.meetingId, meetingOutcomes.organisationId],
        set: { ...outcome, reportedBy: user.userId, updatedAt: now },
      })
      .returning();
    return presentOutcome(row!);
  });
}

function presentOutcome(row: typeof meetingOutcomes.$inferSelect) {
  return {
    meetingId: row.meetingId,
    organisationId: row.organisationId,
    attendance: row.attendance,
    dealType: row.dealType,
    estimatedValueUsd: row.estimatedValueUsd,
    comment: row.comment,
    updatedAt: row.updatedAt,
  };
}

/**
 * The meetings of the delegate's organisation, each with what the organisation reported and
 * whether the other side has reported (not what it said: each account stays with its organisation
 * and the organisers).
 */
export async function myOutcomes(db: Executor, actor: Actor, eventId: string, now = new Date()) {
  const access = await accessEvent(db, actor, eventId);
  authorize(actor, 'outcome.listOwn', access.relations);
  const organisationId = access.delegate!.organisationId;
  const rows = await db
    .select({
      meetingId: meetings.id,
      slot: { id: timeSlots.id, startsAt: timeSlots.startsAt, endsAt: timeSlots.endsAt },
      from: { delegateId: fromDelegate.id, firstName: fromDelegate.firstName, lastName: fromDelegate.lastName, organisationId: fromOrganisation.id, organisationName: fromOrganisation.name, country: fromOrganisation.country },
      to: { delegateId: toDelegate.id, firstName: toDelegate.firstName, lastName: toDelegate.lastName, organisationId: toOrganisation.id, organisationName: toOrganisation.name, country: toOrganisation.country },
      outcome: meetingOutcomes,
      otherSideReported: sql<boolean>`${otherOutcome.meetingId} is not null`,
    })
    .from(meetings)
    .innerJoin(meetingRequests, eq(meetingRequests.id, meetings.requestId))
    .innerJoin(fromDelegate, eq(fromDelegate.id, meetingRequests.fromDelegateId))
    .innerJoin(toDelegate, eq(toDelegate.id, meetingRequests.toDelegateId))
    .innerJoin(fromOrganisation, eq(fromOrganisation.id, fromDelegate.organisationId))
    .innerJoin(toOrganisation, eq(toOrganisation.id, toDelegate.organisationId))
    .leftJoin(timeSlots, eq(timeSlots.id, meetings.slotId))
    .leftJoin(meetingOutcomes, and(eq(meetingOutcomes.meetingId, meetings.id), eq(meetingOutcomes.organisationId, organisationId)))
    .leftJoin(otherOutcome, and(eq(otherOutcome.meetingId, meetings.id), sql`${otherOutcome.organisationId} <> ${organisationId}`))
    .where(
      and(
        eq(meetings.eventId, eventId),
        eq(meetings.status, 'scheduled'),
        or(eq(fromDelegate.organisationId, organisationId), eq(toDelegate.organisationId, organisationId)),
      ),
    )
    .orderBy(asc(timeSlots.startsAt), asc(meetings.id));
  return rows.map((row) => {
    const ours = row.from.organisationId === organisationId;
    const slot = row.slot?.id ? row.slot : null;
    const opensAt = reportingOpensAt(slot?.startsAt ?? null, access.event.days, access.event.timeZone);
    return {
      meetingId: row.meetingId,
      slot,
      opensAt,
      open: opensAt !== null && opensAt <= now,
      ourDelegate: ours ? row.from : row.to,
      counterpart: ours ? row.to : row.from,
      outcome: row.outcome ? presentOutcome(row.outcome) : null,
      otherSideReported: Boolean(row.otherSideReported),
    };
  });
}

/**
 * Asks every delegate who had a meeting that has now started to report its outcome: one e-mail
 * each, in their language, queued with the audit entry so both happen or neither does.
 */
export async function inviteOutcomeReports(db: Database, actor: Actor, eventId: string, publicUrl: string, now = new Date()) {
  return db.transaction(async (tx) => {
    const access = await accessEvent(tx, actor, eventId);
    authorize(actor, 'outcome.invite', access.relations);
    const unslottedFrom = reportingOpensAt(null, access.event.days, access.event.timeZone);
    const people = rowsOf<{ email: string; firstName: string; language: string; meetings: number }>(
      await tx.execute(sql`
        select d.email, d.first_name as "firstName", d.language, count(*)::int as meetings
          from meetings m
          join meeting_requests r on r.id = m.request_id
          join delegates d on d.id = r.from_delegate_id or d.id = r.to_delegate_id
          left join time_slots s on s.id = m.slot_id
         where m.event_id = ${eventId}::uuid and m.status = 'scheduled'
           and coalesce(s.starts_at, ${unslottedFrom?.toISOString() ?? null}::timestamptz) <= ${now.toISOString()}::timestamptz
         group by d.id, d.email, d.first_name, d.language
         order by d.id`),
    );
    if (people.length === 0) throw new AppError('RULE_VIOLATED', 'no meeting has taken place yet: invite delegates to report once the event has started');
    const link = `${publicUrl}/events/${eventId}/outcomes`;
    for (const person of people) {
      await enqueueMail(tx, person.email, 'outcome-survey', render(outcomeSurveyMail, person.language, { name: person.firstName, event: access.event.name, count: Number(person.meetings), link }));
    }
    await recordAudit(tx, actor, eventId, 'outcomes.invited', { delegates: people.length });
    return { invited: people.length };
  });
}

/**
 * One row per meeting whose outcome can be reported (or was), with each side's account. Side "a"
 * is the organisation that asked for the meeting, "b" the one asked. `agreed` is the attendance
 * both accounts give, the one account there is, 'disagreed' or 'unreported'; `value` is the mean
 * of the values given, since both sides describe the same deal.
 */
function meetingAccounts(eventId: string, unslottedFrom: Date | null, now: Date) {
  const agreements = sql.raw(`array[${AGREEMENT_TYPES.map((type) => `'${type}'`).join(', ')}]::text[]`);
  return sql`
    select m.id, s.starts_at,
           fo.id as a_org, fo.name as a_name, fo.country as a_country, ${primarySector(sql`fo.isic_codes`)} as a_sector,
           tor.id as b_org, tor.name as b_name, tor.country as b_country, ${primarySector(sql`tor.isic_codes`)} as b_sector,
           oa.attendance as a_attendance, oa.deal_type as a_deal, oa.estimated_value_usd as a_value, oa.comment as a_comment,
           ob.attendance as b_attendance, ob.deal_type as b_deal, ob.estimated_value_usd as b_value, ob.comment as b_comment,
           case when oa.attendance is null and ob.attendance is null then 'unreported'
                when oa.attendance is null then ob.attendance
                when ob.attendance is null or oa.attendance = ob.attendance then oa.attendance
                else 'disagreed' end as agreed,
           (oa.deal_type = any(${agreements}) or ob.deal_type = any(${agreements})) is true as agreement,
           case when oa.estimated_value_usd is not null and ob.estimated_value_usd is not null
                then (oa.estimated_value_usd + ob.estimated_value_usd) / 2.0
                else coalesce(oa.estimated_value_usd, ob.estimated_value_usd) end as value
      from meetings m
      join meeting_requests r on r.id = m.request_id
      join delegates fd on fd.id = r.from_delegate_id
      join organisations fo on fo.id = fd.organisation_id
      join delegates td on td.id = r.to_delegate_id
      join organisations tor on tor.id = td.organisation_id
      left join time_slots s on s.id = m.slot_id
      left join meeting_outcomes oa on oa.meeting_id = m.id and oa.organisation_id = fo.id
      left join meeting_outcomes ob on ob.meeting_id = m.id and ob.organisation_id = tor.id
     where m.event_id = ${eventId}::uuid and m.status = 'scheduled'
       and (coalesce(s.starts_at, ${unslottedFrom?.toISOString() ?? null}::timestamptz) <= ${now.toISOString()}::timestamptz
            or oa.meeting_id is not null or ob.meeting_id is not null)`;
}

async function reportAccess(db: Executor, actor: Actor, eventId: string) {
  const access = await accessEvent(db, actor, eventId);
  authorize(actor, 'outcome.readReport', access.relations);
  return { event: access.event, unslottedFrom: reportingOpensAt(null, access.event.days, access.event.timeZone) };
}

const count = (value: unknown) => Number(value ?? 0);
const dollars = (value: unknown) => (value === null || value === undefined ? null : Math.round(Number(value)));

/**
 * The organisers' outcomes report: how many sides answered, whether meetings were held (by each
 * account and by meeting, with the meetings whose sides disagree), deals by type, estimated value,
 * and the same by pair of sectors and pair of countries. Pairs are unordered (PK–CN is CN–PK).
 */
export async function outcomesReport(db: Executor, actor: Actor, eventId: string, now = new Date()) {
  const { unslottedFrom } = await reportAccess(db, actor, eventId);
  const accounts = meetingAccounts(eventId, unslottedFrom, now);

  const [summary] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      with accounts as (${accounts})
      select count(*)::int as meetings,
             count(*) filter (where agreed <> 'unreported')::int as "meetingsReported",
             (count(a_attendance) + count(b_attendance))::int as "accountsReported",
             (count(*) filter (where a_attendance = 'held') + count(*) filter (where b_attendance = 'held'))::int as "accountsHeld",
             (count(*) filter (where a_attendance = 'no_show') + count(*) filter (where b_attendance = 'no_show'))::int as "accountsNoShow",
             (count(*) filter (where a_attendance = 'cancelled') + count(*) filter (where b_attendance = 'cancelled'))::int as "accountsCancelled",
             count(*) filter (where agreed = 'held')::int as held,
             count(*) filter (where agreed = 'no_show')::int as "noShow",
             count(*) filter (where agreed = 'cancelled')::int as cancelled,
             count(*) filter (where agreed = 'disagreed')::int as disagreed,
             count(*) filter (where a_attendance is not null and b_attendance is not null)::int as "bothReported",
             count(*) filter (where agreement)::int as "meetingsWithDeal",
             count(value)::int as "meetingsWithValue",
             sum(value)::float8 as "totalValueUsd",
             percentile_cont(0.5) within group (order by value) as "medianValueUsd"
        from accounts`),
  );

  const dealTypes = rowsOf<{ dealType: DealType; meetings: number }>(
    await db.execute(sql`
      with accounts as (${accounts})
      select deal as "dealType", count(distinct id)::int as meetings
        from accounts cross join lateral (values (a_deal), (b_deal)) as reported(deal)
       where deal is not null and deal <> 'none'
       group by deal
       order by 2 desc, 1`),
  );

  const byPair = async (aColumn: string, bColumn: string) =>
    rowsOf<Record<string, unknown>>(
      await db.execute(sql`
        with accounts as (${accounts})
        select least(${sql.raw(aColumn)}, ${sql.raw(bColumn)}) as first, greatest(${sql.raw(aColumn)}, ${sql.raw(bColumn)}) as second,
               count(*)::int as meetings,
               count(*) filter (where agreed <> 'unreported')::int as reported,
               count(*) filter (where agreed = 'held')::int as held,
               count(*) filter (where agreement)::int as deals,
               coalesce(sum(value), 0)::float8 as "valueUsd"
          from accounts
         group by 1, 2
         order by 3 desc, 1, 2`),
    ).map((row) => ({
      first: String(row.first),
      second: String(row.second),
      meetings: count(row.meetings),
      reported: count(row.reported),
      held: count(row.held),
      deals: count(row.deals),
      valueUsd: dollars(row.valueUsd) ?? 0,
    }));
  const sectorPairs = await byPair('a_sector', 'b_sector');
  const countryPairs = await byPair('a_country', 'b_country');

  const disagreements = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      with accounts as (${accounts})
      select id, starts_at, a_org, a_name, a_attendance, b_org, b_name, b_attendance
        from accounts where agreed = 'disagreed'
       order by starts_at nulls last, id
       limit ${DISAGREEMENTS_LISTED}`),
  ).map((row) => ({
    meetingId: String(row.id),
    startsAt: row.starts_at ? new Date(row.starts_at as string | Date) : null,
    a: { organisationId: String(row.a_org), name: String(row.a_name), attendance: row.a_attendance as Attendance },
    b: { organisationId: String(row.b_org), name: String(row.b_name), attendance: row.b_attendance as Attendance },
  }));

  const s = summary ?? {};
  const meetingsDue = count(s.meetings);
  return {
    meetings: meetingsDue,
    meetingsReported: count(s.meetingsReported),
    accountsReported: count(s.accountsReported),
    /** Accounts received out of the two each meeting is owed. */
    responseRate: meetingsDue === 0 ? 0 : count(s.accountsReported) / (2 * meetingsDue),
    accounts: { held: count(s.accountsHeld), noShow: count(s.accountsNoShow), cancelled: count(s.accountsCancelled) },
    attendance: { held: count(s.held), noShow: count(s.noShow), cancelled: count(s.cancelled), disagreed: count(s.disagreed), unreported: meetingsDue - count(s.meetingsReported) },
    bothReported: count(s.bothReported),
    disagreements,
    meetingsWithDeal: count(s.meetingsWithDeal),
    dealTypes: dealTypes.map((row) => ({ dealType: row.dealType, meetings: count(row.meetings) })),
    value: { meetings: count(s.meetingsWithValue), totalUsd: dollars(s.totalValueUsd) ?? 0, medianUsd: dollars(s.medianValueUsd) },
    sectorPairs: sectorPairs.map((pair) => ({ ...pair, firstName: sectorName(pair.first), secondName: sectorName(pair.second) })),
    countryPairs,
  };
}

/** Every meeting due a report with both accounts, for a spreadsheet. */
export async function outcomesTable(db: Executor, actor: Actor, eventId: string, now = new Date()): Promise<Table> {
  const { event, unslottedFrom } = await reportAccess(db, actor, eventId);
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`with accounts as (${meetingAccounts(eventId, unslottedFrom, now)}) select * from accounts order by starts_at nulls last, a_name, id`),
  );
  const zone = event.timeZone;
  const local = (value: unknown) =>
    value ? new Intl.DateTimeFormat('sv-SE', { timeZone: zone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(value as string | Date)) : '';
  const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));
  const side = (prefix: 'a' | 'b') => ['organisation', 'country', 'sector', 'attendance', 'deal_type', 'estimated_value_usd', 'comment'].map((column) => `${prefix}_${column}`);
  return {
    columns: ['meeting_id', `slot_start (${zone})`, ...side('a'), ...side('b'), 'agreed_attendance', 'deal', 'estimated_value_usd'],
    rows: rows.map((row) => [
      text(row.id),
      local(row.starts_at),
      ...(['a', 'b'] as const).flatMap((prefix) => [
        text(row[`${prefix}_name`]),
        text(row[`${prefix}_country`]),
        text(row[`${prefix}_sector`]),
        text(row[`${prefix}_attendance`]),
        text(row[`${prefix}_deal`]),
        dollars(row[`${prefix}_value`]),
        text(row[`${prefix}_comment`]),
      ]),
      text(row.agreed),
      row.agreement ? 'yes' : 'no',
      dollars(row.value),
    ]),
  };
}
