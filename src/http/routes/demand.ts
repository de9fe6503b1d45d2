import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { demandDashboard } from '../../services/demand';
import type { HttpContext } from '../context';
import { eventParams } from '../schemas';

export function demandRoutes(app: FastifyInstance, { db }: HttpContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/events/:eventId/demand',
    {
      schema: {
        tags: ['demand'],
        summary: 'Organisers: meeting requests by sector, country and day, the most-requested organisations and those nobody asked for',
        params: eventParams,
      },
    },
    async (request) => demandDashboard(db, request.actor, request.params.eventId),
  );
}
