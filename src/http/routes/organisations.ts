import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ITEM_KINDS } from '../../domain/organisation';
import { deleteItem, postItem, updateItem } from '../../services/marketplace-items';
import { getOrganisation, listOrganisations, updateOrganisation } from '../../services/organisations';
import type { HttpContext } from '../context';
import { codeList, eventParams, idParams, longText, paging, partnershipTypes, profileUpdate, shortText } from '../schemas';

const item = z.object({
  kind: z.enum(ITEM_KINDS),
  title: shortText,
  text: longText.optional(),
  partnershipTypes: partnershipTypes.optional(),
  hsCodes: codeList.optional(),
  isicCodes: codeList.optional(),
});

export function organisationRoutes(app: FastifyInstance, { db }: HttpContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/events/:eventId/organisations',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Search the event’s organisations',
        params: eventParams,
        querystring: z.object({
          q: z.string().max(200).optional(),
          country: z.string().max(60).optional(),
          stage: z.string().max(40).optional(),
          partnershipType: z.string().max(40).optional(),
          isic: z.string().max(8).optional(),
          hs: z.string().max(12).optional(),
          ...paging,
        }),
      },
    },
    async (request) => listOrganisations(db, request.actor, request.params.eventId, request.query),
  );
  r.get('/api/organisations/:id', { schema: { tags: ['organisations'], summary: 'An organisation’s public profile with its offers and requests', params: idParams } }, async (request) =>
    getOrganisation(db, request.actor, request.params.id),
  );
  r.patch(
    '/api/organisations/:id',
    { schema: { tags: ['organisations'], summary: 'Edit your organisation’s profile', params: idParams, body: profileUpdate } },
    async (request) => updateOrganisation(db, request.actor, request.params.id, request.body),
  );
  r.post(
    '/api/organisations/:id/items',
    { schema: { tags: ['organisations'], summary: 'Post an offer or a request', params: idParams, body: item } },
    async (request, reply) => reply.status(201).send(await postItem(db, request.actor, request.params.id, request.body)),
  );
  r.patch('/api/items/:id', { schema: { tags: ['organisations'], summary: 'Edit an offer or request', params: idParams, body: item.partial() } }, async (request) =>
    updateItem(db, request.actor, request.params.id, request.body),
  );
  r.delete('/api/items/:id', { schema: { tags: ['organisations'], summary: 'Remove an offer or request', params: idParams } }, async (request, reply) => {
    await deleteItem(db, request.actor, request.params.id);
    return reply.status(204).send();
  });
}
