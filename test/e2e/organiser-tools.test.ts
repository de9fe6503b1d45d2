import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_BUILD_DIR } from '../../src/http/web-app';
import { launchChromium, openAs } from './support/browser';
import { startTestServer } from './support/server';
import type { TestServer } from './support/server';
import { chooseLanguage, expectAccessible, openPage } from './support/steps';
import { words } from './support/words';

/* The organiser's tools: creating an event, the delegate list, agendas printed in bulk, the remembered language. */
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  if (!fs.existsSync(`${WEB_BUILD_DIR}/index.html`)) throw new Error('the web app is not built: run npm run build:web');
  [server, browser] = await Promise.all([startTestServer(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const browserFor = { timezoneId: 'Asia/Karachi' };
const en = (key: string, values?: Record<string, string | number>) => words('en', key, values);
const organiserLogin = () => server.demo.logins.find((l) => l.role === 'organiser')!;

/** The organiser's API, as a script would call it (bearer token). */
async function organiserApi() {
  const signedIn = await fetch(`${server.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: organiserLogin().email, password: server.demo.password }),
  });
  const { token } = (await signedIn.json()) as { token: string };
  return async <T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
    const response = await fetch(`${server.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${token}`, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
}

/** Pages in a PDF: its page objects, not the /Pages tree nodes. */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

/**
 * Signs in on an English sign-in page and opens `path` (with two events, after the one created here,
 * the organiser no longer lands in the demo event by themselves).
 */
async function signInAsOrganiser(page: Page, path = `/events/${server.demo.eventId}`) {
  await page.goto(server.url);
  await page.getByLabel(en('signIn.email')).fill(organiserLogin().email);
  await page.getByLabel(en('signIn.password'), { exact: true }).fill(server.demo.password);
  await page.getByRole('button', { name: en('signIn.submit'), exact: true }).click();
  await page.locator('.account-name').waitFor();
  await page.goto(`${server.url}${path}`);
}

describe('the organiser tools', () => {
  it('create an event: a backwards date range is named at the last day, then the event opens on its set-up page', { timeout: 120_000 }, async () => {
    const organiser = await openAs(browser, browserFor);
    const page = organiser.page;
    await signInAsOrganiser(page);
    await page.getByRole('navigation').getByRole('link', { name: en('newEvent.allEvents') }).click();
    await page.getByRole('heading', { level: 1, name: en('events.title') }).waitFor();
    await page.getByRole('link', { name: en('newEvent.create') }).click();
    await page.getByRole('heading', { level: 1, name: en('newEvent.title') }).waitFor();
    await expectAccessible(page, 'new event form');

    await page.getByLabel(en('setup.name')).fill('Karachi Battery Week');
    await page.getByLabel(en('setup.venue')).fill('Expo Centre');
    await page.getByLabel(en('profile.city')).fill('Karachi');
    await page.getByLabel(en('newEvent.countries')).fill('PK, CN');
    await page.getByLabel(en('setup.timeZone')).fill('Asia/Karachi');
    await page.getByLabel(en('newEvent.firstDay')).fill('2026-11-05');
    const lastDay = page.getByLabel(en('newEvent.lastDay'));
    await lastDay.fill('2026-11-03');
    await page.getByLabel(en('setup.maxMeetings')).fill('12');
    await page.getByRole('checkbox', { name: en('setup.crossBorderOnly') }).check();
    await page.getByRole('button', { name: en('newEvent.submit') }).click();

    // The API's complaint sits under the field it names, and the field says it is invalid.
    await expect.poll(() => lastDay.getAttribute('aria-invalid')).toBe('true');
    const problemId = (await lastDay.getAttribute('aria-describedby'))!.split(' ').find((id) => id.endsWith('-problem'))!;
    expect(await page.locator(`[id="${problemId}"]`).textContent()).toContain('must be on or after the first day (2026-11-05)');
    expect(await page.getByLabel(en('newEvent.firstDay')).getAttribute('aria-invalid')).toBeNull();
    await expectAccessible(page, 'new event form with a field error');

    await lastDay.fill('2026-11-07');
    await page.getByRole('button', { name: en('newEvent.submit') }).click();
    await page.getByRole('heading', { level: 1, name: en('setup.title') }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/events\/[0-9a-f-]{36}\/organiser\/setup$/);
    expect(await page.locator('.event-name').textContent()).toBe('Karachi Battery Week');
    expect(await page.getByLabel(en('setup.days')).inputValue()).toBe('2026-11-05, 2026-11-06, 2026-11-07');
    expect(await page.getByLabel(en('setup.maxMeetings')).inputValue()).toBe('12');
    expect(organiser.pageErrors).toEqual([]);
    await organiser.context.close();
  });

  it('delegates: search the organisations, open one, edit it and a delegate, add a delegate; the list shows the change', { timeout: 120_000 }, async () => {
    const organiser = await openAs(browser, browserFor);
    const page = organiser.page;
    await signInAsOrganiser(page);
    await openPage(page, 'en', 'nav.delegates', 'import.title');
    await page.getByRole('heading', { level: 2, name: en('newEvent.delegates.listTitle') }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: /Showing 1–25 of 9\d\d organisations/ }).count()).toBe(1);
    await expectAccessible(page, 'delegates list');

    await page.getByLabel(en('directory.search')).fill('Sabesh');
    await page.getByRole('button', { name: en('directory.apply') }).click();
    const found = page.locator('.organisation-table tbody tr');
    await expect.poll(() => found.count()).toBe(1);
    const name = (await found.getByRole('link').textContent())!;
    await found.getByRole('link').click();
    await page.getByRole('heading', { level: 2, name }).waitFor();

    const renamed = `${name} Holdings`;
    await page.getByLabel(en('profile.name')).fill(renamed);
    await page.getByRole('button', { name: en('profile.save'), exact: true }).click();
    await page.getByRole('heading', { level: 2, name: renamed, exact: true }).waitFor();

    const umair = page.locator('form.delegate-form', { has: page.getByRole('heading', { name: 'Umair Mangi' }) });
    await umair.getByLabel(en('person.jobTitle')).fill('Director of Exports');
    await umair.getByRole('button', { name: en('newEvent.delegates.saveDelegate', { name: 'Umair Mangi' }) }).click();
    await umair.getByText(en('profile.saved')).waitFor();

    const adding = page.locator('form.delegate-form', { has: page.getByRole('heading', { name: en('newEvent.delegates.addTitle') }) });
    await adding.getByLabel(en('person.firstName')).fill('Sana');
    await adding.getByLabel(en('person.lastName')).fill('Baloch');
    await adding.getByLabel(en('signIn.email')).fill('sana.baloch@sabesh-motors.example');
    await adding.getByLabel(en('newEvent.delegates.language')).selectOption('ur');
    await adding.getByRole('button', { name: en('newEvent.delegates.add') }).click();
    await adding.getByText(en('newEvent.delegates.added', { name: 'Sana Baloch' })).waitFor();
    await page.getByRole('heading', { name: 'Sana Baloch' }).waitFor();
    await expectAccessible(page, 'an organisation opened for editing');

    // What the organiser changed is what everyone now reads.
    const api = await organiserApi();
    const delegates = await api<{ items: { firstName: string; lastName: string; jobTitle: string; language: string }[] }>(
      `/api/events/${server.demo.eventId}/delegates?q=${encodeURIComponent('sabesh-motors.example')}`,
    );
    expect(delegates.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ firstName: 'Umair', lastName: 'Mangi', jobTitle: 'Director of Exports' }),
        expect.objectContaining({ firstName: 'Sana', lastName: 'Baloch', language: 'ur' }),
      ]),
    );

    await page.getByRole('link', { name: en('newEvent.delegates.back') }).click();
    await page.getByLabel(en('directory.search')).fill('Holdings');
    await page.getByRole('button', { name: en('directory.apply') }).click();
    await page.locator('.organisation-table').getByRole('link', { name: renamed, exact: true }).waitFor();
    expect(organiser.pageErrors).toEqual([]);
    await organiser.context.close();
  });

  it('agendas in bulk: after publishing, one printed page per delegate shown', { timeout: 240_000 }, async () => {
    const api = await organiserApi();
    const eventId = server.demo.eventId;
    const { jobId } = await api<{ jobId: string }>(`/api/events/${eventId}/schedule/build`, { method: 'POST', body: { timeLimitSeconds: 1 } });
    await expect
      .poll(async () => (await api<{ status: string }>(`/api/jobs/${jobId}`)).status, { timeout: 180_000, interval: 500 })
      .toBe('succeeded');
    const { versions } = await api<{ versions: { id: string; status: string }[] }>(`/api/events/${eventId}/schedule`);
    await api(`/api/events/${eventId}/schedule/${versions.find((v) => v.status === 'draft')!.id}/publish`, { method: 'POST' });

    // An organisation with several delegates on the schedule, each with a page's worth of meetings.
    type Agendas = { agendas: { delegate: { organisationId: string; organisationName: string }; meetings: unknown[] }[] };
    const all = await api<Agendas>(`/api/events/${eventId}/agendas`);
    const byOrganisation = new Map<string, Agendas['agendas']>();
    for (const agenda of all.agendas) byOrganisation.set(agenda.delegate.organisationId, [...(byOrganisation.get(agenda.delegate.organisationId) ?? []), agenda]);
    const [, chosen] = [...byOrganisation.entries()].find(([, list]) => list.length >= 2 && list.every((a) => a.meetings.length <= 10))!;

    const organiser = await openAs(browser, browserFor);
    const page = organiser.page;
    await signInAsOrganiser(page);
    await openPage(page, 'en', 'agendas.nav', 'agendas.title');
    await page.getByRole('status').filter({ hasText: en('agendas.shown_other', { count: all.agendas.length }) }).waitFor();
    expect(await page.locator('.delegate-agenda').count()).toBe(all.agendas.length);

    await page.getByLabel(en('agendas.organisation')).selectOption({ label: chosen[0]!.delegate.organisationName });
    await page.getByRole('status').filter({ hasText: en('agendas.shown_other', { count: chosen.length }) }).waitFor();
    await expectAccessible(page, 'agendas of one organisation');
    const sheets = page.locator('.delegate-agenda');
    expect(await sheets.count()).toBe(chosen.length);
    for (let i = 0; i < chosen.length; i++) expect(await sheets.nth(i).locator('tbody tr').count()).toBe(chosen[i]!.meetings.length);

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPages(pdf)).toBe(chosen.length);
    expect(organiser.pageErrors).toEqual([]);
    await organiser.context.close();
  });

  it('remember the language chosen when signed in: a new browser signs in to Urdu, right to left', { timeout: 120_000 }, async () => {
    const first = await openAs(browser, browserFor);
    await signInAsOrganiser(first.page);
    const saved = first.page.waitForResponse((r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH');
    await chooseLanguage(first.page, 'en', 'ur');
    expect((await saved).status()).toBe(200);
    await openPage(first.page, 'ur', 'nav.setup', 'setup.title');
    expect(await first.page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ur']);
    await expectAccessible(first.page, 'set-up page in Urdu');
    await first.page.getByRole('button', { name: words('ur', 'shell.signOut') }).click();
    await first.page.getByRole('heading', { level: 1, name: words('ur', 'signIn.title') }).waitFor();
    expect(first.pageErrors).toEqual([]);
    await first.context.close();

    // Another browser, nothing stored in it: English until sign-in, then the account's Urdu.
    const second = await openAs(browser, browserFor);
    const page = second.page;
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: en('signIn.title') }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByLabel(en('signIn.email')).fill(organiserLogin().email);
    await page.getByLabel(en('signIn.password'), { exact: true }).fill(server.demo.password);
    await page.getByRole('button', { name: en('signIn.submit'), exact: true }).click();
    await page.getByRole('button', { name: words('ur', 'shell.signOut') }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ur']);
    await page.goto(`${server.url}/events/${server.demo.eventId}`);
    await openPage(page, 'ur', 'nav.delegates', 'import.title');
    await expectAccessible(page, 'delegates list in Urdu');
    expect(second.pageErrors).toEqual([]);
    await second.context.close();
  });
});
