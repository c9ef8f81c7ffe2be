// An output folder as the extension would have left it after months of use: N results, each a tiny
// image plus the sidecar the image service writes (built by the same buildSidecar, named by the
// same default template), in either sidecar layout. Deterministic (a seeded PRNG), with what real
// folders have and the gallery must cope with: batches of up to four images sharing one
// created_at, long magic-prompt rewrites, negative prompts, remixes and upscales of earlier
// results, several models, and some prompts outside Latin-1 (two bytes per character in V8).
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { PNG } from 'pngjs';
import { sidecarPathFor, type SidecarLayout } from '../../src/common/sidecarLocation';
import { candidateName, DEFAULT_FILE_NAME_TEMPLATE, expandFileNameTemplate } from '../../src/common/naming';
import { buildSidecar, serializeSidecar, type ImageOperation } from '../../src/common/sidecar';

const SUBJECTS = ['a lighthouse on a rocky cliff', 'a red fox curled up in fresh snow', 'a paper boat drifting on a pond', 'a city skyline at night',
  'a steaming bowl of ramen', 'an astronaut tending a rooftop garden', 'a vintage bicycle leaning on a brick wall', 'a koi pond under cherry blossoms',
  'a robot barista pouring latte art', 'a mountain cabin in a thunderstorm', '一只在竹林里睡觉的熊猫', 'a logo for a coffee shop called Bean There'];
const SETTINGS = ['at dusk', 'in golden hour light', 'on a foggy morning', 'under a starry sky', 'in the rain', 'at noon', 'in winter', 'by candlelight'];
const STYLES = ['watercolor', 'isometric 3D render', 'flat vector illustration', 'cinematic photograph, 35mm', 'oil painting', 'pixel art', 'studio product shot', 'ink sketch'];
const DETAILS = ['The composition places the subject slightly off-centre, following the rule of thirds, with a shallow depth of field that softens the background into gentle bokeh.',
  'Warm highlights contrast with cool shadows, and fine textures are visible on every surface, from weathered wood grain to tiny droplets of water.',
  'A muted palette of teal, ochre and soft cream gives the scene a calm, nostalgic mood, while a single accent of bright red draws the eye.',
  'Volumetric light spills through the scene, catching floating dust motes, and long shadows stretch across the foreground.',
  'The perspective is low and wide, making the subject feel monumental against an expansive, detailed backdrop.',
  'Crisp edges and clean shapes keep the image legible at small sizes, suitable for a website hero banner.'];
const NEGATIVES = ['blurry, low quality, watermark', 'text, letters, signature', 'extra fingers, distorted faces', 'oversaturated colours, harsh shadows'];
const MODELS = ['V_2', 'V_2', 'V_2', 'V_2_TURBO', 'V_2A', 'V_2A', 'V_2A_TURBO', 'V_1', 'V_1_TURBO', 'V_3'];
const RESOLUTIONS = [[1024, 1024], [1312, 736], [736, 1312], [1152, 864], [1248, 832]] as const;

/** A fixture's shape. */
export interface GalleryFixtureOptions {
  /** How many results (images with their sidecars). */
  count: number;
  layout: SidecarLayout;
  /** PRNG seed; the same seed writes the same files. */
  seed?: number;
}

/** What was written, for checks and for later edits by a bench or test. */
export interface GalleryFixture {
  /** Image file names in the output folder, in the order written (oldest first). */
  images: string[];
  /** Sidecar paths relative to the output folder, '/'-separated, parallel to `images`. */
  sidecars: string[];
}

// mulberry32: tiny, fast and good enough for picking words.
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A handful of tiny PNGs shared by all results: the gallery's index never decodes images, so their
// bytes only have to be real PNGs, not distinct ones.
const TINY_PNGS = Array.from({ length: 8 }, (_, k) => {
  const png = new PNG({ width: 8, height: 8 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([(k * 37) % 256, (k * 91) % 256, 160, 255], i);
  return PNG.sync.write(png);
});

/** Writes `options.count` results into `folder` (created when missing); created_at increases with the index. */
export async function writeGalleryFixture(folder: string, options: GalleryFixtureOptions): Promise<GalleryFixture> {
  const random = prng(options.seed ?? 20_250_101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  await mkdir(path.join(folder, sidecarPathFor('x.png', options.layout), '..'), { recursive: true });
  const fixture: GalleryFixture = { images: [], sidecars: [] };
  const taken = new Set<string>();
  const writes: { file: string; data: string | Buffer }[] = [];
  let time = Date.parse('2024-03-01T09:00:00.000Z');
  let batchLeft = 0;
  let batchPrompt = '';
  for (let i = 0; i < options.count; i++) {
    if (batchLeft === 0) {
      // A new request: 1–4 images that share created_at and prompt, minutes to hours after the last.
      batchLeft = 1 + Math.floor(random() * random() * 4);
      time += Math.floor(30_000 + random() * 3_600_000);
      batchPrompt = `${pick(SUBJECTS)} ${pick(SETTINGS)}, ${pick(STYLES)}`;
    }
    batchLeft--;
    const roll = random();
    const operation: ImageOperation = roll < 0.8 ? 'generate' : roll < 0.92 ? 'remix' : 'upscale';
    const magic = operation !== 'upscale' && random() < 0.6;
    const [width, height] = pick(RESOLUTIONS);
    const seed = Math.floor(random() * 2_147_483_647);
    const model = operation === 'upscale' ? undefined : pick(MODELS);
    const prompt = operation === 'upscale' && random() < 0.7 ? '' : batchPrompt;
    const request: Record<string, unknown> = { prompt, model, seed, num_images: 1, magic_prompt_option: magic ? 'ON' : 'OFF' };
    if (random() < 0.3 && operation !== 'upscale') request.negative_prompt = pick(NEGATIVES);
    const returned = magic ? `${prompt}. ${Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(DETAILS)).join(' ')}` : prompt;
    const sourceImage = operation === 'generate' || fixture.images.length === 0 ? undefined : `assets/ideogram/${pick(fixture.images)}`;
    const now = new Date(time);
    const base = expandFileNameTemplate(DEFAULT_FILE_NAME_TEMPLATE, { prompt, seed, model, operation, index: 1, date: now });
    let attempt = 0;
    while (taken.has(candidateName(base, attempt))) attempt++;
    const stem = candidateName(base, attempt);
    taken.add(stem);
    const image = `${stem}.png`;
    const bytes = TINY_PNGS[i % TINY_PNGS.length];
    const sidecar = buildSidecar({
      operation, request,
      image: { prompt: returned || undefined, seed, resolution: `${width}x${height}`, style_type: 'AUTO', is_image_safe: true },
      apiCreated: now.toISOString(), sourceImage, provider: 'ideogram', extensionVersion: '0.1.0', file: image, now,
      size: { width, height }, mime: 'image/png', bytes: bytes.length,
    });
    const sidecarPath = sidecarPathFor(image, options.layout);
    fixture.images.push(image);
    fixture.sidecars.push(sidecarPath);
    writes.push({ file: path.join(folder, image), data: bytes }, { file: path.join(folder, ...sidecarPath.split('/')), data: serializeSidecar(sidecar) });
  }
  // 16 writes at a time: tens of thousands of small files in seconds, without exhausting descriptors.
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < writes.length) {
      const { file, data } = writes[next++];
      await writeFile(file, data);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return fixture;
}
