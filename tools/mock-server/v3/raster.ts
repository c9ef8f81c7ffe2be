// Pixels in and out for the 3.0 image operations. PNG goes through pngjs (no native code, fast to
// load); JPEG and WebP, which the vendor also accepts, are decoded with the `sharp` package, loaded
// on the first such input only (the server must not use the client's src/imageOps, and most tests
// never send one). Outputs are always PNG.
import { PNG } from 'pngjs';
import type SharpModule from 'sharp';

/** An RGBA image in memory. */
export interface Raster {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, rows top to bottom. */
  data: Uint8Array;
}

/** An RGB colour. */
export type Rgb = readonly [number, number, number];

/** A blank (fully transparent) raster. */
export function blankRaster(width: number, height: number): Raster {
  return { width, height, data: new Uint8Array(width * height * 4) };
}

let sharpLoaded: typeof SharpModule | undefined;

async function sharp(): Promise<typeof SharpModule> {
  if (!sharpLoaded) {
    const loaded = ((await import('sharp')) as unknown as { default: typeof SharpModule }).default;
    loaded.cache(false);
    sharpLoaded = loaded;
  }
  return sharpLoaded;
}

/** Decodes a PNG, JPEG or WebP (by MIME type) to RGBA; undefined when the bytes do not decode. */
export async function decodeRaster(bytes: Uint8Array, mime: string): Promise<Raster | undefined> {
  try {
    if (mime === 'image/png') {
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return { width: png.width, height: png.height, data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength) };
    }
    const { data, info } = await (await sharp())(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  } catch {
    return undefined;
  }
}

/** Whether any pixel is less than fully opaque. */
export function hasTransparency(raster: Raster): boolean {
  for (let i = 3; i < raster.data.length; i += 4) if (raster.data[i] !== 255) return true;
  return false;
}

/** Encodes as PNG: RGBA when `alpha` (or when the raster has transparency), else RGB. */
export function encodePng(raster: Raster, alpha = hasTransparency(raster)): Buffer {
  const png = new PNG({ width: raster.width, height: raster.height });
  png.data = Buffer.from(raster.data.buffer, raster.data.byteOffset, raster.data.byteLength);
  return PNG.sync.write(png, { colorType: alpha ? 6 : 2 });
}

/** Nearest-neighbour copy of the source rectangle (sx, sy, sw, sh) onto the target rectangle (tx, ty, tw, th). */
export function blit(
  src: Raster, [sx, sy, sw, sh]: readonly [number, number, number, number],
  dst: Raster, [tx, ty, tw, th]: readonly [number, number, number, number],
): void {
  for (let y = 0; y < th; y++) {
    const srcY = sy + Math.min(sh - 1, Math.floor(((y + 0.5) * sh) / th));
    for (let x = 0; x < tw; x++) {
      const srcX = sx + Math.min(sw - 1, Math.floor(((x + 0.5) * sw) / tw));
      const from = (srcY * src.width + srcX) * 4;
      const to = ((ty + y) * dst.width + tx + x) * 4;
      dst.data[to] = src.data[from];
      dst.data[to + 1] = src.data[from + 1];
      dst.data[to + 2] = src.data[from + 2];
      dst.data[to + 3] = src.data[from + 3];
    }
  }
}

/** The source scaled to cover width × height, centred and cropped (the vendor crops remix inputs to the chosen ratio). */
export function coverCrop(src: Raster, width: number, height: number): Raster {
  const scale = Math.max(width / src.width, height / src.height);
  const sw = Math.min(src.width, Math.round(width / scale));
  const sh = Math.min(src.height, Math.round(height / scale));
  const out = blankRaster(width, height);
  blit(src, [Math.floor((src.width - sw) / 2), Math.floor((src.height - sh) / 2), sw, sh], out, [0, 0, width, height]);
  return out;
}

/** Where the source lands when scaled to fit inside width × height, centred: [x, y, w, h]. */
export function containRect(src: { width: number; height: number }, width: number, height: number): [number, number, number, number] {
  const scale = Math.min(width / src.width, height / src.height);
  const w = Math.max(1, Math.min(width, Math.round(src.width * scale)));
  const h = Math.max(1, Math.min(height, Math.round(src.height * scale)));
  return [Math.floor((width - w) / 2), Math.floor((height - h) / 2), w, h];
}

/**
 * Whether (x, y) lies in the centred ellipse spanning the middle half of each side: what this
 * server calls the foreground of an image (replace-background keeps it, remove-background keeps
 * only it).
 */
export function inForeground(x: number, y: number, width: number, height: number): boolean {
  const dx = (x + 0.5 - width / 2) / (width / 4);
  const dy = (y + 0.5 - height / 2) / (height / 4);
  return dx * dx + dy * dy <= 1;
}
