import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ATTENDANCES, DEAL_TYPES, MAX_ESTIMATED_VALUE_USD, MAX_OUTCOME_COMMENT } from '../../domain/outcomes';
import { CONTENT_TYPES, writeTable } from '../../services/export/spreadsheet-writer';
import { inviteOutcomeReports, myOutcomes, outcomesReport, outcomesTable, reportOutcome } from '../../services/outcomes';
import type { HttpContext } from '../context';
import { eventParams, uuid } from '../schemas';

const TAGS = ['outcomes'];

const outcomeBody = z.object({
  attendance: z.enum(ATTENDANCES),
  dealType: z.enum(DEAL_TYPES).optional(),
  estimatedValueUsd: z.number().int().min(0).max(MAX_ESTIMATED_VALUE_USD).nullable().optional(),
  comment: z.string().max(MAX_OUTCOME_COMMENT).optional(),
  organisationId: uuid.optional(),
});

/** The outcome survey after the event, and the organisers' report of it. */
export function outcomeRoutes(app: FastifyInstance, { db, config }: HttpContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.put(
    '/api/meetings/:meetingId/outcome',
    {
      schema: {
        tags: TAGS,
        summary: 'Report how a meeting went for your organisation (once it has started); reporting again replaces your report',
        params: z.object({ meetingId: uuid }),
        body: outcomeBody,
      },
    },
    async (request) => reportOutcome(db, request.actor, request.params.meetingId, request.body),
  );
  r.get(
    '/api/events/:eventId/outcomes/mine',
    { schema: { tags: TAGS, summary: 'Your organisation’s meetings with what it reported, and whether the other side has reported', params: eventParams } },
    async (request) => myOutcomes(db, request.actor, request.params.eventId),
  );
  r.get(
    '/api/events/:eventId/outcomes/report',
    { schema: { tags: TAGS, summary: 'Organisers: response rate, attendance by account and by meeting, deals, values, by sector and country pair', params: eventParams } },
    async (request) => outcomesReport(db, request.actor, request.params.eventId),
  );
  r.post(
    '/api/events/:eventId/outcomes/invite',
    {
      schema: {
        tags: TAGS,
        summary: 'Organisers: e-mail every delegate whose meetings have started, asking them to report the outcomes',
        params: eventParams,
        response: { 200: z.object({ invited: z.number().int() }) },
      },
    },
    async (request) => inviteOutcomeReports(db, request.actor, request.params.eventId, config.publicUrl),
  );
  r.get(
    '/api/events/:eventId/outcomes/report.:format',
    {
      schema: {
        tags: TAGS,
        summary: 'Organisers: every meeting due a report with both sides’ accounts, as CSV or XLSX',
        params: eventParams.extend({ format: z.enum(['csv', 'xlsx']) }),
      },
    },
    async (request, reply) => {
      const { eventId, format } = request.params;
      const table = await outcomesTable(db, request.actor, eventId);
      return reply
        .header('content-type', CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="outcomes.${format}"`)
        .send(await writeTable(table, format, 'outcomes'));
    },
  );
}
