import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agendaCalendar, calendarFeed, renewCalendarFeed, revokeCalendarFeed } from '../../services/calendar/agenda';
import type { HttpContext } from '../context';
import { eventParams, uuid } from '../schemas';

const CALENDAR = 'text/calendar; charset=utf-8';
const TAGS = ['calendar'];

/** Meeting agendas as iCalendar files and secret feed addresses. Training calendars live with their registrations. */
export function calendarRoutes(app: FastifyInstance, { db, config }: HttpContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/events/:eventId/agenda.ics',
    {
      schema: {
        tags: TAGS,
        summary: 'Your meetings as an iCalendar file (organisers: any delegate’s, with delegateId)',
        params: eventParams,
        querystring: z.object({ delegateId: uuid.optional() }),
      },
    },
    async (request, reply) =>
      reply
        .header('content-type', CALENDAR)
        .header('content-disposition', 'attachment; filename="agenda.ics"')
        .send(await agendaCalendar(db, request.actor, request.params.eventId, request.query.delegateId ?? null, config.publicUrl)),
  );
  r.post(
    '/api/events/:eventId/calendar-feed',
    {
      schema: {
        tags: TAGS,
        summary: 'A new secret address to subscribe to your agenda from a calendar program (replaces the previous one)',
        params: eventParams,
        response: { 201: z.object({ url: z.string(), webcalUrl: z.string() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await renewCalendarFeed(db, request.actor, request.params.eventId, config.publicUrl)),
  );
  r.delete('/api/events/:eventId/calendar-feed', { schema: { tags: TAGS, summary: 'Stop your agenda feed address working', params: eventParams } }, async (request, reply) => {
    await revokeCalendarFeed(db, request.actor, request.params.eventId);
    return reply.status(204).send();
  });
  r.get(
    '/api/calendar/:token.ics',
    { schema: { tags: TAGS, summary: 'An agenda feed, by its secret address; it follows every published schedule', params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/) }), security: [] } },
    async (request, reply) =>
      reply.header('content-type', CALENDAR).header('cache-control', 'no-cache').send(await calendarFeed(db, request.actor, request.params.token, config.publicUrl)),
  );
}
