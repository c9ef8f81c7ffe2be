// Regenerates the small sample images in test/fixtures/workspace/images/.
// They are committed (a few KB) so unit tests and the rig need no encoder; this script only exists so
// they can be remade. No image encoder is installed on these machines except Chromium's canvas, so
// PNG, JPEG and WebP are all drawn and encoded there.
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../test/support/rig/browser';
import { repoRoot } from '../test/support/rig/paths';

/** One fixture: file name, canvas size, encoder type and the gradient colours drawn into it. */
interface FixtureImage { file: string; width: number; height: number; mime: string; colors: [string, string] }

// The scripts' tsconfig has no DOM types (they run in Node); just what the page function uses.
interface Canvas2d { fillStyle: unknown; createLinearGradient(x0: number, y0: number, x1: number, y1: number): { addColorStop(at: number, color: string): void };
  fillRect(x: number, y: number, w: number, h: number): void; beginPath(): void; arc(x: number, y: number, r: number, a0: number, a1: number): void; fill(): void }
interface Canvas { width: number; height: number; getContext(kind: '2d'): Canvas2d | null; toDataURL(mime: string, quality: number): string }
interface PageGlobals { document: { createElement(tag: 'canvas'): Canvas } }

const images: FixtureImage[] = [
  { file: 'sunset.png', width: 96, height: 64, mime: 'image/png', colors: ['#ff8a00', '#7a1fa2'] },
  { file: 'forest.jpg', width: 96, height: 64, mime: 'image/jpeg', colors: ['#0f5132', '#a3cfbb'] },
  { file: 'logo.webp', width: 64, height: 64, mime: 'image/webp', colors: ['#2fa4ff', '#0b1f3a'] },
];

async function main(): Promise<void> {
  const outDir = path.join(repoRoot, 'test', 'fixtures', 'workspace', 'images');
  mkdirSync(outDir, { recursive: true });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    for (const image of images) {
      const base64 = await page.evaluate(async (img: FixtureImage) => {
        const canvas = (globalThis as unknown as PageGlobals).document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no 2d context');
        const gradient = ctx.createLinearGradient(0, 0, img.width, img.height);
        gradient.addColorStop(0, img.colors[0]);
        gradient.addColorStop(1, img.colors[1]);
        ctx.fillStyle = gradient;
        ctx.fillRect(0, 0, img.width, img.height);
        ctx.fillStyle = 'rgba(255,255,255,0.8)';
        ctx.beginPath();
        ctx.arc(img.width * 0.7, img.height * 0.35, img.height / 6, 0, Math.PI * 2);
        ctx.fill();
        const dataUrl = canvas.toDataURL(img.mime, 0.8);
        return dataUrl.slice(dataUrl.indexOf(',') + 1);
      }, image);
      writeFileSync(path.join(outDir, image.file), Buffer.from(base64, 'base64'));
      console.log(`wrote ${image.file}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
