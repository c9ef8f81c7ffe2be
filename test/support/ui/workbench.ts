// Driving the VS Code workbench as a user would. Selectors verified against code-server 4.139.1
// (VS Code 1.139.1); see shared/notes/real-vscode.md.
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { paletteTitle } from './manifest';

const quickInput = '.quick-input-widget';

/** Exact-text matcher for labels (VS Code splits highlighted matches into spans; textContent is whole). */
export function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

/**
 * Opens the command palette (F1) and runs the command with this exact title, e.g. "Ideogram: Show Log".
 * Right after the workbench loads, extension commands join the palette only once the extension host
 * has scanned them, so the palette is reopened until the title shows up (or `timeoutMs` passes).
 */
export async function runCommand(page: Page, title: string, timeoutMs = 30_000): Promise<void> {
  const row = await paletteRow(page, title, timeoutMs);
  await row.click();
}

/**
 * Opens the command palette on `title` and returns its row, ready to click (the bench times from the
 * click). Reopens the palette until the row shows, for the reason given on runCommand. Call it once
 * the focus has settled: a palette closes as soon as something else takes the focus (e.g. a webview
 * finishing its own focus), and then fails here at once with that explanation, not a 30 s timeout.
 */
export async function paletteRow(page: Page, title: string, timeoutMs = 30_000): Promise<Locator> {
  const input = page.locator(`${quickInput} input`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`, { timeout: 5000 }).catch((err: unknown) => {
      throw new Error(`the command palette closed before "${title}" could be typed: something took the focus after it opened: ${String(err)}`);
    });
    const row = quickPickRow(page, title);
    try {
      await row.waitFor({ state: 'visible', timeout: Math.min(3000, Math.max(500, deadline - Date.now())) });
      return row;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`command "${title}" not found in the command palette within ${timeoutMs} ms: ${String(err)}`);
      await page.keyboard.press('Escape');
    }
  }
}

/** Runs a command contributed by the extension, found in the palette by its (localized) title. */
export async function runExtensionCommand(page: Page, commandId: string): Promise<void> {
  const title = paletteTitle(commandId);
  if (!title) throw new Error(`${commandId} is not contributed in package.json`);
  await runCommand(page, title);
}

/** The visible quick-pick row whose label is exactly `label`. */
export function quickPickRow(page: Page, label: string): Locator {
  return page.locator(`${quickInput} .monaco-list-row`).filter({ has: page.locator('.label-name', { hasText: exactly(label) }) }).first();
}

/**
 * Waits until the quick input shows step `step` of a multi-step flow ("2/7", as in its title).
 * After an answer is accepted the old step stays on screen until the extension host disposes it
 * and shows the next one; typing or picking before then lands in the old step. Wait for this
 * before acting on every step after the first of a flow.
 */
export async function waitForQuickInputStep(page: Page, step: string, timeoutMs = 30_000): Promise<void> {
  if (!/^\d+\/\d+$/.test(step)) throw new Error(`a step looks like "2/7", not "${step}"`);
  const [current, total] = step.split('/');
  // VS Code shows it as "<title> (2/7)"; digits on neither side, so "1/7" never matches "11/7".
  const title = page.locator(`${quickInput} .quick-input-title`, { hasText: new RegExp(`(^|\\D)${current}/${total}(\\D|$)`) });
  await title.first().waitFor({ state: 'visible', timeout: timeoutMs });
}

/** Where an answer goes: `step` ("3/7") makes the helper wait for that step of a multi-step input first. */
export interface QuickInputAnswerOptions { step?: string }

/** Types into the open input box (showInputBox or a quick pick's filter) and presses Enter. */
export async function answerInputBox(page: Page, text: string, options: QuickInputAnswerOptions = {}): Promise<void> {
  if (options.step) await waitForQuickInputStep(page, options.step);
  const input = page.locator(`${quickInput} input`);
  await input.waitFor({ state: 'visible' });
  await input.fill(text);
  await input.press('Enter');
}

/** Picks the item labelled `label` in the open quick pick (filters first, so long lists work). */
export async function pickQuickPickItem(page: Page, label: string, options: QuickInputAnswerOptions = {}): Promise<void> {
  if (options.step) await waitForQuickInputStep(page, options.step);
  const input = page.locator(`${quickInput} input`);
  await input.waitFor({ state: 'visible' });
  await input.fill(label);
  await quickPickRow(page, label).click();
}

/** Waits until no quick input is shown (it closes when a command accepted the answer). */
export async function waitForQuickInputClosed(page: Page): Promise<void> {
  await page.locator(quickInput).waitFor({ state: 'hidden' });
}

/** The explorer row of a file or folder, expanding parent folders of `relativePath` ("images/a.png"). */
export async function revealInExplorer(page: Page, relativePath: string): Promise<Locator> {
  const explorer = page.locator('.explorer-folders-view');
  if (!(await explorer.isVisible())) await runCommand(page, 'View: Show Explorer');
  const segments = relativePath.split('/');
  let row: Locator | undefined;
  for (const [index, segment] of segments.entries()) {
    // Whole icon label, not .label-name: the name and its extension can sit in separate spans.
    row = explorer.locator('.monaco-list-row').filter({ has: page.locator('.monaco-icon-label', { hasText: exactly(segment) }) }).first();
    await row.waitFor({ state: 'visible' });
    if (index < segments.length - 1 && (await row.getAttribute('aria-expanded')) === 'false') await row.click();
  }
  if (!row) throw new Error('empty path');
  return row;
}

/** The enabled entry labelled exactly `label` in the open context or drop-down menu (any submenu level). */
export function menuItem(page: Page, label: string): Locator {
  // The menu lives in a shadow root; playwright's CSS engine pierces open shadow roots.
  return page.locator('.monaco-menu .action-item:not(.disabled) .action-label', { hasText: exactly(label) }).first();
}

/**
 * Runs the entry `label` of the open menu: hovers it (which gives it the menu's focus), then presses
 * Enter. Not a click: a menu item only listens for mouse-up from a 100 ms timer after it is drawn
 * (so the right-click's own release does not trigger it), and on a loaded machine that timer fires
 * late, so a click as soon as the item shows is silently dropped and the menu stays open. The
 * keyboard path has no such delay. Waits until the menu has closed.
 */
export async function activateMenuItem(page: Page, label: string, timeoutMs = 30_000, stillValid?: () => Promise<boolean>): Promise<void> {
  const item = menuItem(page, label);
  await item.waitFor({ state: 'visible', timeout: timeoutMs });
  const focused = page.locator('.monaco-menu .action-item.focused:not(.disabled) .action-label', { hasText: exactly(label) }).first();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await item.hover();
    try {
      await focused.waitFor({ state: 'visible', timeout: 2000 });
      break;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`menu entry "${label}" never took the focus: ${String(err)}`);
      // The pointer may already have been over it (no new mouse-over): move off and come back.
      await page.mouse.move(0, 0);
    }
  }
  if (stillValid && !(await stillValid())) throw new MenuTargetChanged(label);
  await page.keyboard.press('Enter');
  await page.locator('.monaco-menu').first().waitFor({ state: 'hidden', timeout: timeoutMs });
}

/** Thrown by activateMenuItem (before acting) when its `stillValid` check says the menu no longer applies. */
class MenuTargetChanged extends Error {
  constructor(label: string) {
    super(`the menu with "${label}" no longer applies to its target`);
  }
}

/** Whether the list row `row` holds the list's focus (the element a context menu's actions apply to). */
export async function hasListFocus(row: Locator): Promise<boolean> {
  return /(^|\s)focused(\s|$)/.test((await row.getAttribute('class', { timeout: 1000 }).catch(() => null)) ?? '');
}

/**
 * Right-clicks the explorer row of `relativePath` and picks the context-menu entry `entry`.
 * The explorer's actions (New File..., …) apply to the row with the list focus, not to the one
 * clicked: while the tree still moves (a folder expanding, the active editor's file being revealed
 * after the view shows) the right-click can land on another row, or the focus move on afterwards.
 * So the entry is run only while our row holds the focus; otherwise the menu is closed and reopened.
 */
export async function explorerContextMenu(page: Page, relativePath: string, entry: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    const row = await revealInExplorer(page, relativePath);
    await row.click({ button: 'right' });
    try {
      await menuItem(page, entry).waitFor({ state: 'visible', timeout: 3000 });
      await activateMenuItem(page, entry, Math.max(1000, deadline - Date.now()), () => hasListFocus(row));
      return;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`explorer menu entry "${entry}" on ${relativePath} not run after ${attempt} attempt(s): ${String(err)}`);
      await page.keyboard.press('Escape');
    }
  }
}

/** The content frame of the visible webview (outer VS Code frame → the extension's own document). */
export function webviewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').first().frameLocator('iframe#active-frame');
}

/** Waits for a notification toast whose message matches `text`; returns it. */
export async function waitForNotification(page: Page, text: RegExp | string, timeoutMs = 30_000): Promise<Locator> {
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
  await toast.waitFor({ state: 'visible', timeout: timeoutMs });
  return toast;
}

/**
 * Waits for a notification whose message matches `text` in the notification center (where every
 * notification lands, also those VS Code shows no toast for), then closes the center again.
 */
export async function waitForNotificationInCenter(page: Page, text: RegExp | string, timeoutMs = 30_000): Promise<void> {
  await runCommand(page, 'Notifications: Show Notifications');
  try {
    await page.locator('.notifications-center .notification-list-item', { hasText: text }).first().waitFor({ state: 'visible', timeout: timeoutMs });
  } finally {
    await runCommand(page, 'Notifications: Hide Notifications');
  }
}

/** Name of the channel shown in the Output panel, or undefined when the panel is not showing it. */
export async function visibleOutputChannel(page: Page): Promise<string | undefined> {
  const select = page.locator('.part.panel select.monaco-select-box').first();
  if (!(await select.isVisible())) return undefined;
  return select.evaluate((element) => {
    const options = (element as unknown as { options: { text: string }[]; selectedIndex: number });
    return options.options[options.selectedIndex]?.text;
  });
}

/** Tab label of the active editor (e.g. "README.md"), or undefined with no editor open. */
export async function activeEditorTitle(page: Page): Promise<string | undefined> {
  const tab = page.locator('.tabs-container .tab.active .monaco-icon-label').first();
  return (await tab.isVisible()) ? (await tab.textContent())?.trim() : undefined;
}

/**
 * Opens a workspace file in an editor through Quick Open ("Go to File..."), as a user would. Only for
 * files the workspace had from the start: Go to File's file index may not list a file written a moment
 * ago (it shows "No matching results"); open those with {@link openFromExplorer}.
 */
export async function openWorkspaceFile(page: Page, fileName: string): Promise<void> {
  await runCommand(page, 'Go to File...');
  await pickQuickPickItem(page, fileName);
  const tab = page.locator('.tabs-container .tab.active .monaco-icon-label', { hasText: exactly(fileName) }).first();
  await tab.waitFor({ state: 'visible' });
}

/**
 * Opens a workspace file by a click on its explorer row. The explorer lists a file as soon as its
 * watcher reports it, so this also works for a file the test has just written.
 */
export async function openFromExplorer(page: Page, relativePath: string): Promise<void> {
  await (await revealInExplorer(page, relativePath)).click();
  const name = relativePath.split('/').pop() ?? relativePath;
  await page.locator('.tabs-container .tab.active .monaco-icon-label', { hasText: exactly(name) }).first().waitFor({ state: 'visible' });
}

/** Closes every editor (tests share one window; leave it as you found it). */
export async function closeAllEditors(page: Page): Promise<void> {
  await runCommand(page, 'View: Close All Editors');
}

/** Presses Escape a few times: closes quick inputs, menus and hovers left over by a failed test. */
export async function dismissTransientUi(page: Page): Promise<void> {
  for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
}

/**
 * The lines the first text editor shows, top to bottom (Monaco keeps its line elements in any DOM
 * order, so they are sorted by their position); non-breaking spaces read as spaces.
 */
export async function editorLines(page: Page): Promise<string[]> {
  return page.locator('.monaco-editor .view-lines').first().evaluate((lines) =>
    [...lines.querySelectorAll(':scope > .view-line')]
      .map((line) => ({ top: parseFloat((line as unknown as { style: { top: string } }).style.top), text: (line.textContent ?? '').replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top).map((line) => line.text));
}
