import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const DIRECTORY = fileURLToPath(new URL('../../../docs/screenshots', import.meta.url));

/**
 * The README's screenshots come from the browser tests. They change with every run (times,
 * generated ids), so they are written only when asked for: `UPDATE_SCREENSHOTS=1 npm test`.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  fs.mkdirSync(DIRECTORY, { recursive: true });
  await page.screenshot({ path: path.join(DIRECTORY, `${name}.png`), fullPage: false });
}
