// Bench (a): one generate of 4 images at 1024×1024, ~1.5 MB each, 300 ms server latency, saved
// with sidecars — our pipeline against a bare sequential client and against the physical floor.
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { request } from 'undici';
import type { GenerateRequest } from '../src/common/request/schemas';
import { BENCH_KEY, benchClient, makeTempDir, removeDir } from './lib/env';
import { prepareFolder, saveResultToFolder } from '../test/support/save/saveToFolder';
import { startServerProcess, type RemoteServer } from '../test/support/server/serverProcess';
import { interleave, median, timed } from './lib/stats';

/** Settings of the generate-to-disk bench. */
export const GENERATE_BENCH = { numImages: 4, imageBytes: 1.5 * 1024 * 1024, latencyMs: 300, rounds: 5 } as const;

/** Medians of one generate-to-disk run. */
export interface GenerateFigures {
  throttleTickMs: number;
  oursMs: number;
  baselineMs: number;
  floorMs: number;
  slowestDownloadMs: number;
  oursOverBaseline: number;
  oursOverFloor: number;
}

// A fixed seed makes the image URLs identical every round, so the server renders each PNG once
// (during the warm-up) and the rounds measure transfer and writing, not PNG encoding.
const REQUEST: GenerateRequest = { prompt: 'a lighthouse on a cliff at dusk', model: 'V_2', num_images: GENERATE_BENCH.numImages, seed: 4242 };

async function ours(server: RemoteServer): Promise<void> {
  const client = benchClient(server);
  const dir = await makeTempDir('ours');
  try {
    await prepareFolder(dir); // the check a command makes before it sends the request
    const result = await client.generate(REQUEST);
    const outcome = await saveResultToFolder(result, { operation: 'generate', request: { ...REQUEST }, dir, client });
    if (outcome.saved.length !== GENERATE_BENCH.numImages) throw new Error(`saved ${outcome.saved.length} of ${GENERATE_BENCH.numImages}`);
  } finally {
    await removeDir(dir);
  }
}

// The naive client: one request, then each image fetched and written in turn with plain writes.
async function baseline(server: RemoteServer): Promise<void> {
  const dir = await makeTempDir('baseline');
  try {
    const answer = await request(`${server.baseUrl}/ideogram/generate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${BENCH_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ image_request: REQUEST }),
    });
    const body = (await answer.body.json()) as { data: { url: string }[] };
    for (const [i, item] of body.data.entries()) {
      await downloadPlain(item.url, path.join(dir, `image-${i}.png`));
      await writeFile(path.join(dir, `image-${i}.json`), JSON.stringify({ request: REQUEST, item }));
    }
  } finally {
    await removeDir(dir);
  }
}

async function downloadPlain(url: string, file: string): Promise<void> {
  const answer = await request(url);
  const bytes = Buffer.from(await answer.body.arrayBuffer());
  if (answer.statusCode !== 200) throw new Error(`download ${answer.statusCode}`);
  await writeFile(file, bytes);
}

async function imageUrls(server: RemoteServer): Promise<string[]> {
  const result = await benchClient(server).generate(REQUEST);
  return result.images.map((image) => image.url).filter((url): url is string => url !== undefined);
}

// The floor: nothing can beat the server's latency plus the slowest image fetched on its own.
async function slowestSingleDownload(urls: readonly string[]): Promise<number> {
  const dir = await makeTempDir('floor');
  try {
    let slowest = 0;
    for (const [i, url] of urls.entries()) slowest = Math.max(slowest, (await timed(() => downloadPlain(url, path.join(dir, `floor-${i}.png`)))).ms);
    return slowest;
  } finally {
    await removeDir(dir);
  }
}

/**
 * Runs ours and the baseline interleaved. `throttleTickMs` > 0 paces every download as ~20 chunks,
 * one per tick (the server's slow-download mode), standing in for real bandwidth: over loopback a
 * 1.5 MB image arrives in a few milliseconds and parallel downloads could not show.
 */
export async function benchGenerateToDisk(throttleTickMs: number): Promise<GenerateFigures> {
  const server = await startServerProcess({ key: BENCH_KEY, latencyMs: GENERATE_BENCH.latencyMs, imageBytes: GENERATE_BENCH.imageBytes });
  try {
    if (throttleTickMs > 0) await server.setFault({ mode: 'slow-download', latencyMs: throttleTickMs });
    const urls = await imageUrls(server);
    await ours(server); // warm-up: renders the PNGs once and opens connections
    const floorSamples: number[] = [];
    const times = await interleave(GENERATE_BENCH.rounds, {
      ours: () => ours(server),
      baseline: () => baseline(server),
      floor: async () => { floorSamples.push(await slowestSingleDownload(urls)); },
    });
    const oursMs = median(times.ours);
    const baselineMs = median(times.baseline);
    const slowestDownloadMs = median(floorSamples);
    const floorMs = GENERATE_BENCH.latencyMs + slowestDownloadMs;
    return { throttleTickMs, oursMs, baselineMs, floorMs, slowestDownloadMs, oursOverBaseline: oursMs / baselineMs, oursOverFloor: oursMs / floorMs };
  } finally {
    await server.close();
  }
}
