// Bench (g), the measured side: the gallery's results index (src/gallery) in plain Node, in its
// own process with --expose-gc so its heap can be measured alone. Writes the fixtures (2,000 and
// 20,000 results beside their images, 20,000 in the .ideogram/ layout), then times cold and warm
// opens (rotating the order every round so the sizes share the machine's noise), queries, live
// changes and saving, measures the heap the index holds, and the two choices the index is built
// on (the index file's format; sliced synchronous file calls). Reports through IPC and exits.
import { existsSync, watch } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { decodeIndex, encodeIndex } from '../src/gallery/indexFile';
import { createNodeFolderAccess } from '../src/gallery/node/nodeFolderAccess';
import { indexFilePath } from '../src/gallery/node/nodeIndexStore';
import { createNodeResultsIndex } from '../src/gallery/node/openNodeResultsIndex';
import type { GalleryEntry } from '../src/gallery/galleryEntry';
import type { ResultsIndex } from '../src/gallery/resultsIndex';
import { sidecarPathFor } from '../src/common/sidecarLocation';
import { buildSidecar, pageHistory, parseSidecar, serializeSidecar, type Sidecar } from '../src/common/sidecar';
import { writeGalleryFixture } from './lib/galleryFixture';
import { GALLERY_BENCH, type GalleryChildReport, type OpenFigures } from './galleryShared';
import { makeTempDir, removeDir } from './lib/env';
import { median } from './lib/stats';

const gc = (globalThis as { gc?: () => void }).gc;
const now = (): number => performance.now();

interface Folder { dir: string; storage: string; count: number }

async function timeOpen(folder: Folder, expectRestored: boolean): Promise<OpenFigures> {
  const monitor = monitorEventLoopDelay({ resolution: 1 });
  monitor.enable();
  const start = now();
  const index = createNodeResultsIndex({ outputFolder: folder.dir, storageDir: folder.storage });
  const outcome = await index.open();
  const page = index.query({ limit: 50 });
  const firstPageMs = now() - start;
  await outcome.reconciled;
  const reconciledMs = now() - start;
  monitor.disable();
  if (outcome.restored !== expectRestored || page.total !== folder.count || page.entries.length !== 50) {
    throw new Error(`open of ${folder.dir}: restored ${outcome.restored}, total ${page.total}, page ${page.entries.length}`);
  }
  await index.dispose(); // a cold open saves its file here, outside the timing
  return { firstPageMs, reconciledMs, longestBlockMs: monitor.max / 1e6 };
}

// Every round runs each variant once, starting one later each round, so none always goes first.
async function rotate<K extends string>(rounds: number, variants: Record<K, () => Promise<OpenFigures>>): Promise<Record<K, OpenFigures>> {
  const names = Object.keys(variants) as K[];
  const runs = Object.fromEntries(names.map((n) => [n, [] as OpenFigures[]])) as Record<K, OpenFigures[]>;
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length];
      runs[name].push(await variants[name]());
    }
  }
  const med = (list: OpenFigures[], pick: (f: OpenFigures) => number): number => median(list.map(pick));
  return Object.fromEntries(names.map((n) => [n, {
    firstPageMs: med(runs[n], (f) => f.firstPageMs), reconciledMs: med(runs[n], (f) => f.reconciledMs), longestBlockMs: med(runs[n], (f) => f.longestBlockMs),
  }])) as Record<K, OpenFigures>;
}

// Median wall time of `runs` calls of fn(i).
function timeEach(runs: number, fn: (i: number) => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = now();
    fn(i);
    times.push(now() - start);
  }
  return median(times);
}

