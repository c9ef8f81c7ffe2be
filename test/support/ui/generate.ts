// The palette's Generate flow answered as a user would: shared by the UI tests that need a result
// made through the palette (the image commands' tests, the Gallery's).
import type { Page } from 'playwright-core';
import { pickQuickPickItem, quickPickRow, waitForQuickInputStep } from './workbench';

/** The palette's prompt screen: types `prompt` and presses "Change settings…" (the steps follow, from 2/7). */
export async function promptThenSettings(page: Page, prompt: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(prompt);
  await page.locator('.quick-input-widget .action-label[aria-label="Change settings…"], .quick-input-widget .action-label[title="Change settings…"]').first().click();
}

/**
 * Answers Generate with `prompt`, then its settings steps with V_2, 1:1, Auto style, Auto magic
 * prompt, one image, then clicks Generate. Each answer waits for its step: the accepted step stays
 * on screen until the extension host replaces it, so picking 'Auto' twice in a row could otherwise
 * land both in step 4.
 */
export async function answerGenerateSteps(page: Page, prompt: string): Promise<void> {
  await promptThenSettings(page, prompt);
  for (const [index, label] of ['V_2', '1:1 (square)', 'Auto', 'Auto', '1'].entries()) await pickQuickPickItem(page, label, { step: `${index + 2}/7` });
  await waitForQuickInputStep(page, '7/7');
  await quickPickRow(page, 'Generate').click();
}
