// What the user sees of the mask: marked pixels in one colour, the rest transparent, written into
// the RGBA pixels of a canvas the size of the image. The view shows it translucent over the image.
import type { PixelRect } from './geometry';

/** An opaque-or-not colour as four 0–255 channels. */
export type Rgba = readonly [number, number, number, number];

/** Writes the overlay pixels of `rect` from the mask into `rgba` (the whole image's RGBA bytes). */
export function paintOverlay(mask: Readonly<Uint8Array>, width: number, rgba: Uint8ClampedArray, rect: PixelRect, colour: Rgba): void {
  // One 32-bit store per pixel; building the word through bytes keeps it right on any endianness.
  const words = new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.byteLength / 4);
  const on = new Uint32Array(Uint8Array.from(colour).buffer)[0];
  for (let y = rect.y; y < rect.y + rect.height; y++) {
    for (let i = y * width + rect.x, end = i + rect.width; i < end; i++) words[i] = mask[i] ? on : 0;
  }
}
