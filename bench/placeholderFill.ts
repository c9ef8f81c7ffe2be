// Bench (k): "Generate Missing Images" on a page of 20 missing images against the local server with
// 500 ms latency and an in-flight limit of 10 (issue 15): elapsed / ideal, where the ideal is the
// server's waves, ceil(20/10) × 500 ms, plus the local processing measured by the same fill without
// latency. The fills run in a child process (the vscode stand-in and sharp's WebAssembly build stay
// out of the bench's own process). Run alone: `npx tsx bench/placeholderFill.ts` (no code-server).
import { fork } from 'node:child_process';
import * as path from 'node:path';
import { FILL_BENCH, type FillChildReport } from './placeholderFillShared';
import { ms, ratio } from './lib/stats';
import { markdownTable, type ResultRow } from './lib/table';

function runChild(): Promise<FillChildReport> {
  const child = fork(path.join(__dirname, 'placeholderFillChild.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let report: FillChildReport | undefined;
    child.on('message', (message) => { report = message as FillChildReport; });
    child.once('error', reject);
    child.once('exit', (code) => (report && code === 0 ? resolve(report) : reject(new Error(`placeholder fill bench child exited with ${code}`))));
  });
}

/** The rows of section (k). */
export function placeholderFillRows(r: FillChildReport): ResultRow[] {
  const { images, inflightLimit, latencyMs, runs, width, height } = FILL_BENCH;
  const waitsMs = Math.ceil(images / inflightLimit) * latencyMs;
  const idealMs = waitsMs + r.localMs;
  const overIdeal = r.elapsedMs / idealMs;
  return [
    {
      section: 'k',
      metric: `fill ${images} missing ${width}×${height} PNGs (Generate Missing Images, server latency ${latencyMs} ms, in-flight limit ${inflightLimit}): elapsed / ideal ceil(${images}/${inflightLimit})×${latencyMs} ms + local processing, median of ${runs}`,
      value: `${ratio(overIdeal)} (${ms(r.elapsedMs)} vs ${ms(idealMs)} = ${ms(waitsMs)} + ${ms(r.localMs)} measured without latency)`,
      goal: '≤ 1.20×', pass: overIdeal <= 1.2,
    },
    {
      section: 'k',
      metric: 'same: 429s sent by the server / images not made / most images in flight at the server',
      value: `${r.server429s} / ${r.notMade} / ${r.inflightMax}`,
      goal: `0 / 0 / ≤ ${inflightLimit}`, pass: r.server429s === 0 && r.notMade === 0 && r.inflightMax <= inflightLimit,
    },
  ];
}

/** Runs section (k) and returns its rows. */
export async function benchPlaceholderFill(): Promise<ResultRow[]> {
  return placeholderFillRows(await runChild());
}

if (require.main === module) {
  benchPlaceholderFill().then((rows) => { process.stdout.write(`\n${markdownTable(rows)}\n`); }, (err: unknown) => {
    process.stderr.write(`placeholder fill bench failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
}
