// Opening the VS Code workbench in Chromium and waiting until it is usable.
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { RigError } from './errors';
import { isLogNoise } from './logFilter';

/**
 * Opens `url` in a new 1440×900 page, logs the page's console to `consoleLog`, waits for the workbench.
 * With `workspaceDir`, also waits until changes on disk reach the workbench (see waitForFileWatcher).
 */
export async function openWorkbench(browser: Browser, url: string, consoleLog: string, workspaceDir?: string): Promise<Page> {
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
  if (workspaceDir) await waitForFileWatcher(page, workspaceDir);
  return page;
}

/**
 * The explorer lists the folder before code-server watches it for changes, and a file created in
 * between is never reported: one written right after the workbench loaded was still missing from the
 * explorer 40 s later, while one written after that showed in 0.6 s. UI tests write files and wait
 * for the explorer to show them, so "ready" must include the watcher: create probe files (each new,
 * since a missed creation is never reported) until the explorer shows one, then remove it again.
 */
async function waitForFileWatcher(page: Page, workspaceDir: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    const name = `rig-watcher-probe-${attempt}.txt`;
    const file = path.join(workspaceDir, name);
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name });
    writeFileSync(file, 'the rig checks that the workbench sees changes on disk\n');
    try {
      await row.waitFor({ state: 'visible', timeout: 2000 });
      rmSync(file);
      await row.waitFor({ state: 'detached', timeout: Math.max(1000, deadline - Date.now()) });
      return;
    } catch (err) {
      rmSync(file, { force: true });
      if (Date.now() > deadline) throw new RigError(`the workbench did not report a new file in ${workspaceDir} within ${timeoutMs} ms: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
