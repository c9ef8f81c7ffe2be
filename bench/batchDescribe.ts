// Bench (c): 50 describes at once with the in-flight limit at 10 and 500 ms server latency. The
// client's limiter should queue them into ceil(50/10) waves without a single 429.
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { renderPng } from '../tools/mock-server/png';
import { IdeogramError } from '../src/common/errors';
import { InflightLimiter } from '../src/ideogram';
import { BENCH_KEY, benchClient, makeTempDir, removeDir } from './lib/env';
import { startServerProcess } from '../test/support/server/serverProcess';
import { median, timed } from './lib/stats';

/** Settings of the batch-describe bench. */
export const DESCRIBE_BENCH = { images: 50, inflightLimit: 10, latencyMs: 500, runs: 3 } as const;

/** Figures of the batch-describe bench. */
export interface DescribeFigures {
  elapsedMs: number;
  idealMs: number;
  overIdeal: number;
  /** 429 answers the server sent, summed over all runs. */
  server429s: number;
  /** Calls that rejected (any reason), summed over all runs; a 429 reaching the user would count here. */
  clientErrors: number;
  clientRateLimitErrors: number;
}

/** Runs the batch a few times against one server and keeps the median elapsed time. */
export async function benchBatchDescribe(): Promise<DescribeFigures> {
  const { images, inflightLimit, latencyMs, runs } = DESCRIBE_BENCH;
  const dir = await makeTempDir('describe');
  const server = await startServerProcess({ key: BENCH_KEY, latencyMs, inflightLimit });
  try {
    const files = await Promise.all(Array.from({ length: images }, async (_, i) => {
      const file = path.join(dir, `input-${i}.png`);
      await writeFile(file, renderPng(64, 64, (0x100000000000 + i).toString(16).slice(-12)));
      return file;
    }));
    // One limiter per window, shared by every call, as ImageService does.
    const client = benchClient(server, { limiter: new InflightLimiter(inflightLimit) });
    await client.describe({ kind: 'file', path: files[0] }); // warm-up: connections and code
    await server.reset();
    const elapsed: number[] = [];
    let clientErrors = 0;
    let clientRateLimitErrors = 0;
    for (let run = 0; run < runs; run++) {
      const { ms, value } = await timed(() => Promise.allSettled(files.map((file) => client.describe({ kind: 'file', path: file }))));
      elapsed.push(ms);
      for (const outcome of value) {
        if (outcome.status === 'fulfilled') continue;
        clientErrors++;
        if (outcome.reason instanceof IdeogramError && outcome.reason.kind === 'rate-limit') clientRateLimitErrors++;
      }
    }
    const idealMs = Math.ceil(images / inflightLimit) * latencyMs;
    const elapsedMs = median(elapsed);
    return { elapsedMs, idealMs, overIdeal: elapsedMs / idealMs, server429s: (await server.stats()).rateLimited, clientErrors, clientRateLimitErrors };
  } finally {
    await server.close();
    await removeDir(dir);
  }
}
