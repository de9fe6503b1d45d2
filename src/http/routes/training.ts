import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors';
import { QUESTION_KEYS } from '../../domain/training/eligibility';
import { importAttendance, listAttendance, markAttendance, readReportTable } from '../../services/training/attendance';
import { certificateFile, issueCertificates, verifyCertificate } from '../../services/training/certificates';
import { createProgramme, getProgramme, listProgrammes, updateProgramme } from '../../services/training/programmes';
import {
  cancelOwnRegistration,
  cancelRegistration,
  getRegistration,
  listRegistrations,
  register,
  registrationCalendarFile,
} from '../../services/training/registrations';
import { addSession, cancelSession, updateSession } from '../../services/training/sessions';
import type { HttpContext } from '../context';
import { language, longText, paging, shortText, uuid } from '../schemas';
import { MAX_UPLOAD_BYTES } from './import-export';

/** Dates leave the API as ISO 8601 UTC strings. */
const isoDate = z.codec(z.iso.datetime(), z.date(), { decode: (s) => new Date(s), encode: (d) => d.toISOString() });
const moment = z.string().max(40).describe('"2026-09-28T14:00" (wall time in the zone), "2026-09-28T06:00:00Z" or with an offset');
const day = z.string().max(40).describe('a date "2026-09-26" (a deadline means the end of that day) or a moment as for sessions');

const sessionInput = z.object({
  title: shortText.optional(),
  startsAt: moment,
  endsAt: moment,
  timeZone: z.string().max(60).optional().describe('IANA zone the times are written in; the programme’s by default'),
  webinarUrl: z.string().max(500).nullable().optional(),
  venue: shortText.nullable().optional(),
});
const question = z.object({ key: z.enum(QUESTION_KEYS), required: z.boolean(), allowed: z.array(shortText).max(300).optional() });
const settings = z.object({
  title: shortText,
  organisedBy: z.array(shortText).max(10).optional(),
  description: longText.optional(),
  language: z.string().max(8).optional(),
  timeZone: z.string().max(60),
  registrationOpens: day.nullable().optional(),
  registrationDeadline: day,
  capacity: z.number().int().nullable().optional(),
  waitlist: z.boolean().optional(),
  questions: z.array(question).max(3).optional(),
  reminderOffsetsMinutes: z.array(z.number().int()).max(5).optional(),
  attendanceThresholdPercent: z.number().int().optional(),
  certificateMinSessions: z.number().int().nullable().optional(),
  published: z.boolean().optional(),
});
const newProgramme = settings.extend({
  eventId: uuid.nullable().optional(),
  slug: z.string().regex(/^[a-z0-9-]{1,80}$/).optional(),
  sessions: z.array(sessionInput).min(1).max(100),
});

