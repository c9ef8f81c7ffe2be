// Deterministic test images: real PNGs whose colours and stripes come from a hash, so the same
// seed + prompt always yields the same picture and the picture can be rebuilt from its id alone.
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { PNG } from 'pngjs';
import { blankRaster, encodePng, type Raster, type Rgb } from './v3/raster';

/** Pixel size of each aspect ratio (about one megapixel, multiples of 16, like Ideogram's own outputs). */
export const ASPECT_SIZES: Readonly<Record<string, readonly [number, number]>> = {
  ASPECT_1_1: [1024, 1024],
  ASPECT_16_9: [1344, 768],
  ASPECT_9_16: [768, 1344],
  ASPECT_16_10: [1280, 800],
  ASPECT_10_16: [800, 1280],
  ASPECT_3_2: [1248, 832],
  ASPECT_2_3: [832, 1248],
  ASPECT_4_3: [1152, 864],
  ASPECT_3_4: [864, 1152],
  ASPECT_3_1: [1536, 512],
  ASPECT_1_3: [512, 1536],
};

/** Longest side any generated image may have; keeps upscales of large inputs cheap. */
export const MAX_SIDE = 4096;

/** Width and height for a request: resolution wins, then aspect ratio, then 1024x1024. */
export function sizeFor(req: { resolution?: unknown; aspect_ratio?: unknown }): [number, number] {
  if (typeof req.resolution === 'string') {
    const m = /^RESOLUTION_(\d+)_(\d+)$/.exec(req.resolution);
    if (m) return [Number(m[1]), Number(m[2])];
  }
  if (typeof req.aspect_ratio === 'string' && ASPECT_SIZES[req.aspect_ratio]) {
    const [w, h] = ASPECT_SIZES[req.aspect_ratio];
    return [w, h];
  }
  return [1024, 1024];
}

/** Twice the input size, scaled down so the long side stays within MAX_SIDE. */
export function upscaledSize(width: number, height: number): [number, number] {
  const factor = Math.min(2, MAX_SIDE / Math.max(width, height));
  return [Math.max(1, Math.round(width * factor)), Math.max(1, Math.round(height * factor))];
}

/** A short hex digest used in image ids (48 bits is plenty to keep test images apart). */
export function shortHash(...parts: (string | number | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(typeof p === 'number' ? String(p) : p);
    h.update('\0');
  }
  return h.digest('hex').slice(0, 12);
}

/** Image id `<w>x<h>-<hash>`: everything needed to rebuild the image, so it survives cache eviction. */
export function imageId(width: number, height: number, hash: string): string {
  return `${width}x${height}-${hash}`;
}

/** Image id `alpha-<w>x<h>-<hash>` of a generate-transparent picture, rebuilt from the id like the striped ones. */
export function transparentImageId(width: number, height: number, hash: string): string {
  return `alpha-${imageId(width, height, hash)}`;
}

/**
 * Longest side of a transparent picture: generate-transparent's largest base size (1536) times its
 * largest upscale factor (X4), so every size the vendor can answer is served.
 */
export const MAX_TRANSPARENT_SIDE = 6144;

/** Parses an image id; undefined when it is not one of ours or is absurdly large. */
export function parseImageId(id: string): { width: number; height: number; hash: string; transparent: boolean } | undefined {
  const m = /^(alpha-)?(\d{1,5})x(\d{1,5})-([0-9a-f]{12})$/.exec(id);
  if (!m) return undefined;
  const transparent = m[1] !== undefined;
  const width = Number(m[2]);
  const height = Number(m[3]);
  const maxSide = transparent ? MAX_TRANSPARENT_SIDE : MAX_SIDE;
  if (width < 1 || height < 1 || width > maxSide || height > maxSide) return undefined;
  return { width, height, hash: m[4], transparent };
}

/** An HSL colour (h in degrees, s and l in 0..1) as RGB bytes. */
function hslToRgb(h: number, s: number, l: number): Rgb {
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const [r, g, b] = h < 60 ? [c, x, 0] : h < 120 ? [x, c, 0] : h < 180 ? [0, c, x] : h < 240 ? [0, x, c] : h < 300 ? [x, 0, c] : [c, 0, x];
  return [Math.round((r + m) * 255), Math.round((g + m) * 255), Math.round((b + m) * 255)];
}