async function benchQueries(index: ResultsIndex, sidecars: Sidecar[]): Promise<GalleryChildReport['query']> {
  const runs = GALLERY_BENCH.queryRuns;
  const words = ['fox', 'lighthouse', 'ramen', 'bokeh', 'astronaut', 'watercolor', '熊猫', 'robot'];
  const second = ['dusk', 'rain', 'winter', 'noon'];
  const newest = index.query({ limit: 1 }).entries[0].createdAt;
  // Alternating keys miss the one-query cache every time: these are the figures of a fresh query.
  const query = {
    firstPage: timeEach(runs, (i) => index.query(i % 2 ? { limit: 50 } : { limit: 50, createdFrom: 0 })),
    oneWord: timeEach(runs, (i) => index.query({ text: words[i % words.length], limit: 50 })),
    twoWords: timeEach(runs, (i) => index.query({ text: `${words[i % words.length]} ${second[i % second.length]}`, limit: 50 })),
    noMatch: timeEach(runs, (i) => index.query({ text: `zebra${i}`, limit: 50 })),
    filter: timeEach(runs, (i) => index.query({ operations: [i % 2 ? 'remix' : 'upscale'], models: i % 2 ? ['V_2', 'V_2A'] : undefined, limit: 50 })),
    dateRange: timeEach(runs, (i) => index.query({ createdFrom: newest - (30 + (i % 2)) * 86_400_000, createdBefore: newest - 86_400_000, limit: 50 })),
    nextPage: timeEach(runs, (i) => index.query({ text: 'fox', offset: 50 * (i % 5), limit: 50 })),
    // Today's History: filter and sort every record on every page.
    oldFirstPage: 0, oldSearch: 0, oneWordTotal: index.query({ text: 'fox' }).total,
  };
  const records = sidecars.map((sidecar, i) => ({ location: i, sidecar }));
  query.oldFirstPage = timeEach(Math.ceil(runs / 4), () => pageHistory(records, { limit: 50 }));
  query.oldSearch = timeEach(Math.ceil(runs / 4), (i) => pageHistory(records, { query: words[i % words.length], limit: 50 }));
  return query;
}

// A result as the extension would save it: its image name, index id and sidecar text.
function newResult(kind: string, i: number, imageBytes: number): { image: string; id: string; text: string } {
  const image = `${kind}-${i}.png`;
  const text = serializeSidecar(buildSidecar({
    operation: 'generate', request: { prompt: `a ${kind} result ${i}`, model: 'V_2' }, image: { prompt: `a ${kind} result ${i}`, seed: i, is_image_safe: true },
    provider: 'ideogram', extensionVersion: 'bench', file: image, now: new Date(), size: { width: 8, height: 8 }, mime: 'image/png', bytes: imageBytes,
  }));
  return { image, id: sidecarPathFor(image, 'beside'), text };
}

// The bytes of one of the fixture's images.
async function sampleImage(folder: Folder): Promise<Buffer> {
  return readFile(path.join(folder.dir, (await readdir(folder.dir)).find((n) => n.endsWith('.png')) ?? ''));
}

async function benchChanges(index: ResultsIndex, folder: Folder): Promise<GalleryChildReport['change']> {
  const created: number[] = [];
  const writeToQueryable: number[] = [];
  const deleted: number[] = [];
  const bytes = await sampleImage(folder);
  for (let i = 0; i < GALLERY_BENCH.changeRuns; i++) {
    const { image, id, text } = newResult('live', i, bytes.length);
    const start = now();
    await writeFile(path.join(folder.dir, image), bytes);
    await writeFile(path.join(folder.dir, id), text);
    const written = now();
    await index.applyChange(path.join(folder.dir, image), 'created');
    await index.applyChange(path.join(folder.dir, id), 'created');
    const done = now();
    if (index.query({ limit: 1 }).entries[0]?.id !== id) throw new Error(`${id} is not the newest result after applyChange`);
    created.push(done - written);
    writeToQueryable.push(done - start);
    await unlink(path.join(folder.dir, id));
    await unlink(path.join(folder.dir, image));
    const removing = now();
    await index.applyChange(path.join(folder.dir, id), 'deleted');
    await index.applyChange(path.join(folder.dir, image), 'deleted');
    deleted.push(now() - removing);
    if (index.get(id)) throw new Error(`${id} still indexed after its deletion`);
  }
  return { createdMs: median(created), writeToQueryableMs: median(writeToQueryable), deletedMs: median(deleted) };
}

