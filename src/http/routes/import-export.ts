import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors';
import { exportTable } from '../../services/export/export-event';
import { CONTENT_TYPES, writeTable } from '../../services/export/spreadsheet-writer';
import { importOrganisations } from '../../services/import/import-organisations';
import { readSpreadsheet } from '../../services/import/read-spreadsheet';
import type { HttpContext } from '../context';
import { eventParams } from '../schemas';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export function importExportRoutes(app: FastifyInstance, { db }: HttpContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/events/:eventId/import',
    {
      schema: {
        tags: ['import/export'],
        summary: 'Import organisations and delegates from a CSV or XLSX upload (multipart field "file"); dryRun=true previews without storing',
        params: eventParams,
        querystring: z.object({ dryRun: z.enum(['true', 'false']).optional() }),
      },
    },
    async (request) => {
      if (!request.isMultipart()) throw new AppError('VALIDATION', 'send the spreadsheet as multipart/form-data in a field named "file"', 'file');
      const file = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
      if (!file) throw new AppError('VALIDATION', 'no file was uploaded', 'file');
      const buffer = await file.toBuffer();
      if (file.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', `the file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`, 'file');
      const rows = await readSpreadsheet(buffer, file.filename);
      return importOrganisations(db, request.actor, request.params.eventId, rows, { dryRun: request.query.dryRun === 'true' });
    },
  );
  r.get(
    '/api/events/:eventId/export/:kind',
    {
      schema: {
        tags: ['import/export'],
        summary: 'Download delegates (in the import format), requests or meetings as CSV or XLSX',
        params: eventParams.extend({ kind: z.enum(['delegates', 'requests', 'meetings']) }),
        querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') }),
      },
    },
    async (request, reply) => {
      const { eventId, kind } = request.params;
      const table = await exportTable(db, request.actor, eventId, kind);
      const buffer = await writeTable(table, request.query.format, kind);
      return reply
        .header('content-type', CONTENT_TYPES[request.query.format])
        .header('content-disposition', `attachment; filename="${kind}.${request.query.format}"`)
        .send(buffer);
    },
  );
}
