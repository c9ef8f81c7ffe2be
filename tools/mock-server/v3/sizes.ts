// Output sizes of the 3.0 operations, from the vendor's own enums: every answer's `resolution` must
// be a ResolutionV3 value (ImageGenerationObjectV3.resolution), so sizes are picked from that list.
import { vendorSchemas } from '../vendorSchema';

/** `1024x768` → [1024, 768]; undefined for anything else. */
export function parseSize(text: unknown): [number, number] | undefined {
  const m = typeof text === 'string' ? /^(\d+)x(\d+)$/.exec(text) : null;
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** [1024, 768] → `1024x768`. */
export function sizeText([width, height]: readonly [number, number]): string {
  return `${width}x${height}`;
}

/**
 * The ResolutionV3 value whose shape is nearest to width × height (by the ratio's logarithm), the
 * largest one on a tie. For an aspect ratio (`16x9` → 1312x736) it is the "maximum resolution for
 * the aspect ratio" generate-transparent describes; for an input image, the size the model works at.
 */
export function nearestResolution(width: number, height: number): [number, number] {
  const target = Math.log(width / height);
  let best: [number, number] = [1024, 1024];
  let bestScore = Infinity;
  for (const value of vendorSchemas().v3Enums.resolutions) {
    const [w, h] = parseSize(value) as [number, number];
    const score = Math.abs(Math.log(w / h) - target);
    if (score < bestScore - 1e-9 || (Math.abs(score - bestScore) <= 1e-9 && w * h > best[0] * best[1])) {
      best = [w, h];
      bestScore = score;
    }
  }
  return best;
}

/** Size for an AspectRatioV3 value (`16x9`), or 1x1's when none is given ("Defaults to 1x1"). */
export function sizeForAspect(ratio: unknown): [number, number] {
  return nearestResolution(...(parseSize(ratio) ?? [1, 1]));
}

/** upscale_factor → multiplier ("X1 default, X2, X4"). */
export function upscaleMultiplier(factor: unknown): number {
  return factor === 'X4' ? 4 : factor === 'X2' ? 2 : 1;
}
