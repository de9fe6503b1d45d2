import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getAllocation, getRecommendations } from '../../services/matching/recommendations';
import { suggestMeetings } from '../../services/matching/suggestions';
import type { HttpContext } from '../context';
import { eventParams, language, uuid } from '../schemas';

export function matchingRoutes(app: FastifyInstance, { db, config }: HttpContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/events/:eventId/recommendations',
    {
      schema: {
        tags: ['matching'],
        summary: 'Partner recommendations for your organisation, with reasons in your language',
        params: eventParams,
        querystring: z.object({ k: z.coerce.number().int().min(1).max(50).optional(), lang: language.optional(), organisationId: uuid.optional() }),
      },
    },
    async (request) => getRecommendations(db, request.actor, request.params.eventId, request.query),
  );
  r.get(
    '/api/events/:eventId/matching/allocation',
    { schema: { tags: ['matching'], summary: 'Fair allocation of suggestions: coverage and exposure (organisers)', params: eventParams, querystring: z.object({ k: z.coerce.number().int().min(1).max(50).optional() }) } },
    async (request) => getAllocation(db, request.actor, request.params.eventId, request.query.k),
  );
  r.post(
    '/api/events/:eventId/suggested-meetings',
    {
      schema: {
        tags: ['matching'],
        summary: 'Send both sides of high-scoring pairs a suggested meeting to accept or decline (organisers)',
        params: eventParams,
        body: z.object({ k: z.number().int().min(1).max(50).optional(), minScore: z.number().min(0).max(1).optional(), limit: z.number().int().min(1).max(20_000).optional() }).nullish(),
      },
    },
    async (request, reply) => reply.status(201).send(await suggestMeetings(db, request.actor, request.params.eventId, request.body ?? {}, config.publicUrl)),
  );
}
