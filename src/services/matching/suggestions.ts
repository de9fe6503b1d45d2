import { eq, sql } from 'drizzle-orm';
import { validation } from '../../domain/errors';
import { allocateFairly, renderReason, scorePair } from '../../domain/matching';
import type { UiLanguage } from '../../domain/organisation';
import { meetingSuggestedMail, render } from '../../domain/mail/templates';
import type { Database } from '../../storage/db';
import { rowsOf } from '../../storage/db';
import { meetingRequests, organisations } from '../../storage/schema';
import type { Actor } from '../actor';
import { accessEvent, authorize } from '../access';
import { recordAudit } from '../events';
import { enqueueMail } from '../mail/enqueue';
import { forgetRequestLists } from '../meeting-requests';
import { matchIndexFor } from './match-cache';

export interface SuggestOptions {
  /** Suggestions per organisation considered by the fair allocation. */
  k?: number;
  /** Only pairs at least this good (0..1). */
  minScore?: number;
  /** At most this many suggested meetings in one run. */
  limit?: number;
}

/**
 * Sends both sides of the best fairly-allocated pairs a suggested meeting (double opt-in). Pairs
 * already in contact are skipped, so running it again only adds what is new.
 */
export async function suggestMeetings(db: Database, actor: Actor, eventId: string, options: SuggestOptions, publicUrl: string) {
  const k = options.k ?? 5;
  const minScore = options.minScore ?? 0.15;
  const limit = options.limit ?? 500;
  if (!(minScore >= 0 && minScore <= 1)) throw validation('minScore', 'must be between 0 and 1');
  if (!(Number.isInteger(limit) && limit >= 1 && limit <= 20_000)) throw validation('limit', 'must be a whole number from 1 to 20000');
  const access = await accessEvent(db, actor, eventId);
  authorize(actor, 'event.update', access.relations);
  const index = await matchIndexFor(db, access.event);
  const allocation = allocateFairly(index, { k, meetingCapacity: access.event.maxMeetingsPerDelegate ?? 12, minScore });

  // Each unordered pair once, best first.
  const pairs = new Map<string, { a: string; b: string; score: number }>();
  for (const [organisationId, suggestions] of allocation.suggestions) {
    for (const s of suggestions) {
      if (s.score < minScore) continue;
      const [a, b] = [organisationId, s.organisationId].sort() as [string, string];
      const key = `${a}|${b}`;
      if (!pairs.has(key) || pairs.get(key)!.score < s.score) pairs.set(key, { a, b, score: s.score });
    }
  }
  const ranked = [...pairs.values()].sort((x, y) => y.score - x.score);

  const outcome = await db.transaction(async (tx) => {
    // The first delegate of each organisation speaks for it (organisers can re-assign later).
    const firstDelegates = rowsOf<{ organisation_id: string; id: string; email: string; first_name: string; last_name: string; language: string }>(
      await tx.execute(sql`
        select distinct on (organisation_id) organisation_id, id, email, first_name, last_name, language
        from delegates where event_id = ${eventId}::uuid order by organisation_id, created_at, id`),
    );
    const speaker = new Map(firstDelegates.map((d) => [d.organisation_id, d]));
    const contacted = new Set(
      rowsOf<{ a: string; b: string }>(
        await tx.execute(sql`
          select least(f.organisation_id, t.organisation_id)::text as a, greatest(f.organisation_id, t.organisation_id)::text as b
          from meeting_requests r join delegates f on f.id = r.from_delegate_id join delegates t on t.id = r.to_delegate_id
          where r.event_id = ${eventId}::uuid and r.status in ('pending', 'accepted')`),
      ).map((r) => `${r.a}|${r.b}`),
    );
    const names = new Map(
      (await tx.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.eventId, eventId))).map((o) => [o.id, o.name]),
    );
    let created = 0;
    for (const pair of ranked) {
      if (created >= limit) break;
      const from = speaker.get(pair.a);
      const to = speaker.get(pair.b);
      if (!from || !to || contacted.has(`${pair.a}|${pair.b}`)) continue;
      await tx.insert(meetingRequests).values({ eventId, fromDelegateId: from.id, toDelegateId: to.id, kind: 'suggested', score: pair.score, message: '' });
      contacted.add(`${pair.a}|${pair.b}`);
      created++;
      for (const [me, other, myOrg, otherOrg] of [[from, to, pair.a, pair.b], [to, from, pair.b, pair.a]] as const) {
        const reason = scorePair(index, myOrg, otherOrg).reasons[0];
        await enqueueMail(
          tx,
          me.email,
          'meeting-suggested',
          render(meetingSuggestedMail, me.language, {
            name: me.first_name,
            other: `${other.first_name} ${other.last_name}`,
            organisation: names.get(otherOrg) ?? '',
            reason: reason ? renderReason(reason, (me.language as UiLanguage) ?? 'en') : '',
            link: `${publicUrl}/events/${eventId}/inbox`,
          }),
        );
      }
    }
    await recordAudit(tx, actor, eventId, 'meetings.suggested', { created, minScore, k });
    return { created, candidates: ranked.length, coverage: allocation.coverage, exposureGini: allocation.exposureGini };
  });
  forgetRequestLists(eventId);
  return outcome;
}
