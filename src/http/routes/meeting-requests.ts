import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acceptRequest, cancelRequest, declineRequest, getRequest, listRequests, requestMeeting } from '../../services/meeting-requests';
import { listMeetings } from '../../services/meetings';
import type { HttpContext } from '../context';
import { eventParams, idParams, paging, uuid } from '../schemas';

// A delegate sends a handful of requests a minute at most; a script sending hundreds is abuse.
const REQUEST_RATE = { max: 30, timeWindow: '1 minute' };

export function meetingRequestRoutes(app: FastifyInstance, { db, config }: HttpContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/events/:eventId/meeting-requests',
    {
      schema: { tags: ['meetings'], summary: 'Request a meeting with another delegate', params: eventParams, body: z.object({ toDelegateId: uuid, message: z.string().max(1000).optional() }) },
      config: { rateLimit: REQUEST_RATE },
    },
    async (request, reply) => reply.status(201).send(await requestMeeting(db, request.actor, request.params.eventId, request.body, config.publicUrl)),
  );
  r.get(
    '/api/events/:eventId/meeting-requests',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Your meeting requests (organisers: all of the event)',
        params: eventParams,
        querystring: z.object({ box: z.enum(['incoming', 'outgoing', 'all']).optional(), status: z.enum(['pending', 'accepted', 'declined', 'cancelled']).optional(), ...paging }),
      },
    },
    async (request) => listRequests(db, request.actor, request.params.eventId, request.query),
  );
  r.get('/api/meeting-requests/:id', { schema: { tags: ['meetings'], summary: 'One meeting request', params: idParams } }, async (request) =>
    getRequest(db, request.actor, request.params.id),
  );
  r.post('/api/meeting-requests/:id/accept', { schema: { tags: ['meetings'], summary: 'Accept a request addressed to you', params: idParams } }, async (request) =>
    acceptRequest(db, request.actor, request.params.id, config.publicUrl),
  );
  r.post('/api/meeting-requests/:id/decline', { schema: { tags: ['meetings'], summary: 'Decline a request addressed to you', params: idParams } }, async (request) =>
    declineRequest(db, request.actor, request.params.id, config.publicUrl),
  );
  r.post('/api/meeting-requests/:id/cancel', { schema: { tags: ['meetings'], summary: 'Cancel a request you sent or a meeting you accepted', params: idParams } }, async (request) =>
    cancelRequest(db, request.actor, request.params.id, config.publicUrl),
  );
  r.get(
    '/api/events/:eventId/meetings',
    { schema: { tags: ['meetings'], summary: 'Your agenda (organisers: every meeting)', params: eventParams, querystring: z.object({ includeCancelled: z.coerce.boolean().optional() }) } },
    async (request) => listMeetings(db, request.actor, request.params.eventId, request.query),
  );
}
