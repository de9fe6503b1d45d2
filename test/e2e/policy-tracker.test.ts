import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findScenario, loadDefaultDataset, NEV_POLICY_ID, policyReport, type SourceRef } from '../../src/domain/policy';
import { WEB_BUILD_DIR } from '../../src/http/web-app';
import { launchChromium, openAs } from './support/browser';
import { startTestServer } from './support/server';
import type { TestServer } from './support/server';
import { chooseLanguage, expectAccessible, signInWithPassword } from './support/steps';
import { words } from './support/words';
import { screenshot } from './support/screenshots';

/* The public policy tracker: its charts, its figures against the shipped sources, its languages. */
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

const dataset = loadDefaultDataset();
// The server's Content-Security-Policy forbids inline scripts, and the accessibility check injects axe as one.
const visitor = { timezoneId: 'Asia/Karachi' };
const count = (n: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }).format(Math.round(n));
const share = (n: number) => new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(n);
const gwh = (n: number) => `${new Intl.NumberFormat('en-GB', { maximumFractionDigits: n < 10 ? 2 : 1 }).format(n)} GWh`;

function gwhIn2030(scenarioId: string): number {
  const report = policyReport(dataset, findScenario(scenarioId)!);
  return report.batteryDemand.years.find((y) => y.year === 2030)!.totalGwh;
}

