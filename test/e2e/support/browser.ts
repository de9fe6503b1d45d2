import fs from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

/** Debian's Chromium; scripts/ensure-chromium.sh installs it. Never a browser downloaded by playwright. */
export const CHROMIUM = '/usr/bin/chromium';

// Quiet and hermetic: no GPU, no update checks, no sync, nothing fetched in the background.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * Starts headless Chromium. Playwright gives every launch a new, empty, temporary user-data-dir
 * (and removes it on close), so no profile, cookie or cache is carried from one run to the next.
 */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-chromium.sh`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

/** One person at one browser: their own cookies and storage, their own time zone. */
export async function openAs(browser: Browser, options: BrowserContextOptions & { timezoneId: string }): Promise<{ context: BrowserContext; page: Page; pageErrors: Error[] }> {
  const context = await browser.newContext({ ...DESKTOP, locale: 'en-GB', ...options });
  const page = await context.newPage();
  // A page that throws is a failing page, even when the test's own checks pass: tests assert none.
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  return { context, page, pageErrors };
}
