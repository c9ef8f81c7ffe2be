// Bench (e): the Studio in the real VS Code (code-server + Chromium, the rig's session), timed as
// a user sees it: from clicking "Ideogram: Open Studio" in the palette to the form being visible
// in the webview, and to the History's first page of 2,000 sidecars being rendered with its count.
// Uses the .vsix that section (d) just packaged. Anything that keeps the rig from starting becomes
// "not measured: <reason>", never a number.
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { verifyExtensionVsix } from '../test/support/rig/packaging';
import { launchChromium } from '../test/support/rig/browser';
import { withLock } from '../test/support/rig/lock';
import { extensionVsixPath, resultsDir, rigLockDir } from '../test/support/rig/paths';
import { cleanupAll, delay, onCleanup } from '../test/support/rig/processes';
import { startSession } from '../test/support/rig/session';
import { openWorkbench } from '../test/support/rig/workbench';
import { paletteTitle } from '../test/support/ui/manifest';
import { paletteRow, runCommand, webviewFrame } from '../test/support/ui/workbench';
import { writeHistoryFixture } from './lib/historyFixture';
import { median } from './lib/stats';

/** Sizes of the Studio bench. */
export const STUDIO_BENCH = { historySize: 2000, opens: 5, refreshes: 5 } as const;

// Generous: code-server start-up on a busy 2-core machine takes a minute or more.
const SECTION_TIMEOUT_MS = 8 * 60_000;
const LOCK_WAIT_MS = 10 * 60_000;
const STEP_TIMEOUT_MS = 60_000;

/** One open of the panel: both timings start at the palette click. */
export interface StudioOpenTiming { formMs: number; historyMs: number }

/** What the Studio bench measured. */
export interface StudioFigures {
  /** Every open, in order; the first includes activating the extension. */
  opens: StudioOpenTiming[];
  /** Refresh button → first page re-rendered, with the panel open. */
  refreshesMs: number[];
  /** The History's count line as shown (e.g. "50 of 2000"). */
  countText: string;
  /** History rows rendered in the first page. */
  rowsShown: number;
}

/** Measured figures, or why there are none. */
export type StudioOutcome = { figures: StudioFigures } | { notMeasured: string };

/** Runs the Studio bench; it always stops code-server and Chromium before returning. */
export async function benchStudio(log: (text: string) => void): Promise<StudioOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result within ${SECTION_TIMEOUT_MS / 60_000} min`)), SECTION_TIMEOUT_MS);
  });
  try {
    // The rig lock: other runs in this tree repackage out/*.vsix and compete for the 2 cores.
    const figures = await withLock(rigLockDir, 'rig run', () => Promise.race([measure(log), timeout]), LOCK_WAIT_MS);
    return { figures };
  } catch (err) {
    return { notMeasured: (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? 'unknown error' };
  } finally {
    clearTimeout(timer);
    await cleanupAll();
  }
}

async function measure(log: (text: string) => void): Promise<StudioFigures> {
  verifyExtensionVsix(extensionVsixPath);
  const title = paletteTitle('ideogram.openStudio');
  if (!title) throw new Error('ideogram.openStudio is not contributed');
  const browser = await launchChromium();
  onCleanup(() => browser.close());
  const runDir = path.join(resultsDir, 'bench-studio');
  log('e. starting code-server with the packaged extension…');
  const session = await startSession({ runDir, vsixFiles: [extensionVsixPath] });
  await writeHistoryFixture(path.join(session.workspaceDir, 'assets', 'ideogram'), STUDIO_BENCH.historySize);
  const page = await openWorkbench(browser, session.codeServer.workbenchUrl, path.join(runDir, 'browser-console.log'));

  const opens: StudioOpenTiming[] = [];
  let shown = { countText: '', rowsShown: 0 };
  for (let i = 0; i < STUDIO_BENCH.opens; i++) {
    if (i > 0) await closeStudio(page);
    log(`e. open ${i + 1}/${STUDIO_BENCH.opens}…`);
    const open = await openStudioTimed(page, title);
    opens.push(open.timing);
    shown = open.shown;
  }
  const refreshesMs: number[] = [];
  for (let i = 0; i < STUDIO_BENCH.refreshes; i++) refreshesMs.push(await refreshHistoryTimed(page));
  await closeStudio(page);
  return { opens, refreshesMs, ...shown };
}

// The History's count line once the whole history is counted ("50 of 2000"; "2,000" in locales with grouping).
const totalShown = new RegExp(`\\b${STUDIO_BENCH.historySize}\\b|\\b${STUDIO_BENCH.historySize.toLocaleString('en-US')}\\b`);

/** Opens the Studio from the palette; times the click → form visible and → History's first page. */
async function openStudioTimed(page: Page, title: string): Promise<{ timing: StudioOpenTiming; shown: { countText: string; rowsShown: number } }> {
  const row = await paletteRow(page, title, STEP_TIMEOUT_MS);
  const frame = webviewFrame(page);
  const start = performance.now();
  await row.click();
  const [formMs, historyMs] = await Promise.all([
    frame.locator('#prompt').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS }).then(() => performance.now() - start),
    frame.locator('#history-count', { hasText: totalShown }).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS }).then(() => performance.now() - start),
  ]);
  const countText = ((await frame.locator('#history-count').textContent()) ?? '').trim();
  const rowsShown = await frame.locator('#history li').count();
  if (rowsShown === 0) throw new Error(`the History shows "${countText}" but no rows`);
  return { timing: { formMs, historyMs }, shown: { countText, rowsShown } };
}

/** Clears the count line, clicks Refresh and times until the first page and total are back. */
async function refreshHistoryTimed(page: Page): Promise<number> {
  const frame = webviewFrame(page);
  await frame.locator('#history-count').evaluate((element) => { (element as unknown as { textContent: string }).textContent = ''; });
  const start = performance.now();
  await frame.locator('#history-refresh').click();
  await frame.locator('#history-count', { hasText: totalShown }).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  return performance.now() - start;
}

/** Closes the panel and waits until its webview is gone, so the next open builds a fresh one. */
async function closeStudio(page: Page): Promise<void> {
  await runCommand(page, 'View: Close All Editors');
  const deadline = Date.now() + 15_000;
  while ((await page.locator('iframe.webview').count()) > 0) {
    if (Date.now() > deadline) throw new Error('the Studio webview stayed after closing all editors');
    await delay(100);
  }
}

/** Median of the reopens (every open after the first). */
export function medianOfReopens(values: readonly number[]): number {
  return median(values.slice(1));
}
