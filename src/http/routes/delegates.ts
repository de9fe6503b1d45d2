import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createDelegate, getDelegate, listDelegates, registerDelegate, updateDelegate } from '../../services/delegates';
import { startSession } from '../../services/auth/sessions';
import { listAgendas } from '../../services/agendas';
import { setSessionCookie } from '../authentication';
import type { HttpContext } from '../context';
import { eventParams, idParams, language, paging, profileUpdate, shortText, uuid } from '../schemas';

const delegate = z.object({
  firstName: shortText,
  lastName: shortText,
  jobTitle: shortText.optional(),
  email: z.string().max(254),
  language: language.optional(),
});

export function delegateRoutes(app: FastifyInstance, { db }: HttpContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/events/:eventId/register',
    {
      schema: {
        tags: ['delegates'],
        summary: 'Register as a delegate with a new organisation; signs you in',
        params: eventParams,
        body: z.object({ password: z.string().max(200), delegate, organisation: profileUpdate.extend({ name: shortText, country: shortText }) }),
      },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const result = await registerDelegate(db, request.params.eventId, request.body);
      const session = await startSession(db, result.user);
      setSessionCookie(request, reply, session);
      return reply.status(201).send({ delegateId: result.delegate.id, organisationId: result.organisation.id, token: session.token, csrfToken: session.csrfToken });
    },
  );
  r.get(
    '/api/events/:eventId/delegates',
    {
      schema: {
        tags: ['delegates'],
        summary: 'The event’s delegates with contact details, by name or e-mail or of one organisation (its organisers)',
        params: eventParams,
        querystring: z.object({ q: z.string().max(200).optional(), organisationId: uuid.optional(), ...paging }),
      },
    },
    async (request) => listDelegates(db, request.actor, request.params.eventId, request.query),
  );
  r.get(
    '/api/events/:eventId/agendas',
    {
      schema: {
        tags: ['delegates'],
        summary: 'Every delegate’s agenda of the published schedule, to print in bulk; optionally of one organisation or country (its organisers)',
        params: eventParams,
        querystring: z.object({ organisationId: uuid.optional(), country: z.string().max(60).optional() }),
      },
    },
    async (request) => listAgendas(db, request.actor, request.params.eventId, request.query),
  );
  r.post(
    '/api/organisations/:id/delegates',
    { schema: { tags: ['delegates'], summary: 'Add a delegate to an organisation (its members or the organiser)', params: idParams, body: delegate.extend({ externalId: shortText.nullable().optional() }) } },
    async (request, reply) => reply.status(201).send(await createDelegate(db, request.actor, request.params.id, request.body)),
  );
  r.get('/api/delegates/:id', { schema: { tags: ['delegates'], summary: 'A delegate (contact details only for themselves and organisers)', params: idParams } }, async (request) =>
    getDelegate(db, request.actor, request.params.id),
  );
  r.patch(
    '/api/delegates/:id',
    { schema: { tags: ['delegates'], summary: 'Edit a delegate (themselves or the organiser)', params: idParams, body: delegate.partial().extend({ externalId: shortText.nullable().optional() }) } },
    async (request) => updateDelegate(db, request.actor, request.params.id, request.body),
  );
}
