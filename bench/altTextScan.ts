// Section (h): the alt-text scanner on the documents that froze the extension host (issue 10):
// each shape at 256 KB and at 1 MB, timed side by side in one run, so the ratio shows whether the
// work grows with the text (4×) or faster. Runs alone with `npx tsx bench/altTextScan.ts`.
import { findMissingAltText } from '../src/altText';
import { ISSUE_SHAPES, adversarialDocument, type AdversarialShape } from './lib/adversarialDocuments';
import { interleave, median, ms, ratio } from './lib/stats';
import { markdownTable, type ResultRow } from './lib/table';

/** Sizes compared, and how often each is scanned (interleaved; medians). */
export const ALT_TEXT_SCAN_BENCH = { smallBytes: 256 * 1024, largeBytes: 1024 * 1024, rounds: 9, goalMs: 1000, goalRatio: 5 };

/** Median times of one shape at both sizes. */
export interface AltTextScanFigures { shape: AdversarialShape; smallMs: number; largeMs: number }

/** Times the scan of every issue shape at both sizes. */
export async function benchAltTextScan(): Promise<AltTextScanFigures[]> {
  const b = ALT_TEXT_SCAN_BENCH;
  const figures: AltTextScanFigures[] = [];
  for (const shape of ISSUE_SHAPES) {
    const scan = (text: string) => async () => {
      findMissingAltText(text, shape.syntax, { documentPath: '/ws/bench' });
    };
    const small = scan(adversarialDocument(shape.unit, b.smallBytes));
    const large = scan(adversarialDocument(shape.unit, b.largeBytes));
    await small(); // warm-up: compile the scanner before timing it
    const times = await interleave(b.rounds, { small, large });
    figures.push({ shape, smallMs: median(times.small), largeMs: median(times.large) });
  }
  return figures;
}

/** The table rows of section (h). */
export function altTextScanRows(figures: readonly AltTextScanFigures[]): ResultRow[] {
  const b = ALT_TEXT_SCAN_BENCH;
  return figures.map(({ shape, smallMs, largeMs }) => ({
    section: 'h',
    metric: `alt-text scan, ${shape.name} (${JSON.stringify(shape.unit)} repeated) at 1 MB; time at 1 MB / at 256 KB`,
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
