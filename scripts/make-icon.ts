// Draws the marketplace icon (media/icon.png, 128×128) so it can be regenerated and reviewed as code:
// a rounded square with an indigo→coral gradient, a white picture glyph (sun over two hills) and a
// sparkle for "generated". Each pixel is supersampled 4×4 for smooth edges.
// Run: npx tsx scripts/make-icon.ts
import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

const SIZE = 128;
const SAMPLES = 4;

type Rgba = [number, number, number, number];

const lerp = (a: number, b: number, t: number) => a + (b - a) * t;
const mix = (a: Rgba, b: Rgba, t: number): Rgba => [lerp(a[0], b[0], t), lerp(a[1], b[1], t), lerp(a[2], b[2], t), lerp(a[3], b[3], t)];

/** True inside a rounded rectangle. */
function inRoundedRect(x: number, y: number, left: number, top: number, right: number, bottom: number, radius: number): boolean {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** True inside a four-pointed star (a concave "sparkle") centred at (cx, cy). */
function inSparkle(x: number, y: number, cx: number, cy: number, size: number): boolean {
  const dx = Math.abs(x - cx) / size;
  const dy = Math.abs(y - cy) / size;
  return Math.sqrt(dx) + Math.sqrt(dy) <= 1;
}

/** The colour of one sample point. */
function sample(x: number, y: number): Rgba {
  const transparent: Rgba = [0, 0, 0, 0];
  if (!inRoundedRect(x, y, 4, 4, 124, 124, 26)) return transparent;
  const t = (x + y) / (2 * SIZE);
  let colour = t < 0.5 ? mix([76, 52, 230, 255], [176, 68, 214, 255], t / 0.5) : mix([176, 68, 214, 255], [255, 112, 88, 255], (t - 0.5) / 0.5);
  const white: Rgba = [255, 255, 255, 255];
  // Picture frame: a white rounded outline.
  const inOuter = inRoundedRect(x, y, 26, 34, 102, 98, 10);
  const inInner = inRoundedRect(x, y, 33, 41, 95, 91, 5);
  if (inOuter && !inInner) colour = white;
  if (inInner) {
    // Two hills and a sun, inside the frame.
    const hillBig = y > 91 - Math.max(0, 34 - Math.abs(x - 52) * 1.05);
    const hillSmall = y > 91 - Math.max(0, 22 - Math.abs(x - 80) * 1.1);
    const sun = (x - 78) ** 2 + (y - 56) ** 2 <= 7.5 ** 2;
    if (hillBig || hillSmall || sun) colour = mix(colour, white, 0.92);
  }
  if (inSparkle(x, y, 100, 30, 17)) colour = white;
  return colour;
}

const png = new PNG({ width: SIZE, height: SIZE });
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    const sum: Rgba = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = sample(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
        // Premultiply so transparent samples do not darken edges.
        sum[0] += c[0] * c[3];
        sum[1] += c[1] * c[3];
        sum[2] += c[2] * c[3];
        sum[3] += c[3];
      }
    }
    const index = (py * SIZE + px) * 4;
    const alpha = sum[3] / (SAMPLES * SAMPLES);
    png.data[index] = sum[3] ? Math.round(sum[0] / sum[3]) : 0;
    png.data[index + 1] = sum[3] ? Math.round(sum[1] / sum[3]) : 0;
    png.data[index + 2] = sum[3] ? Math.round(sum[2] / sum[3]) : 0;
    png.data[index + 3] = Math.round(alpha);
  }
}
writeFileSync('media/icon.png', PNG.sync.write(png));
console.log('wrote media/icon.png');
