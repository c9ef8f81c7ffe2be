// Checks the UI helpers themselves against VS Code's built-in UI, so a broken selector shows up
// here with a clear name instead of inside an extension test.
import { strict as assert } from 'node:assert';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { e2e } from '../support/ui/context';
import { waitForWorkspaceFile } from '../support/ui/files';
import { waitUntilEquals } from '../support/wait';
import { activeEditorTitle, answerInputBox, closeAllEditors, explorerContextMenu, openWorkspaceFile, runCommand } from '../support/ui/workbench';

describe('rig UI helpers', () => {
  after(async () => {
    // Leave the shared window and workspace as the next test file expects them.
    await closeAllEditors(e2e().page);
    rmSync(path.join(e2e().workspaceDir, 'images', 'from-context-menu.txt'), { force: true });
  });

  it('quick open + input box: opens README.md and goes to line 3', async () => {
    const { page } = e2e();
    await openWorkspaceFile(page, 'README.md');
    await waitUntilEquals('active editor', () => activeEditorTitle(page), 'README.md');
    await runCommand(page, 'Go to Line/Column...');
    await answerInputBox(page, ':3');
    await page.locator('.statusbar-item', { hasText: /Ln 3, Col 1/ }).first().waitFor({ state: 'visible' });
  });

  it('explorer context menu: "New File..." in images/ creates a file on disk', async () => {
    const { page, workspaceDir } = e2e();
    await explorerContextMenu(page, 'images', 'New File...');
    const nameBox = page.locator('.explorer-folders-view .monaco-inputbox input');
    await nameBox.waitFor({ state: 'visible' });
    await nameBox.fill('from-context-menu.txt');
    await nameBox.press('Enter');
    const created = await waitForWorkspaceFile(workspaceDir, /^images\/from-context-menu\.txt$/);
    assert.deepEqual(created, ['images/from-context-menu.txt']);
    assert.ok(existsSync(path.join(workspaceDir, 'images', 'sunset.png')), 'fixture image present');
  });
});
