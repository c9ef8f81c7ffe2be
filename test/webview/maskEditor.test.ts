// The mask editor in Chromium, on a page with the Studio's HTML and CSP: painted with the mouse,
// the keyboard alone, a finger and a pen, and checked through its exported PNG: exactly the
// image's size, pure black and white, black exactly where the user painted. Run with
// `npm run test:webview` (under the rig lock); fails, never skips, when Chromium is missing.
import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { readImageSize } from '../../src/common/imageSize';
import { uprightImage } from '../../src/imageOps';
import { launchChromium } from '../support/rig/browser';
import { resultsDir } from '../support/rig/paths';
import { MaskModel } from '../../src/webview/mask/core/model';
import { FILL_ALPHA } from '../../src/webview/mask/core/overlay';
import { decodeMask, testImagePng } from '../support/webview/images';
import { openMaskPage, type EditorHandle, type MaskPage } from '../support/webview/page';
import { startMaskHarness, type MaskHarness } from '../support/webview/server';
import { applyTheme, type ThemeName } from '../support/webview/themes';

const WIDTH = 640;
const HEIGHT = 480;
const screenshots = path.join(resultsDir, 'webview');

/** Indices of the marked pixels, for readable comparisons. */
const marked = (pixels: ArrayLike<number>): number[] => Array.from(pixels).flatMap((v, i) => (v ? [i] : []));

/** Asserts that the export is the image's size and black exactly on the expected pixels (and white-edits the inverse). */
async function assertExport(editor: MaskPage, expected: MaskModel): Promise<void> {
  const black = await editor.exportMask('black-edits');
  assert.deepEqual([black.width, black.height], [WIDTH, HEIGHT]);
  assert.ok(expected.markedCount > 0, 'the expected mask is not empty');
  const got = marked(black.black);
  const want = marked(expected.data);
  const missing = want.filter((i) => !black.black[i]).length;
  const extra = got.filter((i) => !expected.data[i]).length;
  assert.equal(missing + extra, 0, `${missing} painted pixels are white, ${extra} unpainted pixels are black (of ${want.length})`);
  const white = await editor.exportMask('white-edits');
  assert.deepEqual(marked(white.black).length, WIDTH * HEIGHT - want.length, 'white-edits is the exact inverse');
}

/** The colour a theme variable holds, as 0–255 RGB (hex or rgb()/rgba()). */
function themeRgb(value: string): number[] {
  const hex = /^#([0-9a-f]{6})/i.exec(value);
  if (hex) return [0, 2, 4].map((i) => parseInt(hex[1].slice(i, i + 2), 16));
  const rgb = /rgba?\(\s*(\d+),\s*(\d+),\s*(\d+)/.exec(value);
  if (rgb) return rgb.slice(1, 4).map(Number);
  throw new Error(`cannot read colour ${value}`);
}

/** Overlay canvas pixels at image points, read in one go (the canvas only ever gets putImageData, so it can be read). */
function overlayPixels(editor: MaskPage, points: [number, number][]): Promise<number[][]> {
  return editor.page.locator('ideogram-mask-editor .overlay').evaluate((canvas, at) => {
    const c = canvas as unknown as { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } };
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    return at.map(([x, y]) => Array.from({ length: 4 }, (_, k) => data[(y * c.width + x) * 4 + k]));
  }, points);
}

/**
 * Asserts overlay pixels: alpha exactly, colour within 2 (a canvas stores see-through pixels
 * premultiplied, so reading them back rounds).
 */
