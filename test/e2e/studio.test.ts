// The Studio panel, driven as a user would in the real VS Code (code-server) against the local
// Ideogram-compatible server: form, run, results on disk, cancel, history, insert, per-model rules,
// validation, and screenshots in a light and a dark theme.
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FrameLocator } from 'playwright-core';
import { e2e } from '../support/ui/context';
import { listFiles, waitForWorkspaceFile } from '../support/ui/files';
import { hostedImage } from '../support/ui/hostedImage';
import { chooseOption, fillPrompt, focusStudioTab, openStudio, setTheme, waitFor } from '../support/ui/studio';
import { revealInExplorer, runCommand, webviewFrame } from '../support/ui/workbench';

const OUTPUT = /^assets\/ideogram\/[^/]+\.png$/;
const SCREENSHOTS = process.env.IDEOGRAM_SCREENSHOTS_DIR ?? path.join('test-results', 'screenshots');

function outputImages(workspaceDir: string): string[] {
  return listFiles(workspaceDir).filter((file) => OUTPUT.test(file));
}

function generateRequests(): Record<string, unknown>[] {
  return e2e().mockServer.requests
    .filter((r) => r.path.endsWith('/generate'))
    .map((r) => ((r.json as { image_request?: Record<string, unknown> } | undefined)?.image_request ?? {}));
}

async function setRandomSeed(frame: FrameLocator, random: boolean): Promise<void> {
  const checked = await frame.locator('#random-seed').evaluate((box) => (box as unknown as { checked: boolean }).checked);
  if (checked !== random) await frame.locator('#random-seed').click();
}

