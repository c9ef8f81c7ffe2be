// Opens the harness page in Chromium with one <ideogram-mask-editor> in it, and gives tests and the
// bench what they need: loading an image, exporting masks, image↔screen coordinates, and every
// CSP violation or script error the page reported.
import type { Browser, Locator, Page } from 'playwright-core';
import { decodeMask, type DecodedMask } from './images';
import type { MaskHarness } from './server';
import { applyTheme, type CapturedTheme, type ThemeName } from './themes';

/** The editor element as seen from inside `evaluate` (the scripts' tsconfig has no DOM types). */
export interface EditorHandle {
  loadImage(src: string): Promise<{ width: number; height: number }>;
  loadMask(file: Uint8Array, polarity: string): Promise<void>;
  exportMask(options: { polarity: string }): Promise<Uint8Array>;
  isEmpty(): boolean;
  imageWidth: number;
  imageHeight: number;
  brushSize: number;
  tool: string;
}

interface HarnessGlobals {
  document: {
    createElement(tag: string): EditorHandle & { style: { height: string }; addEventListener(type: string, listener: (event: { detail: { empty: boolean } }) => void): void };
    getElementById(id: string): { append(node: unknown): void };
    querySelector(selector: string): EditorHandle | null;
  };
  maskChanges: boolean[];
}

/** Options for {@link openMaskPage}. */
export interface MaskPageOptions {
  theme?: ThemeName;
  viewport?: { width: number; height: number };
  /** Height of the editor element in CSS pixels. */
  editorHeight?: number;
  /** Emulate a touch screen (for touch input tests). */
  hasTouch?: boolean;
}

/** One harness page with an editor. */
export interface MaskPage {
  page: Page;
  editor: Locator;
  /** The focusable canvas area. */
  canvas: Locator;
  theme: CapturedTheme;
  /** CSP violations, console errors and uncaught errors seen so far. */
  problems: string[];
  /** Loads an image into the editor. */
  load(imageUrl: string): Promise<{ width: number; height: number }>;
  /** The PNG bytes of exportMask. */
  exportBytes(polarity: 'black-edits' | 'white-edits'): Promise<Buffer>;
  /** exportMask, decoded (and checked to be pure black and white). */
  exportMask(polarity: 'black-edits' | 'white-edits'): Promise<DecodedMask>;
  /** The `empty` flag of every `change` event so far. */
  changes(): Promise<boolean[]>;
  /** The screen point of an image point, from where the image is laid out. */
  toScreen(point: { x: number; y: number }): Promise<{ x: number; y: number }>;
  /** The image point under a screen point. */
  toImage(point: { x: number; y: number }): Promise<{ x: number; y: number }>;
  /**
   * Drags the mouse (left button) through image points, `steps` moves per leg; returns the image
   * points it really pressed at and passed through (screen pixels rounded back), for expectations.
   */
  drag(points: { x: number; y: number }[], steps?: number): Promise<{ x: number; y: number }[]>;
  close(): Promise<void>;
}

/** Opens the harness page, themes it, and adds an editor (no image yet). */
export async function openMaskPage(browser: Browser, harness: MaskHarness, options: MaskPageOptions = {}): Promise<MaskPage> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1000, height: 760 }, hasTouch: options.hasTouch ?? false });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    const doc = (globalThis as unknown as { document: { addEventListener(type: string, listener: (event: { violatedDirective: string; blockedURI: string }) => void): void } }).document;
    doc.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(harness.pageUrl);
  const theme = await applyTheme(page, options.theme ?? 'dark');
  await page.evaluate((height) => {
    const g = globalThis as unknown as HarnessGlobals;
    const editor = g.document.createElement('ideogram-mask-editor');
    editor.style.height = `${height}px`;
    g.maskChanges = [];
    editor.addEventListener('change', (event) => g.maskChanges.push(event.detail.empty));
    g.document.getElementById('app').append(editor);
  }, options.editorHeight ?? 600);
  const editor = page.locator('ideogram-mask-editor');
  const stage = page.locator('ideogram-mask-editor .stage');
  const imageSize = () => editor.evaluate((e) => ({ width: (e as unknown as EditorHandle).imageWidth, height: (e as unknown as EditorHandle).imageHeight }));
  const exportBytes = async (polarity: string): Promise<Buffer> =>
    Buffer.from(await editor.evaluate(async (e, p) => Array.from(await (e as unknown as EditorHandle).exportMask({ polarity: p })), polarity));
  const toScreen = async (point: { x: number; y: number }) => {
    const box = (await stage.boundingBox())!;
    const { width, height } = await imageSize();
    return { x: box.x + (point.x * box.width) / width, y: box.y + (point.y * box.height) / height };
  };
  const toImage = async (point: { x: number; y: number }) => {
    const box = (await stage.boundingBox())!;
    const { width, height } = await imageSize();
    return { x: ((point.x - box.x) * width) / box.width, y: ((point.y - box.y) * height) / box.height };
  };
  return {
    page,
    editor,
    canvas: page.locator('ideogram-mask-editor .viewport'),
    theme,
    problems,
    load: (imageUrl) => editor.evaluate((e, src) => (e as unknown as EditorHandle).loadImage(src), imageUrl),
    exportBytes,
    exportMask: async (polarity) => decodeMask(await exportBytes(polarity)),
    changes: () => page.evaluate(() => (globalThis as unknown as HarnessGlobals).maskChanges),
    toScreen,
    toImage,
    async drag(points, steps = 10) {
      const screen = [];
      for (const point of points) screen.push(await toScreen(point));
      await page.mouse.move(screen[0].x, screen[0].y);
      await page.mouse.down();
      for (const point of screen.slice(1)) await page.mouse.move(point.x, point.y, { steps });
      await page.mouse.up();
      const passed = [];
      for (const point of screen) passed.push(await toImage(point));
      return passed;
    },
    close: () => context.close(),
  };
}
