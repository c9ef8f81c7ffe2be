// "Ideogram: Find Images Missing Alt Text" as a user runs it on the sample workspace (its
// alt-text/ folder has one image without alt text per syntax): the refactor preview opens with
// every fix ticked, Apply writes them, an alt="" stays decorative, and the result message names
// the references that were skipped.
import { strict as assert } from 'node:assert';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { e2e } from '../support/ui/context';
import { dismissTransientUi, runCommand, waitForNotification } from '../support/ui/workbench';

describe('Find Images Missing Alt Text UI', function () {
  this.timeout(120_000);
  const missingImageDoc = () => path.join(e2e().workspaceDir, 'alt-text', 'lost.md');

  after(async () => {
    rmSync(missingImageDoc(), { force: true });
    await dismissTransientUi(e2e().page);
  });

  it('Apply in the refactor preview writes the alt text it shows, keeps alt="" and names what was skipped', async () => {
    const { page, workspaceDir, mockServer } = e2e();
    writeFileSync(missingImageDoc(), '![](../images/gone.png)\n');
    mockServer.reset();
    await runCommand(page, 'Ideogram: Find Images Missing Alt Text');
    // Before the fix every entry was unticked, so this button stayed disabled and Apply wrote nothing.
    const apply = page.locator('.bulk-edit-panel .monaco-button:not(.disabled)', { hasText: /^Apply$/ });
    await apply.waitFor({ state: 'visible', timeout: 60_000 });
    await apply.click();
    const read = (relative: string) => readFileSync(path.join(workspaceDir, 'alt-text', relative), 'utf8');
    const altOf = (text: string, pattern: RegExp) => pattern.exec(text)?.[1] ?? '(none)';
    // The message comes once the edit is applied; VS Code saves a refactoring's files before that (files.refactoring.autoSave).
    await waitForNotification(page, /Alt text written for 4 image reference\(s\)\. Skipped 1: \.\.\/images\/gone\.png in alt-text\/lost\.md \(file not found\)/);
    const guide = read('guide.md');
    const html = read('page.html');
    assert.match(altOf(guide, /!\[([^\]]*)\]\(\.\.\/images\/sunset\.png\)/), /^A \S/, guide);
    assert.match(altOf(html, /src="\.\.\/images\/forest\.jpg" alt="([^"]*)"/), /^A \S/, html);
    assert.match(altOf(read('Banner.jsx'), /src="\.\.\/images\/logo\.webp" alt="([^"]*)"/), /^A \S/, read('Banner.jsx'));
    assert.match(altOf(read('Card.vue'), /src="\.\.\/images\/sunset\.png" alt="([^"]*)"/), /^A \S/, read('Card.vue'));
    assert.ok(html.includes('<img src="../images/logo.webp" alt="">'), 'the decorative alt="" was overwritten');
    assert.ok(guide.includes('![A forest kept as it is](../images/forest.jpg)'), 'an existing alt text changed');
    // Each image described once, however many references it has.
    assert.equal(mockServer.requests.filter((r) => r.path === '/ideogram/describe').length, 3);
  });
});