describe('Ideogram Studio', function () {
  this.timeout(120_000);
  let frame: FrameLocator;

  before(async () => {
    const { page, workspaceDir } = e2e();
    e2e().mockServer.reset();
    // A Markdown file to insert into, open before the Studio so the Studio opens beside it.
    writeFileSync(path.join(workspaceDir, 'studio-notes.md'), '# Notes\n\n');
    // From the explorer, which shows a new file as soon as the watcher reports it; Quick Open's file
    // list did not catch up with it within 30 s in two full-suite runs in a row.
    await (await revealInExplorer(page, 'studio-notes.md')).click();
    await page.locator('.tabs-container .tab.active', { hasText: 'studio-notes.md' }).waitFor();
    // A panel left open by an earlier suite (e.g. the Output) would squeeze the Studio and its screenshots.
    if (await page.locator('.part.panel').isVisible()) await runCommand(page, 'View: Toggle Panel Visibility');
    frame = await openStudio(page);
  });

  after(async () => {
    const { page } = e2e();
    e2e().mockServer.setFault({ mode: 'none' });
    await runCommand(page, 'View: Revert and Close Editor').catch(() => undefined);
    await runCommand(page, 'View: Close All Editors').catch(() => undefined);
  });

  it('generates from the form: thumbnails appear and the files are on disk', async () => {
    const { workspaceDir } = e2e();
    // Other suites may have saved images already: only the new files count.
    const existing = new Set(outputImages(workspaceDir));
    const newImages = () => outputImages(workspaceDir).filter((file) => !existing.has(file));
    await fillPrompt(frame, 'a red fox in the snow');
    await chooseOption(frame, 'aspect-ratio', '16:9 \\(landscape\\)'); // the human label (a RegExp source)
    await frame.locator('#num-images input').fill('2');
    await frame.locator('#run').click();
    await frame.locator('.result-card').nth(1).waitFor({ state: 'visible', timeout: 60_000 });
    const cards = await frame.locator('.result-card').count();
    assert.equal(cards, 2);
    // Thumbnails really load (through asWebviewUri, under the CSP).
    // (This file is type-checked without the DOM library, hence the structural casts in page code.)
    type Img = { complete: boolean; naturalWidth: number; src: string };
    // Thumbnails load lazily: bring each into view first (another suite may have left a panel open).
    for (const thumb of await frame.locator('.result-thumb').all()) await thumb.scrollIntoViewIfNeeded();
    await waitFor('thumbnails to load', async () => (await frame.locator('.result-thumb').evaluateAll(
      (images) => images.every((image) => (image as unknown as Img).complete && (image as unknown as Img).naturalWidth > 0))));
    const srcs = await frame.locator('.result-thumb').evaluateAll((images) => images.map((image) => (image as unknown as Img).src));
    for (const src of srcs) assert.doesNotMatch(src, /^http:\/\/127\.0\.0\.1/, 'never loaded from the remote URL');
    const files = await waitForWorkspaceFile(workspaceDir, OUTPUT);
    await waitFor('two new images on disk', () => newImages().length === 2);
    // Each sidecar is written (temp file + rename) right after its image: wait for both to be there.
    await waitFor('the two images\' sidecars', () => newImages().every((file) => existsSync(path.join(workspaceDir, file.replace(/\.png$/, '.json')))));
    for (const file of newImages()) {
      const sidecar = JSON.parse(readFileSync(path.join(workspaceDir, file.replace(/\.png$/, '.json')), 'utf8')) as { prompt: string; parameters: Record<string, unknown> };
      assert.equal(sidecar.prompt, 'a red fox in the snow');
      assert.equal(sidecar.parameters.aspect_ratio, 'ASPECT_16_9');
    }
    assert.ok(files.length > 0);
    const sent = generateRequests().at(-1)!;
    assert.equal(sent.prompt, 'a red fox in the snow');
    // The key never enters the webview: not in its page, not in its saved state.
    const pageHtml = await frame.locator('html').evaluate((html) => html.outerHTML);
    assert.ok(!pageHtml.includes(e2e().apiKey), 'the API key is not in the webview');
  });

  it('"Again (same seed)" re-sends the card\'s prompt with its seed', async () => {
    const card = frame.locator('.result-card').first();
    const meta = (await card.locator('.muted').first().textContent()) ?? '';
    const seed = Number(/(\d{3,})/.exec(meta)?.[1]);
    const before = generateRequests().length;
    await card.locator('[data-action="again"]').click();
    await waitFor('the repeated request', () => generateRequests().length === before + 1);
    const sent = generateRequests().at(-1)!;
    assert.equal(sent.seed, seed);
    assert.equal(sent.prompt, 'a red fox in the snow');
    await frame.locator('.result-card').first().waitFor({ state: 'visible' });
    await waitFor('Run available again', async () => (await frame.locator('#run').getAttribute('disabled')) === null);
  });

  it('Insert writes a Markdown reference into the open Markdown file', async () => {
    const { page, workspaceDir } = e2e();
    await frame.locator('.result-card').first().locator('[data-action="insert"]').click();
    // Monaco renders spaces as no-break spaces and wraps long lines into several view lines.
    await waitFor('the reference in the editor', async () => /!\[a red fox in the snow\]\(assets\/ideogram\/[^)]+\.png\)/.test(
      ((await page.locator('.editor-group-container .monaco-editor .view-lines').first().textContent()) ?? '').replace(/\u00a0/g, ' ')));
    // Save it and check the bytes on disk.
    await page.locator('.editor-group-container .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+S');
    await waitFor('the saved reference', () => /!\[a red fox in the snow\]\(assets\/ideogram\/[^)]+\.png\)/.test(readFileSync(path.join(workspaceDir, 'studio-notes.md'), 'utf8')));
  });

  it('a V_2A model disables the negative prompt and says why', async () => {
    await chooseOption(frame, 'model', 'V_2A');
    await waitFor('negative prompt disabled', async () => (await frame.locator('#negative-prompt').getAttribute('disabled')) !== null);
    const reason = await frame.locator('#negative-prompt-reason').textContent();
    assert.match(reason ?? '', /V_2A/);
    await chooseOption(frame, 'model', 'V_2');
    await waitFor('negative prompt enabled', async () => (await frame.locator('#negative-prompt').getAttribute('disabled')) === null);
  });

  it('a V_1 model locks the size to the aspect ratio, says why, and sends no resolution', async () => {
    await chooseOption(frame, 'size-kind', 'Resolution');
    await frame.locator('#resolution').waitFor({ state: 'visible' });
    await chooseOption(frame, 'model', 'V_1');
    await waitFor('size kind disabled', async () => (await frame.locator('#size-kind').getAttribute('disabled')) !== null);
    assert.match((await frame.locator('#size-kind-reason').textContent()) ?? '', /V_1 models do not take a resolution/);
    await frame.locator('#aspect-ratio').waitFor({ state: 'visible' });
    assert.equal(await frame.locator('#resolution').isVisible(), false);
    e2e().mockServer.reset();
    await fillPrompt(frame, 'an old-model lighthouse');
    await frame.locator('#run').click();
    await waitFor('the V_1 request', () => generateRequests().length === 1);
    const [request] = generateRequests();
    assert.equal(request.model, 'V_1');
    assert.equal('resolution' in request, false);
    assert.equal(typeof request.aspect_ratio, 'string');
    await waitFor('Run available again', async () => (await frame.locator('#run').getAttribute('disabled')) === null);
    await chooseOption(frame, 'model', 'V_2');
    await waitFor('size kind enabled', async () => (await frame.locator('#size-kind').getAttribute('disabled')) === null);
    await chooseOption(frame, 'size-kind', 'Aspect ratio');
  });

  it('an invalid seed shows a message and sends nothing', async () => {
    const before = e2e().mockServer.requests.length;
    await setRandomSeed(frame, false);
    await frame.locator('#seed input').fill('12abc');
    await waitFor('seed message', async () => /seed/i.test((await frame.locator('#seed-error').textContent()) ?? ''));
    await frame.locator('#run').click();
    await frame.locator('#prompt textarea').press('Control+Enter');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(e2e().mockServer.requests.length, before, 'no request reached the server');
    assert.equal(await frame.locator('#cancel').isVisible(), false);
    await setRandomSeed(frame, true);
    await waitFor('seed message cleared', async () => ((await frame.locator('#seed-error').textContent()) ?? '') === '');
  });

  it('cancel mid-run leaves nothing behind', async () => {
    const { workspaceDir } = e2e();
    const filesBefore = listFiles(workspaceDir).filter((f) => f.startsWith('assets/'));
    e2e().mockServer.setFault({ mode: 'latency', latencyMs: 8000 });
    await fillPrompt(frame, 'a slow lighthouse');
    await frame.locator('#prompt textarea').press('Control+Enter');
    await frame.locator('#cancel').waitFor({ state: 'visible' });
    await waitFor('the request to reach the server', () => generateRequests().some((r) => r.prompt === 'a slow lighthouse'));
    await frame.locator('#cancel').click();
    await waitFor('cancelled status', async () => /cancel/i.test((await frame.locator('#status').textContent()) ?? ''));
    e2e().mockServer.setFault({ mode: 'none' });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.deepEqual(listFiles(workspaceDir).filter((f) => f.startsWith('assets/')), filesBefore, 'no new or partial files');
    assert.equal(await frame.locator('#run').getAttribute('disabled'), null, 'Run is available again');
  });

  it('picks a history entry and re-runs it', async () => {
    const { workspaceDir } = e2e();
    await fillPrompt(frame, '');
    await frame.locator('#history-search input').fill('red fox in the snow');
    // The list shown before the search's answer arrives holds other entries: pick one of the fox's.
    const entry = frame.locator('.history-entry[title="a red fox in the snow"]').first();
    await entry.waitFor({ state: 'visible' });
    await entry.click();
    await waitFor('prompt filled from history', async () => (await frame.locator('#prompt textarea').inputValue()) === 'a red fox in the snow');
    const seed = await frame.locator('#seed input').inputValue();
    assert.match(seed, /^\d+$/, 'the seed of the entry is filled in');
    const imagesBefore = outputImages(workspaceDir).length;
    const requestsBefore = generateRequests().length;
    await frame.locator('#run').click();
    await waitFor('a new generate request', () => generateRequests().length === requestsBefore + 1);
    const sent = generateRequests().at(-1)!;
    assert.equal(sent.prompt, 'a red fox in the snow');
    assert.equal(sent.seed, Number(seed));
    assert.equal(sent.aspect_ratio, 'ASPECT_16_9');
    await waitFor('new files on disk', () => outputImages(workspaceDir).length > imagesBefore);
  });
  it('looks native in a dark and a light theme (screenshots)', async () => {
    const { page } = e2e();
    mkdirSync(SCREENSHOTS, { recursive: true });
    const shoot = async (name: string) => {
      await frame.locator('body').evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
      await page.screenshot({ path: path.join(SCREENSHOTS, name) });
    };
    for (const [theme, suffix] of [['Light Modern', 'light'], ['Dark Modern', 'dark']] as const) {
      await setTheme(page, frame, theme, suffix);
      await frame.locator('#mode-generate').click();
      await shoot(`studio-${suffix}.png`);
      await frame.locator('#mode-remix').click();
      await shoot(`studio-remix-${suffix}.png`);
    }
    // A wide editor: the form and the output sit side by side. Double-clicking a tab expands its group.
    await frame.locator('#mode-generate').click();
    const studioTab = page.locator('.tabs-container .tab', { hasText: 'Ideogram Studio' }).first();
    await studioTab.dblclick();
    const layoutColumns = () => frame.locator('.layout').evaluate((layout) =>
      (globalThis as unknown as { getComputedStyle(e: unknown): { gridTemplateColumns: string } }).getComputedStyle(layout).gridTemplateColumns.split(' ').length);
    await waitFor('two columns in a wide editor', async () => (await layoutColumns()) === 2, 10_000);
    await shoot('studio-wide-dark.png');
    await studioTab.dblclick();
    await waitFor('one column again', async () => (await layoutColumns()) === 1, 10_000);
    // The panel is themed by VS Code's variables, so its background follows the theme.
    const background = await frame.locator('body').evaluate((body) =>
      (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(body).backgroundColor);
    assert.notEqual(background, 'rgba(0, 0, 0, 0)');
  });

  it('"Remix" on a result switches mode with that image; the picker lists and searches workspace images', async () => {
    const { workspaceDir } = e2e();
    await frame.locator('.result-card').first().locator('[data-action="remix"]').click();
    await waitFor('Remix tab selected', async () => (await frame.locator('#mode-remix').getAttribute('aria-selected')) === 'true');
    assert.match((await frame.locator('#reference-label').textContent()) ?? '', /^assets\/ideogram\/.+\.png$/);
    await frame.locator('#image-weight').waitFor({ state: 'visible' });
    // 'sunset.png', not 'sunset': remixes and upscales of it are named sunset-remix-1.png, sunset-upscaled.png.
    await frame.locator('#reference-search input').fill('sunset.png');
    await waitFor('one search result', async () => (await frame.locator('.image-choice').count()) === 1);
    type Img = { complete: boolean; naturalWidth: number };
    await waitFor('picker thumbnail to load', async () => frame.locator('.image-choice img').first().evaluate((image) => (image as unknown as Img).complete && (image as unknown as Img).naturalWidth > 0));
    await frame.locator('.image-choice').first().click();
    assert.equal(await frame.locator('#reference-label').textContent(), 'images/sunset.png');
    const before = outputImages(workspaceDir).length;
    const requestsBefore = e2e().mockServer.requests.length;
    await fillPrompt(frame, 'the same sunset, in watercolour');
    await frame.locator('#run').click();
    await waitFor('remix results', async () => (await frame.locator('.result-card').count()) >= 1 && outputImages(workspaceDir).length > before);
    const remix = e2e().mockServer.requests.slice(requestsBefore).find((r) => r.path.endsWith('/remix'));
    assert.ok(remix, 'a remix request reached the server');
    assert.equal(remix.files?.[0]?.filename, 'sunset.png');
    await frame.locator('#reference-search input').fill('');
  });

  it('describes the reference image; "Use as prompt" fills the Generate prompt', async () => {
    await frame.locator('#mode-describe').click();
    await frame.locator('#describe-version').waitFor({ state: 'visible' });
    await frame.locator('#run').click();
    await frame.locator('.description').first().waitFor({ state: 'visible', timeout: 30_000 });
    const text = ((await frame.locator('.description p').first().textContent()) ?? '').trim();
    assert.ok(text.length > 0);
    await frame.locator('.description [data-action="use-as-prompt"]').first().click();
    await waitFor('Generate tab selected', async () => (await frame.locator('#mode-generate').getAttribute('aria-selected')) === 'true');
    assert.equal((await frame.locator('#prompt textarea').inputValue()).trim(), text);
  });

  it('"Write as alt text" on a description writes it into the Markdown file that shows the image', async () => {
    const { page, workspaceDir } = e2e();
    const doc = path.join(workspaceDir, 'alt-text.md');
    writeFileSync(doc, '# Alt text\n\n![](images/sunset.png)\n');
    // The document goes into the first group (the Studio stays visible beside it), opened from the explorer.
    await runCommand(page, 'View: Focus First Editor Group');
    await (await revealInExplorer(page, 'alt-text.md')).click();
    await page.locator('.tabs-container .tab.active', { hasText: 'alt-text.md' }).waitFor();
    // Describe sunset.png in the Studio; only a new request's descriptions count.
    await frame.locator('#mode-describe').click();
    // Earlier remixes of sunset.png match the search too (their names hold the word): pick the original.
    // 'sunset.png', not 'sunset': remixes and upscales of it are named sunset-remix-1.png, sunset-upscaled.png.
    await frame.locator('#reference-search input').fill('sunset.png');
    await frame.locator('.image-choice', { hasText: /^\s*sunset\.png\s*$/ }).first().click();
    assert.equal(await frame.locator('#reference-label').textContent(), 'images/sunset.png');
    const describesBefore = e2e().mockServer.requests.filter((r) => r.path.endsWith('/describe')).length;
    await frame.locator('#run').click();
    await waitFor('the describe request', () => e2e().mockServer.requests.filter((r) => r.path.endsWith('/describe')).length === describesBefore + 1);
    await waitFor('Run available again', async () => (await frame.locator('#run').getAttribute('disabled')) === null);
    const description = ((await frame.locator('.description p').first().textContent()) ?? '').trim();
    assert.ok(description.length > 0, 'a description is shown');
    await frame.locator('.description [data-action="write-alt-text"]').first().click();
    // The panel had focus: the edit goes to the last active text editor, unsaved until the user saves.
    // The local server describes as plain text ("A PNG image of … bytes."), which Markdown alt text holds literally.
    const alt = description.replace(/\s+/g, ' ');
    const expected = `# Alt text\n\n![${alt}](images/sunset.png)\n`;
    const editorText = async () => ((await page.locator('.editor-group-container .monaco-editor .view-lines').first().textContent()) ?? '').replace(/\u00a0/g, ' ');
    await waitFor('the alt text in the editor', async () => (await editorText()).includes(`](images/sunset.png)`) && (await editorText()).includes(alt.slice(0, 30)));
    await page.locator('.editor-group-container .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+S');
    await waitFor('the saved alt text', () => readFileSync(doc, 'utf8') === expected);
    assert.doesNotMatch(readFileSync(path.join(workspaceDir, 'studio-notes.md'), 'utf8'), /images\/sunset\.png/, 'the other document is untouched');
    await frame.locator('#reference-search input').fill('');
  });

  it('keyboard tabs, an explorer-style drop and an upscale run', async () => {
    const { workspaceDir } = e2e();
    await frame.locator('#mode-remix').click();
    await frame.locator('#mode-remix').press('ArrowRight');
    assert.equal(await frame.locator('#mode-upscale').getAttribute('aria-selected'), 'true');
    assert.equal(await frame.locator('#mode-upscale').evaluate((tab) => tab === (tab.ownerDocument as unknown as { activeElement: unknown }).activeElement), true);
    // What the explorer puts on a drag: a uri-list. Only images inside the workspace are accepted.
    const dropUri = async (uri: string) => frame.locator('body').evaluate((body, value) => {
      const g = globalThis as unknown as { DataTransfer: new () => { setData(type: string, data: string): void }; DragEvent: new (type: string, init: object) => unknown };
      const data = new g.DataTransfer();
      data.setData('text/uri-list', value);
      (body as unknown as { dispatchEvent(e: unknown): void }).dispatchEvent(new g.DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, uri);
    await dropUri(pathToFileURL(path.join(workspaceDir, 'studio-notes.md')).href);
    await waitFor('the rejection notice', async () => /drop/i.test((await frame.locator('#status').textContent()) ?? ''));
    await dropUri(pathToFileURL(path.join(workspaceDir, 'images', 'forest.jpg')).href);
    await waitFor('the dropped reference', async () => (await frame.locator('#reference-label').textContent()) === 'images/forest.jpg');
    await frame.locator('#resemblance input').fill('70');
    const before = e2e().mockServer.requests.length;
    await frame.locator('#run').click();
    await waitFor('the upscale request', () => e2e().mockServer.requests.slice(before).some((r) => r.path.endsWith('/upscale')));
    const upscale = e2e().mockServer.requests.slice(before).find((r) => r.path.endsWith('/upscale'))!;
    assert.equal(upscale.files?.[0]?.filename, 'forest.jpg');
    assert.equal((JSON.parse(upscale.fields?.image_request ?? '{}') as { resemblance?: number }).resemblance, 70);
    await waitFor('Run available again', async () => (await frame.locator('#run').getAttribute('disabled')) === null);
    await frame.locator('#mode-generate').click();
  });

  it('a link pasted into the reference field is a hosted image: no thumbnail, downloaded and uploaded on run', async () => {
    const { mockServer, apiKey } = e2e();
    const { url: hostedUrl, size: hostedSize } = await hostedImage(mockServer, apiKey, { prompt: 'a hosted poster', aspect_ratio: 'ASPECT_2_3', seed: 13 });
    const link = `${hostedUrl}?exp=1&sig=abc`;
    await frame.locator('#mode-remix').click();
    await frame.locator('#reference-search input').fill(link);
    await frame.locator('#reference-use-link').click();
    await waitFor('the link as reference', async () => (await frame.locator('#reference-label').textContent()) === link);
    assert.equal(await frame.locator('.reference-current img').count(), 0, 'the page loads nothing from the network');
    const before = mockServer.requests.length;
    await fillPrompt(frame, 'the hosted image as a poster');
    await frame.locator('#run').click();
    await waitFor('the remix request', () => mockServer.requests.slice(before).some((r) => r.path.endsWith('/remix')));
    const remix = mockServer.requests.slice(before).find((r) => r.path.endsWith('/remix'))!;
    assert.deepEqual(remix.files?.map((f) => [f.field, f.size]), [['image_file', hostedSize]]);
    await waitFor('Run available again', async () => (await frame.locator('#run').getAttribute('disabled')) === null);
    await frame.locator('#reference-search input').fill('');
    await frame.locator('#mode-generate').click();
  });

  it('an API error is shown inline, with the error message\'s actions as buttons', async () => {
    e2e().mockServer.setFault({ mode: 'server-error', status: 400, count: 1 });
    await fillPrompt(frame, 'a request the server refuses');
    await frame.locator('#run').click();
    await frame.locator('#run-error').waitFor({ state: 'visible', timeout: 30_000 });
    const inline = ((await frame.locator('#run-error-text').textContent()) ?? '').trim();
    assert.ok(inline.length > 0);
    await frame.locator('#run-error [data-error-action="Show Log"]').waitFor({ state: 'visible' });
    await frame.locator('#run-error-dismiss').click();
    await frame.locator('#run-error').waitFor({ state: 'hidden' });
  });

  it('images made but not saved: Save Again in the inline error shows them as the run\'s results, with no new request', async () => {
    const { workspaceDir, mockServer } = e2e();
    const generated = generateRequests().length;
    mockServer.setFault({ mode: 'connection-reset', target: 'images', count: 1 });
    await fillPrompt(frame, 'a kite saved again');
    await frame.locator('#num-images input').fill('1');
    await frame.locator('#run').click();
    await frame.locator('#run-error').waitFor({ state: 'visible', timeout: 30_000 });
    assert.match((await frame.locator('#run-error-text').textContent()) ?? '', /could not be saved/);
    await frame.locator('#run-error [data-error-action="Save Again"]').click();
    await frame.locator('.result-card', { hasText: 'a kite saved again' }).waitFor({ state: 'visible', timeout: 30_000 });
    await frame.locator('#run-error').waitFor({ state: 'hidden' });
    await waitForWorkspaceFile(workspaceDir, /^assets\/ideogram\/.*a-kite-saved-again-\d+\.png$/);
    assert.equal(generateRequests().length, generated + 1, 'Save Again sent no new request');
  });

  it('is restored after a window reload with the form as it was', async () => {
    const { page } = e2e();
    await fillPrompt(frame, 'still here after a reload');
    await frame.locator('#mode-upscale').click();
    await focusStudioTab(page, frame);
    await runCommand(page, 'Developer: Reload Window');
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    frame = webviewFrame(page);
    await frame.locator('#prompt').waitFor({ state: 'visible', timeout: 60_000 });
    assert.equal(await frame.locator('#prompt textarea').inputValue(), 'still here after a reload');
    assert.equal(await frame.locator('#mode-upscale').getAttribute('aria-selected'), 'true');
  });
});
