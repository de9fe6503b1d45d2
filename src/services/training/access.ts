import { eq, sql } from 'drizzle-orm';
import { notFound } from '../../domain/errors';
import type { Relation } from '../../domain/permissions';
import type { Executor } from '../../storage/db';
import { programmes } from '../../storage/schema';
import type { Actor } from '../actor';
import { baseRelations } from '../access';

export type ProgrammeRow = typeof programmes.$inferSelect;

export interface ProgrammeAccess {
  programme: ProgrammeRow;
  relations: Set<Relation>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Loads a programme (by id or slug) and how the actor relates to it, in one query. (Outer columns
 * in the subqueries are written out with their table: drizzle leaves them unqualified in a
 * one-table select, where they would bind to the subquery's own table.) `lock` takes
 * the programme's row lock: every change to its places (register, cancel, promote, capacity)
 * holds it, so they happen one after another and capacity can never be exceeded.
 */
export async function accessProgramme(db: Executor, actor: Actor, reference: string, options: { lock?: boolean } = {}): Promise<ProgrammeAccess> {
  const userId = actor.kind === 'user' ? actor.userId : null;
  const query = db
    .select({
      programme: programmes,
      isOrganiser: userId
        ? sql<boolean>`(exists (select 1 from programme_organisers po where po.programme_id = programmes.id and po.user_id = ${userId})
            or exists (select 1 from event_organisers eo where eo.event_id = programmes.event_id and eo.user_id = ${userId}))`
        : sql<boolean>`false`,
    })
    .from(programmes)
    .where(UUID.test(reference) ? eq(programmes.id, reference) : eq(programmes.slug, reference));
  const [row] = options.lock ? await query.for('update', { of: programmes }) : await query;
  if (!row) throw notFound('Programme');
  const relations = baseRelations(actor);
  if (row.programme.published) relations.add('publishedProgramme');
  if (row.isOrganiser || (actor.kind === 'user' && actor.via === 'cli')) relations.add('programmeOrganiser');
  return { programme: row.programme, relations };
}
