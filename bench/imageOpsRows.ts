// Bench (f) as table rows: one per format with the ≤ 3× goal against native sharp (issue 15),
// AVIF and thumbnails for reference, the library's size in the .vsix and its memory.
import { IMAGE_OPS_BENCH, type ImageOpsOutcome } from './imageOps';
import { FIT_TARGET, THUMBNAIL_SIDE } from './imageOpsShared';
import { mb, ms, ratio } from './lib/stats';
import type { ResultRow } from './lib/table';

const GOAL_FORMATS = ['webp', 'jpeg', 'png'] as const;

/** The rows of section (f). */
export function imageOpsRows(outcome: ImageOpsOutcome): ResultRow[] {
  const { ours, baseline, baselineNote } = outcome;
  const goal = `≤ ${IMAGE_OPS_BENCH.goalRatio.toFixed(2)}×`;
  const compare = (oursMs: number, nativeMs: number | undefined): { value: string; over?: number } =>
    nativeMs === undefined
      ? { value: `${ms(oursMs)}; native sharp not measured: ${baselineNote ?? 'no figures'}` }
      : { value: `${ratio(oursMs / nativeMs)} (${ms(oursMs)} vs ${ms(nativeMs)})`, over: oursMs / nativeMs };
  const rows: ResultRow[] = GOAL_FORMATS.map((format) => {
    const { value, over } = compare(ours.fitMs[format], baseline?.fitMs[format]);
    return {
      section: 'f',
      metric: `crop + resize + encode 1024² PNG → ${FIT_TARGET.width}×${FIT_TARGET.height} ${format.toUpperCase()}, per image: ours (${ours.engine}) / native sharp`,
      value, goal, ...(over === undefined ? {} : { pass: over <= IMAGE_OPS_BENCH.goalRatio }),
    };
  });
  rows.push(
    { section: 'f', metric: 'same, AVIF (quality 50, effort 2; optional format, no goal)', value: compare(ours.fitMs.avif, baseline?.fitMs.avif).value, goal: '' },
    { section: 'f', metric: `thumbnail of a 1024² PNG, ≤ ${THUMBNAIL_SIDE} px WebP: ours / native sharp`, value: compare(ours.thumbnailMs, baseline?.thumbnailMs).value, goal: '' },
    { section: 'f', metric: 'image library in the .vsix (dist/sharp.js + sharp-wasm32.js + .wasm, deflated)', value: `${mb(outcome.vsixBytes)} (${mb(outcome.rawBytes)} installed)`, goal: '' },
    { section: 'f', metric: 'host bundle free of the image library (loaded on first image operation, so row d is unchanged by it)', value: outcome.lazyInHostBundle ? 'yes' : 'no', goal: 'yes', pass: outcome.lazyInHostBundle },
    { section: 'f', metric: 'first use: load + WebAssembly compile; RSS growth after the run (WebAssembly memory is kept)', value: `${ms(ours.loadMs)}; ${mb(ours.rssGrowth)}${baseline ? ` (native: ${ms(baseline.loadMs)}; ${mb(baseline.rssGrowth)})` : ''}`, goal: '' },
  );
  return rows;
}
