// What the user sees of the mask: the marked region filled with one colour, see-through, and its
// edge in the same colour at full strength so it stays visible over any image; unmarked pixels are
// transparent. Written into the RGBA pixels of a canvas the size of the image.
import type { PixelRect } from './geometry';

/** A colour as red, green, blue (0–255). */
export type Rgb = readonly [number, number, number];

/** Opacity (0–255) of the inside of the marked region; its edge is opaque. */
export const FILL_ALPHA = 115;

/**
 * Writes the overlay pixels of `area` from the mask into `rgba` (the whole image's RGBA bytes).
 * A marked pixel is on the edge when a 4-neighbour is unmarked or outside the image, so callers
 * redraw one pixel beyond what changed.
 */
export function paintOverlay(mask: Readonly<Uint8Array>, width: number, height: number, rgba: Uint8ClampedArray, area: PixelRect, colour: Rgb): void {
  // One 32-bit store per pixel; building the words through bytes keeps them right on any endianness.
  const words = new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.byteLength / 4);
  const [fill, edge] = new Uint32Array(Uint8Array.from([...colour, FILL_ALPHA, ...colour, 255]).buffer);
  for (let y = area.y; y < area.y + area.height; y++) {
    for (let x = area.x, i = y * width + x; x < area.x + area.width; x++, i++) {
      if (!mask[i]) {
        words[i] = 0;
        continue;
      }
      const inside = x > 0 && x < width - 1 && y > 0 && y < height - 1 && mask[i - 1] && mask[i + 1] && mask[i - width] && mask[i + width];
      words[i] = inside ? fill : edge;
    }
  }
}

/** Reads a canvas's serialised fillStyle ("#rrggbb", or "rgba(r, g, b, a)" when see-through) as RGB; undefined for anything else. */
export function parseCanvasColour(serialised: string): Rgb | undefined {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(serialised);
  if (hex) return [parseInt(hex[1], 16), parseInt(hex[2], 16), parseInt(hex[3], 16)];
  const rgba = /^rgba?\((\d+), (\d+), (\d+)(?:, [\d.]+)?\)$/.exec(serialised);
  return rgba ? [Number(rgba[1]), Number(rgba[2]), Number(rgba[3])] : undefined;
}
