// Where Describe's "Write as Alt Text" goes when an image preview hid the text editor: the document
// the user last worked in, named on the button, opened when writing (issue 11, item 3).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { e2e } from '../support/ui/context';
import { waitUntilEquals } from '../support/wait';
import { activateMenuItem, activeEditorTitle, dismissTransientUi, editorLines, openFromExplorer, runCommand } from '../support/ui/workbench';

describe('the document an action writes into', function () {
  this.timeout(120_000);
  const folder = () => path.join(e2e().workspaceDir, 'target');

  after(async () => {
    await dismissTransientUi(e2e().page);
    await runCommand(e2e().page, 'View: Close All Editors');
    rmSync(folder(), { recursive: true, force: true });
  });

  /**
   * Opens target/`name` (written with `text`), optionally puts the cursor at its end, then
   * single-clicks images/forest.jpg: its preview hides the text editor, as when a user browses images.
   */
  async function workInThenClickImage(name: string, text: string, cursorAtEnd: boolean): Promise<void> {
    const { page } = e2e();
    mkdirSync(folder(), { recursive: true });
    writeFileSync(path.join(folder(), name), text);
    await openFromExplorer(page, `target/${name}`);
    if (cursorAtEnd) {
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+End');
    }
    await openFromExplorer(page, 'images/forest.jpg');
  }

  /**
   * Reverts and closes the text editor, then the image preview by its tab's close button: a preview
   * left open can hold the keyboard focus in its webview and close the next test's palette.
   */
  async function closeTextThenImage(): Promise<void> {
    const { page } = e2e();
    await runCommand(page, 'View: Revert and Close Editor');
    const imageTab = page.locator('.tabs-container .tab', { hasText: 'forest.jpg' }).first();
    if (await imageTab.count()) {
      await imageTab.click();
      await imageTab.locator('.tab-actions .action-label').first().click();
    }
    await page.locator('.tabs-container .tab', { hasText: 'forest.jpg' }).waitFor({ state: 'detached' });
  }

  /** Runs `entry` of the Ideogram menu in the image preview's title bar. */
  async function imagePreviewMenu(entry: string): Promise<void> {
    const { page } = e2e();
    const menu = page.locator('.editor-actions .action-label[aria-label="Ideogram"]').first();
    await menu.waitFor({ state: 'visible' });
    await menu.click();
    await activateMenuItem(page, entry);
  }

  it('after a click on an image hid the text editor, Describe\'s "Write as Alt Text in …" writes into that document and shows it', async () => {
    const { page } = e2e();
    await workInThenClickImage('notes.md', 'Intro\n\n![](../images/forest.jpg)\n', false);
    await imagePreviewMenu('Describe Image');
    const first = page.locator('.quick-input-widget .monaco-list-row').first();
    await first.waitFor({ state: 'visible', timeout: 30_000 });
    await first.hover();
    // Before the fix the button was gone here: the preview had hidden the only text editor.
    await first.locator('.action-label[aria-label="Write as Alt Text in target/notes.md"]').click({ timeout: 10_000 });
    await waitUntilEquals('active editor', () => activeEditorTitle(page), 'notes.md');
    const reference = async () => /!\[(A JPEG image[^\]]*)\]\(\.\.\/images\/forest\.jpg\)/.test(
      ((await page.locator('.monaco-editor .view-lines').first().innerText()) ?? '').replace(/\u00a0/g, ' '));
    await waitUntilEquals('notes.md shows the alt text', reference, true);
    await closeTextThenImage();
  });

  it('the image preview\'s title bar → Ideogram → Insert into Editor puts a reference to it into the document last worked in', async () => {
    const { page } = e2e();
    await workInThenClickImage('page.md', '# Page\n\nText.\n', true);
    await imagePreviewMenu('Insert into Editor');
    await waitUntilEquals('active editor', () => activeEditorTitle(page), 'page.md');
    // No sidecar: the file name is the alt text. The cursor was on the empty last line.
    await waitUntilEquals('page.md', async () => (await editorLines(page)).join('\n'), '# Page\n\nText.\n![forest](../images/forest.jpg)');
    await closeTextThenImage();
  });
});
