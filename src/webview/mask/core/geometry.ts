// Pixel geometry of the mask, in image pixels: (0, 0) is the top-left corner of the first pixel,
// so pixel (x, y) covers [x, x + 1) × [y, y + 1) and its centre is (x + 0.5, y + 0.5).

/** A point in image pixels (fractional: pointers land between pixel centres). */
export interface Point {
  x: number;
  y: number;
}

/** A block of whole pixels: its top-left pixel and its size (both at least 1). */
export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The smallest rectangle holding both (either may be absent). */
export function unionRect(a: PixelRect | undefined, b: PixelRect | undefined): PixelRect | undefined {
  if (!a) return b;
  if (!b) return a;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

/** The pixels from column x0 to x1 and row y0 to y1 (inclusive, any order), cut to the image; undefined when nothing is left. */
export function pixelSpan(x0: number, y0: number, x1: number, y1: number, width: number, height: number): PixelRect | undefined {
  const left = Math.max(0, Math.min(x0, x1));
  const top = Math.max(0, Math.min(y0, y1));
  const right = Math.min(width - 1, Math.max(x0, x1));
  const bottom = Math.min(height - 1, Math.max(y0, y1));
  if (right < left || bottom < top) return undefined;
  return { x: left, y: top, width: right - left + 1, height: bottom - top + 1 };
}

/** The pixel that contains a point (may lie outside the image). */
export function pixelAt(point: Point): Point {
  return { x: Math.floor(point.x), y: Math.floor(point.y) };
}

/** A point moved inside the image (its last pixel centre at most). */
export function clampToImage(point: Point, width: number, height: number): Point {
  return { x: Math.min(Math.max(point.x, 0), width - 0.5), y: Math.min(Math.max(point.y, 0), height - 0.5) };
}
