// Which shape to generate at, so that cropping the result (centre) and resizing it to the exact
// target loses least. The list of shapes is an input: the legacy API's ASPECT_* values, or 3.0's
// aspect ratios or resolutions, as the chosen model family takes them.
import type { GenerationChoice, GenerationShape, PixelSize } from './types';

/** Two choices within this of each other keep the same share (floating-point noise). */
const SAME_SHARE = 1e-9;

/**
 * Parses the API's shape values: `ASPECT_16_9` and `RESOLUTION_1024_768` (legacy) say their kind;
 * 3.0's `16x9` and `1024x768` take it from `kind`. Throws on a value it cannot read (a programming
 * error: the lists come from the schemas).
 */
export function generationShapes(values: readonly string[], kind?: GenerationShape['kind']): GenerationShape[] {
  return values.map((value) => {
    const legacy = /^(ASPECT|RESOLUTION)_(\d+)_(\d+)$/.exec(value);
    const modern = /^(\d+)x(\d+)$/.exec(value);
    const width = Number(legacy?.[2] ?? modern?.[1]);
    const height = Number(legacy?.[3] ?? modern?.[2]);
    const shapeKind = legacy ? (legacy[1] === 'ASPECT' ? 'aspect-ratio' : 'resolution') : kind;
    if (!shapeKind || !(width > 0) || !(height > 0)) throw new Error(`Not a generation shape: ${value}${legacy || kind ? '' : ' (say whether the list holds aspect ratios or resolutions)'}`);
    return { value, kind: shapeKind, width, height };
  });
}

/** How a shape serves a target: the share a centre crop keeps, and (for a resolution) how much the kept part is enlarged. */
export function shapeFit(shape: GenerationShape, target: PixelSize): GenerationChoice {
  const shapeRatio = shape.width / shape.height;
  const targetRatio = target.width / target.height;
  const kept = Math.min(shapeRatio, targetRatio) / Math.max(shapeRatio, targetRatio);
  if (shape.kind === 'aspect-ratio') return { shape, kept };
  // The kept part of a resolution: its full width or height, the other side cropped to the target's ratio.
  const keptWidth = shapeRatio > targetRatio ? shape.height * targetRatio : shape.width;
  return { shape, kept, enlargement: Math.max(1, target.width / keptWidth) };
}

/** The shape whose centre crop keeps most of the generated image; among equals the one enlarged least, then the first listed. */
export function nearestGenerationShape(target: PixelSize, shapes: readonly GenerationShape[]): GenerationChoice {
  if (shapes.length === 0) throw new Error('No generation shapes to choose from');
  let best = shapeFit(shapes[0], target);
  for (const shape of shapes.slice(1)) {
    const fit = shapeFit(shape, target);
    const keepsMore = fit.kept > best.kept + SAME_SHARE;
    const sameShare = Math.abs(fit.kept - best.kept) <= SAME_SHARE;
    if (keepsMore || (sameShare && (fit.enlargement ?? 1) < (best.enlargement ?? 1))) best = fit;
  }
  return best;
}
