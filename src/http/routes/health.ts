import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isDatabaseReachable } from '../../storage/db';
import type { HttpContext } from '../context';

export function healthRoutes(app: FastifyInstance, { db }: HttpContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Answers ok when the database is reachable',
        response: { 200: z.object({ status: z.literal('ok') }), 503: z.object({ status: z.literal('unavailable') }) },
      },
      config: { public: true },
    },
    async (_request, reply) => {
      if (await isDatabaseReachable(db)) return { status: 'ok' as const };
      return reply.status(503).send({ status: 'unavailable' as const });
    },
  );
}
