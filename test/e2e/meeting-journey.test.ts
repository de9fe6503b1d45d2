import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_BUILD_DIR } from '../../src/http/web-app';
import { launchChromium, openAs } from './support/browser';
import { waitForMail } from './support/outbox';
import { screenshot } from './support/screenshots';
import { startTestServer } from './support/server';
import type { TestServer } from './support/server';
import { agendaEntry, answerButton, buildAndPublishSchedule, chooseLanguage, expectAccessible, openPage, signInWithPassword } from './support/steps';
import { words } from './support/words';
import type { Language } from './support/words';

/*
 * A meeting from request to agenda, as people do it in the browser: against the real server with
 * the demo event (`npm start`), driven in Debian's Chromium, once in English and once in Urdu.
 */
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

/** A newcomer registers their organisation from the sign-in page, in the page's language. */
async function register(page: Page, language: Language, person: { firstName: string; lastName: string; email: string; organisation: string; city: string }) {
  const w = (key: string) => words(language, key);
  await page.getByRole('link', { name: words(language, 'signIn.registerFor', { event: 'Pakistan–China Business Conference' }) }).click();
  await page.getByLabel(w('person.firstName'), { exact: true }).fill(person.firstName);
  await page.getByLabel(w('person.lastName'), { exact: true }).fill(person.lastName);
  await page.getByLabel(w('person.jobTitle'), { exact: true }).fill('Export Manager');
  await page.getByLabel(w('signIn.email'), { exact: true }).fill(person.email);
  await page.getByLabel(w('register.password'), { exact: true }).fill('a long enough password');
  await page.getByLabel(w('profile.name'), { exact: true }).fill(person.organisation);
  await page.getByLabel(w('profile.country'), { exact: true }).selectOption('CN');
  await page.getByLabel(w('profile.city'), { exact: true }).fill(person.city);
  await page.getByRole('button', { name: w('register.submit') }).click();
  await page.getByRole('heading', { level: 1, name: w('wizard.title') }).waitFor();
}

