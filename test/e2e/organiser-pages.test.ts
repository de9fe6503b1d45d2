import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_BUILD_DIR } from '../../src/http/web-app';
import { launchChromium, openAs } from './support/browser';
import { screenshot } from './support/screenshots';
import { startTestServer } from './support/server';
import type { TestServer } from './support/server';
import { answerButton, expectAccessible, openPage, signInWithPassword } from './support/steps';
import { waitForMail } from './support/outbox';
import { words } from './support/words';
import type { Language } from './support/words';

/* The organiser's pages: importing delegates with a preview of every problem, and exports. */
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

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const en = (key: string, values?: Record<string, string | number>) => words('en', key, values);

describe('the organiser pages', () => {
  it('import delegates: a bad file is refused with its problems named, a good one is previewed, then imported', { timeout: 120_000 }, async () => {
    const organiser = await openAs(browser, { timezoneId: 'Asia/Karachi', acceptDownloads: true });
    const page = organiser.page;
    await page.goto(server.url);
    await signInWithPassword(page, 'en', server.demo.logins.find((l) => l.role === 'organiser')!.email, server.demo.password);
    await openPage(page, 'en', 'nav.delegates', 'import.title');
    await expectAccessible(page, 'delegates page');

    await page.getByLabel(en('import.file')).setInputFiles(fixture('organisations-bad-country.csv'));
    await page.getByRole('button', { name: en('import.check') }).click();
    const problems = page.getByRole('alert');
    await problems.getByText(en('import.refused_one', { count: 1 })).waitFor();
    const row = problems.locator('tbody tr').first();
    expect(await row.locator('td').allTextContents()).toEqual(['4', 'country', expect.stringContaining('"Pakistn" is not a country')]);
    await expectAccessible(page, 'a refused import');

    await page.getByLabel(en('import.file')).setInputFiles(fixture('organisations-good.csv'));
    await page.getByRole('button', { name: en('import.check') }).click();
    await page.getByText(en('import.previewTitle')).waitFor();
    expect(await page.locator('.import-summary li').first().textContent()).toBe(en('import.organisations', { created: 3, updated: 0 }));
    await screenshot(page, 'import-preview');
    // Checking stored nothing: the directory does not know the file's companies yet.
    const search = async () => (await fetch(`${server.url}/api/events/${server.demo.eventId}/organisations?q=Qingshan`)).json() as Promise<{ total: number }>;
    expect((await search()).total).toBe(0);

    await page.getByRole('button', { name: en('import.commit'), exact: true }).click();
    await page.getByText(en('import.done', { name: 'organisations-good.csv' })).waitFor();
    expect((await search()).total).toBe(1);

    // The delegates come back out in the import format.
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: `CSV ${en('import.export.delegates')}` }).click();
    const exported = fs.readFileSync((await (await download).path())!, 'utf8');
    expect(exported.split('\n')[0]).toContain('external_id');
    expect(exported).toContain('wei.zhang@qingshan-cell.example');

    expect(organiser.pageErrors).toEqual([]);
    await organiser.context.close();
  });

  it('set up the event: rules, a second day of slots around a break, more tables', { timeout: 120_000 }, async () => {
    const organiser = await openAs(browser, { timezoneId: 'Asia/Karachi' });
    const page = organiser.page;
    await page.goto(server.url);
    await signInWithPassword(page, 'en', server.demo.logins.find((l) => l.role === 'organiser')!.email, server.demo.password);
    await openPage(page, 'en', 'nav.setup', 'setup.title');
    await expectAccessible(page, 'event set-up');

    await page.getByLabel(en('setup.days'), { exact: true }).fill('2025-09-04, 2025-09-05');
    await page.getByLabel(en('setup.maxMeetings'), { exact: true }).fill('14');
    await page.getByRole('form', { name: en('setup.eventTitle') }).getByRole('button', { name: en('profile.save') }).click();
    await page.getByText(en('profile.saved')).waitFor();

    // Friday morning in Beijing, cut into 20-minute meetings around a coffee break; the
    // organiser's own browser is in Karachi, three hours behind.
    await page.getByLabel(en('setup.day'), { exact: true }).selectOption('2025-09-05');
    await page.getByLabel(en('setup.from', { zone: 'Asia/Shanghai' }), { exact: true }).fill('09:00');
    await page.getByLabel(en('setup.to'), { exact: true }).fill('11:00');
    await page.getByLabel(en('setup.breakFrom'), { exact: true }).fill('10:00');
    await page.getByLabel(en('setup.breakTo'), { exact: true }).fill('10:20');
    await page.getByLabel(en('setup.breakLabel'), { exact: true }).fill('Coffee');
    await page.getByText(en('setup.slotPreview_other', { count: 5 })).waitFor();
    await page.getByRole('button', { name: en('setup.addSlotsButton_other', { count: 5 }) }).click();
    const friday = page.locator('details', { hasText: 'Friday, 5 September 2025' });
    await friday.getByText(en('setup.slotCount_other', { count: 5 })).waitFor();
    await friday.locator('summary').click();
    await screenshot(page, 'setup');
    expect(await friday.locator('.time').allTextContents()).toEqual(['09:00–09:20', '09:20–09:40', '09:40–10:00', '10:00–10:20', '10:20–10:40', '10:40–11:00']);

    await page.getByLabel(en('setup.prefix'), { exact: true }).fill('Hall C');
    await page.getByLabel(en('setup.howMany'), { exact: true }).fill('3');
    await page.getByLabel(en('setup.firstNumber'), { exact: true }).fill('1');
    await page.getByRole('button', { name: en('setup.addTablesButton_other', { count: 3 }) }).click();
    await page.getByText(en('setup.tablesAdded_other', { count: 3, from: 'Hall C 1', to: 'Hall C 3' })).waitFor();

    // The scheduler sees them: 22 + 5 meeting slots, 150 + 3 tables.
    await openPage(page, 'en', 'nav.schedule', 'schedule.title');
    // The heading shows before the schedule's figures have arrived.
    await page.locator('.tile-figure').nth(3).waitFor();
    const figures = await page.locator('.tile-figure').allTextContents();
    expect(figures.slice(2)).toEqual(['27', '153']);
    expect(organiser.pageErrors).toEqual([]);
    await organiser.context.close();
  });

  it('suggest meetings: both sides find the suggestion in their inbox and it becomes a meeting once both accept', { timeout: 120_000 }, async () => {
    const organiser = await openAs(browser, { timezoneId: 'Asia/Karachi' });
    await organiser.page.goto(server.url);
    await signInWithPassword(organiser.page, 'en', server.demo.logins.find((l) => l.role === 'organiser')!.email, server.demo.password);
    await openPage(organiser.page, 'en', 'nav.matchmaking', 'matchmaking.title');
    await organiser.page.locator('.tile-figure').first().waitFor();
    await expectAccessible(organiser.page, 'matchmaking');
    await screenshot(organiser.page, 'matchmaking');
    await organiser.page.getByLabel(en('matchmaking.limit'), { exact: true }).fill('1');
    organiser.page.once('dialog', (dialog) => void dialog.accept());
    await organiser.page.getByRole('button', { name: en('matchmaking.send') }).click();
    await organiser.page.getByText(/^Sent 1 suggested meeting/).waitFor();

    // Who got it: the organiser's view of the event's requests (the e-mails went to both).
    const { token } = (await (await fetch(`${server.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: server.demo.logins.find((l) => l.role === 'organiser')!.email, password: server.demo.password }) })).json()) as { token: string };
    const get = async <T>(path: string) => (await (await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as T;
    const requests = await get<{ kind: string; from: { id: string }; to: { id: string } }[]>(`/api/events/${server.demo.eventId}/meeting-requests?limit=1000`);
    const suggestion = requests.find((r) => r.kind === 'suggested')!;
    type Person = { id: string; firstName: string; lastName: string; email: string; language: Language };
    const [first, second] = await Promise.all([get<Person>(`/api/delegates/${suggestion.from.id}`), get<Person>(`/api/delegates/${suggestion.to.id}`)]);
    const name = (p: Person) => `${p.firstName} ${p.lastName}`;

    // Each signs in by e-mailed link (the page then speaks their account's language) and accepts.
    const accept = async (me: Person, other: Person) => {
      const w = (key: string, values?: Record<string, string | number>) => words(me.language, key, values);
      const person = await openAs(browser, { timezoneId: 'Asia/Shanghai' });
      await person.page.goto(server.url);
      await person.page.getByLabel(words('en', 'signIn.email')).fill(me.email);
      await person.page.getByRole('button', { name: words('en', 'signIn.sendLink') }).click();
      const mail = await waitForMail(server.dataDir, me.email, /\/sign-in\/link\?token=/);
      await person.page.goto(/(http:\/\/\S+\/sign-in\/link\?token=\S+)/.exec(mail)![1]!);
      await person.page.getByRole('heading', { level: 1, name: w('home.title', { name: name(me) }) }).waitFor();
      await openPage(person.page, me.language, 'nav.inbox', 'inbox.title');
      const card = person.page.locator('.request-card', { hasText: name(other) });
      await card.getByText(w('inbox.suggested')).waitFor();
      await answerButton(card, me.language, 'inbox.accept', name(other)).click();
      await person.page.getByText(w('inbox.done.accept', { name: name(other) })).waitFor();
      return { ...person, card, w };
    };
    const a = await accept(first, second);
    await a.card.getByText(a.w('inbox.youAcceptedWaiting', { name: name(second) })).waitFor();
    expect(await a.card.locator('.state').textContent()).toBe(a.w('requestStatus.pending'));
    await expectAccessible(a.page, 'inbox with a suggested meeting');
    const b = await accept(second, first);
    await b.card.locator('.state', { hasText: b.w('requestStatus.accepted') }).waitFor();

    await a.page.reload();
    await a.card.locator('.state', { hasText: a.w('requestStatus.accepted') }).waitFor();
    for (const person of [organiser, a, b]) {
      expect(person.pageErrors).toEqual([]);
      await person.context.close();
    }
  });
});
