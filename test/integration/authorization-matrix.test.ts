import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { DatabaseHandle } from '../../src/storage/db';
import { certificates, marketplaceItems, meetingRequests, policyObservations, programmeSessions, registrations, schedules, signInLinks, users } from '../../src/storage/schema';
import { ANONYMOUS } from '../../src/services/actor';
import { createApiToken } from '../../src/services/auth/api-tokens';
import { hashToken, newToken } from '../../src/services/auth/secrets';
import { startSession } from '../../src/services/auth/sessions';
import { createUser } from '../../src/services/auth/users';
import { renewCalendarFeed } from '../../src/services/calendar/agenda';
import { importObservations } from '../../src/services/policy-observations';
import { requestScheduleJob } from '../../src/services/schedules/schedules';
import { createProgramme } from '../../src/services/training/programmes';
import { register } from '../../src/services/training/registrations';
import { certificateCode } from '../../src/domain/training/certificate';
import { createTestDatabase } from '../support/database';
import { buildTestApp } from '../support/app';
import { buildAcceptedMeeting, buildDelegate, buildEvent, buildSlots, buildTables } from '../support/factories';
import type { Person } from '../support/factories';
import { ALLOWED, MATRIX, REQUESTS, ROLES } from './authorization-matrix';
import type { Outcome, RequestSpec, Role, Seed } from './authorization-matrix';

let handle: DatabaseHandle;
let app: FastifyInstance;
const PUBLIC_URL = 'http://corridor.test';

/**
 * Every route the server registers, as `METHOD path`, read from Fastify's own route tree (it holds
 * the routes left out of the OpenAPI document too). HEAD routes made for each GET are left out.
 */
function registeredRoutes(server: FastifyInstance): string[] {
  const found = new Set<string>();
  const pathAtDepth: string[] = [];
  for (const line of server.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:│ {3}| {4})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    // Children of the root are printed without the root's "/" when they share nothing else.
    const path = depth > 0 ? pathAtDepth[depth - 1]! + match[2]! : match[2]!.replace(/^(?!\/)/, '/');
    pathAtDepth[depth] = path;
    for (const method of match[3]?.split(', ') ?? []) found.add(`${method} ${path}`);
  }
  return [...found].filter((route) => !(route.startsWith('HEAD ') && found.has(route.replace(/^HEAD/, 'GET')))).sort();
}

interface World {
  people: Record<Exclude<Role, 'anonymous'>, Person>;
  seed: Seed;
  /** Values for each path parameter, by `collection/:param` or by `:param`; called once per request. */
  params: Record<string, () => Promise<string> | string>;
}

let world: World;