describe('a meeting from request to agenda', () => {
  it('in English: register, complete the profile, request; the other accepts; the organiser schedules; both agendas show it', { timeout: 180_000 }, async () => {
    const en = (key: string, values?: Record<string, string | number>) => words('en', key, values);
    const umair = login('Umair Mangi'); // Sabesh Motors, Karachi: a printed demo login

    // A Chinese battery maker opens the printed address and registers.
    const wang = await openAs(browser, { timezoneId: 'Asia/Shanghai' });
    const page = wang.page;
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: en('signIn.title') }).waitFor();
    await expectAccessible(page, 'sign-in page');
    await screenshot(page, 'sign-in');
    await register(page, 'en', { firstName: 'Fang', lastName: 'Wang', email: 'wang.fang@lingxi-cells.example', organisation: 'Shenzhen Lingxi Cell Technology Co., Ltd.', city: 'Shenzhen' });

    // The first-run wizard, one section at a time.
    await page.getByLabel(en('profile.description')).fill('Lingxi makes LFP cells and packs for two- and three-wheelers and looks for assembly partners in Pakistan.');
    await expectAccessible(page, 'profile wizard');
    await page.getByRole('button', { name: en('wizard.saveAndContinue') }).click();

    await page.getByRole('heading', { name: en('profile.sections.sectors') }).waitFor();
    await page.getByRole('combobox', { name: en('profile.isicCodes') }).fill('batteries');
    await page.getByRole('option', { name: /^2720 / }).click();
    const offered = page.getByRole('combobox', { name: en('profile.hsCodes') });
    await offered.fill('8507');
    await page.getByRole('option', { name: /^8507/ }).first().waitFor();
    await offered.press('ArrowDown');
    await offered.press('Enter'); // the keyboard picks a code, without submitting the form
    await page.getByRole('list', { name: en('codes.chosen', { label: en('profile.hsCodes') }) }).getByText(/^8507/).first().waitFor();
    await screenshot(page, 'profile-wizard-codes');
    await page.getByRole('button', { name: en('wizard.saveAndContinue') }).click();

    await page.getByRole('heading', { name: en('profile.sections.stages') }).waitFor();
    await page.getByLabel(en('stages.cells')).check();
    await page.getByLabel(en('stages.packs')).check();
    await page.getByRole('button', { name: en('wizard.saveAndContinue') }).click();

    await page.getByRole('heading', { name: en('profile.sections.items') }).waitFor();
    await page.getByLabel(en('items.kinds.offer')).check();
    await page.getByLabel(en('items.title')).fill('LFP battery packs for e-rickshaws, 48 V and 60 V');
    await page.getByRole('button', { name: en('items.addButton') }).click();
    await page.getByText(en('items.added', { title: 'LFP battery packs for e-rickshaws, 48 V and 60 V' })).waitFor();
    await page.getByRole('button', { name: en('wizard.continue') }).click();

    await page.getByRole('heading', { name: en('profile.sections.partnerships') }).waitFor();
    await page.getByLabel(en('partnerships.supply')).check();
    await page.getByLabel(en('partnerships.joint_venture')).check();
    await page.getByRole('button', { name: en('wizard.saveAndContinue') }).click();

    // Done: the overview no longer asks for a profile.
    await page.getByRole('heading', { level: 1, name: en('home.title', { name: 'Fang Wang' }) }).waitFor();
    expect(await page.getByText(en('home.completeTitle')).count()).toBe(0);
    await expectAccessible(page, 'event overview');

    // Find the Pakistani e-rickshaw maker in the directory and ask for a meeting.
    await openPage(page, 'en', 'nav.directory', 'directory.title');
    await page.getByLabel(en('directory.search')).fill('Sabesh');
    await page.getByLabel(en('directory.country')).selectOption('PK');
    await page.getByRole('button', { name: en('directory.apply') }).click();
    await page.getByText(/^Showing 1–1 of 1 organisation$/).waitFor();
    await expectAccessible(page, 'directory');
    await page.getByRole('link', { name: 'Sabesh Motors (Pvt) Ltd' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sabesh Motors (Pvt) Ltd' }).waitFor();
    await page.getByRole('button', { name: en('request.open', { name: 'Umair Mangi' }) }).click();
    await page.getByLabel(en('request.message', { name: 'Umair Mangi' })).fill('We make LFP packs for e-rickshaws and would like to supply your Karachi plant. Can we meet?');
    await expectAccessible(page, 'organisation page with the request form');
    await screenshot(page, 'organisation-request');
    await page.getByRole('button', { name: en('request.send') }).click();
    await page.getByText(en('request.sent', { name: 'Umair Mangi' })).waitFor();
    expect(await page.locator('.request-meeting .state').textContent()).toBe(en('requestStatus.pending'));

    // The Pakistani delegate signs in with the printed demo login and accepts.
    const pk = await openAs(browser, { timezoneId: 'Asia/Karachi' });
    await pk.page.goto(server.url);
    await signInWithPassword(pk.page, 'en', umair.email, server.demo.password);
    await openPage(pk.page, 'en', 'nav.inbox', 'inbox.title');
    const request = pk.page.locator('.request-card', { hasText: 'Fang Wang' });
    expect(await request.locator('.message').textContent()).toContain('Karachi plant');
    await expectAccessible(pk.page, 'inbox');
    await screenshot(pk.page, 'inbox');
    await answerButton(request, 'en', 'inbox.accept', 'Fang Wang').click();
    await pk.page.getByText(en('inbox.done.accept', { name: 'Fang Wang' })).waitFor();
    await request.locator('.state', { hasText: en('requestStatus.accepted') }).waitFor();

    // Accepted, not yet scheduled: the sender sees it too.
    await openPage(page, 'en', 'nav.agenda', 'agenda.title');
    await page.locator('.agenda-item', { hasText: 'Umair Mangi' }).getByText(en('agenda.timeToCome')).waitFor();

    // The organiser builds a schedule and publishes it.
    const organiser = await openAs(browser, { timezoneId: 'Asia/Shanghai' });
    await organiser.page.goto(server.url);
    await signInWithPassword(organiser.page, 'en', login('Conference Organiser').email, server.demo.password);
    await openPage(organiser.page, 'en', 'nav.schedule', 'schedule.title');
    await expectAccessible(organiser.page, 'schedule page');
    await buildAndPublishSchedule(organiser.page, 'en');
    await screenshot(organiser.page, 'schedule');

    // Both agendas show the meeting at the same time and table, each also in their own time zone.
    await page.reload();
    const hers = await agendaEntry(page, 'Umair Mangi');
    expect(hers.eventTime).toMatch(/^\d\d:\d\d–\d\d:\d\d$/);
    expect(hers.ownTime).toBeNull(); // Beijing time is hers and the event's
    expect(hers.place).toMatch(/^(Table|Virtual) \d+$/); // the demo's tables, and its video rooms
    await expectAccessible(page, 'agenda');

    await openPage(pk.page, 'en', 'nav.agenda', 'agenda.title');
    const his = await agendaEntry(pk.page, 'Fang Wang');
    expect(his.eventTime).toBe(hers.eventTime);
    expect(his.ownTime).toMatch(/^\d\d:\d\d–\d\d:\d\d$/); // Karachi is three hours behind Beijing
    expect(his.ownTime).not.toBe(his.eventTime);
    expect(his.place).toBe(hers.place);
    await screenshot(pk.page, 'agenda');

    // The organiser's printable list for that table shows the two of them at that time.
    await openPage(organiser.page, 'en', 'nav.tables', 'tables.title');
    await organiser.page.getByLabel(en('tables.show')).selectOption({ label: his.place });
    // Either of them may have other meetings at that table: the row is the one naming both.
    const row = organiser.page.locator('.table-list tbody tr', { hasText: 'Fang Wang' }).filter({ hasText: 'Umair Mangi' });
    expect(await row.locator('td').first().textContent()).toBe(his.eventTime);
    await expectAccessible(organiser.page, 'table lists');
    await screenshot(organiser.page, 'table-lists');

    for (const person of [wang, pk, organiser]) {
      expect(person.pageErrors).toEqual([]);
      await person.context.close();
    }
  });

  it('in Urdu: a request arrives by e-mail, he signs in by e-mailed link and accepts; both agendas show the meeting', { timeout: 180_000 }, async () => {
    const ur = (key: string, values?: Record<string, string | number>) => words('ur', key, values);
    const zh = (key: string, values?: Record<string, string | number>) => words('zh', key, values);
    const shahid = login('Shahid Soomro'); // Sulina Renewables, Hyderabad: a printed demo login

    // A Chinese newcomer's browser is set to Chinese, so Corridor opens in Chinese; she registers.
    const cn = await openAs(browser, { timezoneId: 'Asia/Shanghai', locale: 'zh-CN' });
    await cn.page.goto(server.url);
    await cn.page.getByRole('heading', { level: 1, name: zh('signIn.title') }).waitFor();
    await register(cn.page, 'zh', { firstName: 'Jing', lastName: 'Chen', email: 'chen.jing@huaguang-storage.example', organisation: 'Huaguang Energy Storage Co., Ltd.', city: 'Hefei' });
    await openPage(cn.page, 'zh', 'nav.directory', 'directory.title');
    await cn.page.getByLabel(zh('directory.search')).fill('Sulina');
    await cn.page.getByRole('button', { name: zh('directory.apply') }).click();
    await cn.page.getByRole('link', { name: 'Sulina Renewables (Pvt) Ltd' }).click();
    await cn.page.getByRole('button', { name: zh('request.open', { name: 'Shahid Soomro' }) }).click();
    await cn.page.getByLabel(zh('request.message', { name: 'Shahid Soomro' })).fill('我们生产储能电池柜，希望在信德省合作。');
    await cn.page.getByRole('button', { name: zh('request.send') }).click();
    await cn.page.getByText(zh('request.sent', { name: 'Shahid Soomro' })).waitFor();
    await expectAccessible(cn.page, 'organisation page in Chinese');

    // He is told by e-mail (in Urdu, his account's language) and follows its link to the inbox.
    const told = await waitForMail(server.dataDir, shahid.email, /Jing Chen/);
    const inboxLink = /(http:\/\/\S+\/inbox)/.exec(told)![1]!;
    const pk = await openAs(browser, { timezoneId: 'Asia/Karachi' });
    const page = pk.page;
    await page.goto(inboxLink);

    // Signed out, the link shows the sign-in page; he switches it to Urdu: right to left.
    await chooseLanguage(page, 'en', 'ur');
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ur']);
    await page.getByRole('heading', { level: 1, name: ur('signIn.title') }).waitFor();
    await expectAccessible(page, 'sign-in page in Urdu');
    await screenshot(page, 'sign-in-urdu');

    // No password at hand: an e-mailed sign-in link.
    await page.getByLabel(ur('signIn.email')).fill(shahid.email);
    await page.getByRole('button', { name: ur('signIn.sendLink') }).click();
    await page.getByText(ur('signIn.linkSent', { email: shahid.email })).waitFor();
    const mail = await waitForMail(server.dataDir, shahid.email, /\/sign-in\/link\?token=/);
    const link = /(http:\/\/\S+\/sign-in\/link\?token=\S+)/.exec(mail)![1]!;
    expect(link.startsWith(server.url)).toBe(true);
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: ur('home.title', { name: 'Shahid Soomro' }) }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl'); // the choice is remembered
    await expectAccessible(page, 'event overview in Urdu');
    await screenshot(page, 'home-urdu');

    // He accepts in Urdu.
    await openPage(page, 'ur', 'nav.inbox', 'inbox.title');
    const request = page.locator('.request-card', { hasText: 'Jing Chen' });
    expect(await request.locator('.message').textContent()).toContain('信德省');
    await answerButton(request, 'ur', 'inbox.accept', 'Jing Chen').click();
    await page.getByText(ur('inbox.done.accept', { name: 'Jing Chen' })).waitFor();
    await expectAccessible(page, 'inbox in Urdu');
    await screenshot(page, 'inbox-urdu');

    // He adds what his company looks for to the profile.
    await openPage(page, 'ur', 'nav.profile', 'profile.title');
    await page.getByLabel(ur('items.kinds.request')).check();
    await page.getByLabel(ur('items.title')).fill('شمسی انورٹر کے لیے لیتھیم بیٹریاں');
    await page.getByRole('button', { name: ur('items.addButton') }).click();
    await page.getByText(ur('items.added', { title: 'شمسی انورٹر کے لیے لیتھیم بیٹریاں' })).waitFor();
    await expectAccessible(page, 'profile editor in Urdu');

    // The organiser schedules, this time in Urdu.
    const organiser = await openAs(browser, { timezoneId: 'Asia/Karachi' });
    await organiser.page.goto(server.url);
    await chooseLanguage(organiser.page, 'en', 'ur');
    await signInWithPassword(organiser.page, 'ur', login('Conference Organiser').email, server.demo.password);
    await openPage(organiser.page, 'ur', 'nav.schedule', 'schedule.title');
    await buildAndPublishSchedule(organiser.page, 'ur');
    await expectAccessible(organiser.page, 'schedule page in Urdu');

    // His agenda, right to left, shows the meeting; hers, in Chinese, the same slot and table.
    await openPage(page, 'ur', 'nav.agenda', 'agenda.title');
    const his = await agendaEntry(page, 'Jing Chen');
    expect(his.eventTime).toMatch(/^\d\d:\d\d–\d\d:\d\d$/);
    expect(his.ownTime).toMatch(/^\d\d:\d\d–\d\d:\d\d$/);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expectAccessible(page, 'agenda in Urdu');
    await screenshot(page, 'agenda-urdu');

    await openPage(cn.page, 'zh', 'nav.agenda', 'agenda.title');
    const hers = await agendaEntry(cn.page, 'Shahid Soomro');
    expect(hers.eventTime).toBe(his.eventTime);
    expect(hers.place).toBe(his.place);
    await expectAccessible(cn.page, 'agenda in Chinese');
    await screenshot(cn.page, 'agenda-chinese');

    for (const person of [cn, pk, organiser]) {
      expect(person.pageErrors).toEqual([]);
      await person.context.close();
    }
  });
});
