import type { Command } from 'commander';
import { and, eq, or } from 'drizzle-orm';
import { AppError } from '../../domain/errors';
import { CLI_ACTOR } from '../../services/actor';
import { resolveEventId } from '../../services/access';
import { getRecommendations } from '../../services/matching/recommendations';
import { organisations } from '../../storage/schema';
import { reportFailure, withDatabase } from '../database';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function registerRecommendCommand(program: Command): void {
  program
    .command('recommend')
    .description('Show the best partners for an organisation, with the reasons')
    .argument('<event>', 'event id or slug')
    .argument('<organisation>', 'organisation id or external id')
    .option('--k <n>', 'how many', '10')
    .option('--lang <lang>', 'language of the reasons: en, ur or zh', 'en')
    .option('--json', 'print JSON')
    .action(async (eventRef: string, orgRef: string, options: { k: string; lang: string; json?: boolean }) => {
      try {
        const k = Number(options.k);
        if (!Number.isInteger(k) || k < 1 || k > 50) throw new AppError('VALIDATION', `--k must be a whole number from 1 to 50, not "${options.k}"`);
        if (!['en', 'ur', 'zh'].includes(options.lang)) throw new AppError('VALIDATION', `--lang must be en, ur or zh, not "${options.lang}"`);
        await withDatabase(async ({ db }) => {
          const eventId = await resolveEventId(db, eventRef);
          const [organisation] = await db
            .select({ id: organisations.id, name: organisations.name })
            .from(organisations)
            .where(and(eq(organisations.eventId, eventId), UUID.test(orgRef) ? or(eq(organisations.id, orgRef), eq(organisations.externalId, orgRef)) : eq(organisations.externalId, orgRef)));
          if (!organisation) throw new AppError('VALIDATION', `no organisation "${orgRef}" in this event (give its id or external id)`);
          const list = await getRecommendations(db, CLI_ACTOR, eventId, { k, lang: options.lang as 'en' | 'ur' | 'zh', organisationId: organisation.id });
          if (options.json) {
            console.log(JSON.stringify({ organisation, recommendations: list }, null, 2));
            return;
          }
          console.log(`Best partners for ${organisation.name}:`);
          list.forEach((r, i) => {
            console.log(`${String(i + 1).padStart(2)}. ${r.organisation.name} (${r.organisation.country}, ${r.organisation.city})  score ${r.score.toFixed(3)}`);
            for (const reason of r.reasons.slice(0, 3)) console.log(`      – ${reason.text}`);
          });
        });
      } catch (error) {
        reportFailure(error);
      }
    });
}
