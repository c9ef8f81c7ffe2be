// The Studio's Ideogram 3.0 parts in Chromium, on a page with the Studio's HTML, CSP and
// stylesheet: the Edit (inpaint) mask panel exports black exactly where the user painted (the
// inpaint endpoint's polarity) at the image's size and fills the panel's height; the reference
// slots take an explorer drop (not the page's), show thumbnails and their total against the limit;
// results that can be see-through sit on a checkerboard (screenshots in light and dark).
import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { launchChromium } from '../support/rig/browser';
import { resultsDir } from '../support/rig/paths';
import { decodeMask, testImagePng } from '../support/webview/images';
import { startMaskHarness, type MaskHarness } from '../support/webview/server';
import { applyTheme, type ThemeName } from '../support/webview/themes';

const MB = 1024 * 1024;
const screenshots = path.join(resultsDir, 'webview');

// What the page's global offers (the scripts' tsconfig has no DOM types: a small local shape).
interface PageGlobals {
  studioV3: {
    MaskPanel: new (onChange: (empty: boolean) => void) => { element: unknown; load(image: unknown): Promise<void>; exportMask(): Promise<Uint8Array>; isEmpty(): boolean };
    ReferenceSlots: new (limits: unknown, callbacks: { onDrop(slot: string, uris: string[]): void; onChange(): void }) => { element: unknown; add(slot: string, images: unknown[]): void };
    resultCard(item: unknown, onAction: () => void): unknown;
  };
  document: { getElementById(id: string): { append(...nodes: unknown[]): void }; addEventListener(type: string, listener: () => void): void };
  panel?: { exportMask(): Promise<Uint8Array>; isEmpty(): boolean };
  slots?: { add(slot: string, images: unknown[]): void };
  drops: [string, string[]][];
  pageDrops: number;
}

/** A 200×100 PNG, its left half fully transparent. */
function halfTransparentPng(): Buffer {
  const png = new PNG({ width: 200, height: 100 });
  for (let i = 0; i < 200 * 100; i++) png.data.set((i % 200) < 100 ? [0, 0, 0, 0] : [230, 120, 20, 255], i * 4);
  return PNG.sync.write(png);
}

