import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addSlots, addTables, createEvent, getEvent, listAudit, listEvents, listSlots, listTables, updateEvent } from '../../services/events';
import type { HttpContext } from '../context';
import { eventParams, instant, longText, paging, shortText } from '../schemas';

const settings = z.object({
  name: shortText,
  slug: z.string().regex(/^[a-z0-9-]{1,60}$/).optional(),
  venue: shortText.optional(),
  city: shortText.optional(),
  timeZone: z.string().max(60),
  days: z.array(z.iso.date()).min(1).max(14),
  description: longText.optional(),
  crossBorderOnly: z.boolean().optional(),
  countries: z.array(z.string().max(60)).max(10).optional(),
  maxMeetingsPerDelegate: z.number().int().nullable().optional(),
  maxPendingRequestsPerDelegate: z.number().int().nullable().optional(),
  requestDeadline: instant.nullable().optional(),
  directoryPublic: z.boolean().optional(),
});

export function eventRoutes(app: FastifyInstance, { db }: HttpContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/events', { schema: { tags: ['events'], summary: 'List events' } }, async (request) => listEvents(db, request.actor));
  r.post(
    '/api/events',
    {
      schema: {
        tags: ['events'],
        summary: 'Create an event (organisers); its days are listed, or given as a first and last day',
        body: settings.extend({ days: settings.shape.days.optional(), firstDay: z.iso.date().optional(), lastDay: z.iso.date().optional() }),
      },
    },
    async (request, reply) => reply.status(201).send(await createEvent(db, request.actor, request.body)),
  );
  r.get('/api/events/:eventId', { schema: { tags: ['events'], summary: 'An event and how you relate to it', params: eventParams } }, async (request) =>
    getEvent(db, request.actor, request.params.eventId),
  );
  r.patch(
    '/api/events/:eventId',
    { schema: { tags: ['events'], summary: 'Change an event’s settings and rules (its organisers)', params: eventParams, body: settings.partial() } },
    async (request) => updateEvent(db, request.actor, request.params.eventId, request.body),
  );
  r.get('/api/events/:eventId/slots', { schema: { tags: ['events'], summary: 'Time slots of the event', params: eventParams } }, async (request) =>
    listSlots(db, request.actor, request.params.eventId),
  );
  r.post(
    '/api/events/:eventId/slots',
    {
      schema: {
        tags: ['events'],
        summary: 'Add time slots in bulk (its organisers)',
        params: eventParams,
        body: z.object({
          slots: z
            .array(z.object({ startsAt: instant, endsAt: instant, session: shortText.optional(), label: shortText.optional(), isBreak: z.boolean().optional() }))
            .min(1)
            .max(500),
        }),
      },
    },
    async (request, reply) => reply.status(201).send(await addSlots(db, request.actor, request.params.eventId, request.body.slots)),
  );
  r.get('/api/events/:eventId/tables', { schema: { tags: ['events'], summary: 'Tables and rooms of the event', params: eventParams } }, async (request) =>
    listTables(db, request.actor, request.params.eventId),
  );
  r.post(
    '/api/events/:eventId/tables',
    {
      schema: {
        tags: ['events'],
        summary: 'Add tables in bulk (its organisers)',
        params: eventParams,
        body: z.object({
          tables: z
            .array(z.object({ name: shortText, capacity: z.number().int().min(2).max(50).optional(), virtualLink: z.string().max(500).nullable().optional() }))
            .min(1)
            .max(2000),
        }),
      },
    },
    async (request, reply) => reply.status(201).send(await addTables(db, request.actor, request.params.eventId, request.body.tables)),
  );
  r.get(
    '/api/events/:eventId/audit',
    { schema: { tags: ['events'], summary: 'Audit log of organiser actions (who changed the schedule, when)', params: eventParams, querystring: z.object(paging) } },
    async (request) => listAudit(db, request.actor, request.params.eventId, request.query),
  );
}
