// The image commands' UI: Generate through the palette's multi-step quick input, the explorer's
// Ideogram submenu on images (Describe, Upscale), Retry on a server error and Save Again on a failed
// download, clicked as a user would.
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import type { Locator, Page } from 'playwright-core';
import { e2e } from '../support/ui/context';
import { listFiles, waitForWorkspaceFile } from '../support/ui/files';
import { answerGenerateSteps, promptThenSettings } from '../support/ui/generate';
import { hostedImage } from '../support/ui/hostedImage';
import { waitUntilEquals } from '../support/wait';
import { setTheme, waitFor } from '../support/ui/studio';
import { activateMenuItem, editorLines, answerInputBox, dismissTransientUi, hasListFocus, menuItem, openWorkspaceFile, pickQuickPickItem, quickPickRow, revealInExplorer, runCommand, runExtensionCommand, waitForNotification, waitForNotificationInCenter, waitForQuickInputStep, webviewFrame } from '../support/ui/workbench';

const SCREENSHOTS = process.env.IDEOGRAM_SCREENSHOTS_DIR ?? path.join('test-results', 'screenshots');

const quickInputTitle = (page: Page) => page.locator('.quick-input-widget .quick-input-title');

async function ideogramSubmenu(page: Page, relativePath: string, entry: string): Promise<void> {
  const row = await revealInExplorer(page, relativePath);
  const submenu = page.locator('.monaco-menu .action-item:not(.disabled) .action-label', { hasText: /^\s*Ideogram\s*$/ }).first();
  // Right after the workbench loads the extension's menus may not be known yet (a test run alone, or
  // first): reopen the context menu until the submenu is there, as runCommand does for the palette.
  const deadline = Date.now() + 30_000;
  for (;;) {
    await row.click({ button: 'right' });
    try {
      await submenu.waitFor({ state: 'visible', timeout: 3000 });
      // A row that moved under the pointer (the tree still settling) gets the menu instead: retry.
      if (!(await hasListFocus(row))) throw new Error(`the context menu opened on another row than ${relativePath}`);
      break;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await page.keyboard.press('Escape');
    }
  }
  // Hovering opens the submenu (clicking the parent can toggle it shut again); the keyboard is the fallback.
  await submenu.hover();
  try {
    await menuItem(page, entry).waitFor({ state: 'visible', timeout: 3000 });
  } catch {
    await page.keyboard.press('ArrowRight');
  }
  await activateMenuItem(page, entry);
}

/**
 * Checks that a notification shows `text` literally: no link in its message (VS Code renders
 * `[label](command:…)` there as an <a> that runs the command) and the whole text readable.
 */
async function assertShownAsText(toast: Locator, text: string): Promise<void> {
  const message = toast.locator('.notification-list-item-message');
  assert.equal(await message.locator('a').count(), 0, `a link in the notification: ${await message.innerHTML()}`);
  // The word joiner that keeps "](" apart is invisible; a reader sees the text exactly.
  assert.ok(((await message.textContent()) ?? '').replaceAll('\u2060', '').includes(text), `the notification shows ${text}`);
}

/** Opens the workspace README.md and puts the cursor on a new line at its end, for the insert tests. */
async function openReadmeOnNewLastLine(page: Page): Promise<void> {
  await openWorkspaceFile(page, 'README.md');
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
}

async function pngsUnder(dir: string): Promise<string[]> {
  try {
    return listFiles(dir).filter((f) => f.startsWith('assets/ideogram/') && f.endsWith('.png'));
  } catch {
    return [];
  }
}