async function buildWorld(): Promise<World> {
  const db = handle.db;
  const { event, organiser } = await buildEvent(handle.db);
  const other = await buildEvent(handle.db);
  await buildSlots(db, event.id, 4);
  await buildTables(db, event.id, 2);
  const a = await buildDelegate(db, event.id, { country: 'PK' });
  const b = await buildDelegate(db, event.id, { country: 'PK' });
  const counterpart = await buildDelegate(db, event.id, { country: 'CN' });
  const { meeting } = await buildAcceptedMeeting(db, event.id, b.delegate.id, counterpart.delegate.id);
  const job = await requestScheduleJob(db, organiser.actor, event.id, 'build', { timeLimitSeconds: 1 });
  const [schedule] = await db.insert(schedules).values({ eventId: event.id, version: 1, status: 'draft' }).returning();
  const programme = await createProgramme(db, organiser.actor, {
    eventId: event.id,
    title: 'Sodium-ion cells for two-wheelers',
    timeZone: 'Asia/Shanghai',
    registrationDeadline: '2030-09-26',
    sessions: [{ startsAt: '2030-09-28T14:00', endsAt: '2030-09-28T16:00', webinarUrl: 'https://meeting.example/j/1' }],
  });
  const password = 'matrix password 2026';
  const passwordUser = await createUser(db, { email: 'matrix.password@test.example', name: 'Matrix Password', role: 'delegate', password });

  let counter = 0;
  const unique = () => ++counter;
  /** A new registration of B's address; each one is a new e-mail alias so none is a repeat. */
  const registrationOfB = async () => {
    const email = b.email.replace('@', `+${unique()}@`);
    await register(db, ANONYMOUS, programme.id, { name: 'Test Delegate', email }, PUBLIC_URL);
    const [row] = await db.select().from(registrations).where(eq(registrations.email, email));
    return row!;
  };
  const [certified] = await Promise.all([registrationOfB()]);
  const [certificate] = await db
    .insert(certificates)
    .values({
      registrationId: certified!.id,
      programmeId: programme.id,
      code: certificateCode(crypto.randomBytes(8)),
      holderName: 'Test Delegate',
      programmeTitle: programme.title,
      organisedBy: [],
      sessionsAttended: 1,
      sessionsHeld: 1,
      heldFrom: new Date('2025-09-28T06:00:00Z'),
      heldUntil: new Date('2025-09-28T08:00:00Z'),
    })
    .returning();

  const seed: Seed = {
    unique,
    counterpartDelegateId: counterpart.delegate.id,
    organisationIdOfB: b.organisation.id,
    delegateIdOfB: b.delegate.id,
    passwordUser: { email: passwordUser.email, password },
    async signInLinkToken() {
      const token = newToken('sl');
      await db.insert(signInLinks).values({ tokenHash: hashToken(token), userId: passwordUser.id, expiresAt: new Date(Date.now() + 600_000) });
      return token;
    },
    registrationIdOfB: async () => (await registrationOfB()).id,
  };

  const params: World['params'] = {
    ':eventId': () => event.id,
    'organisations/:id': () => b.organisation.id,
    'delegates/:id': () => b.delegate.id,
    'items/:id': async () => {
      const [item] = await db.insert(marketplaceItems).values({ eventId: event.id, organisationId: b.organisation.id, kind: 'offer', title: 'Sodium-ion cells' }).returning();
      return item!.id;
    },
    // A pending request to B from a new delegate each time, so accepting one leaves the next pending.
    'meeting-requests/:id': async () => {
      const sender = await buildDelegate(db, event.id, { country: 'CN' });
      const [request] = await db.insert(meetingRequests).values({ eventId: event.id, fromDelegateId: sender.delegate.id, toDelegateId: b.delegate.id }).returning();
      return request!.id;
    },
    'jobs/:id': () => job.id,
    'tokens/:id': async () => (await createApiToken(db, organiser.actor, 'matrix')).id,
    ':scheduleId': () => schedule!.id,
    ':kind': () => 'delegates',
    ':system': () => 'hs',
    ':programme': () => programme.id,
    ':sessionId': async () => {
      const [session] = await db
        .insert(programmeSessions)
        .values({ programmeId: programme.id, startsAt: new Date('2030-09-30T06:00:00Z'), endsAt: new Date('2030-09-30T08:00:00Z'), timeZone: 'Asia/Shanghai', webinarUrl: 'https://meeting.example/j/2' })
        .returning();
      return session!.id;
    },
    ':registrationId': async () => (await registrationOfB()).id,
    'registrations/:token': async () => (await registrationOfB()).token,
    ':code': () => certificate!.code,
    'observations/:observationId': async () => {
      const source = `matrix-${unique()}`;
      await importObservations(db, organiser.actor, `segment,period,metric,value,source\ncar,2024,sales_share,1,${source}\n`);
      const [observation] = await db.select().from(policyObservations).where(sql`${policyObservations.sources}::text like ${`%${source}%`}`);
      return observation!.id;
    },
    ':format': () => 'csv',
    // Wildcards: an address of the web app, and a file of the API docs.
    '*': () => 'events/some-event/agenda',
    // Fastify prints Swagger UI's `/api/docs/static/*` as `/api/docs/*`.
    'docs/*': () => 'static/swagger-ui.css',
    'meetings/:meetingId': () => meeting.id,
    'calendar/:token': async () => new URL((await renewCalendarFeed(db, b.actor, event.id, PUBLIC_URL)).url).pathname.replace(/^\/api\/calendar\/|\.ics$/g, ''),
  };
  return { people: { delegateA: a, delegateB: b, otherOrganiser: other.organiser, organiser }, seed, params };
}

