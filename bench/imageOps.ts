// Bench (f): the image library behind placeholders (issue 15) and gallery thumbnails (issue 12).
// Crop + resize + encode a 1024² photo-like PNG to 1200×630 WebP, JPEG and PNG with the shipped
// library (sharp on WebAssembly libvips, from the production dist/ bundles) and with `sharp` on
// its native libvips, in alternating child processes; plus a 256 px thumbnail of the same PNG,
// the library's share of the .vsix, and whether the host bundle pulls it in at activation.
import { execFile, fork } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { deflateRawSync } from 'node:zlib';
import { FIT_FORMATS, type ImageOpsChildReport } from './imageOpsShared';
import { makeTempDir, removeDir } from './lib/env';
import { photoLikePng } from './lib/photoFixture';
import { median } from './lib/stats';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');

/** Child processes per library (alternating) and timed rounds in each. */
export const IMAGE_OPS_BENCH = { processes: 3, rounds: 4, goalRatio: 3 } as const;

/** Medians (ms) of one library. */
export interface LibraryFigures { engine: string; loadMs: number; fitMs: Record<string, number>; thumbnailMs: number; bytes: Record<string, number>; rssGrowth: number }

/** Everything section (f) reports; the baseline is absent, with a reason, when native sharp cannot run here. */
export interface ImageOpsOutcome {
  ours: LibraryFigures;
  baseline?: LibraryFigures;
  baselineNote?: string;
  /** Deflated size of the library's files (what they add to the .vsix) and their raw size. */
  vsixBytes: number;
  rawBytes: number;
  /** true when dist/extension.js evaluates nothing of sharp at activation (only a lazy require of ./sharp.js, if any). */
  lazyInHostBundle: boolean;
}

function runChild(variant: 'ours' | 'sharp', input: string): Promise<ImageOpsChildReport> {
  const child = fork(path.join(__dirname, 'imageOpsChild.ts'), [variant, input, String(IMAGE_OPS_BENCH.rounds)], {
    execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'], cwd: ROOT,
  });
  return new Promise((resolve, reject) => {
    let report: ImageOpsChildReport | { error: string } | undefined;
    child.on('message', (message) => { report = message as typeof report; });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (report && 'engine' in report && code === 0) resolve(report);
      else reject(new Error(report && 'error' in report ? report.error : `image ops child (${variant}) exited with ${code}`));
    });
  });
}

function summarise(reports: readonly ImageOpsChildReport[]): LibraryFigures {
  const { engine } = reports[0];
  return {
    engine: `sharp ${engine.sharp}, libvips ${engine.libvips} (${engine.webAssembly ? 'WebAssembly' : 'native'})`,
    loadMs: median(reports.map((r) => r.loadMs)),
    fitMs: Object.fromEntries(FIT_FORMATS.map((f) => [f, median(reports.flatMap((r) => r.fitMs[f]))])),
    thumbnailMs: median(reports.flatMap((r) => r.thumbnailMs)),
    bytes: reports[0].bytes,
    rssGrowth: median(reports.map((r) => r.rssGrowth)),
  };
}

// What the .vsix carries for the library: the files esbuild.mjs writes for it, deflated as vsce
// stores them (zlib's default level).
function librarySize(): { vsixBytes: number; rawBytes: number } {
  const files = readdirSync(DIST).filter((f) => /^sharp(-wasm32)?[.-]/.test(f) && !f.endsWith('.map'));
  if (!files.some((f) => f.endsWith('.wasm'))) throw new Error('dist/ has no sharp .wasm: the build did not copy it');
  let vsixBytes = 0;
  let rawBytes = 0;
  for (const file of files) {
    const bytes = readFileSync(path.join(DIST, file));
    rawBytes += bytes.length;
    vsixBytes += deflateRawSync(bytes).length;
  }
  return { vsixBytes, rawBytes };
}

// The host bundle may mention ./sharp.js only as the lazy require in src/imageOps/engine.ts;
// libvips' own code or sharp's JS inside it would be evaluated (or at least parsed) at activation.
function hostBundleIsLazy(): boolean {
  const host = readFileSync(path.join(DIST, 'extension.js'), 'utf8');
  return !/libvips|emnapi|sharp-wasm32/.test(host) && statSync(path.join(DIST, 'extension.js')).size < 1024 * 1024;
}

/** Builds the production bundles, then times both libraries in alternating child processes. */
export async function benchImageOps(): Promise<ImageOpsOutcome> {
  await promisify(execFile)(process.execPath, [path.join(ROOT, 'esbuild.mjs'), '--production'], { cwd: ROOT });
  const dir = await makeTempDir('image-ops');
  try {
    const input = path.join(dir, 'result-1024.png');
    await writeFile(input, photoLikePng(1024, 1024));
    const ours: ImageOpsChildReport[] = [];
    const baseline: ImageOpsChildReport[] = [];
    let baselineNote: string | undefined;
    for (let i = 0; i < IMAGE_OPS_BENCH.processes; i++) {
      ours.push(await runChild('ours', input));
      if (baselineNote) continue;
      try {
        const report = await runChild('sharp', input);
        if (report.engine.webAssembly) baselineNote = 'no native sharp binding for this platform is installed (npm fell back to WebAssembly)';
        else baseline.push(report);
      } catch (err) {
        baselineNote = `native sharp did not run: ${(err as Error).message.split('\n')[0]}`;
      }
    }
    const figures = summarise(ours);
    if (!figures.engine.includes('WebAssembly')) throw new Error(`the shipped bundle did not run on WebAssembly: ${figures.engine}`);
    return {
      ours: figures,
      ...(baselineNote ? { baselineNote } : { baseline: summarise(baseline) }),
      ...librarySize(),
      lazyInHostBundle: existsSync(path.join(DIST, 'extension.js')) && hostBundleIsLazy(),
    };
  } finally {
    await removeDir(dir);
  }
}
