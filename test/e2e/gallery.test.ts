// The Gallery view in code-server, used as a user would: a result made through the palette shows up
// without a refresh, the search narrows the grid, the keyboard selects, and Delete (confirmed, as
// code-server's files have no trash) + Undo in the notification removes and restores both files.
import { strict as assert } from 'node:assert';
import type { Frame, Page } from 'playwright-core';
import { e2e } from '../support/ui/context';
import { listFiles } from '../support/ui/files';
import { answerGenerateSteps } from '../support/ui/generate';
import { closeAllEditors, dismissTransientUi, runCommand, runExtensionCommand, waitForNotification } from '../support/ui/workbench';
import { waitUntilEquals } from '../support/wait';

const PROMPT = 'A gallery heron at dawn';

/** The Gallery view's own document (the frame holding its grid), once the view has drawn. */
async function galleryFrame(page: Page, timeoutMs = 60_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if (await frame.locator('#gallery-grid').count().catch(() => 0)) return frame;
    }
    if (Date.now() > deadline) throw new Error('the Gallery view did not draw its grid');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function outputFiles(workspaceDir: string): string[] {
  return listFiles(workspaceDir).filter((file) => file.startsWith('assets/ideogram/')).sort();
}

describe('Gallery view', function () {
  this.timeout(180_000);
  afterEach(async () => {
    await dismissTransientUi(e2e().page);
    await closeAllEditors(e2e().page);
  });

  it('shows a palette result without a refresh; search narrows; keyboard selects; Delete + Undo restores both files', async () => {
    const { page, workspaceDir } = e2e();
    await runCommand(page, 'Ideogram: Focus on Gallery View');
    const frame = await galleryFrame(page);
    await frame.locator('#gallery-total').waitFor({ state: 'attached' });

    await runExtensionCommand(page, 'ideogram.generate');
    await answerGenerateSteps(page, PROMPT);
    await frame.locator(`.gallery-item[aria-label="${PROMPT}"] img`).first().waitFor({ state: 'visible', timeout: 60_000 });
    const files = outputFiles(workspaceDir);
    assert.ok(files.some((f) => f.endsWith('.png')) && files.some((f) => f.endsWith('.json')), `image and sidecar saved: ${files.join(', ')}`);

    // Search: only results whose text has every word.
    await frame.locator('#gallery-search input').fill('heron dawn');
    await waitUntilEquals('items matching the search', () => frame.locator('.gallery-item').count(), 1);
    await frame.locator('#gallery-search input').fill('heron nowhere-to-be-found');
    await waitUntilEquals('items matching a search with no result', () => frame.locator('.gallery-item').count(), 0);
    assert.match(await frame.locator('#gallery-total').textContent() ?? '', /No results match/);
    await frame.locator('#gallery-search input').fill('heron');
    await waitUntilEquals('items matching the search', () => frame.locator('.gallery-item').count(), 1);

    // Keyboard only: focus the grid, select the first result, delete it.
    await frame.locator('#gallery-grid').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Space');
    assert.equal(await frame.locator('.gallery-item').first().getAttribute('aria-selected'), 'true');
    await page.keyboard.press('Delete');
    // code-server's remote files have no trash: the extension asks before deleting permanently.
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible' });
    assert.match(await dialog.textContent() ?? '', /no trash/);
    await dialog.locator('.monaco-button', { hasText: 'Delete Permanently' }).click();
    const toast = await waitForNotification(page, /Deleted 1 result/);
    await waitUntilEquals('output files after the delete', async () => outputFiles(workspaceDir).length, files.length - 2);
    await waitUntilEquals('items after the delete', () => frame.locator('.gallery-item').count(), 0);

    await toast.locator('.monaco-button', { hasText: 'Undo' }).click();
    await waitUntilEquals('output files after Undo', async () => outputFiles(workspaceDir).join(','), files.join(','));
    await waitUntilEquals('items after Undo', () => frame.locator('.gallery-item').count(), 1);
    await frame.locator('#gallery-search input').fill('');
  });
});