beforeAll(async () => {
  handle = await createTestDatabase();
  app = await buildTestApp(handle.db);
  await app.ready();
  world = await buildWorld();
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

async function urlFor(path: string): Promise<string> {
  let url = '';
  let rest = path;
  const parameter = /:([A-Za-z]+)|\*$/;
  for (let match = parameter.exec(rest); match; match = parameter.exec(rest)) {
    const before = rest.slice(0, match.index);
    const collection = /([^/]+)\/$/.exec(before)?.[1];
    const name = match[1] ? `:${match[1]}` : '*';
    const resolve = world.params[`${collection}/${name}`] ?? world.params[name];
    if (!resolve) throw new Error(`${path}: no value for ${name}; add one to params in buildWorld`);
    const value = await resolve();
    url += before + (name === '*' ? value : encodeURIComponent(value));
    rest = rest.slice(match.index + match[0].length);
  }
  return url + rest;
}

function multipart(file: NonNullable<RequestSpec['file']>) {
  const boundary = `matrix-${crypto.randomBytes(6).toString('hex')}`;
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n${file.content}\r\n--${boundary}--\r\n`,
  };
}

async function send(route: string, role: Role): Promise<{ status: number; body: string }> {
  const [method, path] = route.split(' ') as [string, string];
  const spec: RequestSpec = (await REQUESTS[route]?.(world.seed)) ?? {};
  const url = (await urlFor(path)) + (spec.query ? `?${new URLSearchParams(spec.query)}` : '');
  let token: string | null = null;
  if (role !== 'anonymous') {
    const person = world.people[role];
    if (spec.freshSession) {
      const [user] = await handle.db.select().from(users).where(eq(users.id, person.userId));
      token = (await startSession(handle.db, user!)).token;
    } else token = person.token;
  }
  const upload = spec.file ? multipart(spec.file) : null;
  const options: InjectOptions = {
    method: method as InjectOptions['method'],
    url,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(upload?.headers ?? {}) },
    ...(upload ? { payload: upload.payload } : spec.body !== undefined ? { payload: spec.body as object } : {}),
  };
  const response = await app.inject(options);
  return { status: response.statusCode, body: response.body.slice(0, 300) };
}

/** Authorization let the request through: it succeeded, or a business rule refused it afterwards. */
const passedAuthorization = (status: number) => status < 400 || status === 409 || status === 422;

describe('the authorization matrix', () => {
  it('lists every registered route, and only those', () => {
    const registered = registeredRoutes(app);
    expect(registered.length).toBeGreaterThan(60);
    const listed = Object.keys(MATRIX).sort();
    expect(registered.filter((route) => !listed.includes(route)), 'routes missing from test/integration/authorization-matrix.ts').toEqual([]);
    expect(listed.filter((route) => !registered.includes(route)), 'routes listed in the matrix that the server no longer has').toEqual([]);
  });

  it('answers every route as the matrix says for each person', async () => {
    const registered = new Set(registeredRoutes(app));
    const mismatches: string[] = [];
    for (const [route, row] of Object.entries(MATRIX)) {
      if (!registered.has(route)) continue; // reported by the test above
      for (const [index, role] of ROLES.entries()) {
        const expected: Outcome = row[index]!;
        const { status, body } = await send(route, role);
        const ok = expected === ALLOWED ? passedAuthorization(status) : status === expected;
        if (!ok) mismatches.push(`${route} as ${role}: expected ${expected}, got ${status} ${body}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 240_000);
});
