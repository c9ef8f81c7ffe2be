// Driving the Studio webview from UI tests: open it, fill the prompt, pick a select's option, and
// wait for a state of the page (never for a fixed time).
import type { FrameLocator, Page } from 'playwright-core';
import { runCommand, webviewFrame } from './workbench';

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
