// A history as the extension would have left it: N tiny PNGs, each with the sidecar the image
// service writes (built by the same buildSidecar), so the Studio's History reads real files.
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { PNG } from 'pngjs';
import { buildSidecar, serializeSidecar } from '../../src/common/sidecar';

const SUBJECTS = ['a lighthouse at dusk', 'a red fox in the snow', 'a paper boat on a pond', 'a city skyline at night', 'a bowl of ramen'];

/** A small solid-colour PNG (the History shows thumbnails; their size is not what is measured). */
function tinyPng(index: number): Buffer {
  const png = new PNG({ width: 16, height: 16 });
  for (let i = 0; i < png.data.length; i += 4) {
    png.data[i] = (index * 37) % 256;
    png.data[i + 1] = (index * 91) % 256;
    png.data[i + 2] = 160;
    png.data[i + 3] = 255;
  }
  return PNG.sync.write(png);
}

/** Writes `count` images with sidecars into `folder` (created when missing), newest last. */
export async function writeHistoryFixture(folder: string, count: number): Promise<void> {
  await mkdir(folder, { recursive: true });
  // Distinct timestamps a minute apart, so the newest-first order is well defined.
  const start = Date.parse('2025-01-01T00:00:00Z');
  for (let i = 0; i < count; i++) {
    const name = `bench-${String(i).padStart(4, '0')}`;
    const prompt = `${SUBJECTS[i % SUBJECTS.length]}, variation ${i}`;
    const bytes = tinyPng(i);
    const sidecar = buildSidecar({
      operation: 'generate',
      request: { prompt, model: 'V_2', aspect_ratio: 'ASPECT_1_1', num_images: 1, seed: i },
      image: { prompt, seed: i, resolution: '1024x1024', style_type: 'GENERAL', is_image_safe: true },
      provider: 'custom',
      extensionVersion: 'bench',
      file: `${name}.png`,
      now: new Date(start + i * 60_000),
      size: { width: 16, height: 16 },
      mime: 'image/png',
      bytes: bytes.length,
    });
    await writeFile(path.join(folder, `${name}.png`), bytes);
    await writeFile(path.join(folder, `${name}.json`), serializeSidecar(sidecar));
  }
}
