// Local image processing for the features that reshape results: placeholders (issue 15: crop and
// resize a generated image to the exact size and format a page references) and the gallery
// (issue 12: small thumbnails made once, so a grid never decodes full-size PNGs). Pure: no
// `vscode`; callers read and write the bytes (workspace.fs, the storage folder) themselves.
//
// Usage:
//   const bytes = await fitExactly(png, { width: 1200, height: 630, format: formatForFileName('og.webp')! });
//   const thumb = await makeThumbnail(png, 256);            // { bytes, width, height, mime } (WebP)
//   const info = await decodeInfo(bytes);                   // { width, height, format, hasAlpha }
// Every function rejects with an ImageOpsError (kind + localised message) on bad input or an
// impossible target, before any work; nothing else escapes.
//
// The library is sharp with libvips compiled to WebAssembly (chosen by measurement: README,
// "Dependencies"). It is loaded on the first call (engine.ts): ~150-450 ms once, then about
// 60-140 ms per 1200×630 image; activation does not load it. Calls run on libvips' own worker
// threads, so awaiting one does not block the extension host.
import type { Sharp } from 'sharp';
import { sharpModule } from './engine';
import { invalidFormat, invalidQuality, invalidSize, undecodable, unsupportedInput } from './errors';
import { IMAGE_FORMATS, sniffFormat, type ImageFormat } from './formats';

export { engineInfo, type EngineInfo } from './engine';
export { ImageOpsError, type ImageOpsErrorKind } from './errors';
export { formatForFileName, IMAGE_FORMATS, isAvif, sniffFormat, type ImageFormat } from './formats';

/** Largest width or height fitExactly and makeThumbnail make (well above any page's needs). */
export const MAX_OUTPUT_SIDE = 8192;

/** AVIF encoder effort (0–9): 2 takes ~1 s for 1200×630 in WebAssembly; the default 4 takes ~6 s for a few % smaller files. */
const AVIF_EFFORT = 2;

/** Background for formats without alpha (JPEG): transparent areas become white, not black. */
const OPAQUE_BACKGROUND = '#ffffff';

/** The exact image to make. */
export interface ExactTarget {
  width: number;
  height: number;
  format: ImageFormat;
  /** 1–100; IMAGE_FORMATS[format].defaultQuality when omitted; ignored for PNG (lossless). */
  quality?: number;
}

/** Which part of the source survives when its aspect ratio differs from the target's. */
export interface FitOptions {
  /** 'centre' (default) keeps the middle; 'attention' keeps the most salient region (libvips: luminance frequency, saturation, skin tones). */
  position?: 'centre' | 'attention';
}

/** What an image is, read from its bytes. */
export interface ImageInfo {
  width: number;
  height: number;
  format: ImageFormat;
  hasAlpha: boolean;
}

/** A small copy for a grid. */
export interface Thumbnail {
  bytes: Uint8Array;
  width: number;
  height: number;
  mime: string;
}

/**
 * Crops (to the target's aspect ratio) and resizes `input` to exactly target.width × target.height,
 * then encodes it in target.format. PNG, WebP and AVIF keep alpha; JPEG gets a white background.
 * Smaller sources are enlarged. EXIF orientation is applied; metadata is not copied.
 */
export async function fitExactly(input: Uint8Array, target: ExactTarget, options: FitOptions = {}): Promise<Uint8Array> {
  checkSize(target.width, target.height);
  const encode = encoder(target.format, target.quality);
  const pipeline = await openImage(input);
  pipeline.resize(target.width, target.height, { fit: 'cover', position: options.position === 'attention' ? 'attention' : 'centre' });
  return (await run(encode(pipeline))).data;
}

/**
 * A copy whose longer side is at most `maxSide` (never enlarged), in WebP unless another format
 * is asked for. The source's own scale-on-load is used where the format has one (JPEG, WebP).
 */
export async function makeThumbnail(input: Uint8Array, maxSide: number, format: ImageFormat = 'webp', quality?: number): Promise<Thumbnail> {
  checkSize(maxSide, maxSide);
  const encode = encoder(format, quality);
  const pipeline = await openImage(input);
  pipeline.resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true });
  const { data, info } = await run(encode(pipeline));
  return { bytes: data, width: info.width, height: info.height, mime: IMAGE_FORMATS[format].mime };
}

