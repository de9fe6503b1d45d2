import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors';
import { deleteObservation, importObservations, listStoredObservations } from '../../services/policy-observations';
import { eventSegments, getPolicyReport, listScenarios } from '../../services/policy-tracker';
import type { HttpContext } from '../context';
import { eventParams } from '../schemas';
import { MAX_UPLOAD_BYTES } from './import-export';

/** The NEV policy tracker: public figures with their sources. */
export function policyRoutes(app: FastifyInstance, { db }: HttpContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/policy/scenarios', { schema: { tags: ['policy'], summary: 'Scenarios of the NEV policy tracker and their assumptions' } }, async () => listScenarios());
  r.get(
    '/api/policy/report',
    {
      schema: {
        tags: ['policy'],
        summary: 'Targets, observations, projections, gap to target, battery demand by chemistry and chargers, each figure with its source',
        querystring: z.object({ scenario: z.string().max(60).optional() }),
      },
    },
    async (request) => getPolicyReport(db, request.query.scenario),
  );
  r.get(
    '/api/events/:eventId/policy/segments',
    {
      schema: {
        tags: ['policy'],
        summary: 'How many of the event’s organisations serve each vehicle segment, beside the demand the targets imply',
        params: eventParams,
        querystring: z.object({ scenario: z.string().max(60).optional() }),
      },
    },
    async (request) => eventSegments(db, request.actor, request.params.eventId, request.query.scenario),
  );
  r.get(
    '/api/policy/observations',
    { schema: { tags: ['policy'], summary: 'Market observations imported from CSV, which the report projects from beside the shipped ones' } },
    async () => listStoredObservations(db),
  );
  r.post(
    '/api/policy/observations',
    {
      schema: {
        tags: ['policy'],
        summary:
          'Import market observations from a CSV upload (multipart field "file"; columns segment, period, metric, value, source, kind, label, note). All rows or none; the same segment, metric, period and label again updates. dryRun=true previews. Global organisers only',
        querystring: z.object({ dryRun: z.enum(['true', 'false']).optional() }),
      },
    },
    async (request) => {
      if (!request.isMultipart()) throw new AppError('VALIDATION', 'send the CSV file as multipart/form-data in a field named "file"', 'file');
      const file = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
      if (!file) throw new AppError('VALIDATION', 'no file was uploaded', 'file');
      const buffer = await file.toBuffer();
      if (file.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', `the file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`, 'file');
      return importObservations(db, request.actor, buffer.toString('utf8'), { dryRun: request.query.dryRun === 'true' });
    },
  );
  r.delete(
    '/api/policy/observations/:observationId',
    {
      schema: {
        tags: ['policy'],
        summary: 'Remove an imported observation (global organisers only)',
        params: z.object({ observationId: z.string().uuid() }),
      },
    },
    async (request, reply) => {
      await deleteObservation(db, request.actor, request.params.observationId);
      return reply.status(204).send();
    },
  );
}