/** The base colour, stripe colour and stripe period a hash stands for. */
function stripeStyle(hash: string): { n: number; base: Rgb; stripe: Rgb; period: number; stripeWidth: number } {
  const n = parseInt(hash.slice(-8), 16); // 32 bits, so the unsigned shifts below are exact
  const hue = n % 360;
  const base = hslToRgb(hue, 0.55 + ((n >>> 9) % 25) / 100, 0.45 + ((n >>> 14) % 15) / 100);
  const stripe = hslToRgb((hue + 150) % 360, 0.6, 0.75);
  const period = 32 + ((n >>> 18) % 64);
  // A quarter of each period is stripe, so the base colour stays dominant for describe.
  return { n, base, stripe, period, stripeWidth: Math.max(1, Math.floor(period / 4)) };
}

/** The striped picture for a hash as opaque RGBA pixels. */
export function stripedRaster(width: number, height: number, hash: string): Raster {
  const { base, stripe, period, stripeWidth } = stripeStyle(hash);
  const raster = blankRaster(width, height);
  const data = raster.data;
  for (let y = 0; y < height; y++) {
    let i = y * width * 4;
    for (let x = 0; x < width; x++, i += 4) {
      const c = (x + y) % period < stripeWidth ? stripe : base;
      data[i] = c[0];
      data[i + 1] = c[1];
      data[i + 2] = c[2];
      data[i + 3] = 255;
    }
  }
  return raster;
}

/** One solid colour for a hash (the striped picture's base colour). */
export function solidColour(hash: string): Rgb {
  return stripeStyle(hash).base;
}

/** Renders the striped picture for a hash as a PNG, padded to about padTo bytes when given. */
export function renderPng(width: number, height: number, hash: string, padTo = 0): Buffer {
  const encoded = encodePng(stripedRaster(width, height, hash), false);
  return padTo > 0 ? padPng(encoded, padTo, stripeStyle(hash).n) : encoded;
}

/**
 * A picture on a transparent background, as generate-transparent answers: a striped disc (the
 * "subject", fully opaque) whose edge fades over about two pixels, everything else alpha 0.
 */
export function renderTransparentPng(width: number, height: number, hash: string, padTo = 0): Buffer {
  const raster = stripedRaster(width, height, hash);
  const radius = Math.min(width, height) * 0.35;
  const data = raster.data;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const distance = Math.hypot(x + 0.5 - width / 2, y + 0.5 - height / 2);
      const alpha = Math.round(255 * Math.min(1, Math.max(0, (radius - distance) / 2)));
      const i = (y * width + x) * 4;
      if (alpha === 0) data[i] = data[i + 1] = data[i + 2] = 0;
      data[i + 3] = alpha;
    }
  }
  const encoded = encodePng(raster, true);
  return padTo > 0 ? padPng(encoded, padTo, stripeStyle(hash).n) : encoded;
}

/**
 * Grows a PNG to about `target` bytes with a private ancillary chunk ("paDd") of pseudo-random
 * bytes: decoders skip it, and random bytes do not shrink if something compresses the transfer.
 */
export function padPng(png: Buffer, target: number, seed = 1): Buffer {
  const chunkOverhead = 12;
  const length = target - png.length - chunkOverhead;
  if (length <= 0) return png;
  const chunk = Buffer.alloc(length + chunkOverhead);
  chunk.writeUInt32BE(length, 0);
  chunk.write('paDd', 4, 'latin1');
  let state = seed >>> 0 || 0x9e3779b9;
  let off = 8;
  for (; off + 4 <= 8 + length; off += 4) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    chunk.writeUInt32LE(state >>> 0, off);
  }
  for (; off < 8 + length; off++) chunk[off] = off & 0xff;
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + length)) >>> 0, 8 + length);
  const iendAt = png.length - 12; // IEND is always the last, empty chunk
  return Buffer.concat([png.subarray(0, iendAt), chunk, png.subarray(iendAt)]);
}

