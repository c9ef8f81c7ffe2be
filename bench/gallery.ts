// Bench (g): the gallery's results index (issue 12) in plain Node: cold and warm opens at 2,000 and
// 20,000 results side by side, queries, live changes, the heap it holds, and the measurements
// behind its two design choices. The measured work runs in a child process (--expose-gc), so the
// heap figure is the index's alone. The goals are end to end (code-server + Chromium); no
// Gallery-view row measures that yet, so these rows show the core's share of them.
// Run alone: `npx tsx bench/gallery.ts` (no code-server, no lock needed).
import { fork } from 'node:child_process';
import * as path from 'node:path';
import { GALLERY_BENCH, type GalleryChildReport, type OpenFigures } from './galleryShared';
import { mb, ms, ratio } from './lib/stats';
import { markdownTable, type ResultRow } from './lib/table';

function runChild(): Promise<GalleryChildReport> {
  const child = fork(path.join(__dirname, 'galleryChild.ts'), [], { execArgv: ['--expose-gc', '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let report: GalleryChildReport | undefined;
    child.on('message', (message) => { report = message as GalleryChildReport; });
    child.once('error', reject);
    child.once('exit', (code) => (report && code === 0 ? resolve(report) : reject(new Error(`gallery bench child exited with ${code}`))));
  });
}

const n = (count: number): string => count.toLocaleString('en-US');
const fine = (value: number): string => (value < 0.1 ? `${Math.round(value * 1000)} µs` : value < 10 ? `${value.toFixed(2)} ms` : ms(value));
const bothSizes = (small: number, large: number): string => `${fine(small)} → ${fine(large)} (${ratio(large / small)})`;

/** The rows of section (g). */
export function galleryRows(r: GalleryChildReport): ResultRow[] {
  const { small, large } = GALLERY_BENCH;
  const sizes = `${n(small)} → ${n(large)} results (20k/2k)`;
  const opens = (label: string, figures: Record<'small' | 'large' | 'largeSubfolder', OpenFigures>, pick: (f: OpenFigures) => number): string =>
    `${bothSizes(pick(figures.small), pick(figures.large))}; .ideogram/ layout at ${n(large)}: ${fine(pick(figures.largeSubfolder))}${label}`;
  const q = r.query;
  const f = r.formats;
  const c = r.fileCalls;
  return [
    { section: 'g', metric: `gallery index (${r.node}), cold open (no index file; OS cache warm) → first page of 50 + total, ${sizes}`, value: opens('', r.cold, (x) => x.firstPageMs), goal: `≤ 1.5 s at ${n(large)}`, pass: r.cold.large.firstPageMs <= 1500 },
    { section: 'g', metric: `same, warm open (index file present, folder unchanged) → first page of 50 + total, ${sizes}`, value: opens('', r.warm, (x) => x.firstPageMs), goal: `≤ 400 ms at ${n(small)}, ≤ 800 ms at ${n(large)}`, pass: r.warm.small.firstPageMs <= 400 && r.warm.large.firstPageMs <= 800 },
    { section: 'g', metric: `same: growth of the first page, time at ${n(large)} / at ${n(small)}, warm / cold`, value: `${ratio(r.warm.large.firstPageMs / r.warm.small.firstPageMs)} / ${ratio(r.cold.large.firstPageMs / r.cold.small.firstPageMs)}`, goal: '≤ 2×', pass: Math.max(r.warm.large.firstPageMs / r.warm.small.firstPageMs, r.cold.large.firstPageMs / r.cold.small.firstPageMs) <= 2 },
    { section: 'g', metric: `same, warm open → reconciled with the folder (list + stat every sidecar, none re-read), ${sizes}`, value: opens('', r.warm, (x) => x.reconciledMs), goal: '' },
    { section: 'g', metric: `same: longest event-loop block during open + reconcile at ${n(large)}, warm / cold`, value: `${fine(r.warm.large.longestBlockMs)} / ${fine(r.cold.large.longestBlockMs)}`, goal: '' },
    { section: 'g', metric: `query at ${n(large)}, uncached: first page of 50 + total / one word (${n(q.oneWordTotal)} hits) / two words / no match / operation+model filter / one-month range`, value: [q.firstPage, q.oneWord, q.twoWords, q.noMatch, q.filter, q.dateRange].map(fine).join(' / '), goal: '' },
    { section: 'g', metric: 'same: next pages of one search (its match list is kept)', value: fine(q.nextPage), goal: '' },
    { section: 'g', metric: 'one-word search, one case-insensitive RegExp per word (ours) / a lower-cased copy of every entry\'s text (heap it would hold)', value: `${ratio(q.oneWord / r.lowerCopy.oneWordMs)} (${fine(q.oneWord)} vs ${fine(r.lowerCopy.oneWordMs)}; copy: +${mb(r.lowerCopy.heapBytes)})`, goal: '' },
    { section: 'g', metric: `today's History paging (pageHistory: filters and sorts all ${n(large)} on every page) / index: first page; one-word search`, value: `${ratio(q.oldFirstPage / q.firstPage)} (${fine(q.oldFirstPage)} vs ${fine(q.firstPage)}); ${ratio(q.oldSearch / q.oneWord)} (${fine(q.oldSearch)} vs ${fine(q.oneWord)})`, goal: '' },
    { section: 'g', metric: `applyChange at ${n(large)}: image + sidecar 'created' → newest in queries / written → queryable / 'deleted' ×2`, value: `${fine(r.change.createdMs)} / ${fine(r.change.writeToQueryableMs)} / ${fine(r.change.deletedMs)}`, goal: '' },
    { section: 'g', metric: `a new result at ${n(large)}: image + sidecar written → index's onDidChange with it queryable, through a real fs watcher (Node fs.watch, not VS Code's), median / max of ${GALLERY_BENCH.changeRuns}`, value: `${fine(r.watcher.medianMs)} / ${fine(r.watcher.maxMs)}`, goal: '≤ 1 s', pass: r.watcher.maxMs <= 1000 },
    { section: 'g', metric: `index file at ${n(large)}: save (flush) / size`, value: `${ms(r.save.flushMs)} / ${mb(r.save.fileBytes)}`, goal: '' },
    { section: 'g', metric: `heap held by the index of ${n(large)} results: restored from its file / built from the folder (vs ${mb(r.heap.parsedSidecarsBytes)} for the parsed sidecars themselves)`, value: `${mb(r.heap.warmIndexBytes)} / ${mb(r.heap.coldIndexBytes)}`, goal: '< 50 MB', pass: Math.max(r.heap.warmIndexBytes, r.heap.coldIndexBytes) < 50 * 1024 * 1024 },
    { section: 'g', metric: `index file format at ${n(large)}: decode to entries, v8 / JSON / JSON lines (encode; size)`, value: `${ms(f.v8.decodeMs)} / ${ms(f.json.decodeMs)} / ${ms(f.jsonLines.decodeMs)} (${ms(f.v8.encodeMs)} / ${ms(f.json.encodeMs)} / ${ms(f.jsonLines.encodeMs)}; ${mb(f.v8.bytes)} / ${mb(f.json.bytes)} / ${mb(f.jsonLines.bytes)})`, goal: '' },
    { section: 'g', metric: `${n(large)} sidecars: stat, then read; sync calls in 8 ms slices / one promise per file, 32 in flight`, value: `stat ${ratio(c.slicedStatMs / c.promiseStatMs)} (${ms(c.slicedStatMs)} vs ${ms(c.promiseStatMs)}); read ${ratio(c.slicedReadMs / c.promiseReadMs)} (${ms(c.slicedReadMs)} vs ${ms(c.promiseReadMs)})`, goal: '' },
  ];
}

/** Runs section (g) and returns its rows. */
export async function benchGallery(): Promise<ResultRow[]> {
  return galleryRows(await runChild());
}

if (require.main === module) {
  benchGallery().then((rows) => { process.stdout.write(`\n${markdownTable(rows)}\n`); }, (err: unknown) => {
    process.stderr.write(`gallery bench failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
}
