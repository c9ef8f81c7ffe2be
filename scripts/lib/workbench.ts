// Opening the VS Code workbench in Chromium and waiting until it is usable.
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { RigError } from './errors';
import { isLogNoise } from './logFilter';

/** Opens `url` in a new 1440×900 page, logs the page's console to `consoleLog`, waits for the workbench. */
export async function openWorkbench(browser: Browser, url: string, consoleLog: string): Promise<Page> {
  mkdirSync(path.dirname(consoleLog), { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('console', (message) => {
    const line = `[${message.type()}] ${message.text()}`;
    if (!isLogNoise(line)) appendFileSync(consoleLog, `${line}\n`);
  });
  page.on('pageerror', (error) => appendFileSync(consoleLog, `[pageerror] ${error.message}\n`));
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  try {
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 90_000 });
    // The explorer lists the folder once the remote file system is connected.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible', timeout: 90_000 });
  } catch (err) {
    throw new RigError(`the VS Code workbench did not load at ${url} (console: ${consoleLog}): ${err instanceof Error ? err.message : String(err)}`);
  }
  return page;
}