describe('Studio 3.0 components in Chromium (Studio CSP)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let harness: MaskHarness;
  let page: Page | undefined;
  const problems: string[] = [];

  before(async () => {
    browser = await launchChromium(); // throws with what is missing: this suite fails, it never skips
    // The components as the Studio bundles them, handed to the test through one global.
    harness = await startMaskHarness([
      "import { resultCard } from './src/webview/results';",
      "import { MaskPanel } from './src/webview/v3/maskPanel';",
      "import { ReferenceSlots } from './src/webview/v3/referenceSlots';",
      'globalThis.studioV3 = { MaskPanel, ReferenceSlots, resultCard };',
    ].join('\n'));
    mkdirSync(screenshots, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await harness?.close();
  });

  afterEach(async () => {
    await page?.context().close();
    page = undefined;
  });

  async function open(theme: ThemeName = 'dark'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1000, height: 760 } });
    page = await context.newPage();
    problems.length = 0;
    page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
    page.on('pageerror', (error) => problems.push(error.message));
    // tsx (keepNames) wraps named functions in the test's evaluate callbacks in __name(); the page needs it too.
    await page.addInitScript('globalThis.__name = (target) => target;');
    await page.goto(harness.pageUrl);
    await applyTheme(page, theme);
    return page;
  }

  it('mask panel: black exactly where painted, at the image size, as tall as the panel leaves room for', async () => {
    const p = await open();
    const src = harness.addImage('photo.png', testImagePng(320, 240));
    await p.evaluate(async (imageSrc) => {
      const g = globalThis as unknown as PageGlobals;
      const panel = new g.studioV3.MaskPanel(() => undefined);
      g.document.getElementById('app').append(panel.element);
      await panel.load({ uri: 'file:///w/photo.png', src: imageSrc, label: 'photo.png' });
      g.panel = panel;
    }, src);
    const editor = p.locator('ideogram-mask-editor');
    assert.equal(Math.round((await editor.boundingBox())!.height), 760 - 220, 'the editor takes the viewport height minus the room the page keeps');
    assert.equal(await p.evaluate(() => (globalThis as unknown as PageGlobals).panel!.isEmpty()), true);

    // The rectangle tool over the image's left half, top half.
    await editor.evaluate((e) => { (e as unknown as { tool: string }).tool = 'rectangle'; });
    const stage = (await p.locator('ideogram-mask-editor .stage').boundingBox())!;
    const at = (fx: number, fy: number) => ({ x: stage.x + fx * stage.width, y: stage.y + fy * stage.height });
    await p.mouse.move(at(0.1, 0.1).x, at(0.1, 0.1).y);
    await p.mouse.down();
    await p.mouse.move(at(0.4, 0.4).x, at(0.4, 0.4).y, { steps: 5 });
    await p.mouse.up();

    const bytes = await p.evaluate(async () => Array.from(await (globalThis as unknown as PageGlobals).panel!.exportMask()));
    const mask = decodeMask(Uint8Array.from(bytes));
    assert.deepEqual([mask.width, mask.height], [320, 240]);
    const black = (x: number, y: number) => mask.black[y * 320 + x] === 1;
    assert.ok(black(80, 60), 'inside the painted rectangle is black (the inpaint endpoint edits black)');
    assert.ok(!black(250, 200) && !black(10, 200) && !black(250, 10), 'outside it is white');
    assert.deepEqual(problems, []);
  });

  it('reference slots: an explorer drop goes to its slot only; thumbnails, total against the limit, removal', async () => {
    const p = await open();
    const thumb = harness.addImage('ref.png', testImagePng(64, 64));
    await p.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      g.drops = [];
      g.pageDrops = 0;
      g.document.addEventListener('drop', () => { g.pageDrops++; });
      const slots = new g.studioV3.ReferenceSlots({ maxReferenceBytesPerKind: 10 * 1024 * 1024, maxCharacterReferences: 1 }, {
        onDrop: (slot, uris) => { g.drops.push([slot, uris]); },
        onChange: () => undefined,
      });
      g.document.getElementById('app').append(slots.element);
      g.slots = slots;
    });
    // What VS Code's explorer puts on a drag: a uri list.
    await p.locator('#slot-style').evaluate((zone) => {
      const w = globalThis as unknown as { DataTransfer: new () => { setData(type: string, value: string): void }; DragEvent: new (type: string, init: unknown) => unknown };
      const data = new w.DataTransfer();
      data.setData('text/uri-list', 'file:///w/a.png\r\nfile:///w/b.png');
      (zone as unknown as { dispatchEvent(event: unknown): void }).dispatchEvent(new w.DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    assert.deepEqual(await p.evaluate(() => (globalThis as unknown as PageGlobals).drops), [['style', ['file:///w/a.png', 'file:///w/b.png']]]);
    assert.equal(await p.evaluate(() => (globalThis as unknown as PageGlobals).pageDrops), 0, 'the page (main image) did not take it too');

    // The host accepted and measured them: 6 MB + 4.5 MB is over the 10 MB the API takes.
    await p.evaluate(({ src, mb }) => {
      (globalThis as unknown as PageGlobals).slots!.add('style', [
        { uri: 'file:///w/a.png', src, label: 'art/a.png', bytes: 6 * mb },
        { uri: 'file:///w/b.png', src, label: 'art/b.png', bytes: 4.5 * mb },
      ]);
    }, { src: thumb, mb: MB });
    const total = p.locator('#slot-total-style');
    assert.equal(await total.innerText(), '10.5 MB in total is more than the 10.0 MB the API takes.');
    assert.match((await total.getAttribute('class')) ?? '', /\berror\b/);
    assert.equal(await p.locator('#slot-style img').count(), 2);
    assert.equal(await p.locator('#slot-style img').first().evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth), 64, 'the thumbnail loaded under the CSP');

    await p.locator('#slot-style [data-action="remove"]').last().click();
    assert.equal(await total.innerText(), '6.0 MB of 10.0 MB allowed');
    assert.doesNotMatch((await total.getAttribute('class')) ?? '', /\berror\b/);
    assert.deepEqual(problems, []);
  });

  for (const theme of ['dark', 'light'] as const) {
    it(`a transparent result sits on a checkerboard, an ordinary one does not (${theme})`, async () => {
      const p = await open(theme);
      const src = harness.addImage('transparent.png', halfTransparentPng());
      await p.evaluate((imageSrc) => {
        const g = globalThis as unknown as PageGlobals;
        const item = (operation: string) => ({ uri: `file:///w/${operation}.png`, src: imageSrc, label: `${operation}.png`, operation, prompt: 'a fox icon', returnedPrompt: '', createdAt: '', parameters: {} });
        g.document.getElementById('app').append(g.studioV3.resultCard(item('generate-transparent'), () => undefined), g.studioV3.resultCard(item('generate'), () => undefined));
      }, src);
      const background = (operation: string) => p.locator(`[data-operation="${operation}"] .result-thumb`).evaluate((img) =>
        (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundImage: string } }).getComputedStyle(img).backgroundImage);
      assert.match(await background('generate-transparent'), /conic-gradient/);
      assert.equal(await background('generate'), 'none');
      const box = (await p.locator('[data-operation="generate-transparent"] .result-thumb').boundingBox())!;
      assert.ok(Math.abs(box.width / box.height - 2) < 0.02, `the checkerboard is the picture's 2:1 box, no letterbox (${box.width}×${box.height})`);
      await p.locator('[data-operation="generate-transparent"]').screenshot({ path: path.join(screenshots, `transparent-result-${theme}.png`) });
      assert.deepEqual(problems, []);
    });
  }
});