function assertPixels(actual: number[][], expected: number[][]): void {
  const close = actual.length === expected.length && actual.every((pixel, i) => pixel[3] === expected[i][3] && pixel.slice(0, 3).every((c, k) => Math.abs(c - expected[i][k]) <= 2));
  assert.ok(close, `overlay pixels ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
}

/** Waits for the next animation frame (the overlay redraws on it). */
async function nextFrame(editor: MaskPage): Promise<void> {
  await editor.page.evaluate(() => new Promise((resolve) => (globalThis as unknown as { requestAnimationFrame(f: () => void): void }).requestAnimationFrame(() => resolve(undefined))));
}

/** The element that has focus, looking into the editor's shadow root. */
function focusedName(editor: MaskPage): Promise<string> {
  return editor.editor.evaluate((element) => {
    const active = (element as unknown as { shadowRoot: { activeElement: { className: string; getAttribute(n: string): string | null } | null } }).shadowRoot.activeElement;
    return active ? `${active.className}:${active.getAttribute('aria-label') ?? ''}` : 'none';
  });
}

describe('mask editor in Chromium (Studio CSP)', function () {
  this.timeout(120_000);
  let browser: Browser;
  let harness: MaskHarness;
  let imageUrl: string;
  let editor: MaskPage | undefined;

  before(async () => {
    browser = await launchChromium(); // throws with what is missing: this suite fails, it never skips
    harness = await startMaskHarness();
    imageUrl = harness.addImage('photo.png', testImagePng(WIDTH, HEIGHT));
    mkdirSync(screenshots, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await harness?.close();
  });

  afterEach(async function () {
    if (editor && this.currentTest?.state === 'failed') {
      await editor.page.screenshot({ path: path.join(screenshots, `failed-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 60)}.png`) });
    }
    await editor?.close();
    editor = undefined;
  });

  async function open(theme: ThemeName = 'dark', options: { hasTouch?: boolean } = {}): Promise<MaskPage> {
    editor = await openMaskPage(browser, harness, { theme, ...options });
    assert.deepEqual(await editor.load(imageUrl), { width: WIDTH, height: HEIGHT });
    return editor;
  }

  it('loads the image at its real resolution, names every control, and breaks no CSP rule', async () => {
    const e = await open();
    const { page } = e;
    assert.equal(await e.editor.evaluate((el) => (el as unknown as EditorHandle).isEmpty()), true);
    assert.equal(await e.canvas.getAttribute('aria-label'), `Mask over the image, ${WIDTH} × ${HEIGHT} pixels`);
    assert.match(await e.editor.locator('.status').innerText(), new RegExp(`Paint over what should change\\.[\\s\\S]*${WIDTH} × ${HEIGHT} px`));
    for (const name of ['Brush', 'Eraser', 'Rectangle', 'Pan']) await page.getByRole('radio', { name }).waitFor();
    assert.equal(await page.getByRole('radio', { name: 'Brush' }).getAttribute('aria-checked'), 'true');
    for (const name of ['Undo', 'Redo', 'Invert mask', 'Clear mask', 'Zoom out', 'Zoom in', 'Fit to view', 'Actual size', 'Keyboard and mouse help']) {
      await page.getByRole('button', { name, exact: true }).waitFor();
    }
    assert.equal(await page.getByRole('slider', { name: 'Brush size' }).getAttribute('aria-valuetext'), '32 px');
    const unnamed = await e.editor.evaluate((element) => {
      const root = (element as unknown as { shadowRoot: { querySelectorAll(s: string): ArrayLike<{ getAttribute(n: string): string | null; title: string }> } }).shadowRoot;
      return Array.from(root.querySelectorAll('button, input')).filter((c) => !c.getAttribute('aria-label') && !c.getAttribute('aria-labelledby')).length;
    });
    assert.equal(unnamed, 0, 'every button and input has an accessible name');
    assert.equal(await page.getByRole('button', { name: 'Undo' }).getAttribute('title'), 'Undo (Ctrl+Z)');
    assert.deepEqual(e.problems, []);
  });

  it('paints with the mouse: the export is black exactly under the stroke, in the theme\'s accent on screen', async () => {
    const e = await open();
    await e.page.getByRole('button', { name: 'Actual size' }).click();
    await e.editor.evaluate((el) => { (el as unknown as EditorHandle).brushSize = 24; });
    // A horizontal drag: every pointer sample lies on the segment, so the stroke is exactly its capsule.
    const [from, to] = await e.drag([{ x: 200.3, y: 150.6 }, { x: 420.8, y: 150.6 }], 12);
    const expected = new MaskModel(WIDTH, HEIGHT);
    expected.paintSegment(from, to, 12, 1);
    await assertExport(e, expected);
    assert.deepEqual(await e.changes(), [true, false], 'a change event on load (empty) and one for the stroke');
    assert.deepEqual(e.problems, []);
    await nextFrame(e);
    // 24 px wide from row 139 to 162: see-through inside, opaque on the edge, transparent outside.
    const accent = themeRgb(e.theme.variables['--vscode-focusBorder']);
    assertPixels(await overlayPixels(e, [[300, 150], [300, 139], [300, 100]]), [[...accent, FILL_ALPHA], [...accent, 255], [0, 0, 0, 0]]);
  });

  it('undo in the middle of a mouse stroke takes back just that stroke', async () => {
    const e = await open();
    await e.page.getByRole('button', { name: 'Actual size' }).click();
    const [a, b] = await e.drag([{ x: 100.5, y: 100.5 }, { x: 300.5, y: 100.5 }]);
    const from = await e.toScreen({ x: 100.5, y: 300.5 });
    await e.page.mouse.move(from.x, from.y);
    await e.page.mouse.down();
    await e.page.mouse.move(from.x + 150, from.y, { steps: 5 });
    await e.page.keyboard.press('Control+z');
    await e.page.mouse.move(from.x + 200, from.y, { steps: 2 });
    await e.page.mouse.up();
    const expected = new MaskModel(WIDTH, HEIGHT);
    expected.paintSegment(a, b, 16, 1);
    await assertExport(e, expected);
    assert.equal(await e.page.getByRole('button', { name: 'Redo' }).getAttribute('aria-disabled'), 'false', 'the stroke can be redone');
  });

  it('paints with the keyboard alone: Tab to the canvas, arrows, Space held, Enter toggled, a rectangle, undo and redo', async () => {
    const e = await open();
    const { keyboard } = e.page;
    // Four Tab stops: the tool group, the size slider, the action toolbar, the canvas.
    for (let i = 0; i < 4; i++) await keyboard.press('Tab');
    assert.match(await focusedName(e), /^viewport:Mask over the image/);
    await keyboard.press('1'); // 100 %: a step is 8 image pixels
    await keyboard.press('['); // 32 → 24 px
    const expected = new MaskModel(WIDTH, HEIGHT);
    const states: number[][] = [];
    const cursor = { x: 320.5, y: 240.5 }; // starts on the centre pixel
    const move = async (key: string, times: number, dx: number, dy: number): Promise<void> => {
      for (let i = 0; i < times; i++) await keyboard.press(key);
      cursor.x += dx * 8 * times;
      cursor.y += dy * 8 * times;
    };

    // Brush, Space held while moving right.
    await keyboard.down(' ');
    const start = { ...cursor };
    await move('ArrowRight', 5, 1, 0);
    await keyboard.up(' ');
    expected.paintSegment(start, cursor, 12, 1);
    expected.commit();
    states.push(Array.from(expected.data));

    // Rectangle: a corner with Enter, the opposite one with Space.
    await keyboard.press('r');
    await move('ArrowUp', 10, 0, -1);
    await keyboard.press('Enter');
    const corner = { ...cursor };
    await move('ArrowLeft', 20, -1, 0);
    await move('ArrowUp', 5, 0, -1);
    await keyboard.press(' ');
    expected.fillRect(corner, cursor, 1);
    states.push(Array.from(expected.data));

    // Eraser, latched with Enter (no key held), down three steps.
    await keyboard.press('e');
    await keyboard.press('Enter');
    const eraseFrom = { ...cursor };
    await move('ArrowDown', 3, 0, 1);
    await keyboard.press('Enter');
    expected.paintSegment(eraseFrom, cursor, 12, 0);
    expected.commit();
    await assertExport(e, expected);
    assert.deepEqual(await e.changes(), [true, false, false, false]);

    await keyboard.press('Control+z');
    expected.undo();
    assert.deepEqual(marked((await e.exportMask('black-edits')).black), marked(states[1]));
    await keyboard.press('Control+z');
    assert.deepEqual(marked((await e.exportMask('black-edits')).black), marked(states[0]));
    await keyboard.press('Control+Shift+z');
    await keyboard.press('Control+y');
    expected.redo();
    await assertExport(e, expected);
    assert.match(await e.editor.locator('[role="status"]').innerText(), /Redone/);
    assert.deepEqual(e.problems, []);
  });

  it('zooms around the pointer with Ctrl+wheel and pans with the Pan tool and the middle button, without painting', async () => {
    const e = await open();
    const { page } = e;
    const scroll = () => e.canvas.evaluate((v) => { const el = v as unknown as { scrollLeft: number; scrollTop: number }; return [el.scrollLeft, el.scrollTop]; });
    // Zoomed in far enough that the view can scroll to keep any point in place.
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    assert.match(await e.editor.locator('.status').innerText(), /Zoom 200%/);
    const anchor = await e.toScreen({ x: 400, y: 300 });
    await page.mouse.move(anchor.x, anchor.y);
    await page.keyboard.down('Control');
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -200);
    await page.keyboard.up('Control');
    const zoomed = await e.toImage(anchor);
    assert.ok(Math.abs(zoomed.x - 400) < 1 && Math.abs(zoomed.y - 300) < 1, `the image point under the pointer stays there: ${JSON.stringify(zoomed)}`);
    assert.match(await e.editor.locator('.status').innerText(), /Zoom (\d{3,})%/);
    const before = await scroll();
    assert.ok(before[0] > 0 && before[1] > 0, 'zoomed in: the view scrolls');

    await page.keyboard.press('h');
    await e.drag([{ x: 400, y: 300 }, { x: 380, y: 290 }], 5);
    const panned = await scroll();
    assert.ok(panned[0] > before[0] && panned[1] > before[1], `dragging left and up shows more to the right and below: ${before} → ${panned}`);
    await page.keyboard.press('b');
    const start = await e.toScreen({ x: 380, y: 290 });
    await page.mouse.move(start.x, start.y);
    await page.mouse.down({ button: 'middle' });
    await page.mouse.move(start.x + 60, start.y + 30, { steps: 5 });
    await page.mouse.up({ button: 'middle' });
    const middle = await scroll();
    assert.ok(middle[0] < panned[0] && middle[1] < panned[1], `the middle button pans the other way: ${panned} → ${middle}`);
    assert.equal(await e.editor.evaluate((el) => (el as unknown as EditorHandle).isEmpty()), true, 'nothing was painted');

    await page.getByRole('button', { name: 'Fit to view' }).click();
    assert.deepEqual(await scroll(), [0, 0]);
  });

  it('inverts and clears from the toolbar; change events and isEmpty track it for the Run button', async () => {
    const e = await open();
    const clear = e.page.getByRole('button', { name: 'Clear mask' });
    assert.equal(await clear.getAttribute('aria-disabled'), 'true', 'nothing to clear yet');
    await e.page.getByRole('button', { name: 'Invert mask' }).click();
    const all = new MaskModel(WIDTH, HEIGHT);
    all.invert();
    await assertExport(e, all);
    assert.equal(await e.editor.evaluate((el) => (el as unknown as EditorHandle).isEmpty()), false);
    await clear.click();
    assert.equal(await e.editor.evaluate((el) => (el as unknown as EditorHandle).isEmpty()), true);
    assert.equal((await e.exportMask('black-edits')).black.some(Boolean), false, 'a cleared mask exports all white');
    await e.page.getByRole('button', { name: 'Undo' }).click();
    await assertExport(e, all);
    assert.deepEqual(await e.changes(), [true, false, true, false]);
  });

  it('restores a saved mask exactly, under either polarity, and refuses a mask of another size or no image', async () => {
    const e = await open();
    await e.page.getByRole('radio', { name: 'Rectangle' }).click();
    await e.drag([{ x: 40.5, y: 60.5 }, { x: 300.5, y: 200.5 }], 4);
    const saved = await e.exportBytes('black-edits');
    const painted = decodeMask(saved).black;
    assert.ok(painted.some(Boolean));

    await e.load(imageUrl); // a fresh, empty mask
    assert.equal((await e.exportMask('black-edits')).black.some(Boolean), false);
    const restore = (bytes: Buffer, polarity: string) => e.editor.evaluate((el, [b64, p]) => {
      const raw = (globalThis as unknown as { atob(s: string): string }).atob(b64);
      return (el as unknown as EditorHandle).loadMask(Uint8Array.from(raw, (c) => c.charCodeAt(0)), p).then(() => 'ok', (err: { name: string; reason: string; message: string }) => `${err.name}/${err.reason}: ${err.message}`);
    }, [bytes.toString('base64'), polarity]);
    assert.equal(await restore(saved, 'black-edits'), 'ok');
    assert.deepEqual(marked((await e.exportMask('black-edits')).black), marked(painted));
    assert.equal(await e.page.getByRole('button', { name: 'Undo' }).getAttribute('aria-disabled'), 'true', 'a restored mask is the starting point');
    assert.equal(await restore(saved, 'white-edits'), 'ok');
    assert.equal(marked((await e.exportMask('black-edits')).black).length, WIDTH * HEIGHT - marked(painted).length);

    assert.equal(await restore(testImagePng(100, 80), 'black-edits'), `MaskLoadError/maskWrongSize: The saved mask is 100 × 80 px but the image is ${WIDTH} × ${HEIGHT} px, so it was not restored.`);
    assert.equal(await restore(Buffer.from('not an image'), 'black-edits'), 'MaskLoadError/maskUnreadable: The saved mask could not be read as an image.');
    assert.equal(marked((await e.exportMask('black-edits')).black).length, WIDTH * HEIGHT - marked(painted).length, 'failed restores leave the mask alone');
  });

  it('paints with one finger and pinch-zooms with two without painting', async () => {
    const e = await open('dark', { hasTouch: true });
    await e.page.getByRole('button', { name: 'Actual size' }).click();
    const cdp = await e.page.context().newCDPSession(e.page);
    const touch = (type: string, points: { x: number; y: number }[]) => cdp.send('Input.dispatchTouchEvent', { type: type as 'touchStart', touchPoints: points.map((p, id) => ({ ...p, id })) });
    const from = await e.toScreen({ x: 100.5, y: 300.25 });
    const to = await e.toScreen({ x: 260.5, y: 300.25 });
    await touch('touchStart', [from]);
    for (let i = 1; i <= 8; i++) await touch('touchMove', [{ x: from.x + ((to.x - from.x) * i) / 8, y: from.y }]);
    await touch('touchEnd', []);
    const expected = new MaskModel(WIDTH, HEIGHT);
    expected.paintSegment(await e.toImage(from), await e.toImage(to), 16, 1); // default 32 px brush
    await assertExport(e, expected);

    const before = (await e.page.locator('ideogram-mask-editor .stage').boundingBox())!.width;
    const centre = await e.toScreen({ x: 320, y: 240 });
    await touch('touchStart', [{ x: centre.x - 40, y: centre.y }]);
    await touch('touchStart', [{ x: centre.x - 40, y: centre.y }, { x: centre.x + 40, y: centre.y }]);
    for (let i = 1; i <= 5; i++) await touch('touchMove', [{ x: centre.x - 40 - 16 * i, y: centre.y }, { x: centre.x + 40 + 16 * i, y: centre.y }]);
    await touch('touchEnd', []);
    const after = (await e.page.locator('ideogram-mask-editor .stage').boundingBox())!.width;
    assert.ok(after > before * 1.5, `pinching out zooms in (${before} → ${after} px wide)`);
    await assertExport(e, expected); // the first finger's start was dropped, not painted
  });

  it('narrows a pen\'s brush with lighter pressure', async () => {
    const e = await open();
    await e.page.getByRole('button', { name: 'Actual size' }).click();
    const cdp = await e.page.context().newCDPSession(e.page);
    const pen = (type: string, p: { x: number; y: number }, force: number) =>
      cdp.send('Input.dispatchMouseEvent', { type: type as 'mousePressed', x: p.x, y: p.y, button: 'left', buttons: type === 'mouseReleased' ? 0 : 1, clickCount: 1, pointerType: 'pen', force });
    const from = await e.toScreen({ x: 150.5, y: 100.5 });
    const to = await e.toScreen({ x: 350.5, y: 100.5 });
    await pen('mouseMoved', from, 0);
    await pen('mousePressed', from, 0.2);
    for (let i = 1; i <= 6; i++) await pen('mouseMoved', { x: from.x + ((to.x - from.x) * i) / 6, y: from.y }, 0.2);
    await pen('mouseReleased', to, 0);
    const expected = new MaskModel(WIDTH, HEIGHT);
    // 32 px brush at pressure 0.2: a quarter of the size plus three quarters scaled by pressure.
    expected.paintSegment(await e.toImage(from), await e.toImage(to), 16 * (0.25 + 0.75 * 0.2), 1);
    await assertExport(e, expected);
  });

  it('masks an EXIF-rotated photo as it is shown (upright): the host must upload it auto-oriented', async () => {
    // Browsers always apply EXIF orientation to images from another origin (webview resources
    // are), and naturalWidth reports the rotated size; the mask follows what the user sees.
    // Stored 200×100, top half red, bottom half blue; orientation 6 turns it a quarter clockwise.
    const pixels = Buffer.alloc(200 * 100 * 3);
    for (let i = 0; i < 200 * 100; i++) pixels.set(i < 200 * 50 ? [220, 30, 30] : [30, 30, 220], i * 3);
    const raw = await sharp(pixels, { raw: { width: 200, height: 100, channels: 3 } }).jpeg({ quality: 95 }).withMetadata({ orientation: 6 }).toBuffer();
    editor = await openMaskPage(browser, harness);
    assert.deepEqual(await editor.load(harness.addImage('rotated.jpg', raw, 'image/jpeg')), { width: 100, height: 200 });
    const shot = PNG.sync.read(await editor.page.locator('ideogram-mask-editor .image').screenshot());
    const colour = (fx: number, fy: number): string => {
      const i = (Math.floor(fy * shot.height) * shot.width + Math.floor(fx * shot.width)) * 4;
      return shot.data[i] > shot.data[i + 2] ? 'red' : 'blue';
    };
    assert.deepEqual([colour(0.25, 0.1), colour(0.25, 0.9), colour(0.75, 0.1), colour(0.75, 0.9)], ['blue', 'blue', 'red', 'red'], 'shown upright: blue left, red right');
    const mask = await editor.exportMask('black-edits');
    assert.deepEqual([mask.width, mask.height], [100, 200]);
  });

  it('the host half of it: uprightImage sends the upload at the size of the mask painted over the upright photo', async () => {
    // Without the turn the API would get a 40×20 image with a 20×40 mask and refuse it.
    const landscape = new PNG({ width: 40, height: 20 });
    landscape.data.fill(200);
    const tagged = await sharp(PNG.sync.write(landscape)).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    assert.deepEqual(readImageSize(tagged), { width: 40, height: 20 }, 'stored landscape');
    editor = await openMaskPage(browser, harness);
    assert.deepEqual(await editor.load(harness.addImage('turned.jpg', tagged, 'image/jpeg')), { width: 20, height: 40 });
    const mask = await editor.exportMask('black-edits');
    const sent = await uprightImage(tagged);
    assert.deepEqual(readImageSize(sent.bytes), { width: mask.width, height: mask.height }, 'the upload and the mask have one size');
  });

  it('shows a clear error for an image that does not load', async () => {
    editor = await openMaskPage(browser, harness);
    const outcome = await editor.editor.evaluate((el, src) => (el as unknown as EditorHandle).loadImage(src).then(() => 'loaded', (err: { name: string; reason: string }) => `${err.name}/${err.reason}`), harness.addImage('broken.png', Buffer.from('not a png')));
    assert.equal(outcome, 'MaskLoadError/imageFailed');
    assert.equal(await editor.page.getByRole('alert').innerText(), 'The image could not be loaded into the mask editor.');
  });

  it('recolours the mask when VS Code switches the theme', async () => {
    const e = await open('dark');
    await e.page.getByRole('button', { name: 'Invert mask' }).click();
    await nextFrame(e);
    assertPixels(await overlayPixels(e, [[100, 100]]), [[...themeRgb(e.theme.variables['--vscode-focusBorder']), FILL_ALPHA]]);
    const light = await applyTheme(e.page, 'light');
    await nextFrame(e);
    assertPixels(await overlayPixels(e, [[100, 100]]), [[...themeRgb(light.variables['--vscode-focusBorder']), FILL_ALPHA]]);
  });

  for (const theme of ['dark', 'light', 'hcDark'] as ThemeName[]) {
    it(`follows the ${theme} theme: overlay in its accent; the help lists the shortcuts (screenshots in test-results/webview)`, async () => {
      const e = await open(theme);
      await e.page.getByRole('radio', { name: 'Brush' }).click();
      await e.drag([{ x: 180, y: 120 }, { x: 260, y: 200 }, { x: 380, y: 170 }, { x: 460, y: 260 }], 8);
      const ring = await e.toScreen({ x: 520, y: 200 });
      await e.page.mouse.move(ring.x, ring.y); // the brush ring beside the stroke
      await nextFrame(e);
      await e.editor.screenshot({ path: path.join(screenshots, `mask-editor-${theme}.png`) });
      await e.page.keyboard.press('?');
      assert.equal(await e.page.getByRole('button', { name: 'Keyboard and mouse help' }).getAttribute('aria-expanded'), 'true');
      assert.match(await e.page.getByRole('region', { name: 'Keyboard and mouse help' }).innerText(), /Ctrl\+Shift\+Z\s+Redo/);
      await e.editor.screenshot({ path: path.join(screenshots, `mask-editor-${theme}-help.png`) });
      assert.deepEqual(e.problems, []);
      assertPixels(await overlayPixels(e, [[180, 120]]), [[...themeRgb(e.theme.variables['--vscode-focusBorder']), FILL_ALPHA]]);
    });
  }
});