// A new result through a real file-system watcher (Node's fs.watch, inotify on Linux; VS Code's
// own watcher adds its event batching on top): from the start of writing the image to the index's
// onDidChange that makes the new sidecar queryable. Events are classified the way the Gallery's
// watcher adapter does (created / changed / deleted), one applyChange per event.
async function benchWatcher(index: ResultsIndex, folder: Folder): Promise<GalleryChildReport['watcher']> {
  const bytes = await sampleImage(folder);
  const watcher = watch(folder.dir, (event, name) => {
    if (!name) return;
    const file = path.join(folder.dir, name);
    void index.applyChange(file, event === 'change' ? 'changed' : existsSync(file) ? 'created' : 'deleted');
  });
  const times: number[] = [];
  try {
    for (let i = 0; i < GALLERY_BENCH.changeRuns; i++) {
      const { image, id, text } = newResult('watched', i, bytes.length);
      const seen = new Promise<number>((resolve) => {
        const sub = index.onDidChange(() => {
          if (index.get(id)) { sub.dispose(); resolve(now()); }
        });
      });
      const start = now();
      await writeFile(path.join(folder.dir, image), bytes);
      await writeFile(path.join(folder.dir, id), text);
      times.push((await seen) - start);
      await unlink(path.join(folder.dir, id));
      await unlink(path.join(folder.dir, image));
      await new Promise<void>((resolve) => {
        const sub = index.onDidChange(() => { if (!index.get(id)) { sub.dispose(); resolve(); } });
        if (!index.get(id)) { sub.dispose(); resolve(); }
      });
    }
  } finally {
    watcher.close();
  }
  return { medianMs: median(times), maxMs: Math.max(...times) };
}

// Heap held by whatever `build` returns, after garbage collection on both sides.
async function heapOf(build: () => Promise<unknown>): Promise<number> {
  if (!gc) throw new Error('run with --expose-gc');
  gc(); gc();
  const before = process.memoryUsage().heapUsed;
  const held = await build();
  gc(); gc();
  const after = process.memoryUsage().heapUsed;
  if (held === undefined) throw new Error('nothing held');
  return after - before;
}

async function openedIndex(folder: Folder): Promise<ResultsIndex> {
  const index = createNodeResultsIndex({ outputFolder: folder.dir, storageDir: folder.storage });
  await (await index.open()).reconciled;
  return index;
}

async function allEntries(folder: Folder): Promise<GalleryEntry[]> {
  const index = await openedIndex(folder);
  const entries = index.query({ limit: Number.MAX_SAFE_INTEGER }).entries;
  await index.dispose();
  return entries;
}

// The alternative to one case-insensitive RegExp per word: keep a lower-cased copy of the text.
async function benchLowerCopy(folder: Folder): Promise<GalleryChildReport['lowerCopy']> {
  const entries = await allEntries(folder);
  let copies: string[] = [];
  const heapBytes = await heapOf(async () => (copies = entries.map((e) => [e.prompt, e.negativePrompt, e.returnedPrompt, e.model, e.image].filter(Boolean).join('\n').toLowerCase())));
  const words = ['fox', 'lighthouse', 'ramen', 'bokeh', 'astronaut', 'watercolor', '熊猫', 'robot'];
  const oneWordMs = timeEach(GALLERY_BENCH.queryRuns, (i) => {
    const word = words[i % words.length];
    const matches = entries.filter((_, k) => copies[k].includes(word));
    return { entries: matches.slice(0, 50), total: matches.length };
  });
  return { oneWordMs, heapBytes };
}

