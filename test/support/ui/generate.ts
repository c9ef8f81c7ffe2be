// The palette's Generate flow answered as a user would: shared by the UI tests that need a result
// made through the palette (the image commands' tests, the Gallery's).
import type { Page } from 'playwright-core';
import { answerInputBox, pickQuickPickItem, quickPickRow, waitForQuickInputStep } from './workbench';

/**
 * Answers Generate's seven steps with `prompt`, V_2, 1:1, AUTO style, AUTO magic prompt, one image,
 * then clicks Generate. Each answer waits for its step: the accepted step stays on screen until the
 * extension host replaces it, so picking 'AUTO' twice in a row could otherwise land both in step 4.
 */
export async function answerGenerateSteps(page: Page, prompt: string): Promise<void> {
  await answerInputBox(page, prompt, { step: '1/7' });
  for (const [index, label] of ['V_2', '1:1', 'AUTO', 'AUTO', '1'].entries()) await pickQuickPickItem(page, label, { step: `${index + 2}/7` });
  await waitForQuickInputStep(page, '7/7');
  await quickPickRow(page, 'Generate').click();
}
