import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousAccessibilityProblems } from './accessibility';
import { words } from './words';
import type { Language } from './words';

/** Signs in on the sign-in page with the e-mail and password a person was given. */
export async function signInWithPassword(page: Page, language: Language, email: string, password: string): Promise<void> {
  await page.getByLabel(words(language, 'signIn.email')).fill(email);
  await page.getByLabel(words(language, 'signIn.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: words(language, 'signIn.submit'), exact: true }).click();
  await page.getByRole('heading', { level: 1, name: words(language, 'home.title', { name: '' }).trim() }).waitFor();
}

/** Follows a link in the event's navigation bar, e.g. nav.inbox, and waits for the page's heading. */
export async function openPage(page: Page, language: Language, navKey: string, headingKey: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: words(language, navKey) }).first().click();
  await page.getByRole('heading', { level: 1, name: words(language, headingKey) }).waitFor();
}

export async function chooseLanguage(page: Page, current: Language, next: Language): Promise<void> {
  await page.getByLabel(words(current, 'shell.language')).selectOption(next);
  await page.locator(`html[lang="${next}"]`).waitFor({ state: 'attached' });
}

/** No serious or critical axe-core violation on the page as it stands. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  expect(await seriousAccessibilityProblems(page), `accessibility of ${what}`).toEqual([]);
}

/** The agenda entry for a meeting with `name`: its event time, own time (if shown) and place. */
export async function agendaEntry(page: Page, name: string): Promise<{ item: Locator; eventTime: string; ownTime: string | null; place: string }> {
  const item = page.locator('.agenda-item', { hasText: name });
  await item.locator('.time').waitFor();
  const mine = item.locator('.time-mine [dir="ltr"]');
  return {
    item,
    eventTime: (await item.locator('.time').textContent())!.trim(),
    ownTime: (await mine.count()) ? (await mine.textContent())!.trim() : null,
    place: (await item.locator('.agenda-place .place-name').textContent())!.trim(),
  };
}

/** Builds a draft schedule as the organiser (a one-second search: tests need a schedule, not the best one) and publishes it. */
export async function buildAndPublishSchedule(page: Page, language: Language): Promise<void> {
  await page.getByLabel(words(language, 'schedule.timeLimit')).fill('1');
  await page.getByRole('button', { name: words(language, 'schedule.build'), exact: true }).click();
  await page.getByText(words(language, 'schedule.draftReady')).waitFor({ timeout: 90_000 });
  const draft = page.locator('tbody tr', { hasText: words(language, 'schedule.status.draft') });
  page.once('dialog', (dialog) => void dialog.accept());
  await draft.getByRole('button', { name: words(language, 'schedule.publish') }).click();
  // Published: the draft's row now says so, and no draft is left.
  await draft.waitFor({ state: 'detached' });
}

/** A request card's answer button ("Accept", "Decline"…), named with the other person as screen readers hear it. */
export function answerButton(card: Locator, language: Language, action: 'inbox.accept' | 'inbox.decline' | 'inbox.withdraw' | 'inbox.cancelMeeting', name: string): Locator {
  return card.getByRole('button', { name: `${words(language, action)} ${words(language, 'inbox.withName', { name })}`, exact: true });
}
