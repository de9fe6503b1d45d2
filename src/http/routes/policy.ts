import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { eventSegments, getPolicyReport, listScenarios } from '../../services/policy-tracker';
import type { HttpContext } from '../context';
import { eventParams } from '../schemas';

/** The NEV policy tracker: public figures with their sources. */
export function policyRoutes(app: FastifyInstance, { db }: HttpContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/policy/scenarios', { schema: { tags: ['policy'], summary: 'Scenarios of the NEV policy tracker and their assumptions' } }, async () => listScenarios());
  r.get(
    '/api/policy/report',
    {
      schema: {
        tags: ['policy'],
        summary: 'Targets, observations, projections, gap to target, battery demand by chemistry and chargers, each figure with its source',
        querystring: z.object({ scenario: z.string().max(60).optional() }),
      },
    },
    async (request) => getPolicyReport(request.query.scenario),
  );
  r.get(
    '/api/events/:eventId/policy/segments',
    {
      schema: {
        tags: ['policy'],
        summary: 'How many of the event’s organisations serve each vehicle segment, beside the demand the targets imply',
        params: eventParams,
        querystring: z.object({ scenario: z.string().max(60).optional() }),
      },
    },
    async (request) => eventSegments(db, request.actor, request.params.eventId, request.query.scenario),
  );
}