const sessionView = z.object({
  id: uuid,
  title: z.string(),
  startsAt: isoDate,
  endsAt: isoDate,
  timeZone: z.string(),
  startsLocal: z.string().describe('wall time in the session’s zone'),
  endsLocal: z.string(),
  online: z.boolean(),
  venue: z.string().nullable(),
  cancelled: z.boolean(),
  webinarUrl: z.string().nullable().optional().describe('only for organisers and confirmed registrants'),
});
const registrationWindow = z.object({
  state: z.enum(['not-open', 'open', 'closed']),
  opensAt: isoDate.nullable(),
  closesAt: isoDate.describe('the first instant registration is closed'),
  closesLocal: z.string(),
  deadline: z.string().describe('the deadline in words, in the programme’s zone'),
});
const programmeView = z.object({
  id: uuid,
  slug: z.string(),
  eventId: uuid.nullable(),
  title: z.string(),
  organisedBy: z.array(z.string()),
  description: z.string(),
  language: z.string(),
  timeZone: z.string(),
  published: z.boolean(),
  registration: registrationWindow,
  capacity: z.number().nullable(),
  placesLeft: z.number().nullable(),
  waitlist: z.boolean(),
  waitlistLength: z.number(),
  questions: z.array(question),
  sessions: z.array(sessionView),
  settings: z
    .object({ reminderOffsetsMinutes: z.array(z.number()), attendanceThresholdPercent: z.number(), certificateMinSessions: z.number().nullable() })
    .optional()
    .describe('organisers only'),
  confirmed: z.number().optional().describe('organisers only'),
});
const programmeSummary = z.object({
  id: uuid,
  slug: z.string(),
  eventId: uuid.nullable(),
  title: z.string(),
  organisedBy: z.array(z.string()),
  language: z.string(),
  timeZone: z.string(),
  published: z.boolean(),
  firstSessionAt: isoDate.nullable(),
  registration: registrationWindow.pick({ state: true, closesAt: true, deadline: true }),
  placesLeft: z.number().nullable(),
});
const registrant = z.object({
  name: shortText,
  email: z.string().max(254),
  nameLatin: shortText.nullable().optional().describe('name in Latin letters for the certificate; required when `name` is in another script'),
  language: language.optional(),
  timeZone: z.string().max(60).nullable().optional().describe('the registrant’s zone, for times in e-mails'),
  country: shortText.nullable().optional(),
  organisation: shortText.nullable().optional(),
  role: shortText.nullable().optional(),
});
const outcome = z.object({
  status: z.enum(['confirmed', 'waitlisted']),
  duplicate: z.boolean(),
  waitlistPosition: z.number().nullable(),
  message: z.string(),
});
const registrationStatus = z.enum(['confirmed', 'waitlisted', 'cancelled']);
const ownRegistration = z.object({
  id: uuid,
  status: registrationStatus,
  name: z.string(),
  nameLatin: z.string().nullable(),
  email: z.string(),
  language: z.string(),
  timeZone: z.string().nullable(),
  country: z.string().nullable(),
  organisation: z.string().nullable(),
  role: z.string().nullable(),
  registeredAt: isoDate,
  confirmedAt: isoDate.nullable(),
  cancelledAt: isoDate.nullable(),
  waitlistPosition: z.number().nullable(),
  calendarUrl: z.string().nullable(),
  attendance: z.array(z.object({ sessionId: uuid, present: z.boolean(), minutes: z.number().nullable() })),
  certificate: z.object({ code: z.string(), pdfUrl: z.string(), verifyUrl: z.string() }).nullable(),
  programme: programmeView,
});
const registrationRow = ownRegistration
  .pick({ id: true, status: true, name: true, nameLatin: true, email: true, language: true, country: true, organisation: true, role: true, registeredAt: true, confirmedAt: true, cancelledAt: true })
  .extend({ queueNumber: z.number(), sessionsAttended: z.number(), certificateCode: z.string().nullable() });
const certificateView = z.object({
  code: z.string(),
  valid: z.boolean(),
  holderName: z.string(),
  programme: z.object({ id: uuid, slug: z.string(), title: z.string(), organisedBy: z.array(z.string()), timeZone: z.string().describe('the dates of the certificate are days in this zone') }),
  heldFrom: isoDate,
  heldUntil: isoDate,
  sessionsAttended: z.number(),
  sessionsHeld: z.number(),
  issuedAt: isoDate,
  pdfUrl: z.string(),
});

const cancellation = z.object({ status: z.literal('cancelled'), promoted: z.number().describe('people moved from the waiting list into the freed place') });
const attendanceImport = z.object({
  rows: z.number(),
  people: z.number().describe('distinct addresses in the report'),
  matched: z.number().describe('of them, confirmed registrants'),
  present: z.number(),
  belowThreshold: z.number().describe('matched but connected for less than the programme’s share of the session'),
  unmatched: z.array(z.string()).describe('addresses that match no confirmed registration (first 200)'),
  unmatchedCount: z.number(),
});
const attendanceList = z.object({
  sessions: z.array(z.object({ id: uuid, title: z.string(), startsAt: isoDate, cancelled: z.boolean() })),
  people: z.array(
    z.object({
      registrationId: uuid,
      name: z.string(),
      email: z.string(),
      sessions: z.array(z.object({ sessionId: uuid, present: z.boolean(), minutes: z.number().nullable(), source: z.enum(['import', 'manual']) })),
    }),
  ),
});
const issued = z.object({ issued: z.number(), alreadyIssued: z.number(), notQualified: z.number(), sessionsRequired: z.number() });

