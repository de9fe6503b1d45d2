import fs from 'node:fs';
import ICAL from 'ical.js';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_BUILD_DIR } from '../../src/http/web-app';
import { launchChromium, openAs, PHONE } from './support/browser';
import { waitForMail } from './support/outbox';
import { startTestServer } from './support/server';
import type { TestServer } from './support/server';
import { chooseLanguage, expectAccessible } from './support/steps';
import { words } from './support/words';
import { screenshot } from './support/screenshots';

/* A training participant's pages, signed out: find a programme, register, open the e-mailed link, cancel; check a certificate. */
let server: TestServer;
let browser: Browser;
let organiserToken: string;

beforeAll(async () => {
  if (!fs.existsSync(`${WEB_BUILD_DIR}/index.html`)) throw new Error('the web app is not built: run npm run build:web');
  [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
  const organiser = server.demo.logins.find((l) => l.role === 'organiser')!;
  const signedIn = await fetch(`${server.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: organiser.email, password: server.demo.password }) });
  organiserToken = ((await signedIn.json()) as { token: string }).token;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function asOrganiser<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${organiserToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** "2030-09-28" `days` from today (UTC). */
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The plain text of an e-mail that may carry attachments (multipart), whatever encoding it chose. */
function mailText(message: string): string {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(message)?.[1];
  const parts = boundary ? message.split(`--${boundary}`) : [message];
  const part = parts.find((p) => /content-type:\s*text\/plain/i.test(p)) ?? message;
  const split = part.search(/\r?\n\r?\n/);
  const headers = part.slice(0, split);
  const body = part.slice(split).trim();
  const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body, 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const joined = body.replace(/=\r?\n/g, '');
    const bytes: number[] = [];
    for (let i = 0; i < joined.length; i++) {
      const hex = joined[i] === '=' ? /^[0-9A-F]{2}/.exec(joined.slice(i + 1, i + 3)) : null;
      if (hex) {
        bytes.push(parseInt(hex[0], 16));
        i += 2;
      } else bytes.push(...Buffer.from(joined[i]!, 'utf8'));
    }
    return Buffer.from(bytes).toString('utf8');
  }
  return body;
}

describe('the training pages', () => {
  it('let a person register signed out, open the e-mailed link, download the invite and cancel, on a phone', { timeout: 120_000 }, async () => {
    const en = (key: string, values?: Record<string, string | number>) => words('en', key, values);
    const sessionDay = dayFromNow(40);
    const programme = await asOrganiser<{ slug: string; title: string }>('POST', '/api/programmes', {
      title: 'Powering Belt and Road: Lithium-ion batteries',
      organisedBy: ['BTBU', 'ECOSF'],
      description: 'Cell chemistry, pack assembly and recycling.',
      timeZone: 'Asia/Shanghai',
      registrationDeadline: dayFromNow(30),
      capacity: 30,
      questions: [
        { key: 'country', required: true, allowed: ['PK', 'CN'] },
        { key: 'organisation', required: false },
      ],
      sessions: [{ title: 'Cells and packs', startsAt: `${sessionDay}T14:00`, endsAt: `${sessionDay}T16:00`, webinarUrl: 'https://meeting.example/j/e2e-lithium' }],
    });

    const ayesha = await openAs(browser, { ...PHONE, timezoneId: 'Asia/Karachi' });
    const page = ayesha.page;
    await page.goto(`${server.url}/programmes/${programme.slug}`);
    await page.getByRole('heading', { level: 1, name: programme.title }).waitFor();
    // Beijing time and her own, three hours behind; no webinar link before registering.
    const session = page.locator('.training-sessions li', { hasText: 'Cells and packs' });
    expect(await session.textContent()).toContain('14:00–16:00');
    expect(await session.textContent()).toContain('11:00–13:00');
    expect(await page.content()).not.toContain('meeting.example');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    const email = `ayesha.khan.${Date.now()}@test.example`;
    await page.getByLabel(en('training.form.name')).fill('Ayesha Khan');
    await page.getByLabel(en('training.form.email')).fill(email);
    await page.getByLabel(en('training.form.country')).selectOption('PK');
    await page.getByLabel(`${en('training.form.organisation')} ${en('training.form.optional')}`).fill('Lahore Cells');
    await page.getByRole('button', { name: en('training.form.submit'), exact: true }).click();
    await page.getByText(en('training.outcome.confirmed', { email })).waitFor();
    await page.locator('.training-outcome').getByText(en('training.status.confirmed'), { exact: true }).waitFor();
    await expectAccessible(page, 'the programme page after registering');

    // The link in the confirmation e-mail opens her registration, with the webinar link.
    const confirmation = mailText(await waitForMail(server.dataDir, email, /Registration confirmed/));
    const link = /(http:\/\/\S+\/registrations\/reg_[\w-]+)/.exec(confirmation)?.[1];
    expect(link, confirmation).toBeDefined();
    await page.goto(link!);
    await page.getByRole('heading', { level: 1, name: en('training.registration.title', { programme: programme.title }) }).waitFor();
    await page.getByRole('link', { name: 'https://meeting.example/j/e2e-lithium' }).waitFor();
    await expectAccessible(page, 'the registration page');
    await screenshot(page, 'training-registration-phone');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: en('training.registration.downloadIcs') }).click()]);
    const [event] = new ICAL.Component(ICAL.parse(fs.readFileSync((await download.path())!, 'utf8'))).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(event!.startDate.toJSDate().toISOString()).toBe(`${sessionDay}T06:00:00.000Z`);
    expect(event!.component.getFirstPropertyValue('status')).toBe('CONFIRMED');

    // Cancelling asks once more, then frees the place; the link goes with it.
    await page.getByRole('button', { name: en('training.cancel.start') }).click();
    await page.getByRole('button', { name: en('training.cancel.yes') }).click();
    await page.getByText(en('training.registration.cancelledNow')).waitFor();
    await page.locator('.facts').getByText(en('training.status.cancelled'), { exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'https://meeting.example/j/e2e-lithium' }).count()).toBe(0);
    const token = link!.split('/registrations/')[1]!;
    expect(((await (await fetch(`${server.url}/api/registrations/${token}`)).json()) as { status: string }).status).toBe('cancelled');

    // The same page in Urdu reads right to left.
    await chooseLanguage(page, 'en', 'ur');
    await page.getByRole('heading', { level: 1, name: words('ur', 'training.registration.title', { programme: programme.title }) }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expectAccessible(page, 'the registration page in Urdu');
    expect(ayesha.pageErrors).toEqual([]);
    await ayesha.context.close();
  });

  it('check a certificate by its code, and say so plainly when there is none', { timeout: 60_000 }, async () => {
    const en = (key: string, values?: Record<string, string | number>) => words('en', key, values);
    // A programme held yesterday (registration still open), so its certificates can be issued now.
    const held = dayFromNow(-1);
    const programme = await asOrganiser<{ slug: string; title: string; sessions: { id: string }[] }>('POST', '/api/programmes', {
      title: 'Sodium-ion cells for two-wheelers',
      organisedBy: ['ECOSF'],
      timeZone: 'Asia/Karachi',
      registrationDeadline: dayFromNow(1),
      sessions: [{ startsAt: `${held}T10:00`, endsAt: `${held}T12:00`, webinarUrl: 'https://meeting.example/j/sodium' }],
    });
    const registered = await fetch(`${server.url}/api/programmes/${programme.slug}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Bilal Ahmed', email: `bilal.${Date.now()}@test.example` }),
    });
    expect(registered.status).toBe(201);
    const [bilal] = await asOrganiser<{ id: string }[]>('GET', `/api/programmes/${programme.slug}/registrations`);
    await asOrganiser('PUT', `/api/programmes/${programme.slug}/sessions/${programme.sessions[0]!.id}/attendance`, { marks: [{ registrationId: bilal!.id, present: true }] });
    expect(await asOrganiser<{ issued: number }>('POST', `/api/programmes/${programme.slug}/certificates`)).toMatchObject({ issued: 1 });
    const [certified] = await asOrganiser<{ certificateCode: string }[]>('GET', `/api/programmes/${programme.slug}/registrations`);

    const visitor = await openAs(browser, { timezoneId: 'Europe/Berlin' });
    const page = visitor.page;
    await page.goto(`${server.url}/certificates`);
    await page.getByLabel(en('training.certificate.code')).fill(certified!.certificateCode.toLowerCase());
    await page.getByRole('button', { name: en('training.certificate.check') }).click();
    const result = page.locator('.training-certificate-result');
    await result.getByText(en('training.certificate.valid')).waitFor();
    expect(await result.locator('.facts').textContent()).toContain('Bilal Ahmed');
    expect(await result.getByRole('link', { name: programme.title }).getAttribute('href')).toBe(`/programmes/${programme.slug}`);
    const pdf = await page.request.get(`${server.url}${await result.getByRole('link', { name: en('training.certificate.download') }).getAttribute('href')}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await expectAccessible(page, 'a certificate');

    await page.getByLabel(en('training.certificate.code')).fill('ZZZZ-ZZZZ-ZZZZ');
    await page.getByRole('button', { name: en('training.certificate.check') }).click();
    await page.getByRole('alert').getByText(en('training.certificate.none', { code: 'ZZZZ-ZZZZ-ZZZZ' })).waitFor();
    expect(visitor.pageErrors).toEqual([]);
    await visitor.context.close();
  });
});
