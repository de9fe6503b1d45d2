import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cancelJob, getJob, getSchedules, publishSchedule, requestScheduleJob, scheduleDiff, scheduleOverview } from '../../services/schedules/schedules';
import type { HttpContext } from '../context';
import { eventParams, idParams, uuid } from '../schemas';

const jobParams = z.object({
  timeLimitSeconds: z.number().min(1).max(600).optional().describe('seconds to search (default 30); stops sooner once the schedule is proven optimal'),
  fairness: z.number().int().min(0).max(20).optional(),
  seed: z.number().int().min(0).max(2 ** 31).optional(),
});

export function scheduleRoutes(app: FastifyInstance, { db, config }: HttpContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/events/:eventId/schedule/build',
    { schema: { tags: ['schedule'], summary: 'Start building a schedule from the accepted meetings (a background job)', params: eventParams, body: jobParams.nullish() } },
    async (request, reply) => {
      const job = await requestScheduleJob(db, request.actor, request.params.eventId, 'build', request.body ?? {});
      return reply.status(202).send({ jobId: job.id });
    },
  );
  r.post(
    '/api/events/:eventId/schedule/replan',
    { schema: { tags: ['schedule'], summary: 'Re-plan the published schedule after changes, moving as few meetings as possible (a background job)', params: eventParams, body: jobParams.nullish() } },
    async (request, reply) => {
      const job = await requestScheduleJob(db, request.actor, request.params.eventId, 'replan', request.body ?? {});
      return reply.status(202).send({ jobId: job.id });
    },
  );
  r.get('/api/events/:eventId/schedule', { schema: { tags: ['schedule'], summary: 'Schedule versions with their figures, and how many accepted meetings are placed', params: eventParams } }, async (request) => ({
    overview: await scheduleOverview(db, request.actor, request.params.eventId),
    versions: await getSchedules(db, request.actor, request.params.eventId),
  }));
  r.get(
    '/api/events/:eventId/schedule/:scheduleId/changes',
    { schema: { tags: ['schedule'], summary: 'Meetings a draft moves compared with the published schedule', params: eventParams.extend({ scheduleId: uuid }) } },
    async (request) => scheduleDiff(db, request.actor, request.params.eventId, request.params.scheduleId),
  );
  r.post(
    '/api/events/:eventId/schedule/:scheduleId/publish',
    { schema: { tags: ['schedule'], summary: 'Publish a draft; delegates whose meetings changed are e-mailed', params: eventParams.extend({ scheduleId: uuid }) } },
    async (request) => publishSchedule(db, request.actor, request.params.eventId, request.params.scheduleId, config.publicUrl),
  );
  r.get('/api/jobs/:id', { schema: { tags: ['schedule'], summary: 'A background job’s status and progress', params: idParams } }, async (request) => getJob(db, request.actor, request.params.id));
  r.post('/api/jobs/:id/cancel', { schema: { tags: ['schedule'], summary: 'Cancel a background job', params: idParams } }, async (request) => cancelJob(db, request.actor, request.params.id));
}