/** Size (as displayed, after EXIF orientation), format and alpha of an image, without decoding its pixels. */
export async function decodeInfo(input: Uint8Array): Promise<ImageInfo> {
  const format = requireKnownFormat(input);
  try {
    const meta = await sharpModule()(input).metadata();
    if (!meta.width || !meta.height) throw new Error('no size in header');
    return { width: meta.autoOrient.width, height: meta.autoOrient.height, format, hasAlpha: meta.hasAlpha };
  } catch (err) {
    throw undecodable(err);
  }
}

function requireKnownFormat(input: Uint8Array): ImageFormat {
  const format = input instanceof Uint8Array ? sniffFormat(input) : undefined;
  if (!format) throw unsupportedInput();
  return format;
}

function checkSize(width: number, height: number): void {
  const ok = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= MAX_OUTPUT_SIDE;
  if (!ok(width) || !ok(height)) throw invalidSize(width, height, MAX_OUTPUT_SIDE);
}

// Header read first, so a truncated or corrupt file fails here with a clear message rather than
// halfway through a pipeline; failOn 'error' still tolerates harmless warnings (odd chunks).
async function openImage(input: Uint8Array): Promise<Sharp> {
  requireKnownFormat(input);
  const image = sharpModule()(input, { failOn: 'error' });
  try {
    await image.metadata();
  } catch (err) {
    throw undecodable(err);
  }
  return image.autoOrient();
}

// Checked before the input is opened: a wrong format or quality costs no decoding.
function encoder(format: ImageFormat, quality?: number): (pipeline: Sharp) => Sharp {
  const facts = IMAGE_FORMATS[format] as (typeof IMAGE_FORMATS)[ImageFormat] | undefined;
  if (!facts) throw invalidFormat(String(format));
  if (quality !== undefined && (!Number.isInteger(quality) || quality < 1 || quality > 100)) throw invalidQuality(quality);
  const q = quality ?? facts.defaultQuality;
  switch (format) {
    case 'png': return (p) => p.png();
    case 'jpeg': return (p) => p.flatten({ background: OPAQUE_BACKGROUND }).jpeg({ quality: q });
    case 'webp': return (p) => p.webp({ quality: q });
    case 'avif': return (p) => p.avif({ quality: q, effort: AVIF_EFFORT });
  }
}

async function run(pipeline: Sharp): Promise<{ data: Uint8Array; info: { width: number; height: number } }> {
  try {
    return await pipeline.toBuffer({ resolveWithObject: true });
  } catch (err) {
    throw undecodable(err);
  }
}

/** An image with its pixels in the orientation it is shown in. */
export interface UprightImage {
  bytes: Uint8Array;
  width: number;
  height: number;
  /** True when the EXIF orientation turned the pixels (and `bytes` is a new encoding). */
  turned: boolean;
}

/** Quality for a turned JPEG or WebP: one re-encoding, as close to the original as a small file allows. */
const UPRIGHT_QUALITY = 95;

/**
 * The image as a browser shows it, for uploads that come with a mask: the Studio paints the mask
 * over the picture with its EXIF orientation applied, but an API measures the stored pixels, so a
 * turned photo would get a mask of the wrong shape. Untagged (or orientation 1) images come back
 * as the same bytes; tagged ones are turned and re-encoded in their own format (AVIF as PNG).
 */
export async function uprightImage(input: Uint8Array): Promise<UprightImage> {
  const format = requireKnownFormat(input);
  let meta: Awaited<ReturnType<Sharp['metadata']>>;
  try {
    meta = await sharpModule()(input).metadata();
    if (!meta.width || !meta.height) throw new Error('no size in header');
  } catch (err) {
    throw undecodable(err);
  }
  if (meta.orientation === undefined || meta.orientation === 1) return { bytes: input, width: meta.width, height: meta.height, turned: false };
  const pipeline = await openImage(input);
  const target: ImageFormat = format === 'avif' ? 'png' : format;
  const { data, info } = await run(encoder(target, target === 'png' ? undefined : UPRIGHT_QUALITY)(pipeline));
  return { bytes: data, width: info.width, height: info.height, turned: true };
}
