import { aliasedTable, asc, eq } from 'drizzle-orm';
import { groupBy } from '../../domain/group-by';
import { IMPORT_COLUMNS } from '../../domain/import/organisation-rows';
import type { Executor } from '../../storage/db';
import { delegates, marketplaceItems, meetingRequests, meetingTables, meetings, organisations, timeSlots } from '../../storage/schema';
import type { Actor } from '../actor';
import { accessEvent, authorize } from '../access';
import type { Table } from './spreadsheet-writer';

export type ExportKind = 'delegates' | 'requests' | 'meetings';

const join = (list: string[]) => list.join(';');

/** Delegates in the import format, so an export can be edited and imported again. */
async function delegatesTable(db: Executor, eventId: string): Promise<Table> {
  const orgs = await db.select().from(organisations).where(eq(organisations.eventId, eventId)).orderBy(asc(organisations.name), asc(organisations.id));
  const items = await db.select().from(marketplaceItems).where(eq(marketplaceItems.eventId, eventId)).orderBy(asc(marketplaceItems.createdAt), asc(marketplaceItems.id));
  const people = await db.select().from(delegates).where(eq(delegates.eventId, eventId)).orderBy(asc(delegates.lastName), asc(delegates.id));
  const itemsByOrg = groupBy(items, (i) => i.organisationId);
  const peopleByOrg = groupBy(people, (d) => d.organisationId);
  const rows: (string | null)[][] = [];
  for (const o of orgs) {
    const own = itemsByOrg.get(o.id) ?? [];
    const orgCells = [
      o.externalId ?? o.id,
      o.name,
      o.country,
      o.city,
      join(o.isicCodes),
      join(o.hsCodes),
      join(o.requestHsCodes),
      join(o.stages),
      o.sizeBand,
      o.website,
      o.description,
      join(o.languages),
      join(o.partnershipTypes),
      join(own.filter((i) => i.kind === 'offer').map((i) => i.text || i.title)),
      join(own.filter((i) => i.kind === 'request').map((i) => i.text || i.title)),
    ];
    const members = peopleByOrg.get(o.id) ?? [];
    if (members.length === 0) rows.push([...orgCells, '', '', '', '', '', '']);
    members.forEach((d, i) => {
      const cells = i === 0 ? orgCells : [orgCells[0]!, ...orgCells.slice(1).map(() => '')];
      rows.push([...cells, d.externalId ?? d.id, d.firstName, d.lastName, d.jobTitle, d.email, d.language]);
    });
  }
  return { columns: [...IMPORT_COLUMNS], rows };
}

const fromD = aliasedTable(delegates, 'from_d');
const toD = aliasedTable(delegates, 'to_d');
const fromO = aliasedTable(organisations, 'from_o');
const toO = aliasedTable(organisations, 'to_o');

async function requestRows(db: Executor, eventId: string) {
  return db
    .select({ request: meetingRequests, meeting: meetings, slot: timeSlots, table: meetingTables, fromD, toD, fromO, toO })
    .from(meetingRequests)
    .innerJoin(fromD, eq(fromD.id, meetingRequests.fromDelegateId))
    .innerJoin(toD, eq(toD.id, meetingRequests.toDelegateId))
    .innerJoin(fromO, eq(fromO.id, fromD.organisationId))
    .innerJoin(toO, eq(toO.id, toD.organisationId))
    .leftJoin(meetings, eq(meetings.requestId, meetingRequests.id))
    .leftJoin(timeSlots, eq(timeSlots.id, meetings.slotId))
    .leftJoin(meetingTables, eq(meetingTables.id, meetings.tableId))
    .where(eq(meetingRequests.eventId, eventId))
    .orderBy(asc(meetingRequests.createdAt), asc(meetingRequests.id));
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : '');

export async function exportTable(db: Executor, actor: Actor, eventId: string, kind: ExportKind): Promise<Table> {
  const access = await accessEvent(db, actor, eventId);
  authorize(actor, 'export.run', access.relations);
  if (kind === 'delegates') return delegatesTable(db, eventId);
  const rows = await requestRows(db, eventId);
  if (kind === 'requests') {
    return {
      columns: ['request_id', 'status', 'from_name', 'from_organisation', 'from_country', 'from_email', 'to_name', 'to_organisation', 'to_country', 'to_email', 'message', 'created_at', 'responded_at'],
      rows: rows.map((r) => [
        r.request.id, r.request.status,
        `${r.fromD.firstName} ${r.fromD.lastName}`, r.fromO.name, r.fromO.country, r.fromD.email,
        `${r.toD.firstName} ${r.toD.lastName}`, r.toO.name, r.toO.country, r.toD.email,
        r.request.message, iso(r.request.createdAt), iso(r.request.respondedAt),
      ]),
    };
  }
  const zone = access.event.timeZone;
  const local = (d: Date | undefined) => (d ? new Intl.DateTimeFormat('sv-SE', { timeZone: zone, dateStyle: 'short', timeStyle: 'short' }).format(d) : '');
  return {
    columns: ['meeting_id', 'status', 'slot_start_utc', `slot_start_local (${zone})`, 'slot_end_utc', 'table', 'virtual_link', 'a_name', 'a_organisation', 'a_email', 'b_name', 'b_organisation', 'b_email'],
    rows: rows
      .filter((r) => r.meeting)
      .map((r) => [
        r.meeting!.id, r.meeting!.status, iso(r.slot?.startsAt), local(r.slot?.startsAt), iso(r.slot?.endsAt), r.table?.name ?? '', r.table?.virtualLink ?? '',
        `${r.fromD.firstName} ${r.fromD.lastName}`, r.fromO.name, r.fromD.email,
        `${r.toD.firstName} ${r.toD.lastName}`, r.toO.name, r.toD.email,
      ]),
  };
}
