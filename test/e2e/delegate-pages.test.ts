import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_BUILD_DIR } from '../../src/http/web-app';
import { launchChromium, openAs, PHONE } from './support/browser';
import { screenshot } from './support/screenshots';
import { startTestServer } from './support/server';
import type { TestServer } from './support/server';
import { answerButton, expectAccessible, openPage, signInWithPassword } from './support/steps';
import { words } from './support/words';
import type { Language } from './support/words';

/* The delegate's pages one by one: recommendations, calendar, printing, and a phone-sized screen. */
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

const login = (name: string) => server.demo.logins.find((l) => l.name === name)!;

/** Nothing sticks out sideways: a phone never needs to scroll the page horizontally. */
async function fitsTheScreen(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe('the delegate pages', () => {
  it('recommend partners with their reasons, and request a meeting from a recommendation', { timeout: 120_000 }, async () => {
    const en = (key: string, values?: Record<string, string | number>) => words('en', key, values);
    const umair = await openAs(browser, { timezoneId: 'Asia/Karachi' });
    const page = umair.page;
    await page.goto(server.url);
    await signInWithPassword(page, 'en', login('Umair Mangi').email, server.demo.password);
    await openPage(page, 'en', 'nav.recommendations', 'recommendations.title');

    const cards = page.locator('.recommendation');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(10);
    // Every suggestion says why, and the demo event is cross-border: a Pakistani sees Chinese partners.
    for (const card of await cards.all()) {
      expect(await card.locator('.reasons li').count()).toBeGreaterThan(0);
      expect(await card.locator('.meta').first().textContent()).toMatch(/^China/);
    }
    await expectAccessible(page, 'recommendations');
    await screenshot(page, 'recommendations');

    // One click opens the request with a message already written; one more sends it.
    const open = page.getByRole('button', { name: /^Request a meeting with / }).first();
    const name = (await open.textContent())!.replace('Request a meeting with ', '');
    await open.click();
    const message = page.getByLabel(en('request.message', { name }));
    expect(await message.inputValue()).toBe(en('recommendations.draft', { name }));
    await page.getByRole('button', { name: en('request.send') }).click();
    await page.getByText(en('request.sent', { name })).waitFor();

    // It is in his sent requests.
    await openPage(page, 'en', 'nav.inbox', 'inbox.title');
    await page.getByRole('link', { name: new RegExp(`^${en('inbox.sent')}`) }).click();
    await page.locator('.request-card', { hasText: name }).getByText(en('requestStatus.pending')).waitFor();
    expect(umair.pageErrors).toEqual([]);
    await umair.context.close();
  });

  it('answer requests: decline one, withdraw one sent, cancel an accepted meeting; counts follow', { timeout: 120_000 }, async () => {
    const en = (key: string, values?: Record<string, string | number>) => words('en', key, values);
    const umair = await openAs(browser, { timezoneId: 'Asia/Karachi' });
    const page = umair.page;
    await page.goto(server.url);
    await signInWithPassword(page, 'en', login('Umair Mangi').email, server.demo.password);
    await openPage(page, 'en', 'nav.inbox', 'inbox.title');
    const count = async (status: string) => Number(/\((\d+)\)/.exec((await page.getByRole('link', { name: new RegExp(`^${en(`requestStatus.${status}`)} \\(`) }).textContent())!)![1]);

    // Received: the demo leaves one request waiting for his answer; he declines it.
    const waiting = page.locator('.request-card', { has: page.getByRole('button', { name: new RegExp(`^${en('inbox.decline')} `) }) }).first();
    const sender = (await waiting.locator('h2').textContent())!.split(' · ')[0]!;
    const declinedBefore = await count('declined');
    await answerButton(waiting, 'en', 'inbox.decline', sender).click();
    await page.getByText(en('inbox.done.decline', { name: sender })).waitFor();
    // The counts are reloaded after the answer: wait for them rather than read them once.
    await expect.poll(() => count('declined')).toBe(declinedBefore + 1);
    await page.locator('.event-nav .badge').waitFor({ state: 'detached' }); // nothing waits for him any more

    // Sent: he withdraws a request still waiting for an answer.
    await page.getByRole('link', { name: new RegExp(`^${en('inbox.sent')}`) }).click();
    const pending = page.locator('.request-card', { has: page.getByRole('button', { name: new RegExp(`^${en('inbox.withdraw')}`) }) }).first();
    const recipient = (await pending.locator('h2').textContent())!.split(' · ')[0]!;
    await answerButton(pending, 'en', 'inbox.withdraw', recipient).click();
    await page.getByText(en('inbox.done.cancel', { name: recipient })).waitFor();
    await page.locator('.request-card', { hasText: recipient }).getByText(en('requestStatus.cancelled')).first().waitFor();

    // An accepted meeting, cancelled after a confirmation, leaves his agenda.
    await openPage(page, 'en', 'nav.agenda', 'agenda.title');
    await page.locator('.agenda-item').first().waitFor();
    const meetingsBefore = await page.locator('.agenda-item').count();
    await openPage(page, 'en', 'nav.inbox', 'inbox.title');
    const accepted = page.locator('.request-card', { has: page.getByRole('button', { name: new RegExp(`^${en('inbox.cancelMeeting')}`) }) }).first();
    const partner = (await accepted.locator('h2').textContent())!.split(' · ')[0]!;
    page.once('dialog', (dialog) => void dialog.accept());
    await answerButton(accepted, 'en', 'inbox.cancelMeeting', partner).click();
    await page.getByText(en('inbox.done.cancel', { name: partner })).waitFor();
    await openPage(page, 'en', 'nav.agenda', 'agenda.title');
    await expect.poll(() => page.locator('.agenda-item').count()).toBe(meetingsBefore - 1);
    expect(await page.locator('.agenda-item', { hasText: partner }).count()).toBe(0);
    expect(umair.pageErrors).toEqual([]);
    await umair.context.close();
  });

  it('give the agenda as a calendar file and as a printable page', { timeout: 120_000 }, async () => {
    const en = (key: string) => words('en', key);
    const umair = await openAs(browser, { timezoneId: 'Asia/Karachi', acceptDownloads: true });
    const page = umair.page;
    await page.goto(server.url);
    await signInWithPassword(page, 'en', login('Umair Mangi').email, server.demo.password);
    await openPage(page, 'en', 'nav.agenda', 'agenda.title');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: en('agenda.download') }).click();
    const file = await (await download).path();
    const calendar = fs.readFileSync(file, 'utf8');
    expect(calendar).toMatch(/^BEGIN:VCALENDAR/);
    expect(calendar).toContain('END:VCALENDAR');

    await page.getByRole('button', { name: en('agenda.subscribe') }).click();
    const address = await page.getByLabel(en('agenda.feedAddress')).inputValue();
    expect(address.startsWith(`${server.url}/api/calendar/`)).toBe(true);

    // Printed (or saved as PDF), the agenda is the page without navigation or buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.event-nav').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: en('agenda.print') }).isVisible()).toBe(false);
    expect(await page.locator('.print-only').isVisible()).toBe(true);
    expect(await page.locator('.agenda-item').first().isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    expect(umair.pageErrors).toEqual([]);
    await umair.context.close();
  });

  it('work on a phone, in the language of the account (Urdu, right to left)', { timeout: 120_000 }, async () => {
    const shahid = await openAs(browser, { ...PHONE, timezoneId: 'Asia/Karachi' });
    const page = shahid.page;
    await page.goto(server.url);
    expect(await fitsTheScreen(page)).toBe(true);
    await expectAccessible(page, 'sign-in page on a phone');

    // Nothing chosen on this phone yet: after sign-in the account's language (Urdu) takes over.
    await page.getByLabel(words('en', 'signIn.email')).fill(login('Shahid Soomro').email);
    await page.getByLabel(words('en', 'signIn.password'), { exact: true }).fill(server.demo.password);
    await page.getByRole('button', { name: words('en', 'signIn.submit'), exact: true }).click();
    const ur: Language = 'ur';
    await page.getByRole('heading', { level: 1, name: words(ur, 'home.title', { name: 'Shahid Soomro' }) }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ur']);
    expect(await fitsTheScreen(page)).toBe(true);
    await screenshot(page, 'phone-home-urdu');

    const pages: [string, string, string][] = [
      ['nav.recommendations', 'recommendations.title', 'phone-recommendations-urdu'],
      ['nav.directory', 'directory.title', 'phone-directory-urdu'],
      ['nav.inbox', 'inbox.title', 'phone-inbox-urdu'],
      ['nav.agenda', 'agenda.title', 'phone-agenda-urdu'],
      ['nav.profile', 'profile.title', 'phone-profile-urdu'],
    ];
    for (const [nav, heading, name] of pages) {
      await openPage(page, ur, nav, heading);
      await page.locator('.loading').first().waitFor({ state: 'detached' });
      expect(await fitsTheScreen(page), `${name} fits the screen`).toBe(true);
      await expectAccessible(page, `${name}`);
      await screenshot(page, name);
    }
    expect(shahid.pageErrors).toEqual([]);
    await shahid.context.close();
  });

  it('can be used with the keyboard alone', { timeout: 60_000 }, async () => {
    const visitor = await openAs(browser, { timezoneId: 'Asia/Karachi' });
    const page = visitor.page;
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: words('en', 'signIn.title') }).waitFor();
    // The first Tab reaches the skip link, which jumps past the header to the page itself.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(words('en', 'shell.skipToContent'));
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // Sign in without the mouse.
    await page.keyboard.press('Tab');
    await page.keyboard.type(login('Umair Mangi').email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(server.demo.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: words('en', 'home.title', { name: 'Umair Mangi' }) }).waitFor();
    // Following a link in the navigation moves the focus to the new page's heading.
    await page.getByRole('link', { name: words('en', 'nav.directory'), exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: words('en', 'directory.title') }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('page-title');
    expect(visitor.pageErrors).toEqual([]);
    await visitor.context.close();
  });
});
