// Bench (b), the measured side: runs in its own process with --expose-gc so nothing else (the
// server, the bench's own bookkeeping) is counted. Remixes a 10 MB file (multipart streamed from
// disk) into 8 images of 10 MB each, saved through the plain-Node save pipeline, while sampling
// process.memoryUsage() every millisecond. Reports through IPC and exits.
import { rm, stat } from 'node:fs/promises';
import type { RemixRequest } from '../src/common/request/schemas';
import { benchClient, makeTempDir } from './lib/env';
import { saveResultToFolder } from '../test/support/save/saveToFolder';

/** What the parent sends (as one JSON argument). */
export interface MemoryChildInput {
  baseUrl: string; bigInput: string; smallInput: string; numImages: number;
  /** Collect garbage before every sample, so the peak is memory really held (slower run). */
  forceGc: boolean;
  /** Ideogram 3.0 remix (official multipart) with these style reference files instead of the legacy remix. */
  v3StyleReferences?: string[];
}

/** What the child reports back. */
export interface MemoryChildReport { heapPlusExternalGrowth: number; arrayBuffersGrowth: number; rssGrowth: number; bytesUploaded: number; bytesDownloaded: number; savedImages: number; elapsedMs: number }

const gc = (globalThis as { gc?: () => void }).gc;

async function remixOnce(input: MemoryChildInput, file: string, numImages: number): Promise<{ bytes: number; saved: number }> {
  const client = benchClient({ baseUrl: input.baseUrl });
  const request: RemixRequest = { prompt: 'the same scene at night', image_weight: 50, num_images: numImages, seed: 99 };
  const dir = await makeTempDir('memory');
  try {
    // The warm-up takes the same 3.0 path without references (it loads code, it measures nothing).
    const refs = file === input.bigInput ? input.v3StyleReferences : input.v3StyleReferences && [];
    const result = refs
      ? await client.v3('remix', { prompt: request.prompt, image_weight: 50, num_images: numImages, seed: 99 },
        { image: [{ kind: 'file', path: file }], style_reference_images: refs.map((ref) => ({ kind: 'file' as const, path: ref })) })
      : await client.remix(request, { kind: 'file', path: file });
    const outcome = await saveResultToFolder(result, { operation: 'remix', request: { ...request }, dir, client });
    return { bytes: outcome.saved.reduce((sum, s) => sum + s.bytes, 0), saved: outcome.saved.length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!gc) throw new Error('run with --expose-gc');
  const input = JSON.parse(process.argv[2]) as MemoryChildInput;
  // Warm-up loads undici, FormData, openAsBlob and the file code, which is start-up, not streaming.
  await remixOnce(input, input.smallInput, 1);
  gc();
  gc();
  const before = process.memoryUsage();
  const peak = { ...before };
  const sample = (): void => {
    if (input.forceGc) gc();
    const now = process.memoryUsage();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, now.arrayBuffers);
    // heapUsed + external is what JavaScript holds (external already includes arrayBuffers).
    if (now.heapUsed + now.external > peak.heapUsed + peak.external) {
      peak.heapUsed = now.heapUsed;
      peak.external = now.external;
    }
  };
  const timer = setInterval(sample, input.forceGc ? 5 : 1);
  const started = performance.now();
  const { bytes, saved } = await remixOnce(input, input.bigInput, input.numImages);
  const elapsedMs = performance.now() - started;
  sample();
  clearInterval(timer);
  const size = (await Promise.all([input.bigInput, ...(input.v3StyleReferences ?? [])].map((file) => stat(file)))).reduce((sum, s) => sum + s.size, 0);
  const report: MemoryChildReport = {
    heapPlusExternalGrowth: peak.heapUsed + peak.external - (before.heapUsed + before.external),
    arrayBuffersGrowth: peak.arrayBuffers - before.arrayBuffers,
    rssGrowth: peak.rss - before.rss,
    bytesUploaded: size, bytesDownloaded: bytes, savedImages: saved, elapsedMs,
  };
  process.send?.(report);
}

main().then(() => process.exit(0), (err: unknown) => {
  process.stderr.write(`memory bench: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
