// The editor's tools and brush sizes. Sizes are brush diameters in image pixels (the mask is at
// the image's resolution), on a roughly logarithmic ladder so [ and ] feel the same at every size.

/** What a pointer drag or the keyboard's Space does. */
export type MaskTool = 'brush' | 'eraser' | 'rectangle' | 'pan';

/** Every tool, in toolbar order. */
export const MASK_TOOLS: readonly MaskTool[] = ['brush', 'eraser', 'rectangle', 'pan'];

/** The brush diameters offered, in image pixels. */
export const BRUSH_SIZES: readonly number[] = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512];

/** The offered size closest to a sixteenth of the image's shorter side: a useful first stroke. */
export function defaultBrushSize(width: number, height: number): number {
  return nearestBrushSize(Math.min(width, height) / 16);
}

/** The offered size closest to `size` (on a log scale). */
export function nearestBrushSize(size: number): number {
  const target = Math.log(Math.max(size, BRUSH_SIZES[0]));
  return BRUSH_SIZES.reduce((best, candidate) => (Math.abs(Math.log(candidate) - target) < Math.abs(Math.log(best) - target) ? candidate : best));
}

/** The next smaller (-1) or larger (+1) offered size, staying at the ends. */
export function stepBrushSize(size: number, direction: -1 | 1): number {
  const index = BRUSH_SIZES.indexOf(nearestBrushSize(size));
  return BRUSH_SIZES[Math.min(BRUSH_SIZES.length - 1, Math.max(0, index + direction))];
}

/** Share of the full size a pen draws at the lightest touch; full pressure gives the full size. */
const LIGHTEST_PEN = 0.25;

/**
 * Brush radius for one pointer sample: pens scale with pressure, from a quarter of the size at the
 * lightest touch to the full size; mice and fingers report no real pressure and paint full size.
 */
export function brushRadius(size: number, pointerType: string, pressure: number): number {
  if (pointerType !== 'pen' || !(pressure > 0)) return size / 2;
  return (size / 2) * (LIGHTEST_PEN + (1 - LIGHTEST_PEN) * Math.min(1, pressure));
}