const programmeParams = z.object({ programme: z.string().regex(/^[A-Za-z0-9-]{1,100}$/).describe('id or slug') });
const sessionParams = programmeParams.extend({ sessionId: uuid });
const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/).describe('the secret from the registrant’s e-mails') });
const codeParams = z.object({ code: z.string().regex(/^[A-Za-z0-9 -]{1,40}$/).describe('e.g. 7K3M-9QXT-2D4F') });

// Public forms attract scripts: a person registers a few times a minute at most.
const REGISTER_RATE = { max: 20, timeWindow: '1 minute' };
const TAGS = ['training'];

export function trainingRoutes(app: FastifyInstance, { db, config }: HttpContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Read on every request: a server started on port 0 learns its address (and its links) once it listens.

  r.get(
    '/api/programmes',
    {
      schema: {
        tags: TAGS,
        summary: 'Upcoming published training programmes, soonest first (mine=true: those you organise, drafts included)',
        querystring: z.object({ eventId: uuid.optional(), mine: z.enum(['true', 'false']).optional(), includePast: z.enum(['true', 'false']).optional() }),
        response: { 200: z.array(programmeSummary) },
      },
    },
    async (request) => listProgrammes(db, request.actor, { eventId: request.query.eventId, mine: request.query.mine === 'true', includePast: request.query.includePast === 'true' }),
  );
  r.post('/api/programmes', { schema: { tags: TAGS, summary: 'Create a programme with its sessions (organisers)', body: newProgramme, response: { 201: programmeView } } }, async (request, reply) =>
    reply.status(201).send(await createProgramme(db, request.actor, request.body)),
  );
  r.get(
    '/api/programmes/:programme',
    { schema: { tags: TAGS, summary: 'A programme: sessions, registration window, places left (webinar links only for its organisers)', params: programmeParams, response: { 200: programmeView } } },
    async (request) => getProgramme(db, request.actor, request.params.programme),
  );
  r.patch(
    '/api/programmes/:programme',
    { schema: { tags: TAGS, summary: 'Change a programme’s settings; a higher capacity promotes people from the waiting list', params: programmeParams, body: settings.partial(), response: { 200: programmeView } } },
    async (request) => updateProgramme(db, request.actor, request.params.programme, request.body, config.publicUrl),
  );
  r.post(
    '/api/programmes/:programme/sessions',
    { schema: { tags: TAGS, summary: 'Add a session; confirmed registrants get an updated calendar invite', params: programmeParams, body: sessionInput, response: { 201: programmeView } } },
    async (request, reply) => reply.status(201).send(await addSession(db, request.actor, request.params.programme, request.body, config.publicUrl)),
  );
  r.patch(
    '/api/programmes/:programme/sessions/:sessionId',
    { schema: { tags: TAGS, summary: 'Move or change a session; confirmed registrants get an updated calendar invite', params: sessionParams, body: sessionInput.partial(), response: { 200: programmeView } } },
    async (request) => updateSession(db, request.actor, request.params.programme, request.params.sessionId, request.body, config.publicUrl),
  );
  r.post(
    '/api/programmes/:programme/sessions/:sessionId/cancel',
    { schema: { tags: TAGS, summary: 'Cancel a session; confirmed registrants are told and their calendars updated', params: sessionParams, response: { 200: programmeView } } },
    async (request) => cancelSession(db, request.actor, request.params.programme, request.params.sessionId, config.publicUrl),
  );

  r.post(
    '/api/programmes/:programme/registrations',
    {
      schema: {
        tags: TAGS,
        summary: 'Register (public, no account): a place and the webinar link by e-mail, or a place on the waiting list; the same e-mail twice is recognised',
        params: programmeParams,
        body: registrant,
        response: { 200: outcome.describe('already registered: nothing changed'), 201: outcome },
      },
      config: { rateLimit: REGISTER_RATE },
    },
    async (request, reply) => {
      const result = await register(db, request.actor, request.params.programme, request.body, config.publicUrl);
      return reply.status(result.duplicate ? 200 : 201).send(result);
    },
  );
  r.get(
    '/api/programmes/:programme/registrations',
    {
      schema: {
        tags: TAGS,
        summary: 'Registrations in queue order (organisers)',
        params: programmeParams,
        querystring: z.object({ status: registrationStatus.optional(), ...paging }),
        response: { 200: z.array(registrationRow) },
      },
    },
    async (request) => listRegistrations(db, request.actor, request.params.programme, request.query),
  );
  r.post(
    '/api/programmes/:programme/registrations/:registrationId/cancel',
    { schema: { tags: TAGS, summary: 'Cancel someone’s registration (organisers); the place goes to the waiting list', params: programmeParams.extend({ registrationId: uuid }), response: { 200: cancellation } } },
    async (request) => cancelRegistration(db, request.actor, request.params.programme, request.params.registrationId, config.publicUrl),
  );
  r.get(
    '/api/registrations/:token',
    { schema: { tags: TAGS, summary: 'Your registration, by the secret link in your e-mails (webinar links when your place is confirmed)', params: tokenParams, response: { 200: ownRegistration } } },
    async (request) => getRegistration(db, request.actor, request.params.token, config.publicUrl),
  );
  r.post('/api/registrations/:token/cancel', { schema: { tags: TAGS, summary: 'Cancel your registration; your place goes to the first person waiting', params: tokenParams, response: { 200: cancellation } } }, async (request) =>
    cancelOwnRegistration(db, request.actor, request.params.token, config.publicUrl),
  );
  r.get(
    '/api/registrations/:token/calendar.ics',
    { schema: { tags: TAGS, summary: 'Your sessions as an iCalendar file; subscribe to this address and your calendar follows every change', params: tokenParams } },
    async (request, reply) =>
      reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(await registrationCalendarFile(db, request.actor, request.params.token, config.publicUrl)),
  );

  r.post(
    '/api/programmes/:programme/sessions/:sessionId/attendance/import',
    { schema: { tags: TAGS, summary: 'Import a webinar attendance report (CSV, multipart field "file"): Zoom, Teams, Webex or Tencent Meeting', params: sessionParams, response: { 200: attendanceImport } } },
    async (request) => {
      if (!request.isMultipart()) throw new AppError('VALIDATION', 'send the report as multipart/form-data in a field named "file"', 'file');
      const file = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
      if (!file) throw new AppError('VALIDATION', 'no file was uploaded', 'file');
      const buffer = await file.toBuffer();
      if (file.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', `the file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`, 'file');
      return importAttendance(db, request.actor, request.params.programme, request.params.sessionId, readReportTable(buffer));
    },
  );
  r.put(
    '/api/programmes/:programme/sessions/:sessionId/attendance',
    {
      schema: {
        tags: TAGS,
        summary: 'Mark attendance by hand',
        params: sessionParams,
        body: z.object({ marks: z.array(z.object({ registrationId: uuid, present: z.boolean(), minutes: z.number().int().min(0).max(1440).nullable().optional() })).max(5000) }),
        response: { 200: z.object({ marked: z.number() }) },
      },
    },
    async (request) => markAttendance(db, request.actor, request.params.programme, request.params.sessionId, request.body.marks),
  );
  r.get('/api/programmes/:programme/attendance', { schema: { tags: TAGS, summary: 'Who attended which session (organisers)', params: programmeParams, response: { 200: attendanceList } } }, async (request) =>
    listAttendance(db, request.actor, request.params.programme),
  );
  r.post(
    '/api/programmes/:programme/certificates',
    { schema: { tags: TAGS, summary: 'Issue certificates to everyone who attended enough sessions, after the last session; each is e-mailed a link', params: programmeParams, response: { 200: issued } } },
    async (request) => issueCertificates(db, request.actor, request.params.programme, config.publicUrl),
  );
  r.get(
    '/api/certificates/:code',
    { schema: { tags: TAGS, summary: 'Check a certificate by its code (public)', params: codeParams, response: { 200: certificateView } } },
    async (request) => verifyCertificate(db, request.actor, request.params.code, config.publicUrl),
  );
  r.get('/api/certificates/:code/certificate.pdf', { schema: { tags: TAGS, summary: 'The certificate as a PDF (public, by its code)', params: codeParams } }, async (request, reply) => {
    const { code, pdf } = await certificateFile(db, request.actor, request.params.code, config.publicUrl);
    return reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="certificate-${code}.pdf"`).send(Buffer.from(pdf));
  });
}
