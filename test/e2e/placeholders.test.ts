// Placeholders in the editor, as a user meets them: a Markdown page references an image that does
// not exist; the reference gets a hint, its Quick Fix "Generate placeholder image" makes the file at
// the referenced path at the size its name asks for, and the hint goes away.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { e2e } from '../support/ui/context';
import { waitForWorkspaceFile } from '../support/ui/files';
import { closeAllEditors, dismissTransientUi, openFromExplorer, runCommand, waitForNotification } from '../support/ui/workbench';
import { readImageSize } from '../../src/common/imageSize';

const PAGE = 'placeholder-quickfix.md';
const REVIEW_PAGE = 'placeholder-review.md';
const IMAGE = 'img/kite-640x480.png';
/** The sample workspace's folder of pages with missing images (test/fixtures/workspace/missing-images). */
const SAMPLE_PAGES = 'missing-images';

describe('placeholders: the Quick Fix on a Markdown reference', function () {
  this.timeout(120_000);
  let onTestEnd: (() => void) | undefined;
  afterEach(async () => {
    const { page, workspaceDir } = e2e();
    await dismissTransientUi(page);
    await closeAllEditors(page);
    for (const file of [PAGE, REVIEW_PAGE, 'img']) rmSync(path.join(workspaceDir, file), { recursive: true, force: true });
    onTestEnd?.();
    onTestEnd = undefined;
  });

  it('makes the missing image at its exact path and size, and its hint goes away', async () => {
    const { page, workspaceDir } = e2e();
    writeFileSync(path.join(workspaceDir, PAGE), `![A paper kite over green hills](${IMAGE})\n`);
    await openFromExplorer(page, PAGE);
    const hint = page.locator('.monaco-editor .squiggly-hint');
    await hint.first().waitFor({ state: 'attached', timeout: 30_000 });
    // The cursor inside the path (before its closing parenthesis), then Quick Fix.
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await runCommand(page, 'Quick Fix...');
    const fix = page.locator('.action-widget .action-item, .action-widget .monaco-list-row', { hasText: 'Generate placeholder image' }).first();
    await fix.waitFor({ state: 'visible', timeout: 30_000 });
    await fix.click();

    const [made] = await waitForWorkspaceFile(workspaceDir, /^img\/kite-640x480\.png$/, 60_000);
    // Written atomically (renamed into place), so the first sight of it is the whole image.
    assert.deepEqual(readImageSize(new Uint8Array(readFileSync(path.join(workspaceDir, made)))), { width: 640, height: 480 });
    await waitForWorkspaceFile(workspaceDir, /^img\/\.ideogram\/kite-640x480\.png\.json$/, 30_000);
    await hint.first().waitFor({ state: 'detached', timeout: 30_000 });
    assert.equal(await hint.count(), 0);
  });

  it('Generate Missing Images shows one review: an unticked file is not made', async () => {
    const { page, workspaceDir } = e2e();
    // The sample workspace's own page of missing images (missing-images/, for the demo) waits outside
    // the workspace, so the review lists this test's two images only.
    const samples = path.join(workspaceDir, SAMPLE_PAGES);
    renameSync(samples, `${workspaceDir}-${SAMPLE_PAGES}`);
    onTestEnd = () => renameSync(`${workspaceDir}-${SAMPLE_PAGES}`, samples);
    writeFileSync(path.join(workspaceDir, REVIEW_PAGE), '![A paper kite](img/kite-a.png)\n\n![A paper boat](img/boat-b.png)\n');
    await runCommand(page, 'Ideogram: Generate Missing Images…');
    const title = page.locator('.quick-input-widget .quick-input-title');
    await title.filter({ hasText: 'generate 2 missing images' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    // In a multi-select quick pick a click on a row toggles its tick.
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'img/boat-b.png' }).first().click();
    await title.filter({ hasText: 'generate 1 missing image' }).first().waitFor({ state: 'visible' });
    await page.locator('.quick-input-widget input').first().press('Enter');
    await waitForNotification(page, 'Made 1 placeholder image(s).', 60_000);
    assert.deepEqual(readdirSync(path.join(workspaceDir, 'img')).filter((name) => !name.startsWith('.')), ['kite-a.png']);
  });
});
