// Driving the Studio webview from UI tests: open it, fill the prompt, pick a select's option, and
// wait for a state of the page (never for a fixed time).
import type { FrameLocator, Page } from 'playwright-core';
import { pickQuickPickItem, runCommand, webviewFrame } from './workbench';

/** Polls `check` until it holds; throws naming `what` after `timeoutMs`. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Opens the Studio from the command palette and waits for its form. */
export async function openStudio(page: Page): Promise<FrameLocator> {
  await runCommand(page, 'Ideogram: Open Studio');
  const frame = webviewFrame(page);
  await frame.locator('#prompt').waitFor({ state: 'visible', timeout: 30_000 });
  return frame;
}

/** Types `text` into the Studio's prompt (replacing what was there). */
export async function fillPrompt(frame: FrameLocator, text: string): Promise<void> {
  await frame.locator('#prompt textarea').fill(text);
}

/** Picks the option labelled `label` in the Studio's select `selectId`, as a user clicks it. */
export async function chooseOption(frame: FrameLocator, selectId: string, label: string): Promise<void> {
  await frame.locator(`#${selectId}`).click();
  await frame.locator(`#${selectId} li`, { hasText: new RegExp(`^\\s*${label}\\s*$`) }).first().click();
}

// Clicking the tab makes its group active, and VS Code then focuses the webview in two steps: its
// iframe at once, then, 50 ms later (a Delayer in WebviewElement._doFocus), the workbench's body
// and, by a message to the webview, the Studio's own document. A command palette opened between the
// two steps loses the focus to the Studio's document and closes, and the next keystrokes meant for
// it go nowhere. So wait for the last step: the Studio's document has the focus.
/** Clicks the Studio's editor tab and waits until its document has the focus. */
export async function focusStudioTab(page: Page, frame: FrameLocator): Promise<void> {
  await page.locator('.tabs-container .tab', { hasText: 'Ideogram Studio' }).first().click();
  await waitFor('the focus in the Studio\'s document', () =>
    frame.locator(':root').evaluate(() => (globalThis as unknown as { document: { hasFocus(): boolean } }).document.hasFocus()), 15_000);
}

/** Switches the colour theme to `label` and waits until the Studio's webview shows it. */
export async function setTheme(page: Page, frame: FrameLocator, label: string, kind: 'light' | 'dark'): Promise<void> {
  await focusStudioTab(page, frame);
  await runCommand(page, 'Preferences: Color Theme');
  await pickQuickPickItem(page, label);
  // The webview gets the theme's variables and its body class in one update: wait for the class.
  await frame.locator(`body.vscode-${kind}`).waitFor({ state: 'attached', timeout: 15_000 });
}
