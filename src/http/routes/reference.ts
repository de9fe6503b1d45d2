import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { VALUE_CHAIN_STAGES } from '../../domain/value-chain';
import { PARTNERSHIP_TYPES } from '../../domain/organisation';
import { codeCatalog, searchCodes } from '../../reference/code-catalog';
import type { HttpContext } from '../context';

/** Code lists for pickers: public, since they are published classifications. */
export function referenceRoutes(app: FastifyInstance, _context: HttpContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/reference/codes/:system',
    {
      schema: {
        tags: ['reference'],
        summary: 'Search HS 2022 or ISIC Rev.4 codes by code prefix or words',
        params: z.object({ system: z.enum(['hs', 'isic']) }),
        querystring: z.object({ q: z.string().max(100), limit: z.coerce.number().int().min(1).max(100).optional() }),
      },
    },
    async (request) => {
      const catalog = codeCatalog();
      return searchCodes(request.params.system === 'hs' ? catalog.hs : catalog.isic, request.query.q, request.query.limit ?? 20);
    },
  );
  r.get('/api/reference/taxonomy', { schema: { tags: ['reference'], summary: 'Value-chain stages and partnership types' } }, async () => ({
    stages: VALUE_CHAIN_STAGES,
    partnershipTypes: PARTNERSHIP_TYPES,
  }));
}
