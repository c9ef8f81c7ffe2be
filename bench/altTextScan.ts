// Section (h): the image scanner on the documents that froze the extension host (issue 10), and
// the placeholders plan (issue 15) on shapes of what it added to the scanner (Svelte, CSS url(),
// manifests, headings, icon links and meta, srcset, next/image, pages with very many images):
// each shape at 256 KB and at 1 MB, timed side by side in one run, so the ratio shows whether the
// work grows with the text (4×) or faster. Runs alone with `npx tsx bench/altTextScan.ts`.
import { findMissingAltText } from '../src/altText';
import { ASPECT_RATIOS } from '../src/common/request/legacy';
import { generationShapes, planPlaceholders } from '../src/placeholders';
import { ISSUE_SHAPES, PLACEHOLDER_SHAPES, adversarialDocument, type AdversarialShape } from '../test/support/fixtures/adversarialDocuments';
import { interleave, median, ms, ratio } from './lib/stats';
import { markdownTable, type ResultRow } from './lib/table';

/** Sizes compared, and how often each is scanned (interleaved; medians). */
export const ALT_TEXT_SCAN_BENCH = { smallBytes: 256 * 1024, largeBytes: 1024 * 1024, rounds: 9, goalMs: 1000, goalRatio: 5 };

/** What is timed: the alt-text scan (findMissingAltText), or the whole placeholder plan of the document (every file missing). */
export type ScanBenchTask = 'alt-text scan' | 'placeholder plan';

/** Median times of one shape at both sizes. */
export interface AltTextScanFigures { shape: AdversarialShape; task: ScanBenchTask; smallMs: number; largeMs: number }

const shapes = generationShapes(ASPECT_RATIOS);

/** The work of one task on one document. */
function task(kind: ScanBenchTask, shape: AdversarialShape, text: string): () => Promise<unknown> {
  if (kind === 'alt-text scan') return async () => findMissingAltText(text, shape.syntax, { documentPath: '/ws/bench' });
  return () => planPlaceholders([{ path: '/ws/bench', text, syntax: shape.syntax, workspaceFolderPath: '/ws' }], { exists: () => false, generationShapes: shapes });
}

/** Times the alt-text scan of every issue shape and the placeholder plan of every placeholder shape, at both sizes. */
export async function benchAltTextScan(): Promise<AltTextScanFigures[]> {
  const b = ALT_TEXT_SCAN_BENCH;
  const figures: AltTextScanFigures[] = [];
  const runs: [ScanBenchTask, readonly AdversarialShape[]][] = [['alt-text scan', ISSUE_SHAPES], ['placeholder plan', PLACEHOLDER_SHAPES]];
  for (const [kind, list] of runs) {
    for (const shape of list) {
      const small = task(kind, shape, adversarialDocument(shape.unit, b.smallBytes));
      const large = task(kind, shape, adversarialDocument(shape.unit, b.largeBytes));
      await small(); // warm-up: compile the scanner before timing it
      const times = await interleave(b.rounds, { small, large });
      figures.push({ shape, task: kind, smallMs: median(times.small), largeMs: median(times.large) });
    }
  }
  return figures;
}

/** The table rows of section (h). */
export function altTextScanRows(figures: readonly AltTextScanFigures[]): ResultRow[] {
  const b = ALT_TEXT_SCAN_BENCH;
  return figures.map(({ shape, task: kind, smallMs, largeMs }) => ({
    section: 'h',
    metric: `${kind}, ${shape.name} (${JSON.stringify(shape.unit)} repeated) at 1 MB; time at 1 MB / at 256 KB`,
    value: `${ms(largeMs)}; ${ratio(largeMs / smallMs)} (256 KB: ${ms(smallMs)})`,
    goal: `≤ ${b.goalMs} ms; ≤ ${b.goalRatio}×`,
    pass: largeMs <= b.goalMs && largeMs / smallMs <= b.goalRatio,
  }));
}

if (require.main === module) {
  benchAltTextScan().then((figures) => process.stdout.write(`${markdownTable(altTextScanRows(figures))}\n`), (err: unknown) => {
    process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
}