/** Size and most common colour of a PNG, or undefined when it does not decode. */
export function summarisePng(bytes: Uint8Array): { width: number; height: number; hex: string; name: string } | undefined {
  let png: PNG;
  try {
    png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    return undefined;
  }
  const { width, height, data } = png;
  // Sample about 40k pixels in 4-bit-per-channel buckets: exact enough, fast on 16 MP inputs.
  const step = Math.max(1, Math.floor((width * height) / 40_000));
  const counts = new Map<number, { n: number; r: number; g: number; b: number }>();
  for (let p = 0; p < width * height; p += step) {
    const i = p * 4;
    const key = ((data[i] >> 4) << 8) | ((data[i + 1] >> 4) << 4) | (data[i + 2] >> 4);
    const e = counts.get(key) ?? { n: 0, r: 0, g: 0, b: 0 };
    e.n++;
    e.r += data[i];
    e.g += data[i + 1];
    e.b += data[i + 2];
    counts.set(key, e);
  }
  let best = { n: 0, r: 0, g: 0, b: 0 };
  for (const e of counts.values()) if (e.n > best.n) best = e;
  const rgb: Rgb = best.n ? [Math.round(best.r / best.n), Math.round(best.g / best.n), Math.round(best.b / best.n)] : [0, 0, 0];
  const hex = '#' + rgb.map((v) => v.toString(16).padStart(2, '0')).join('');
  return { width, height, hex, name: colourName(rgb) };
}

/** A plain English colour name for an RGB triple. */
export function colourName([r, g, b]: Rgb): string {
  const max = Math.max(r, g, b) / 255;
  const min = Math.min(r, g, b) / 255;
  const l = (max + min) / 2;
  const d = max - min;
  const s = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1));
  if (l < 0.12) return 'black';
  if (l > 0.92) return 'white';
  if (s < 0.15) return 'grey';
  let h: number;
  const rf = r / 255, gf = g / 255, bf = b / 255;
  if (max === rf) h = 60 * (((gf - bf) / d) % 6);
  else if (max === gf) h = 60 * ((bf - rf) / d + 2);
  else h = 60 * ((rf - gf) / d + 4);
  if (h < 0) h += 360;
  const names: [number, string][] = [[15, 'red'], [45, 'orange'], [70, 'yellow'], [160, 'green'], [195, 'teal'], [250, 'blue'], [290, 'purple'], [345, 'pink'], [360, 'red']];
  return names.find(([limit]) => h < limit)?.[1] ?? 'red';
}

/** A byte-capped LRU of PNGs by id. */
class PngCache {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly capBytes: number) {}

  get(id: string): Buffer | undefined {
    const hit = this.entries.get(id);
    if (hit) {
      this.entries.delete(id);
      this.entries.set(id, hit);
    }
    return hit;
  }

  /** Adds an entry, then evicts the oldest ones (never this one) until within the cap. */
  set(id: string, png: Buffer): void {
    const old = this.entries.get(id);
    if (old) this.bytes -= old.length;
    this.entries.delete(id);
    this.entries.set(id, png);
    this.bytes += png.length;
    for (const [oldId, oldPng] of this.entries) {
      if (this.bytes <= this.capBytes || oldId === id) break;
      this.entries.delete(oldId);
      this.bytes -= oldPng.length;
    }
  }
}

/**
 * Rendered PNGs by id. Generated pictures (striped, transparent) are rebuilt from the id on a
 * miss, so eviction loses nothing; pictures derived from an uploaded input (3.0 remix, inpaint,
 * reframe…) cannot be, so they live in their own byte-capped LRU and an evicted one answers 404,
 * like one of Ideogram's expired links.
 */
export class ImageStore {
  private readonly rendered: PngCache;
  private readonly derived: PngCache;

  /** padTo: the imageBytes option; capBytes: memory each cache may hold. */
  constructor(private readonly padTo = 0, capBytes = 128 * 1024 * 1024) {
    this.rendered = new PngCache(capBytes);
    this.derived = new PngCache(capBytes * 2);
  }

  /** The PNG for an id, or undefined when the id is not one this server hands out (or was evicted). */
  get(id: string): Buffer | undefined {
    const hit = this.rendered.get(id) ?? this.derived.get(id);
    if (hit) return hit;
    const parsed = parseImageId(id);
    if (!parsed) return undefined;
    const render = parsed.transparent ? renderTransparentPng : renderPng;
    const png = render(parsed.width, parsed.height, parsed.hash, this.padTo);
    this.rendered.set(id, png);
    return png;
  }

  /** Keeps a derived picture (padded like the rest) and returns its id, `out-<w>x<h>-<hash>`. */
  putDerived(width: number, height: number, hash: string, png: Buffer): string {
    const id = `out-${imageId(width, height, hash)}`;
    this.derived.set(id, this.padTo > 0 ? padPng(png, this.padTo, parseInt(hash.slice(-8), 16)) : png);
    return id;
  }
}
