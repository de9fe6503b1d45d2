/**
 * Who may call which route: one line per `METHOD path` the server registers (HEAD answers like its
 * GET and is not listed). authorization-matrix.test.ts fails when a registered route is missing
 * here or a listed one no longer exists, and sends every route as each of the five people below.
 *
 * The resources in each request belong to delegate B (their organisation, item, delegate record,
 * a meeting request addressed to them, their registration and calendar feed) in the event run by
 * "organiser"; delegate A is in the same event with another organisation; "other organiser" runs
 * another event. Columns: [anonymous, delegate A, delegate B, other organiser, organiser].
 *
 * ALLOWED means authorization let the request through: a 2xx/3xx answer, or a 409/422 refusal by
 * a business rule (e.g. publishing a schedule twice). A 400 for an allowed person means the body
 * in REQUESTS below is wrong. 401/403/404 are denials; 404 is expected where the route hides that
 * a resource exists.
 *
 * A new route: one line in MATRIX; a body or query string it needs in REQUESTS; a value for a new
 * kind of path parameter in `params` of the test's buildWorld (the test names what is missing).
 */
export const ALLOWED = 'allowed';
export type Outcome = typeof ALLOWED | 401 | 403 | 404;
export const ROLES = ['anonymous', 'delegateA', 'delegateB', 'otherOrganiser', 'organiser'] as const;
export type Role = (typeof ROLES)[number];
type Row = readonly [Outcome, Outcome, Outcome, Outcome, Outcome];

const OK = ALLOWED;
const PUBLIC: Row = [OK, OK, OK, OK, OK];
const SIGNED_IN: Row = [401, OK, OK, OK, OK];
const ANY_ORGANISER: Row = [401, 403, 403, OK, OK];
const EVENT_ORGANISER: Row = [401, 403, 403, 403, OK];
const EVENT_DELEGATES: Row = [401, OK, OK, 403, OK];
const B_AND_ORGANISER: Row = [401, 403, OK, 403, OK];
const EACH_DELEGATE_OWN: Row = [401, OK, OK, 403, 403];