describe('image commands UI', function () {
  this.timeout(120_000);

  afterEach(async () => {
    await dismissTransientUi(e2e().page);
    e2e().mockServer.setFault({ mode: 'none' });
  });

  it('generates through the palette: prompt, Change settings…, model, aspect ratio, style, magic prompt, count, review', async () => {
    const { page, workspaceDir, mockServer } = e2e();
    mockServer.reset();
    await runExtensionCommand(page, 'ideogram.generate');
    await promptThenSettings(page, 'A blue whale singing');
    await pickQuickPickItem(page, 'V_2_TURBO', { step: '2/7' });
    await pickQuickPickItem(page, '16:9 (landscape)', { step: '3/7' });
    await pickQuickPickItem(page, 'Design', { step: '4/7' });
    await pickQuickPickItem(page, 'Off', { step: '5/7' });
    await pickQuickPickItem(page, '2', { step: '6/7' });
    await waitForQuickInputStep(page, '7/7');
    // The confirming step shows the prompt and says how many images will be billed, and about what for.
    assert.match((await quickPickRow(page, 'Prompt').textContent()) ?? '', /A blue whale singing/);
    assert.match((await quickPickRow(page, 'Generate').textContent()) ?? '', /2 images billed · about \$0\.10/);
    await quickPickRow(page, 'Generate').click();
    const files = await waitForWorkspaceFile(workspaceDir, /^assets\/ideogram\/.*a-blue-whale-singing-\d+\.png$/, 60_000);
    // The sidecar is written right after the image (temp file + rename, so once there it is whole).
    const sidecarName = files[0].replace(/\.png$/, '.json');
    await waitForWorkspaceFile(workspaceDir, new RegExp(`^${sidecarName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    const generate = mockServer.requests.find((r) => r.path === '/ideogram/generate');
    assert.deepEqual((generate?.json as { image_request: unknown }).image_request, {
      prompt: 'A blue whale singing', model: 'V_2_TURBO', aspect_ratio: 'ASPECT_16_9', style_type: 'DESIGN', magic_prompt_option: 'OFF', num_images: 2,
    });
    const sidecar = JSON.parse(readFileSync(path.join(workspaceDir, sidecarName), 'utf8')) as { prompt: string; model: string };
    assert.equal(sidecar.prompt, 'A blue whale singing');
    assert.equal(sidecar.model, 'V_2_TURBO');
    await waitForNotification(page, /Saved 2 images in assets\/ideogram\./);
  });

  it('generates with Ideogram 3.0 through the palette: the model step lists it, a speed step follows, the 3.0 route is called', async () => {
    const { page, workspaceDir, mockServer } = e2e();
    mockServer.reset();
    await runExtensionCommand(page, 'ideogram.generate');
    await promptThenSettings(page, 'A glass fox in the rain');
    await pickQuickPickItem(page, 'Ideogram 3.0', { step: '2/7' });
    await pickQuickPickItem(page, 'Turbo', { step: '3/8' });
    await pickQuickPickItem(page, '16:9 (landscape)', { step: '4/8' });
    await pickQuickPickItem(page, 'Design', { step: '5/8' });
    await pickQuickPickItem(page, 'Off', { step: '6/8' });
    await pickQuickPickItem(page, '1', { step: '7/8' });
    await waitForQuickInputStep(page, '8/8');
    assert.match((await quickPickRow(page, 'Generate').textContent()) ?? '', /Ideogram 3\.0 · Turbo speed · 16:9 \(landscape\) · Design style · magic prompt Off · 1 image billed · about \$0\.03/);
    await quickPickRow(page, 'Generate').click();
    await waitForWorkspaceFile(workspaceDir, /^assets\/ideogram\/.*a-glass-fox-in-the-rain-\d+\.png$/, 60_000);
    const generate = mockServer.requests.find((r) => r.path === '/ideogram/v1/ideogram-v3/generate');
    assert.deepEqual(
      [generate?.fields?.prompt, generate?.fields?.rendering_speed, generate?.fields?.aspect_ratio, generate?.fields?.style_type, generate?.fields?.magic_prompt],
      ['A glass fox in the rain', 'TURBO', '16x9', 'DESIGN', 'OFF'],
    );
    await waitForNotification(page, /Saved assets\/ideogram\/.*a-glass-fox-in-the-rain-\d+\.png\./);
  });

  it('with a V_1 model the palette skips the style step and offers no resolution in the review', async () => {
    const { page } = e2e();
    await runExtensionCommand(page, 'ideogram.generate');
    await promptThenSettings(page, 'An old-model lighthouse');
    await pickQuickPickItem(page, 'V_1', { step: '2/7' });
    await pickQuickPickItem(page, '1:1 (square)', { step: '3/6' });
    await pickQuickPickItem(page, 'Auto', { step: '4/6' });
    await pickQuickPickItem(page, '1', { step: '5/6' });
    await waitForQuickInputStep(page, '6/6');
    await quickPickRow(page, 'Seed').waitFor({ state: 'visible' });
    assert.equal(await quickPickRow(page, 'Resolution').count(), 0, 'Ideogram\'s schema: resolution is for 2.0 models only');
    // Dismissed, not run: the flow remembers choices only when it completes, so later tests start from V_2.
    await page.keyboard.press('Escape');
  });

  it('generates in two keystrokes: one screen shows the remembered settings and the billed count; Enter generates', async () => {
    const { page, workspaceDir, mockServer } = e2e();
    mockServer.reset();
    await runExtensionCommand(page, 'ideogram.generate');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    // The first test's choices are remembered: V_2_TURBO, 16:9, Design, magic prompt off, two images.
    const message = page.locator('.quick-input-widget .quick-input-message');
    await waitUntilEquals('the remembered settings under the prompt', async () => /V_2_TURBO · 16:9 \(landscape\) · Design style · magic prompt Off · 2 images billed · about \$0\.10/.test((await message.textContent()) ?? ''), true);
    assert.equal(await page.locator('.quick-input-widget .quick-input-title').textContent().then((t) => /\d+\/\d+/.test(t ?? '')), false, 'no step count: one screen');
    await input.fill('A two keystroke comet');
    await input.press('Enter');
    await waitForWorkspaceFile(workspaceDir, /^assets\/ideogram\/.*a-two-keystroke-comet-\d+\.png$/, 60_000);
    const generate = mockServer.requests.find((r) => r.path === '/ideogram/generate');
    assert.deepEqual((generate?.json as { image_request: unknown }).image_request, {
      prompt: 'A two keystroke comet', model: 'V_2_TURBO', aspect_ratio: 'ASPECT_16_9', style_type: 'DESIGN', magic_prompt_option: 'OFF', num_images: 2,
    });
    await waitForNotification(page, /Saved 2 images in assets\/ideogram\./);
  });

  it('Insert into Editor writes a relative Markdown reference at the cursor', async () => {
    const { page, workspaceDir } = e2e();
    await openReadmeOnNewLastLine(page);
    await runExtensionCommand(page, 'ideogram.generate');
    await answerGenerateSteps(page, 'A pelican [on] a pier');
    const [file] = await waitForWorkspaceFile(workspaceDir, /^assets\/ideogram\/.*a-pelican-on-a-pier-\d+\.png$/, 60_000);
    // This run's toast, not the previous test's "Saved 2 images…", which can still be on screen.
    const toast = await waitForNotification(page, `Saved ${file}.`);
    await toast.locator('.monaco-button', { hasText: 'Insert into Editor' }).click();
    // Brackets cannot be escaped in Markdown alt text (VS Code's preview drops the backslashes): an <img> tag keeps them.
    const expected = `<img src="${file}" alt="A pelican [on] a pier" />`;
    const deadline = Date.now() + 10_000;
    let text = '';
    while (Date.now() < deadline) {
      text = ((await page.locator('.monaco-editor .view-lines').first().innerText()) ?? '').replace(/\u00a0/g, ' ');
      if (text.includes(expected)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(text.includes(expected), `editor shows ${expected}; got:\n${text}`);
    // Leave README.md as it was: undo the insert and the new line, close without saving.
    await runCommand(page, 'View: Revert and Close Editor');
  });

  it('Insert into Editor at the start of a heading puts the reference on its own line, the heading intact', async () => {
    const { page, workspaceDir } = e2e();
    await openWorkspaceFile(page, 'README.md');
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Home');
    await runExtensionCommand(page, 'ideogram.generate');
    await answerGenerateSteps(page, 'A fox above the heading');
    const [file] = await waitForWorkspaceFile(workspaceDir, /^assets\/ideogram\/.*a-fox-above-the-heading-\d+\.png$/, 60_000);
    const toast = await waitForNotification(page, `Saved ${file}.`);
    await toast.locator('.monaco-button', { hasText: 'Insert into Editor' }).click();
    const firstLines = async () => (await editorLines(page)).slice(0, 2).join('\n');
    // Before the fix: `![A fox above the heading](…png)# Sample workspace`, the heading destroyed.
    await waitUntilEquals('the first two lines', firstLines, `![A fox above the heading](${file})\n# Sample workspace`);
    await runCommand(page, 'View: Revert and Close Editor');
  });

  it('right-click an image → Ideogram → Describe Image shows the descriptions', async () => {
    const { page, mockServer } = e2e();
    mockServer.reset();
    await ideogramSubmenu(page, 'images/sunset.png', 'Describe Image');
    await quickInputTitle(page).filter({ hasText: 'Descriptions' }).waitFor({ state: 'visible', timeout: 30_000 });
    const rows = page.locator('.quick-input-widget .monaco-list-row');
    assert.ok((await rows.count()) >= 1, 'at least one description');
    assert.equal(mockServer.requests.filter((r) => r.path === '/ideogram/describe').length, 1);
  });

  it('Describe from the palette with no image offers the workspace\'s images: the results on top, Browse… last', async () => {
    const { page, mockServer } = e2e();
    mockServer.reset();
    await runCommand(page, 'View: Close All Editors');
    await runExtensionCommand(page, 'ideogram.describe');
    await quickInputTitle(page).filter({ hasText: 'Choose an image' }).waitFor({ state: 'visible', timeout: 30_000 });
    const labels = async (): Promise<string[]> => (await page.locator('.quick-input-widget .monaco-list-row .label-name').allTextContents()).map((t) => t.trim());
    // The earlier tests saved results in assets/ideogram: the newest of them is the first entry.
    const rows = page.locator('.quick-input-widget .monaco-list-row');
    assert.match(((await rows.first().textContent()) ?? ''), /\.png.*assets\/ideogram/);
    assert.ok((await labels()).includes('forest.jpg'), `the workspace images: ${(await labels()).join(' | ')}`);
    await pickQuickPickItem(page, 'forest.jpg');
    await quickInputTitle(page).filter({ hasText: 'Descriptions' }).waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(mockServer.requests.filter((r) => r.path === '/ideogram/describe').length, 1);
  });

  it('a description\'s "Insert into README.md" button writes it into the open editor', async () => {
    const { page } = e2e();
    await openReadmeOnNewLastLine(page);
    await ideogramSubmenu(page, 'images/sunset.png', 'Describe Image');
    await quickInputTitle(page).filter({ hasText: 'Descriptions' }).waitFor({ state: 'visible', timeout: 30_000 });
    const row = page.locator('.quick-input-widget .monaco-list-row').first();
    const description = ((await row.locator('.label-name').first().textContent()) ?? '').trim();
    assert.ok(description.length > 10, `a description: ${description}`);
    await row.hover();
    await row.locator('.action-label[aria-label="Insert into README.md"], .action-label[title="Insert into README.md"]').first().click();
    const deadline = Date.now() + 10_000;
    let text = '';
    while (Date.now() < deadline) {
      text = ((await page.locator('.monaco-editor .view-lines').first().innerText()) ?? '').replace(/\u00a0/g, ' ');
      if (text.includes(description.slice(0, 40))) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(text.includes(description.slice(0, 40)), `editor shows the description; got:\n${text}`);
    await runCommand(page, 'View: Revert and Close Editor');
  });

  it('the image preview\'s title bar has the Ideogram menu: Describe Image', async () => {
    const { page, mockServer } = e2e();
    mockServer.reset();
    await openWorkspaceFile(page, 'forest.jpg');
    const button = page.locator('.editor-actions .action-label[aria-label="Ideogram"]').first();
    await button.waitFor({ state: 'visible' });
    await button.click();
    await activateMenuItem(page, 'Describe Image');
    await quickInputTitle(page).filter({ hasText: 'Descriptions' }).waitFor({ state: 'visible', timeout: 30_000 });
    const describe = mockServer.requests.filter((r) => r.path === '/ideogram/describe');
    assert.equal(describe.length, 1);
    assert.equal(describe[0].files?.[0]?.contentType, 'image/jpeg');
    await page.keyboard.press('Escape');
    // The tab's own close button: keyboard focus may sit inside the preview's webview.
    await page.locator('.tabs-container .tab.active .tab-actions .action-label').first().click();
  });

  it('right-click an image → Ideogram → Upscale Image… asks, then saves the upscaled image', async () => {
    const { page, workspaceDir, mockServer } = e2e();
    mockServer.reset();
    const before = await pngsUnder(workspaceDir);
    await ideogramSubmenu(page, 'images/sunset.png', 'Upscale Image…');
    await answerInputBox(page, '', { step: '1/2' });
    await pickQuickPickItem(page, 'Balanced', { step: '2/2' });
    const deadline = Date.now() + 60_000;
    let added: string[] = [];
    while (added.length === 0 && Date.now() < deadline) {
      added = (await pngsUnder(workspaceDir)).filter((f) => !before.includes(f));
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.equal(added.length, 1, 'one upscaled image saved');
    const upscale = mockServer.requests.find((r) => r.path === '/ideogram/upscale');
    assert.deepEqual(upscale?.files?.map((f) => f.field), ['image_file']);
  });

  it('right-click an image → Ideogram → Remix Image… walks prompt, weight and model, with a working Back button', async () => {
    const { page, workspaceDir, mockServer } = e2e();
    mockServer.reset();
    await ideogramSubmenu(page, 'images/logo.webp', 'Remix Image…');
    await answerInputBox(page, 'the logo in neon', { step: '1/3' });
    await waitForQuickInputStep(page, '2/3');
    await page.locator('.quick-input-widget .quick-input-left-action-bar .action-label').first().click();
    await waitForQuickInputStep(page, '1/3');
    assert.equal(await page.locator('.quick-input-widget input').inputValue(), 'the logo in neon', 'Back keeps the prompt');
    await page.locator('.quick-input-widget input').press('Enter');
    // Each step is a new input created by the extension host after the previous one is accepted; until
    // it arrives the old step is still on screen, and typing then lands in the old step's box (whose
    // value the new step replaces with its default, 50). Wait for the step as a user would see it.
    await answerInputBox(page, '35', { step: '2/3' });
    // The last step, after which the request is sent, says how many images it bills (ideogram.defaults.numImages) and about what for.
    await waitForQuickInputStep(page, '3/3');
    assert.match((await page.locator('.quick-input-widget input').getAttribute('placeholder')) ?? '', /1 image billed · about \$0\.\d+/);
    await pickQuickPickItem(page, 'V_2', { step: '3/3' });
    // A remix keeps its source's name (logo.webp → logo-remix-1.png).
    await waitForWorkspaceFile(workspaceDir, /^assets\/ideogram\/logo-remix-\d+\.png$/, 60_000);
    const remix = mockServer.requests.find((r) => r.path === '/ideogram/remix');
    const imageRequest = JSON.parse(remix?.fields?.image_request ?? '{}') as Record<string, unknown>;
    assert.equal(imageRequest.prompt, 'the logo in neon');
    assert.equal(imageRequest.image_weight, 35);
    assert.equal(imageRequest.model, 'V_2');
    assert.deepEqual(remix?.files?.map((f) => [f.field, f.contentType]), [['image_file', 'image/webp']]);
  });

  it('Remix from the palette without an image offers "Remix Image from URL…": the link is downloaded and uploaded', async () => {
    const { page, workspaceDir, mockServer, apiKey } = e2e();
    const { url: hostedUrl, size: hostedSize } = await hostedImage(mockServer, apiKey, { prompt: 'a hosted original', aspect_ratio: 'ASPECT_3_2', seed: 11 });
    mockServer.reset();
    // No image is open, so the command asks which image to use.
    await runCommand(page, 'View: Close All Editors');
    await runExtensionCommand(page, 'ideogram.remix');
    await pickQuickPickItem(page, 'Remix Image from URL…');
    await waitUntilEquals('the link box', async () => (await quickInputTitle(page).textContent())?.trim(), 'Remix Image from URL…');
    // A query string, as signed links have.
    await answerInputBox(page, `${hostedUrl}?exp=1&sig=abc`);
    await answerInputBox(page, 'the hosted image at dusk', { step: '1/3' });
    await answerInputBox(page, '40', { step: '2/3' });
    const before = await pngsUnder(workspaceDir);
    await pickQuickPickItem(page, 'V_2', { step: '3/3' });
    // A remix is named after its source (here the link's file name), so it is told apart as the new file.
    await waitUntilEquals('the remix saved', async () => (await pngsUnder(workspaceDir)).filter((f) => !before.includes(f) && /^assets\/ideogram\/.+-remix-\d+\.png$/.test(f)).length, 1, 60_000);
    const remix = mockServer.requests.find((r) => r.path === '/ideogram/remix');
    assert.deepEqual(remix?.files?.map((f) => [f.field, f.size]), [['image_file', hostedSize]], 'the hosted bytes were uploaded');
  });

  it('a server error shows Retry; clicking it sends the same request again and saves', async () => {
    const { page, workspaceDir, mockServer } = e2e();
    mockServer.reset();
    // 1 try + 3 client retries fail; the user's Retry then succeeds.
    mockServer.setFault({ mode: 'server-error', status: 503, count: 4 });
    await runExtensionCommand(page, 'ideogram.generate');
    await answerGenerateSteps(page, 'A retried robot');
    const toast = await waitForNotification(page, /server error/i, 60_000);
    await toast.locator('.monaco-button', { hasText: 'Retry' }).click();
    await waitForWorkspaceFile(workspaceDir, /^assets\/ideogram\/.*a-retried-robot-\d+\.png$/, 60_000);
    const prompts = mockServer.requests.filter((r) => r.path === '/ideogram/generate').map((r) => (r.json as { image_request: { prompt: string } }).image_request.prompt);
    assert.equal(prompts.length, 5);
    assert.ok(prompts.every((p) => p === 'A retried robot'));
  });

  it('shows a file name and a server\'s error text as text, never as a link that runs a command', async () => {
    const { page, workspaceDir, mockServer } = e2e();
    mockServer.reset();
    const link = '[Fix this image](command:ideogram.setApiKey?%22sk-attacker%22)';
    // A workspace file named like a command link; not an image, so Describe names it in an error.
    const trap = path.join(workspaceDir, 'images', `${link}.png`);
    writeFileSync(trap, 'not an image');
    // VS Code shows at most three toasts, the oldest first, so a new one stays hidden behind those that
    // earlier tests left on screen (an error with actions never times out): start from none.
    await runCommand(page, 'Notifications: Clear All Notifications');
    try {
      await ideogramSubmenu(page, `images/${link}.png`, 'Describe Image');
      await assertShownAsText(await waitForNotification(page, /Fix this image.*is not a PNG/), `${link}.png`);
      assert.equal(mockServer.requests.length, 0, 'nothing was sent for a file that is not an image');
      await runCommand(page, 'Notifications: Clear All Notifications');
      // A provider whose error text carries the same link.
      mockServer.setFault({ mode: 'server-error', status: 400, message: `Your key has expired. ${link}`, count: 1 });
      await ideogramSubmenu(page, 'images/sunset.png', 'Describe Image');
      await assertShownAsText(await waitForNotification(page, /rejected the describe request.*Your key has expired/), `Your key has expired. ${link}`);
    } finally {
      rmSync(trap, { force: true });
      await runCommand(page, 'Notifications: Clear All Notifications');
    }
  });

  it('images made but not saved: clicking "Save Again" downloads the same result again, without a new request', async () => {
    const { page, workspaceDir, mockServer } = e2e();
    mockServer.reset();
    // Toasts left on screen would hide this test's (VS Code shows at most three, the oldest first).
    await runCommand(page, 'Notifications: Clear All Notifications');
    // The API answers; the one image download is cut off, so nothing can be saved the first time.
    mockServer.setFault({ mode: 'connection-reset', target: 'images', count: 1 });
    await runExtensionCommand(page, 'ideogram.generate');
    await answerGenerateSteps(page, 'A rescued robot');
    const toast = await waitForNotification(page, /could not be saved/i, 60_000);
    await toast.locator('.monaco-button', { hasText: 'Save Again' }).click();
    const [saved] = await waitForWorkspaceFile(workspaceDir, /^assets\/ideogram\/.*a-rescued-robot-\d+\.png$/, 60_000);
    // The notification center, not a toast: VS Code shows no toast for a notification that follows
    // three others within 800 ms (progress, error, progress), and a quick click can make that happen.
    await waitForNotificationInCenter(page, `Saved ${saved}.`);
    assert.equal(mockServer.requests.filter((r) => r.path === '/ideogram/generate').length, 1, 'Save Again sent no new request');
  });

  it('right-click an image → Ideogram → Extend Image (Reframe)… to 16:9 saves the image at the 3.0 resolution', async () => {
    const { page, workspaceDir, mockServer } = e2e();
    mockServer.reset();
    const before = await pngsUnder(workspaceDir);
    await ideogramSubmenu(page, 'images/sunset.png', 'Extend Image (Reframe)…');
    await pickQuickPickItem(page, '16:9 (landscape)');
    await waitUntilEquals('images added', async () => (await pngsUnder(workspaceDir)).filter((f) => !before.includes(f)).length, 1, 60_000);
    const [added] = (await pngsUnder(workspaceDir)).filter((f) => !before.includes(f));
    const png = readFileSync(path.join(workspaceDir, added));
    // PNG IHDR: width and height are the big-endian words at bytes 16 and 20.
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1312, 736]);
    const reframe = mockServer.requests.find((r) => r.path === '/ideogram/v1/ideogram-v3/reframe');
    assert.equal(reframe?.form, 'official');
    assert.deepEqual(reframe?.files?.map((f) => f.field), ['image']);
    // The sidecar is written after its image: wait for it, then read what it recorded.
    const sidecarPath = path.join(workspaceDir, added.replace(/\.png$/, '.json'));
    await waitUntilEquals('sidecar written', () => Promise.resolve(existsSync(sidecarPath)), true);
    const sidecar = JSON.parse(readFileSync(sidecarPath, 'utf8')) as Record<string, unknown>;
    assert.deepEqual([sidecar.operation, sidecar.api_family, sidecar.endpoint, sidecar.source_image], ['reframe', 'v3', 'v1/ideogram-v3/reframe', 'images/sunset.png']);
  });

  it('right-click an image → Ideogram → Edit (Inpaint)…, paint a rectangle, run: only that region of the saved image changed', async () => {
    const { page, workspaceDir, mockServer } = e2e();
    mockServer.reset();
    const before = await pngsUnder(workspaceDir);
    await ideogramSubmenu(page, 'images/sunset.png', 'Edit (Inpaint)…');
    const frame = webviewFrame(page);
    const editor = frame.locator('#v3-mask-editor');
    await editor.locator('.stage').waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await frame.locator('#mode-v3').getAttribute('aria-selected'), 'true', 'the Ideogram 3.0 tab is selected');
    // The rectangle tool, dragged from 10 % to 50 % of the picture's width and height.
    await editor.locator('button[aria-label="Rectangle"]').click();
    const stage = (await editor.locator('.stage').boundingBox())!;
    const at = (fx: number, fy: number): [number, number] => [stage.x + fx * stage.width, stage.y + fy * stage.height];
    await page.mouse.move(...at(0.1, 0.1));
    await page.mouse.down();
    await page.mouse.move(...at(0.5, 0.5), { steps: 5 });
    await page.mouse.up();
    await frame.locator('#v3-prompt textarea').fill('a full moon');
    await frame.locator('#run').click();
    await waitUntilEquals('images added', async () => (await pngsUnder(workspaceDir)).filter((f) => !before.includes(f)).length, 1, 60_000);
    const [added] = (await pngsUnder(workspaceDir)).filter((f) => !before.includes(f));
    // The official form's inpaint route got the image and a mask of its exact size.
    const inpaint = mockServer.requests.find((r) => r.path === '/ideogram/v1/ideogram-v3/inpaint');
    assert.deepEqual(inpaint?.files?.map((f) => f.field), ['image', 'mask']);
    assert.equal(inpaint?.fields?.prompt, 'a full moon');
    const input = PNG.sync.read(readFileSync(path.join(workspaceDir, 'images/sunset.png')));
    assert.deepEqual([inpaint?.mask?.width, inpaint?.mask?.height], [input.width, input.height], 'the mask has the image\'s size');
    // Pixel by pixel: inside the rectangle one fill colour, outside the input unchanged.
    await waitFor('the result written in full', () => { try { PNG.sync.read(readFileSync(path.join(workspaceDir, added))); return true; } catch { return false; } });
    const output = PNG.sync.read(readFileSync(path.join(workspaceDir, added)));
    assert.deepEqual([output.width, output.height], [input.width, input.height]);
    const pixel = (png: PNG, x: number, y: number) => Array.from(png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 4));
    const inside = (x: number, y: number) => x >= 0.12 * input.width && x < 0.48 * input.width && y >= 0.12 * input.height && y < 0.48 * input.height;
    const outside = (x: number, y: number) => x < 0.08 * input.width || x >= 0.52 * input.width || y < 0.08 * input.height || y >= 0.52 * input.height;
    const fill = pixel(output, Math.round(0.3 * input.width), Math.round(0.3 * input.height));
    let changedInside = 0;
    let keptOutside = 0;
    let checkedInside = 0;
    let checkedOutside = 0;
    for (let y = 0; y < input.height; y++) {
      for (let x = 0; x < input.width; x++) {
        if (inside(x, y)) {
          checkedInside++;
          if (pixel(output, x, y).join() === fill.join()) changedInside++;
        } else if (outside(x, y)) {
          checkedOutside++;
          if (pixel(output, x, y).join() === pixel(input, x, y).join()) keptOutside++;
        }
      }
    }
    assert.ok(checkedInside > 0 && checkedOutside > 0);
    assert.equal(changedInside, checkedInside, 'every pixel inside the rectangle has the fill colour');
    assert.equal(keptOutside, checkedOutside, 'every pixel outside it is the input\'s');
    assert.notDeepEqual(fill, pixel(input, Math.round(0.3 * input.width), Math.round(0.3 * input.height)), 'the region changed');

    // How the tab looks in a dark theme (the workbench's is light): a screenshot, with the result, to look at.
    mkdirSync(SCREENSHOTS, { recursive: true });
    await setTheme(page, frame, 'Dark Modern', 'dark');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'studio-inpaint-dark.png') });
    await setTheme(page, frame, 'Light Modern', 'light');
    await runCommand(page, 'View: Close All Editors'); // the next suites open the Studio on its Generate tab
  });
});
