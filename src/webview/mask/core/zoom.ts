// Zoom of the editor's view: scale = screen (CSS) pixels per image pixel.

/** The zoom levels Zoom in / Zoom out step through. */
export const ZOOM_STEPS: readonly number[] = [1 / 16, 1 / 8, 1 / 6, 1 / 4, 1 / 3, 1 / 2, 2 / 3, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32];

const MIN_ZOOM = ZOOM_STEPS[0];
const MAX_ZOOM = ZOOM_STEPS[ZOOM_STEPS.length - 1];
/** Steps closer than this to the current scale count as "here". */
const SAME = 1e-3;

/** The scale that shows the whole image in a view of the given size (never 0). */
export function fitScale(imageWidth: number, imageHeight: number, viewWidth: number, viewHeight: number): number {
  const scale = Math.min(viewWidth / imageWidth, viewHeight / imageHeight);
  return Number.isFinite(scale) && scale > 0 ? scale : 1;
}

/** A scale kept within the zoom range; the range reaches down to `fit` for very large images. */
export function clampZoom(scale: number, fit: number): number {
  return Math.min(MAX_ZOOM, Math.max(Math.min(MIN_ZOOM, fit), scale));
}

/** The next zoom step in (+1) or out (-1) from `scale`; fitting the view is a stop on the way. */
export function stepZoom(scale: number, direction: -1 | 1, fit: number): number {
  const stops = [...ZOOM_STEPS, fit].sort((a, b) => a - b);
  const next = direction > 0 ? stops.find((s) => s > scale * (1 + SAME)) : [...stops].reverse().find((s) => s < scale * (1 - SAME));
  return clampZoom(next ?? scale, fit);
}

/** Screen pixels one arrow-key press moves the keyboard cursor (4× with Shift). */
export const CURSOR_STEP_SCREEN_PX = 8;

/** Image pixels an arrow-key press moves the cursor at this scale (at least one). */
export function cursorStep(scale: number, fast: boolean): number {
  const step = Math.max(1, Math.round(CURSOR_STEP_SCREEN_PX / scale));
  return fast ? step * 4 : step;
}
