// The mask as the API wants it: a PNG of exactly the image's size in pure black and white, and
// back. Which colour marks the region to change depends on the endpoint (Ideogram's /inpaint and
// /edit: black), so the caller names the polarity; the user never sees it.

/** Which colour marks the region to change in a mask file. */
export type MaskPolarity = 'black-edits' | 'white-edits';

/** Every polarity, for validating a value that crossed a process boundary. */
export const MASK_POLARITIES: readonly MaskPolarity[] = ['black-edits', 'white-edits'];

const BLACK = 0;
const WHITE = 255;

/** The grey level (0 or 255) of a marked and of an unmarked pixel under a polarity. */
export function polarityLevels(polarity: MaskPolarity): { marked: number; unmarked: number } {
  return polarity === 'black-edits' ? { marked: BLACK, unmarked: WHITE } : { marked: WHITE, unmarked: BLACK };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** PNG filter type "Up": each byte minus the one above. A mask's rows mostly repeat, so they become zeros. */
const FILTER_UP = 2;

/**
 * Encodes a 0/1 mask as an 8-bit greyscale PNG (colour type 0: the plainest "black and white"
 * image every decoder reads), 0 and 255 only, no gamma or colour profile to reinterpret them.
 */
export async function encodeMaskPng(mask: Readonly<Uint8Array>, width: number, height: number, polarity: MaskPolarity): Promise<Uint8Array> {
  if (mask.length !== width * height) throw new RangeError(`a mask of ${mask.length} pixels is not ${width}×${height}`);
  const { marked, unmarked } = polarityLevels(polarity);
  const stride = width + 1;
  const raw = new Uint8Array(stride * height);
  let above = new Uint8Array(width); // the row above the first is zeros for the filter
  let levels = new Uint8Array(width);
  for (let y = 0; y < height; y++) {
    const row = y * stride + 1;
    const pixel = y * width;
    raw[row - 1] = FILTER_UP;
    for (let x = 0; x < width; x++) {
      const level = mask[pixel + x] ? marked : unmarked;
      levels[x] = level;
      raw[row + x] = (level - above[x]) & 0xff;
    }
    [above, levels] = [levels, above];
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 0, 0, 0, 0], 8); // bit depth 8, greyscale, deflate, adaptive filtering, not interlaced
  return concat([Uint8Array.from(PNG_SIGNATURE), chunk('IHDR', header), chunk('IDAT', await zlibDeflate(raw)), chunk('IEND', new Uint8Array(0))]);
}

/**
 * Reads decoded RGBA pixels (e.g. from a canvas) back into a 0/1 mask: each pixel is composited
 * over white, then its luminance decides (below half grey = black). Greys from scaling or JPEG
 * are snapped, so a loaded mask is always hard-edged like a painted one.
 */
export function maskFromRgba(rgba: Readonly<Uint8Array | Uint8ClampedArray>, width: number, height: number, polarity: MaskPolarity): Uint8Array {
  if (rgba.length !== width * height * 4) throw new RangeError(`${rgba.length} bytes are not ${width}×${height} RGBA pixels`);
  const blackMarks = polarity === 'black-edits';
  const mask = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < mask.length; i++, p += 4) {
    const alpha = rgba[p + 3];
    const luminance = (rgba[p] * 299 + rgba[p + 1] * 587 + rgba[p + 2] * 114) / 1000;
    const grey = (luminance * alpha + WHITE * (255 - alpha)) / 255;
    mask[i] = (grey < 128) === blackMarks ? 1 : 0;
  }
  return mask;
}

/** zlib-wrapped deflate (what a PNG's IDAT holds), by the platform's CompressionStream (browser and Node). */
async function zlibDeflate(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new CompressionStream('deflate');
  const writer = stream.writable.getWriter();
  const written = Promise.all([writer.write(data), writer.close()]);
  const chunks: Uint8Array[] = [];
  const reader = stream.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  await written;
  return concat(chunks);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

let crcTable: Uint32Array | undefined;

function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