/** Where a source marker must lead: the source's own address, or its entry in the page's list. */
async function expectLinksTo(page: Page, figure: string, sources: readonly SourceRef[]) {
  const links = page.locator(`[data-figure="${figure}"] a.source-link`);
  expect(await links.count(), `source links of ${figure}`).toBe(sources.length);
  for (const [i, source] of sources.entries()) {
    const href = (await links.nth(i).getAttribute('href'))!;
    if (source.url) expect(href).toBe(source.url);
    else {
      expect(href).toMatch(/^#source-/);
      expect(await page.locator(href).textContent()).toContain(source.citation);
    }
  }
}

describe('the policy tracker', () => {
  it('charts the targets, projections and battery demand with every figure linked to its source, in three languages', { timeout: 180_000 }, async () => {
    const { page, pageErrors } = await openAs(browser, visitor);
    await page.goto(`${server.url}/policy`);
    await page.getByRole('heading', { level: 1, name: words('en', 'tracker.title') }).waitFor();
    await page.locator('.tracker-body').waitFor();

    // Charts: one line chart per segment and for the sales share, stacked GWh bars, charger bars.
    const charts = page.locator('figure.chart svg.chart-svg');
    expect(await charts.count()).toBe(8);
    expect(await page.locator('[data-segment="two_wheeler"] svg .chart-series path').count()).toBeGreaterThan(0);
    expect(await page.locator('svg rect.chart-segment').count()).toBeGreaterThan(0);
    expect(await page.locator('svg rect.chart-bar').count()).toBe(dataset.horizonYear - dataset.baseYear + 1);

    // Every 2030 target of the NEV policy is on the page as the sources state it, linked to them.
    const targets = dataset.targets.filter((t) => t.policyId === NEV_POLICY_ID && t.year === 2030);
    expect(targets.length).toBeGreaterThan(5);
    for (const target of targets) {
      const shown = await page.locator(`[data-figure="${target.id}"] .figure-value`).textContent();
      expect(shown, target.id).toBe(target.metric === 'sales_share' ? share(target.value) : count(target.value));
      await expectLinksTo(page, target.id, target.sources);
    }
    // The two charging-station figures disagree; both are shown.
    expect(targets.filter((t) => t.metric === 'charging_stations').map((t) => t.value).sort()).toEqual([10_000, 3_000].sort());

    // No figure without a source: each leads to a source address, the source list or the method.
    const knownUrls = new Set(policyReport(dataset, findScenario('policy')!).sources.map((s) => s.url));
    const figures = page.locator('.tracker-figure');
    expect(await figures.count()).toBeGreaterThan(30);
    for (const figure of await figures.all()) {
      const hrefs = await figure.locator('a.source-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) {
        if (href.startsWith('#')) expect(await page.locator(href).count(), href).toBe(1);
        else expect(knownUrls.has(href), href).toBe(true);
      }
    }

    // Choosing another scenario changes the battery demand to that scenario's.
    const batteryTotal = page.locator('[data-figure="battery-2030-total"] .figure-value');
    expect(await batteryTotal.textContent()).toBe(gwh(gwhIn2030('policy')));
    await page.getByLabel(words('en', 'tracker.scenario.label')).selectOption('no-subsidy');
    await page.locator('.tracker-body[data-scenario="no-subsidy"]').waitFor();
    expect(gwhIn2030('no-subsidy')).not.toBeCloseTo(gwhIn2030('policy'), 3);
    expect(await batteryTotal.textContent()).toBe(gwh(gwhIn2030('no-subsidy')));
    expect(page.url()).toContain('scenario=no-subsidy');
    await expectAccessible(page, 'the policy tracker');
    await screenshot(page, 'policy-tracker');

    // A phone: nothing sticks out sideways, the charts are drawn at the screen's width.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() => Number(document.querySelector('svg.chart-svg')?.getAttribute('width')) < 390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // Urdu reads right to left; Chinese renders its own texts and the same charts.
    await chooseLanguage(page, 'en', 'ur');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByRole('heading', { level: 1, name: words('ur', 'tracker.title') }).waitFor();
    expect(await charts.count()).toBe(8);
    await expectAccessible(page, 'the policy tracker in Urdu');
    await chooseLanguage(page, 'ur', 'zh');
    await page.getByRole('heading', { level: 1, name: words('zh', 'tracker.title') }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await charts.count()).toBe(8);
    expect(await page.getByText(words('zh', 'tracker.charts.gwhTitle')).count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it('shows an organiser which of the event’s organisations serve each segment, and charts the observations they import', { timeout: 120_000 }, async () => {
    const { page, pageErrors } = await openAs(browser, visitor);
    const organiser = server.demo.logins.find((l) => l.role === 'organiser')!;
    await page.goto(`${server.url}/sign-in`);
    await signInWithPassword(page, 'en', organiser.email, server.demo.password);
    await page.goto(`${server.url}/policy?event=${server.demo.eventId}`);
    const coverage = page.locator('[data-testid="event-coverage"]');
    const rickshaws = coverage.locator('tr[data-segment="three_wheeler"] td');
    await rickshaws.first().waitFor();
    // Assemblers, pack integrators, charging operators, all: the demo event has e-rickshaw makers.
    expect(Number((await rickshaws.nth(3).textContent())!.replace(/\D/g, ''))).toBeGreaterThan(0);
    expect(await rickshaws.nth(4).textContent()).toMatch(/GWh/);

    // The organiser adds an observation from a CSV file: a bad file is refused row by row, a good one is charted.
    await page.getByText(words('en', 'tracker.import.title', { count: 0 })).click();
    const file = page.getByLabel(words('en', 'tracker.import.file'));
    const header = 'segment,period,metric,value,source,kind,label,note';
    await file.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\ntrucks,2025,cumulative_units,many,https://example.org/trucks,observed,E-trucks on the road,\n`) });
    await page.getByRole('button', { name: words('en', 'tracker.import.check') }).click();
    const refused = page.getByRole('alert');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('row 2, column "value"');
    await file.setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\ntrucks,2025,cumulative_units,120,https://example.org/trucks,observed,E-trucks on the road,\n`) });
    await page.getByRole('button', { name: words('en', 'tracker.import.check') }).click();
    await page.getByRole('button', { name: words('en', 'tracker.import.commit'), exact: true }).click();
    const observed = page.locator('[data-segment="truck"] .tracker-figure', { hasText: words('en', 'tracker.figures.observed', { period: '2025' }) });
    await observed.waitFor();
    expect(await observed.locator('.figure-value').textContent()).toBe('120');
    expect(await observed.locator('a.source-link').getAttribute('href')).toBe('https://example.org/trucks');
    await expectAccessible(page, 'the policy tracker inside an event, with the import form open');
    expect(pageErrors).toEqual([]);
  });
});
