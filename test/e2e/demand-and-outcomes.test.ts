import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_BUILD_DIR } from '../../src/http/web-app';
import type { Demand, MyOutcome, OutcomesReport } from '../../src/web/api/types';
import { launchChromium, openAs } from './support/browser';
import { screenshot } from './support/screenshots';
import { startTestServer } from './support/server';
import type { TestServer } from './support/server';
import { buildAndPublishSchedule, chooseLanguage, expectAccessible, openPage, signInWithPassword } from './support/steps';
import { words } from './support/words';

/* The organisers' demand dashboard, and the outcome survey from a delegate's answer to the organisers' report. */
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

const en = (key: string, values?: Record<string, string | number>) => words('en', key, values);
const figure = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

async function apiAs(email: string) {
  const signedIn = await fetch(`${server.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: server.demo.password }) });
  const { token } = (await signedIn.json()) as { token: string };
  return async <T>(path: string) => {
    const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };
}

/** The figures of a chart, from the table it carries for screen readers: one number per row, from its last column. */
async function chartTotals(page: Page, title: string): Promise<number[]> {
  const chart = page.locator('figure.chart', { has: page.locator('figcaption', { hasText: title }) });
  await chart.locator('summary').click();
  return (await chart.locator('tbody tr td:last-child').allTextContents()).map(figure);
}

describe('demand and outcomes', () => {
  it('the organiser reads demand; a delegate reports a meeting, also in Urdu; the organiser’s report shows it', { timeout: 240_000 }, async () => {
    const organiserLogin = server.demo.logins.find((l) => l.role === 'organiser')!;
    const eventId = server.demo.eventId;
    const asOrganiser = await apiAs(organiserLogin.email);
    const demand = await asOrganiser<Demand>(`/api/events/${eventId}/demand`);
    expect(demand.totals.requests).toBeGreaterThan(1000);

    const organiser = await openAs(browser, { timezoneId: 'Asia/Shanghai' });
    await organiser.page.goto(server.url);
    await signInWithPassword(organiser.page, 'en', organiserLogin.email, server.demo.password);
    await openPage(organiser.page, 'en', 'demand.nav', 'demand.title');
    const tiles = organiser.page.locator('.demand-totals .tile');
    expect(figure(await tiles.filter({ hasText: en('demand.requests') }).locator('.tile-figure').textContent())).toBe(demand.totals.requests);
    expect(figure(await tiles.filter({ hasText: en('demand.accepted') }).locator('.tile-figure').textContent())).toBe(demand.totals.accepted);
    // Every request has a country on each side: both country charts add up to all requests.
    for (const title of [en('demand.byCountrySent'), en('demand.byCountryReceived'), en('demand.bySectorSent')]) {
      const totals = await chartTotals(organiser.page, title);
      expect(totals.reduce((sum, n) => sum + n, 0), title).toBe(demand.totals.requests);
    }
    const perDay = await chartTotals(organiser.page, en('demand.perDay'));
    expect(perDay).toEqual(demand.perDay.map((day) => day.accepted));
    // The most-requested organisation's bar leads to its page.
    const top = demand.mostRequested[0]!;
    const mostRequested = organiser.page.locator('figure.chart', { has: organiser.page.locator('figcaption', { hasText: en('demand.mostRequested') }) });
    expect(await mostRequested.locator('a.chart-link').first().getAttribute('href')).toBe(`/events/${eventId}/organisations/${top.organisationId}`);
    await organiser.page.getByRole('heading', { name: en('demand.withoutRequests_other', { count: demand.withoutRequests.count }) }).waitFor();
    await expectAccessible(organiser.page, 'demand dashboard');
    await screenshot(organiser.page, 'demand');

    // Meetings get their times; the demo conference (4 September 2025) is over, so they can be reported.
    await openPage(organiser.page, 'en', 'nav.schedule', 'schedule.title');
    await buildAndPublishSchedule(organiser.page, 'en');

    const delegateLogin = server.demo.logins.find((l) => l.name === 'Umair Mangi')!;
    const asDelegate = await apiAs(delegateLogin.email);
    const meetings = await asDelegate<MyOutcome[]>(`/api/events/${eventId}/outcomes/mine`);
    const meeting = meetings.find((m) => m.open && m.slot)!;
    expect(meeting).toBeDefined();

    const delegate = await openAs(browser, { timezoneId: 'Asia/Karachi' });
    const page = delegate.page;
    await page.goto(server.url);
    await signInWithPassword(page, 'en', delegateLogin.email, server.demo.password);
    await openPage(page, 'en', 'nav.agenda', 'agenda.title');
    await page.getByRole('link', { name: en('outcomes.fromAgenda') }).click();
    await page.getByRole('heading', { level: 1, name: en('outcomes.title') }).waitFor();
    const card = page.locator('.outcome-card', { hasText: meeting.counterpart.organisationName });
    await card.getByText(en('outcomes.notReported'), { exact: true }).waitFor();
    await card.getByLabel(en('outcomes.attendance')).selectOption('held');
    await card.getByLabel(en('outcomes.dealType')).selectOption('supply');
    await card.getByLabel(en('outcomes.value')).fill('250000');
    await card.getByLabel(en('outcomes.comment')).fill('Sample order of 200 sodium-ion packs');
    await card.getByRole('button', { name: en('outcomes.save') }).click();
    await card.getByText(en('outcomes.saved'), { exact: true }).waitFor();
    await expectAccessible(page, 'outcome survey');
    const stored = (await asDelegate<MyOutcome[]>(`/api/events/${eventId}/outcomes/mine`)).find((m) => m.meetingId === meeting.meetingId)!;
    expect(stored.outcome).toMatchObject({ attendance: 'held', dealType: 'supply', estimatedValueUsd: 250_000, comment: 'Sample order of 200 sodium-ion packs' });

    // In Urdu the page reads right to left and keeps the saved answer.
    await chooseLanguage(page, 'en', 'ur');
    await page.getByRole('heading', { level: 1, name: words('ur', 'outcomes.title') }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const urduCard = page.locator('.outcome-card', { hasText: meeting.counterpart.organisationName });
    expect(await urduCard.getByLabel(words('ur', 'outcomes.dealType')).inputValue()).toBe('supply');
    await urduCard.getByRole('button', { name: words('ur', 'outcomes.update') }).waitFor();
    await expectAccessible(page, 'outcome survey in Urdu');
    expect(delegate.pageErrors).toEqual([]);
    await delegate.context.close();

    const report = await asOrganiser<OutcomesReport>(`/api/events/${eventId}/outcomes/report`);
    expect(report).toMatchObject({ accountsReported: 1, meetingsReported: 1, meetingsWithDeal: 1, attendance: { held: 1 }, value: { totalUsd: 250_000 } });
    await openPage(organiser.page, 'en', 'outcomes.report.nav', 'outcomes.report.title');
    const reportTiles = organiser.page.locator('.outcome-totals .tile');
    expect(figure(await reportTiles.filter({ hasText: en('outcomes.report.meetingsDue') }).locator('.tile-figure').textContent())).toBe(report.meetings);
    expect(figure(await reportTiles.filter({ hasText: en('outcomes.report.heldTile') }).locator('.tile-figure').textContent())).toBe(1);
    expect(figure(await reportTiles.filter({ hasText: en('outcomes.report.totalValue') }).locator('.tile-figure').textContent())).toBe(250_000);
    expect(await chartTotals(organiser.page, en('outcomes.report.dealTypes'))).toEqual([1]);
    const csv = await organiser.page.getByRole('link', { name: en('outcomes.report.downloadCsv') }).getAttribute('href');
    const download = await fetch(`${server.url}${csv}`, { headers: { cookie: (await organiser.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ') } });
    expect(download.status).toBe(200);
    expect(await download.text()).toContain(`${meeting.meetingId},`);
    await expectAccessible(organiser.page, 'outcomes report');
    await screenshot(organiser.page, 'outcomes-report');
    expect(organiser.pageErrors).toEqual([]);
    await organiser.context.close();
  });
});