// Queries (against today's History paging too), live changes, then one save.
async function benchLive(folder: Folder): Promise<Pick<GalleryChildReport, 'query' | 'change' | 'watcher' | 'save'>> {
  const index = await openedIndex(folder);
  const sidecars = await readSidecars(folder);
  const query = await benchQueries(index, sidecars);
  const change = await benchChanges(index, folder);
  const watcher = await benchWatcher(index, folder);
  // One more result, so a save is pending whatever the save timer did meanwhile.
  const probe = path.join(folder.dir, sidecarPathFor('live-probe.png', 'beside'));
  await writeFile(probe, serializeSidecar({ ...sidecars[0], file: 'live-probe.png', created_at: new Date().toISOString() }));
  await index.applyChange(probe, 'created');
  const saveStart = now();
  await index.flush();
  const save = { flushMs: now() - saveStart, fileBytes: (await stat(indexFilePath(folder.storage, folder.dir))).size };
  await index.dispose();
  await unlink(probe);
  return { query, change, watcher, save };
}

async function readSidecars(folder: Folder): Promise<Sidecar[]> {
  const names = (await readdir(folder.dir)).filter((n) => n.endsWith('.json'));
  const sidecars: Sidecar[] = [];
  for (const name of names) {
    const sidecar = parseSidecar(await readFile(path.join(folder.dir, name), 'utf8'));
    if (sidecar) sidecars.push(sidecar);
  }
  return sidecars;
}

function benchFormats(data: unknown, folderId: string): GalleryChildReport['formats'] {
  type Codec = { encode: () => Buffer; decode: (bytes: Buffer) => unknown };
  const { entries, ...header } = data as { entries: unknown[] };
  const codecs: Record<'v8' | 'json' | 'jsonLines', Codec> = {
    v8: { encode: () => v8.serialize(data), decode: (bytes) => v8.deserialize(bytes) },
    json: { encode: () => Buffer.from(JSON.stringify(data)), decode: (bytes) => JSON.parse(bytes.toString('utf8')) },
    jsonLines: {
      encode: () => Buffer.from([JSON.stringify(header), ...entries.map((row) => JSON.stringify(row))].join('\n')),
      decode: (bytes) => {
        const [first, ...rows] = bytes.toString('utf8').split('\n');
        return { ...(JSON.parse(first) as object), entries: rows.map((line) => JSON.parse(line) as unknown) };
      },
    },
  };
  const names = Object.keys(codecs) as (keyof typeof codecs)[];
  const encoded = Object.fromEntries(names.map((n) => [n, codecs[n].encode()])) as Record<keyof typeof codecs, Buffer>;
  const times = Object.fromEntries(names.map((n) => [n, { decode: [] as number[], encode: [] as number[] }]));
  for (let round = 0; round < GALLERY_BENCH.formatRounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length];
      gc?.(); // each codec starts from a collected heap, not the previous one's garbage
      let start = now();
      const content = decodeIndex(codecs[name].decode(encoded[name]), folderId);
      times[name].decode.push(now() - start);
      if (content?.entries.length !== entries.length) throw new Error(`${name} round trip lost entries`);
      start = now();
      codecs[name].encode();
      times[name].encode.push(now() - start);
    }
  }
  return Object.fromEntries(names.map((n) => [n, { decodeMs: median(times[n].decode), encodeMs: median(times[n].encode), bytes: encoded[n].length }])) as GalleryChildReport['formats'];
}

// The same stats and reads as the index makes, one promise per file with 32 in flight.
async function promisePool(items: readonly string[], fn: (file: string) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: 32 }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}

