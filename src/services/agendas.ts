import { and, eq, isNotNull, or } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { parseCountry } from '../domain/countries';
import type { Executor } from '../storage/db';
import { meetings } from '../storage/schema';
import type { Actor } from './actor';
import { accessEvent, authorize } from './access';
import { meetingRows, partyAOrganisation, partyBOrganisation } from './meetings';

export interface AgendaFilter {
  /** Only the delegates of this organisation. */
  organisationId?: string;
  /** Only the delegates of organisations from this country (code or English name). */
  country?: string;
}

type Row = Awaited<ReturnType<typeof meetingRows>>[number];
type Party = Row['a'];

/**
 * Every delegate's agenda of the published schedule (organisers print them in bulk): one query
 * for the placed meetings, each listed under both of its delegates. Delegates without a placed
 * meeting have no agenda to print and are left out.
 */
export async function listAgendas(db: Executor, actor: Actor, eventId: string, filter: AgendaFilter = {}) {
  const access = await accessEvent(db, actor, eventId);
  authorize(actor, 'meeting.listAll', access.relations);
  const country = filter.country ? (parseCountry(filter.country) ?? filter.country.toUpperCase()) : undefined;
  const conditions: SQL[] = [eq(meetings.eventId, eventId), eq(meetings.status, 'scheduled'), isNotNull(meetings.slotId)];
  if (filter.organisationId) conditions.push(or(eq(partyAOrganisation.id, filter.organisationId), eq(partyBOrganisation.id, filter.organisationId))!);
  if (country) conditions.push(or(eq(partyAOrganisation.country, country), eq(partyBOrganisation.country, country))!);
  const rows = await meetingRows(db, and(...conditions)!);

  const wanted = (p: Party) => (!filter.organisationId || p.organisationId === filter.organisationId) && (!country || p.country === country);
  const agendas = new Map<string, { delegate: Party; meetings: { id: string; slot: NonNullable<Row['slot']>; table: Row['table']; counterpart: Party }[] }>();
  // Rows come in time order, so each agenda does too.
  for (const row of rows) {
    if (!row.slot) continue;
    for (const [self, other] of [
      [row.a, row.b],
      [row.b, row.a],
    ] as const) {
      if (!wanted(self)) continue;
      const agenda = agendas.get(self.id) ?? { delegate: self, meetings: [] };
      agenda.meetings.push({ id: row.id, slot: row.slot, table: row.table, counterpart: other });
      agendas.set(self.id, agenda);
    }
  }
  const sorted = [...agendas.values()].sort(
    (x, y) =>
      x.delegate.organisationName.localeCompare(y.delegate.organisationName) ||
      x.delegate.lastName.localeCompare(y.delegate.lastName) ||
      x.delegate.firstName.localeCompare(y.delegate.firstName) ||
      x.delegate.id.localeCompare(y.delegate.id),
  );
  return { meetings: rows.length, agendas: sorted };
}
