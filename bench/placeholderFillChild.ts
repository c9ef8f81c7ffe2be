// Child of bench (k): "Generate Missing Images" itself (src/placeholders/vscode, fill.ts) on the
// vscode stand-in that the unit tests use, against the local server over loopback, with sharp's
// WebAssembly build as users run it. Each run fills a fresh page of missing references; the runs
// without latency give the local processing time the ideal includes.
import { useWasmSharp } from '../test/support/wasmSharp';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { activateForTest, type ActivatedExtension } from '../test/support/vscode/activate';
import { vscodeStandIn } from '../test/support/vscode/standIn';
import type { GenerateMissingImagesResult } from '../src/placeholders/vscode';
import { FILL_BENCH, type FillChildReport } from './placeholderFillShared';
import { median, timed } from './lib/stats';

useWasmSharp();

const COMMAND = 'ideogram.generateMissingImages';

/** A site whose one page references `images` PNGs that do not exist yet. */
function writeSite(root: string, run: string): string {
  const site = path.join(root, run);
  mkdirSync(site, { recursive: true });
  const { images, width, height } = FILL_BENCH;
  const tags = Array.from({ length: images }, (_, i) => `  <img src="img/card-${i + 1}.png" width="${width}" height="${height}" alt="Product card ${i + 1}: a paper plane over a city">`);
  writeFileSync(path.join(site, 'index.html'), `<!doctype html>\n<html><body>\n${tags.join('\n')}\n</body></html>\n`);
  return site;
}

/** Fills a fresh site `runs` times (after one warm-up) and returns each run's elapsed time. */
async function fillRuns(extension: ActivatedExtension, root: string, label: string): Promise<{ times: number[]; notMade: number }> {
  const times: number[] = [];
  let notMade = 0;
  for (let run = 0; run <= FILL_BENCH.runs; run++) {
    vscodeStandIn.workspace.setFolders([writeSite(root, `${label}-${run}`)]);
    const { ms, value } = await timed(() => extension.run<GenerateMissingImagesResult | undefined>(COMMAND, { review: false }));
    if (run === 0) continue; // warm-up: sharp's WebAssembly compile, connections, code
    times.push(ms);
    notMade += FILL_BENCH.images - (value?.made.length ?? 0);
  }
  return { times, notMade };
}

async function main(): Promise<FillChildReport> {
  const root = mkdtempSync(path.join(tmpdir(), 'ideogram-bench-fill-'));
  const settings = { 'ideogram.maxImagesInFlight': FILL_BENCH.inflightLimit };
  try {
    const local = await activateForTest({ server: { inflightLimit: FILL_BENCH.inflightLimit }, settings });
    let localRuns: { times: number[]; notMade: number };
    try {
      localRuns = await fillRuns(local, root, 'local');
    } finally {
      await local.dispose();
    }
    const slow = await activateForTest({ server: { inflightLimit: FILL_BENCH.inflightLimit, latencyMs: FILL_BENCH.latencyMs }, settings });
    try {
      const slowRuns = await fillRuns(slow, root, 'latency');
      const stats = slow.server.stats();
      return {
        elapsedMs: median(slowRuns.times), localMs: median(localRuns.times), server429s: stats.rateLimited,
        notMade: localRuns.notMade + slowRuns.notMade, inflightMax: stats.inflightImagesMax,
      };
    } finally {
      await slow.dispose();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().then((report) => {
  process.send?.(report);
  process.exit(0);
}, (err: unknown) => {
  process.stderr.write(`placeholder fill bench child failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