async function benchFileCalls(folder: Folder): Promise<GalleryChildReport['fileCalls']> {
  const access = createNodeFolderAccess(folder.dir);
  const names = (await readdir(folder.dir)).filter((n) => n.endsWith('.json'));
  const absolute = names.map((n) => path.join(folder.dir, n));
  const runs: Record<keyof GalleryChildReport['fileCalls'], () => Promise<unknown>> = {
    slicedStatMs: () => access.stampAll(names),
    promiseStatMs: () => promisePool(absolute, (file) => stat(file)),
    slicedReadMs: () => access.readAll(names),
    promiseReadMs: () => promisePool(absolute, (file) => readFile(file, 'utf8')),
  };
  const keys = Object.keys(runs) as (keyof typeof runs)[];
  const times = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<keyof typeof runs, number[]>;
  for (let round = 0; round < GALLERY_BENCH.formatRounds; round++) {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[(round + i) % keys.length];
      gc?.();
      const start = now();
      await runs[key]();
      times[key].push(now() - start);
    }
  }
  return Object.fromEntries(keys.map((k) => [k, median(times[k])])) as GalleryChildReport['fileCalls'];
}

async function main(): Promise<void> {
  const log = (text: string): void => { process.stderr.write(`bench g: ${text}\n`); };
  const root = await makeTempDir('gallery');
  try {
    const folder = (name: string, count: number): Folder => ({ dir: path.join(root, name, 'assets', 'ideogram'), storage: path.join(root, `storage-${name}`), count });
    const small = folder('small', GALLERY_BENCH.small);
    const large = folder('large', GALLERY_BENCH.large);
    const largeSubfolder = folder('large-subfolder', GALLERY_BENCH.large);
    log(`writing fixtures (${small.count}, ${large.count}, ${largeSubfolder.count} in .ideogram/)…`);
    await writeGalleryFixture(small.dir, { count: small.count, layout: 'beside' });
    await writeGalleryFixture(large.dir, { count: large.count, layout: 'beside' });
    await writeGalleryFixture(largeSubfolder.dir, { count: largeSubfolder.count, layout: 'subfolder' });
    const folders = { small, large, largeSubfolder };
    const opens = (expectRestored: boolean) => Object.fromEntries(Object.entries(folders).map(([name, f]) => [name, async () => {
      if (!expectRestored) await rm(indexFilePath(f.storage, f.dir), { force: true });
      return timeOpen(f, expectRestored);
    }])) as Record<keyof typeof folders, () => Promise<OpenFigures>>;
    log('cold opens (no index file)…');
    const cold = await rotate(GALLERY_BENCH.openRounds, opens(false));
    log('warm opens (index file present, folder unchanged)…');
    const warm = await rotate(GALLERY_BENCH.openRounds, opens(true));

    // Before the queries' 20,000 parsed sidecars fill the heap: these compare allocation-heavy work.
    log('index file formats and file calls…');
    const formats = benchFormats(encodeIndex(large.dir, { entries: await allEntries(large), ignored: new Map() }), large.dir);
    const fileCalls = await benchFileCalls(large);

    log('queries, live changes, saving at 20,000…');
    const { query, change, watcher, save } = await benchLive(large);

    log('heap…');
    await openedIndex(small).then((i) => i.dispose()); // code loaded and compiled before the baseline
    let kept: unknown;
    const warmIndexBytes = await heapOf(async () => (kept = await openedIndex(large)));
    await (kept as ResultsIndex).dispose();
    kept = undefined;
    await rm(indexFilePath(large.storage, large.dir), { force: true });
    const coldIndexBytes = await heapOf(async () => (kept = await openedIndex(large)));
    await (kept as ResultsIndex).dispose();
    kept = undefined;
    const parsedSidecarsBytes = await heapOf(async () => (kept = await readSidecars(large)));
    kept = undefined;
    const lowerCopy = await benchLowerCopy(large);

    const report: GalleryChildReport = {
      node: process.version, cold, warm, query, change, watcher, save, heap: { warmIndexBytes, coldIndexBytes, parsedSidecarsBytes }, lowerCopy, formats, fileCalls,
    };
    process.send?.(report);
  } finally {
    await removeDir(root);
  }
}

main().then(() => process.exit(0), (err: unknown) => {
  process.stderr.write(`gallery bench: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
