// The UI in Simplified Chinese: with code-server started in locale zh-cn, the extension's
// contributions come from package.nls.zh-cn.json and its runtime strings (including the Studio
// webview's, which the host builds) from l10n/bundle.l10n.zh-cn.json.
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { e2e } from '../support/ui/context';
import { exactly, runCommand, webviewFrame } from '../support/ui/workbench';

const nlsZh = JSON.parse(readFileSync('package.nls.zh-cn.json', 'utf8')) as Record<string, string>;
const bundleZh = JSON.parse(readFileSync('l10n/bundle.l10n.zh-cn.json', 'utf8')) as Record<string, string>;
/** The Chinese text of `key` with its {n} placeholders filled, as l10n.t produces it. */
const zh = (key: string, ...args: (string | number)[]) => bundleZh[key].replace(/\{(\d+)\}/g, (_, n: string) => String(args[Number(n)]));

describe('Simplified Chinese UI (locale zh-cn)', () => {
  it('the command palette lists the Ideogram commands with their Chinese titles', async () => {
    const { page } = e2e();
    const expected = ['command.generate.title', 'command.describe.title', 'command.openStudio.title', 'command.findMissingAltText.title']
      .map((key) => `Ideogram: ${nlsZh[key]}`);
    const input = page.locator('.quick-input-widget input');
    const labels = page.locator('.quick-input-widget .monaco-list-row .label-name');
    // Each title is typed in full: the palette shows only the first rows of a long list of matches.
    for (const title of expected) {
      const row = labels.filter({ hasText: exactly(title) }).first();
      let found = false;
      // Extension commands join the palette once the extension host has scanned them: reopen until they do.
      for (let attempt = 0; attempt < 10 && !found; attempt++) {
        await page.keyboard.press('F1');
        await input.fill(`>${title}`);
        found = await row.waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false);
        await page.keyboard.press('Escape');
      }
      assert.ok(found, `"${title}" not in the palette`);
    }
    // (VS Code also shows each command's English original beside a translated title, so English
    // labels being present too is expected in the palette.)
  });

  it('the Studio shows its labels in Chinese', async () => {
    const { page } = e2e();
    await runCommand(page, `Ideogram: ${nlsZh['command.openStudio.title']}`);
    const frame = webviewFrame(page);
    for (const english of ['Prompt', 'Negative prompt']) {
      await frame.getByText(bundleZh[english], { exact: true }).first().waitFor({ state: 'visible', timeout: 30_000 });
    }
    // The Run button says what a click bills, in Chinese ("生成 1 张图像" / "生成 4 张图像").
    const runLabels = [bundleZh['Generate 1 image'], ...[2, 3, 4, 5, 6, 7, 8].map((n) => zh('Generate {0} images', n))];
    await frame.locator('#run', { hasText: new RegExp(`^\\s*(${runLabels.join('|')})\\s*$`) }).waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await frame.getByText('Negative prompt', { exact: true }).count(), 0, 'an English label is shown');
    // The tab title comes from the host's vscode.l10n.t as well.
    await page.locator('.tab', { hasText: bundleZh['Ideogram Studio'] }).first().waitFor({ state: 'visible', timeout: 10_000 });
  });

  it('the Studio validates as the user types in Chinese (the client\'s messages, translated in the webview)', async () => {
    const { page } = e2e();
    const frame = webviewFrame(page);
    const random = frame.locator('#random-seed');
    const isRandom = () => random.evaluate((box) => (box as unknown as { checked: boolean }).checked);
    if (await isRandom()) await random.click();
    await frame.locator('#seed input').fill('12abc');
    const expected = zh('{0} must be a whole number from {1} to {2}.', bundleZh['Seed'], 0, 2147483647);
    await frame.locator('#seed-error', { hasText: expected }).waitFor({ state: 'visible', timeout: 15_000 });
    assert.doesNotMatch((await frame.locator('#seed-error').textContent()) ?? '', /whole number/, 'the English message is shown');
    const dir = path.join('test-results', 'locale');
    mkdirSync(dir, { recursive: true });
    // Look at it: the message must be real Chinese glyphs (fonts-wqy-zenhei), not boxes.
    await page.screenshot({ path: path.join(dir, 'studio-seed-zh-cn.png') });
    await frame.locator('#seed input').fill('');
    if (!(await isRandom())) await random.click();
  });
});
