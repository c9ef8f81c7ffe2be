// What bench (f) and its child agree on: the workload and the report's shape.
import type { EngineInfo, ImageFormat } from '../src/imageOps';

/** Issue 15's example: a 1024² result fitted to an og:image. */
export const FIT_TARGET = { width: 1200, height: 630 } as const;
/** Formats timed for fitExactly (AVIF is timed too but has no goal: it is optional in issue 15). */
export const FIT_FORMATS: readonly ImageFormat[] = ['webp', 'jpeg', 'png', 'avif'];
/** Issue 12's gallery thumbnails: long side. */
export const THUMBNAIL_SIDE = 256;

/** One child's figures: wall times per call, in ms. */
export interface ImageOpsChildReport {
  engine: EngineInfo;
  /** Loading the library and its first call to engineInfo (WebAssembly compile included). */
  loadMs: number;
  fitMs: Record<string, number[]>;
  thumbnailMs: number[];
  /** Output size per format, bytes. */
  bytes: Record<string, number>;
  rssGrowth: number;
}
