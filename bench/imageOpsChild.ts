// Bench (f), the measured side, one library per process (both are the module `sharp`, so they
// cannot share one): `ours` maps `sharp` to the shipped production bundle dist/sharp.js (sharp's
// JS + WebAssembly libvips, exactly what the .vsix runs); `sharp` is the npm package with its
// native libvips. Both run the same src/imageOps calls, so only the binding differs.
// Usage (fork with tsx): imageOpsChild.ts <ours|sharp> <input.png> <rounds>; reports through IPC.
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type * as ImageOps from '../src/imageOps';
import { FIT_FORMATS, FIT_TARGET, THUMBNAIL_SIDE, type ImageOpsChildReport } from './imageOpsShared';

const [variant, inputPath, roundsText] = process.argv.slice(2);

if (variant === 'ours') {
  const shipped = path.resolve(__dirname, '..', 'dist', 'sharp.js');
  type Resolve = (request: string, ...rest: unknown[]) => string;
  const internals = Module as unknown as { _resolveFilename: Resolve };
  const resolve = internals._resolveFilename;
  internals._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]): string {
    return resolve.call(this, request === 'sharp' ? shipped : request, ...rest);
  };
}

async function main(): Promise<ImageOpsChildReport> {
  const input = readFileSync(inputPath);
  const rounds = Number(roundsText);
  const rssBefore = process.memoryUsage().rss;
  const loadStart = performance.now();
  // Required here, after the resolution hook, and timed: the first call's load is part of the cost.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- must run after the hook above
  const ops = require('../src/imageOps') as typeof ImageOps;
  const engine = ops.engineInfo();
  const loadMs = performance.now() - loadStart;
  const fitMs: Record<string, number[]> = {};
  const bytes: Record<string, number> = {};
  for (const format of FIT_FORMATS) {
    fitMs[format] = [];
    bytes[format] = (await ops.fitExactly(input, { ...FIT_TARGET, format })).length; // warm-up
  }
  const thumbnailMs: number[] = [];
  await ops.makeThumbnail(input, THUMBNAIL_SIDE);
  for (let round = 0; round < rounds; round++) {
    for (const format of FIT_FORMATS) {
      const start = performance.now();
      await ops.fitExactly(input, { ...FIT_TARGET, format });
      fitMs[format].push(performance.now() - start);
    }
    const start = performance.now();
    await ops.makeThumbnail(input, THUMBNAIL_SIDE);
    thumbnailMs.push(performance.now() - start);
  }
  return { engine, loadMs, fitMs, thumbnailMs, bytes, rssGrowth: process.memoryUsage().rss - rssBefore };
}

main().then((report) => {
  process.send?.(report);
  process.exit(0);
}, (err: unknown) => {
  process.send?.({ error: (err as Error).message ?? String(err) });
  process.exit(1);
});
