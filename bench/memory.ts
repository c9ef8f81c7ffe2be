// Bench (b): peak memory growth while remixing a 10 MB image into 8 results of 10 MB each.
// The server runs in one child process and the measured client in another, so neither the
// server's buffers nor the bench's own bookkeeping are counted.
import { fork } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { renderPng } from '../tools/mock-server/png';
import { MAX_IMAGE_BYTES } from '../src/common/imageType';
import { BENCH_KEY, makeTempDir, removeDir } from './lib/env';
import { startServerProcess } from '../test/support/server/serverProcess';
import { median } from './lib/stats';
import type { MemoryChildInput, MemoryChildReport } from './memoryChild';

/** Settings of the memory bench. */
export const MEMORY_BENCH = { resultBytes: 10 * 1024 * 1024, numImages: 8, runs: 3 } as const;

/** Figures of the memory bench (medians over runs, bytes): as the process runs, and with garbage collected before every sample. */
export interface MemoryFigures { runs: number; natural: MemoryChildReport; retained: MemoryChildReport }

function runChild(input: MemoryChildInput): Promise<MemoryChildReport> {
  const child = fork(path.join(__dirname, 'memoryChild.ts'), [JSON.stringify(input)], {
    execArgv: ['--expose-gc', '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let report: MemoryChildReport | undefined;
    child.on('message', (message) => { report = message as MemoryChildReport; });
    child.once('error', reject);
    child.once('exit', (code) => (report && code === 0 ? resolve(report) : reject(new Error(`memory child exited with ${code}`))));
  });
}

function medianReport(reports: readonly MemoryChildReport[]): MemoryChildReport {
  const med = (pick: (r: MemoryChildReport) => number): number => median(reports.map(pick));
  return {
    heapPlusExternalGrowth: med((r) => r.heapPlusExternalGrowth),
    arrayBuffersGrowth: med((r) => r.arrayBuffersGrowth),
    rssGrowth: med((r) => r.rssGrowth),
    bytesUploaded: reports[0].bytesUploaded,
    bytesDownloaded: reports[0].bytesDownloaded,
    savedImages: Math.min(...reports.map((r) => r.savedImages)),
    elapsedMs: med((r) => r.elapsedMs),
  };
}

/**
 * Runs the measured remix in fresh processes and keeps the median of each figure. With `v3`, an
 * Ideogram 3.0 remix (official multipart) that also uploads style references of 10 MB in total.
 */
export async function benchMemory(v3 = false): Promise<MemoryFigures> {
  const dir = await makeTempDir('memory-input');
  const server = await startServerProcess({ key: BENCH_KEY, imageBytes: MEMORY_BENCH.resultBytes });
  try {
    // Just under the API's 10 MB limit, padded so it really is 10 MB on the wire.
    const bigInput = path.join(dir, 'input-10mb.png');
    await writeFile(bigInput, renderPng(1024, 1024, '0123456789ab', MAX_IMAGE_BYTES - 1024));
    const smallInput = path.join(dir, 'warmup.png');
    await writeFile(smallInput, renderPng(64, 64, 'ba9876543210'));
    // Two style references just under 5 MB each: 10 MB in total, the vendor's limit per kind.
    const references = v3 ? [path.join(dir, 'style-a.png'), path.join(dir, 'style-b.png')] : undefined;
    for (const [index, ref] of (references ?? []).entries()) await writeFile(ref, renderPng(512, 512, `${index}123456789ab`, MAX_IMAGE_BYTES / 2 - 1024));
    const natural: MemoryChildReport[] = [];
    const retained: MemoryChildReport[] = [];
    for (let run = 0; run < MEMORY_BENCH.runs; run++) {
      const input = { baseUrl: server.baseUrl, bigInput, smallInput, numImages: MEMORY_BENCH.numImages, v3StyleReferences: references };
      natural.push(await runChild({ ...input, forceGc: false }));
      retained.push(await runChild({ ...input, forceGc: true }));
    }
    return { runs: MEMORY_BENCH.runs, natural: medianReport(natural), retained: medianReport(retained) };
  } finally {
    await server.close();
    await removeDir(dir);
  }
}