export const MATRIX: Record<string, Row> = {
  // Served to anyone: the web app, the API's description, health.
  'GET /*': PUBLIC,
  'GET /api/health': PUBLIC,
  'GET /api/openapi.json': PUBLIC,
  'GET /api/docs': PUBLIC,
  'GET /api/docs/': PUBLIC,
  'GET /api/docs/*': PUBLIC,
  'GET /api/docs/json': PUBLIC,
  'GET /api/docs/yaml': PUBLIC,
  'GET /api/docs/static/index.html': PUBLIC,
  'GET /api/docs/static/swagger-initializer.js': PUBLIC,
  'GET /api/reference/codes/:system': PUBLIC,
  'GET /api/reference/taxonomy': PUBLIC,
  'GET /api/policy/scenarios': PUBLIC,
  'GET /api/policy/report': PUBLIC,
  'GET /api/policy/observations': PUBLIC,
  'POST /api/policy/observations': ANY_ORGANISER,
  'DELETE /api/policy/observations/:observationId': ANY_ORGANISER,

  // Signing in and one's own account.
  'POST /api/auth/sign-in': PUBLIC,
  'POST /api/auth/sign-in-link': PUBLIC,
  'POST /api/auth/sign-in-link/verify': PUBLIC,
  'POST /api/auth/sign-out': PUBLIC,
  'GET /api/me': SIGNED_IN,
  'PATCH /api/me': SIGNED_IN,
  'GET /api/tokens': ANY_ORGANISER,
  'POST /api/tokens': ANY_ORGANISER,
  'DELETE /api/tokens/:id': [401, 403, 403, 404, OK],

  // Events and their set-up.
  'GET /api/events': PUBLIC,
  'POST /api/events': ANY_ORGANISER,
  'GET /api/events/:eventId': PUBLIC,
  'PATCH /api/events/:eventId': EVENT_ORGANISER,
  'GET /api/events/:eventId/slots': PUBLIC,
  'POST /api/events/:eventId/slots': EVENT_ORGANISER,
  'GET /api/events/:eventId/tables': PUBLIC,
  'POST /api/events/:eventId/tables': EVENT_ORGANISER,
  'GET /api/events/:eventId/audit': EVENT_ORGANISER,
  'POST /api/events/:eventId/register': PUBLIC,

  // Directory, organisations, items and delegates.
  'GET /api/events/:eventId/organisations': PUBLIC,
  'GET /api/organisations/:id': PUBLIC,
  'PATCH /api/organisations/:id': B_AND_ORGANISER,
  'POST /api/organisations/:id/items': B_AND_ORGANISER,
  'PATCH /api/items/:id': B_AND_ORGANISER,
  'DELETE /api/items/:id': B_AND_ORGANISER,
  'POST /api/organisations/:id/delegates': B_AND_ORGANISER,
  'GET /api/events/:eventId/delegates': EVENT_ORGANISER,
  'GET /api/events/:eventId/agendas': EVENT_ORGANISER,
  'GET /api/delegates/:id': EVENT_DELEGATES,
  'PATCH /api/delegates/:id': B_AND_ORGANISER,

  // Meeting requests (the request is addressed to B) and meetings.
  'POST /api/events/:eventId/meeting-requests': EACH_DELEGATE_OWN,
  'GET /api/events/:eventId/meeting-requests': EVENT_DELEGATES,
  'GET /api/meeting-requests/:id': B_AND_ORGANISER,
  'POST /api/meeting-requests/:id/accept': [401, 403, OK, 403, 403],
  'POST /api/meeting-requests/:id/decline': [401, 403, OK, 403, 403],
  'POST /api/meeting-requests/:id/cancel': B_AND_ORGANISER,
  'GET /api/events/:eventId/meetings': EVENT_DELEGATES,
  'GET /api/events/:eventId/recommendations': B_AND_ORGANISER,
  'GET /api/events/:eventId/matching/allocation': EVENT_ORGANISER,
  'POST /api/events/:eventId/suggested-meetings': EVENT_ORGANISER,
  'GET /api/events/:eventId/policy/segments': PUBLIC,
  'GET /api/events/:eventId/demand': EVENT_ORGANISER,
  'GET /api/events/:eventId/outcomes/mine': EACH_DELEGATE_OWN,
  'PUT /api/meetings/:meetingId/outcome': [401, 403, OK, 403, 403],
  'GET /api/events/:eventId/outcomes/report': EVENT_ORGANISER,
  'POST /api/events/:eventId/outcomes/invite': EVENT_ORGANISER,
  'GET /api/events/:eventId/outcomes/report.:format': EVENT_ORGANISER,

  // Import, export, schedules and their jobs.
  'POST /api/events/:eventId/import': EVENT_ORGANISER,
  'GET /api/events/:eventId/export/:kind': EVENT_ORGANISER,
  'POST /api/events/:eventId/schedule/build': EVENT_ORGANISER,
  'POST /api/events/:eventId/schedule/replan': EVENT_ORGANISER,
  'GET /api/events/:eventId/schedule': EVENT_ORGANISER,
  'GET /api/events/:eventId/schedule/:scheduleId/changes': EVENT_ORGANISER,
  'POST /api/events/:eventId/schedule/:scheduleId/publish': EVENT_ORGANISER,
  'GET /api/jobs/:id': EVENT_ORGANISER,
  'POST /api/jobs/:id/cancel': EVENT_ORGANISER,

  // Calendars: one's own agenda, and the secret feed address anyone holding it may read.
  'GET /api/events/:eventId/agenda.ics': [401, 403, OK, 403, OK],
  'POST /api/events/:eventId/calendar-feed': EACH_DELEGATE_OWN,
  'DELETE /api/events/:eventId/calendar-feed': EACH_DELEGATE_OWN,
  'GET /api/calendar/:token.ics': PUBLIC,

  // Training programmes of the event (B is registered), registrations by secret address, certificates.
  'GET /api/programmes': PUBLIC,
  'POST /api/programmes': ANY_ORGANISER,
  'GET /api/programmes/:programme': PUBLIC,
  'PATCH /api/programmes/:programme': EVENT_ORGANISER,
  'POST /api/programmes/:programme/sessions': EVENT_ORGANISER,
  'PATCH /api/programmes/:programme/sessions/:sessionId': EVENT_ORGANISER,
  'POST /api/programmes/:programme/sessions/:sessionId/cancel': EVENT_ORGANISER,
  'PUT /api/programmes/:programme/sessions/:sessionId/attendance': EVENT_ORGANISER,
  'POST /api/programmes/:programme/sessions/:sessionId/attendance/import': EVENT_ORGANISER,
  'POST /api/programmes/:programme/registrations': PUBLIC,
  'GET /api/programmes/:programme/registrations': EVENT_ORGANISER,
  'POST /api/programmes/:programme/registrations/:registrationId/cancel': EVENT_ORGANISER,
  'GET /api/programmes/:programme/attendance': EVENT_ORGANISER,
  'POST /api/programmes/:programme/certificates': EVENT_ORGANISER,
  'GET /api/registrations/:token': PUBLIC,
  'POST /api/registrations/:token/cancel': PUBLIC,
  'GET /api/registrations/:token/calendar.ics': PUBLIC,
  'GET /api/certificates/:code': PUBLIC,
  'GET /api/certificates/:code/certificate.pdf': PUBLIC,
};

