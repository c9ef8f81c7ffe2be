// Pixel size read from the image header, so an inserted <img> gets width/height (no layout shift)
// without decoding the image. Pure: works on bytes from workspace.fs or a download.

/** Width and height in pixels. */
export interface ImageSize { width: number; height: number }

const u16be = (b: Uint8Array, o: number): number => (b[o] << 8) | b[o + 1];
const u16le = (b: Uint8Array, o: number): number => b[o] | (b[o + 1] << 8);
const u24le = (b: Uint8Array, o: number): number => b[o] | (b[o + 1] << 8) | (b[o + 2] << 16);
const u32be = (b: Uint8Array, o: number): number => ((b[o] << 24) >>> 0) + ((b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3]);
const isAscii = (b: Uint8Array, o: number, text: string): boolean =>
  b.length >= o + text.length && [...text].every((c, i) => b[o + i] === c.charCodeAt(0));

function pngSize(b: Uint8Array): ImageSize | undefined {
  // Signature (8) + IHDR length (4) + "IHDR" (4), then width and height as big-endian u32.
  if (b.length < 24 || !isAscii(b, 12, 'IHDR')) return undefined;
  return { width: u32be(b, 16), height: u32be(b, 20) };
}

function jpegSize(b: Uint8Array): ImageSize | undefined {
  let o = 2;
  while (o + 9 < b.length) {
    if (b[o] !== 0xff) return undefined;
    const marker = b[o + 1];
    if (marker === 0xff) { o += 1; continue; } // fill byte
    // Markers without a length field.
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { o += 2; continue; }
    const length = u16be(b, o + 2);
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: u16be(b, o + 5), width: u16be(b, o + 7) };
    }
    o += 2 + length;
  }
  return undefined;
}

function webpSize(b: Uint8Array): ImageSize | undefined {
  if (b.length < 30 || !isAscii(b, 0, 'RIFF') || !isAscii(b, 8, 'WEBP')) return undefined;
  if (isAscii(b, 12, 'VP8 ')) {
    // Lossy: frame tag (3) + start code (3) after the chunk header, then 14-bit sizes.
    return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  if (isAscii(b, 12, 'VP8L')) {
    // Lossless: signature byte 0x2f, then 14 bits width-1 and 14 bits height-1.
    const bits = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (isAscii(b, 12, 'VP8X')) {
    // Extended: 24-bit canvas width-1 and height-1.
    return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  }
  return undefined;
}

/** Reads the pixel size of a PNG, JPEG or WebP; undefined when the header is not understood. */
export function readImageSize(bytes: Uint8Array): ImageSize | undefined {
  const size =
    bytes[0] === 0x89 && isAscii(bytes, 1, 'PNG') ? pngSize(bytes)
    : bytes[0] === 0xff && bytes[1] === 0xd8 ? jpegSize(bytes)
    : webpSize(bytes);
  return size && size.width > 0 && size.height > 0 ? size : undefined;
}