/** What a request needs besides its address: rows and values made for it by the test's seed. */
export interface Seed {
  /** A counter for values that must differ between requests (e-mails, slot times, names). */
  unique(): number;
  counterpartDelegateId: string;
  organisationIdOfB: string;
  delegateIdOfB: string;
  passwordUser: { email: string; password: string };
  signInLinkToken(): Promise<string>;
  registrationIdOfB(): Promise<string>;
}

export interface RequestSpec {
  body?: unknown;
  query?: Record<string, string>;
  /** A file upload (multipart/form-data, field "file"). */
  file?: { name: string; type: string; content: string };
  /** Sends the request with a new session of the same person (for requests that end it). */
  freshSession?: boolean;
}

const organisationCsv = (n: number) =>
  `external_id,name,country,city,delegate_external_id,delegate_first_name,delegate_last_name,delegate_email\nMATRIX-${n},Matrix Motors ${n},PK,Lahore,MATRIX-D-${n},Amna,Rafiq,amna.${n}@matrix.example\n`;

/** Bodies and query strings for routes that need them; a route without an entry is sent bare. */
export const REQUESTS: Record<string, (seed: Seed) => RequestSpec | Promise<RequestSpec>> = {
  'GET /api/reference/codes/:system': () => ({ query: { q: 'battery' } }),
  'POST /api/auth/sign-in': (seed) => ({ body: seed.passwordUser }),
  'POST /api/auth/sign-in-link': (seed) => ({ body: { email: seed.passwordUser.email } }),
  'POST /api/auth/sign-in-link/verify': async (seed) => ({ body: { token: await seed.signInLinkToken() } }),
  'POST /api/auth/sign-out': () => ({ freshSession: true }),
  'PATCH /api/me': () => ({ body: { language: 'en' } }),
  'POST /api/tokens': () => ({ body: { name: 'matrix' } }),
  'POST /api/events': (seed) => ({ body: { name: `Matrix Forum ${seed.unique()}`, timeZone: 'Asia/Karachi', days: ['2026-03-10'] } }),
  'PATCH /api/events/:eventId': () => ({ body: { description: 'Electric two- and three-wheelers.' } }),
  'POST /api/events/:eventId/slots': (seed) => {
    const start = Date.UTC(2026, 2, 10, 12) + seed.unique() * 3_600_000;
    return { body: { slots: [{ startsAt: new Date(start).toISOString(), endsAt: new Date(start + 20 * 60_000).toISOString(), session: 'afternoon' }] } };
  },
  'POST /api/events/:eventId/tables': (seed) => ({ body: { tables: [{ name: `Matrix ${seed.unique()}` }] } }),
  'POST /api/events/:eventId/register': (seed) => {
    const n = seed.unique();
    return {
      body: {
        password: 'a long enough password',
        delegate: { firstName: 'Bilal', lastName: 'Ahmed', email: `bilal.${n}@matrix.example` },
        organisation: { name: `Matrix Cells ${n}`, country: 'PK', city: 'Karachi' },
      },
    };
  },
  'PATCH /api/organisations/:id': () => ({ body: { description: 'We assemble 48V e-rickshaw packs.' } }),
  'POST /api/organisations/:id/items': () => ({ body: { kind: 'offer', title: 'LFP cells' } }),
  'PATCH /api/items/:id': () => ({ body: { title: 'NMC cells' } }),
  'POST /api/organisations/:id/delegates': (seed) => ({ body: { firstName: 'Li', lastName: 'Wei', email: `li.wei.${seed.unique()}@matrix.example` } }),
  'PATCH /api/delegates/:id': () => ({ body: { jobTitle: 'Plant manager' } }),
  'POST /api/events/:eventId/meeting-requests': (seed) => ({ body: { toDelegateId: seed.counterpartDelegateId } }),
  'GET /api/events/:eventId/recommendations': (seed) => ({ query: { organisationId: seed.organisationIdOfB } }),
  'GET /api/events/:eventId/agenda.ics': (seed) => ({ query: { delegateId: seed.delegateIdOfB } }),
  'POST /api/policy/observations': (seed) => ({
    query: { dryRun: 'true' },
    file: { name: 'observations.csv', type: 'text/csv', content: `segment,period,metric,value,source\ncar,2024,sales_share,1,matrix-${seed.unique()}\n` },
  }),
  'POST /api/events/:eventId/suggested-meetings': () => ({ body: { limit: 1 } }),
  'PUT /api/meetings/:meetingId/outcome': () => ({ body: { attendance: 'held' } }),
  'POST /api/events/:eventId/import': (seed) => ({ file: { name: 'organisations.csv', type: 'text/csv', content: organisationCsv(seed.unique()) } }),
  'GET /api/events/:eventId/export/:kind': () => ({}),
  'POST /api/events/:eventId/schedule/build': () => ({ body: { timeLimitSeconds: 1 } }),
  'POST /api/events/:eventId/schedule/replan': () => ({ body: { timeLimitSeconds: 1 } }),
  'POST /api/programmes': (seed) => ({
    body: { title: `Matrix webinar ${seed.unique()}`, timeZone: 'Asia/Shanghai', registrationDeadline: '2030-09-26', sessions: [{ startsAt: '2030-09-28T14:00', endsAt: '2030-09-28T16:00', webinarUrl: 'https://meeting.example/j/3' }] },
  }),
  'PATCH /api/programmes/:programme': () => ({ body: { description: 'Cells, packs and recycling.' } }),
  'POST /api/programmes/:programme/sessions': () => ({ body: { startsAt: '2030-09-29T14:00', endsAt: '2030-09-29T16:00', webinarUrl: 'https://meeting.example/j/4' } }),
  'PATCH /api/programmes/:programme/sessions/:sessionId': () => ({ body: { title: 'Packs' } }),
  'PUT /api/programmes/:programme/sessions/:sessionId/attendance': async (seed) => ({ body: { marks: [{ registrationId: await seed.registrationIdOfB(), present: true }] } }),
  'POST /api/programmes/:programme/sessions/:sessionId/attendance/import': (seed) => ({
    file: { name: 'attendance.csv', type: 'text/csv', content: `Name,Email,Duration (minutes)\nFang Wang,fang.${seed.unique()}@matrix.example,120\n` },
  }),
  'POST /api/programmes/:programme/registrations': (seed) => ({ body: { name: 'Ayesha Khan', email: `ayesha.${seed.unique()}@matrix.example` } }),
};
