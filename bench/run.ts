// `npm run bench`: every section against the local server on 127.0.0.1, one table on stdout and
// bench/results.json (git-ignored). Not part of `npm test`: these are measurements, not assertions.
// Section (e) alone starts code-server + Chromium (the rig's session) with the .vsix (d) packaged.
import { writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { altTextScanRows, benchAltTextScan } from './altTextScan';
import { benchBatchDescribe, DESCRIBE_BENCH } from './batchDescribe';
import { benchGallery } from './gallery';
import { benchGenerateToDisk, GENERATE_BENCH } from './generateToDisk';
import { benchImageOps } from './imageOps';
import { imageOpsRows } from './imageOpsRows';
import { benchMaskExport, maskExportRows } from './maskExport';
import { benchMemory, MEMORY_BENCH } from './memory';
import { benchPlaceholderFill } from './placeholderFill';
import { benchStartup } from './startup';
import { benchStudio, medianOfReopens, STUDIO_BENCH, type StudioOutcome } from './studio';
import { mb, median, ms, ratio } from './lib/stats';
import { markdownTable, type ResultRow } from './lib/table';

/** Download pacing of the headline generate run: ~20 chunks of a 1.5 MB image, 20 ms apart ≈ 4 MB/s per connection. */
const THROTTLE_TICK_MS = 20;

const kb = (bytes: number | undefined): string => (bytes === undefined ? 'not measured' : `${(bytes / 1024).toFixed(0)} KB`);

// The Studio rows: medians of the reopens beside the first open, which also activates the extension.
function studioRows(outcome: StudioOutcome): ResultRow[] {
  const s = STUDIO_BENCH;
  if ('notMeasured' in outcome) {
    const value = `not measured: ${outcome.notMeasured}`;
    return [
      { section: 'e', metric: 'Studio: palette command → form visible (real VS Code)', value, goal: '' },
      { section: 'e', metric: `Studio: History of ${s.historySize.toLocaleString('en-US')} sidecars, first page rendered`, value, goal: '' },
    ];
  }
  const { opens, refreshesMs, countText, rowsShown } = outcome.figures;
  const reopens = `median of ${opens.length - 1} reopens`;
  return [
    { section: 'e', metric: `Studio (code-server + Chromium): palette command → form visible, ${reopens}`, value: `${ms(medianOfReopens(opens.map((o) => o.formMs)))} (first open, activating the extension: ${ms(opens[0].formMs)})`, goal: '' },
    { section: 'e', metric: `same → History of ${s.historySize.toLocaleString('en-US')} sidecars: first ${rowsShown} rows and "${countText}" shown, ${reopens}`, value: `${ms(medianOfReopens(opens.map((o) => o.historyMs)))} (first open, cold reads: ${ms(opens[0].historyMs)})`, goal: '' },
    { section: 'e', metric: `same: History Refresh → first page and total shown again, median of ${refreshesMs.length}`, value: ms(median(refreshesMs)), goal: '' },
  ];
}

async function main(): Promise<void> {
  const started = Date.now();
  const rows: ResultRow[] = [];
  const log = (text: string): void => { process.stderr.write(`bench: ${text}\n`); };

  log('a. generate to disk (throttled downloads)…');
  const gen = await benchGenerateToDisk(THROTTLE_TICK_MS);
  log('a. generate to disk (unthrottled loopback)…');
  const genLoopback = await benchGenerateToDisk(0);
  const g = GENERATE_BENCH;
  rows.push(
    { section: 'a', metric: `generate ${g.numImages}×1024² ~1.5 MB, ${g.latencyMs} ms latency, ~4 MB/s per download: ours / baseline`, value: `${ratio(gen.oursOverBaseline)} (${ms(gen.oursMs)} vs ${ms(gen.baselineMs)})`, goal: '< 0.60×', pass: gen.oursOverBaseline < 0.6 },
    { section: 'a', metric: 'same: ours / physical floor (latency + slowest single download)', value: `${ratio(gen.oursOverFloor)} (floor ${ms(gen.floorMs)})`, goal: '≤ 1.15×', pass: gen.oursOverFloor <= 1.15 },
    { section: 'a', metric: 'same, unthrottled loopback (CPU only, for reference): ours / baseline', value: `${ratio(genLoopback.oursOverBaseline)} (${ms(genLoopback.oursMs)} vs ${ms(genLoopback.baselineMs)})`, goal: '' },
    { section: 'a', metric: 'same, unthrottled loopback: ours / physical floor', value: `${ratio(genLoopback.oursOverFloor)} (floor ${ms(genLoopback.floorMs)})`, goal: '' },
  );

  log('b. memory…');
  const mem = await benchMemory();
  const moved = mem.natural.bytesUploaded + mem.natural.bytesDownloaded;
  rows.push(
    { section: 'b', metric: `remix 10 MB upload + save ${MEMORY_BENCH.numImages}×10 MB: RSS growth (bytes moved ${mb(moved)})`, value: mb(mem.natural.rssGrowth), goal: '< 30 MB', pass: mem.natural.rssGrowth < 30 * 1024 * 1024 },
    { section: 'b', metric: 'same: memory held (heapUsed+external, GC before every sample)', value: mb(mem.retained.heapPlusExternalGrowth), goal: '< 30 MB', pass: mem.retained.heapPlusExternalGrowth < 30 * 1024 * 1024 },
    { section: 'b', metric: 'same: heapUsed+external peak incl. garbage not yet collected', value: mb(mem.natural.heapPlusExternalGrowth), goal: '' },
  );
  const memV3 = await benchMemory(true);
  const movedV3 = memV3.natural.bytesUploaded + memV3.natural.bytesDownloaded;
  rows.push(
    { section: 'b', metric: `Ideogram 3.0 remix: 10 MB image + 10 MB of style references uploaded (multipart) + save ${MEMORY_BENCH.numImages}×10 MB: RSS growth (bytes moved ${mb(movedV3)})`, value: mb(memV3.natural.rssGrowth), goal: '< 30 MB', pass: memV3.natural.rssGrowth < 30 * 1024 * 1024 },
    { section: 'b', metric: 'same: memory held (heapUsed+external, GC before every sample)', value: mb(memV3.retained.heapPlusExternalGrowth), goal: '< 30 MB', pass: memV3.retained.heapPlusExternalGrowth < 30 * 1024 * 1024 },
  );

  log('c. batch describe…');
  const desc = await benchBatchDescribe();
  const d = DESCRIBE_BENCH;
  rows.push(
    { section: 'c', metric: `describe ${d.images} images, limit ${d.inflightLimit}, ${d.latencyMs} ms latency: elapsed / ideal`, value: `${ratio(desc.overIdeal)} (${ms(desc.elapsedMs)} vs ${ms(desc.idealMs)})`, goal: '≤ 1.20×', pass: desc.overIdeal <= 1.2 },
    { section: 'c', metric: 'same: 429s sent by the server / errors reaching the caller', value: `${desc.server429s} / ${desc.clientErrors}`, goal: '0 / 0', pass: desc.server429s === 0 && desc.clientErrors === 0 },
  );

  log('d. start-up (npm run package, then fresh-process timings)…');
  const start = await benchStartup();
  rows.push(
    { section: 'd', metric: 'host bundle dist/extension.js (production)', value: kb(start.hostBundleBytes), goal: '' },
    { section: 'd', metric: 'webview bundle dist/webview.js (production)', value: kb(start.webviewBundleBytes), goal: '' },
    { section: 'd', metric: '.vsix', value: start.vsixBytes === undefined ? `not measured: ${start.vsixNote ?? 'no .vsix'}` : kb(start.vsixBytes), goal: '' },
    { section: 'd', metric: `require + activate host bundle (${start.commandsRegistered} commands) / require empty module`, value: `${ratio(start.ratio)} (${start.extensionRequireActivateMs.toFixed(1)} ms vs ${start.emptyRequireMs.toFixed(2)} ms; require alone ${start.extensionRequireMs.toFixed(1)} ms)`, goal: '' },
  );

  log('f. image library: crop + resize + encode, thumbnails (WebAssembly vs native sharp)…');
  const imageOps = await benchImageOps();
  rows.push(...imageOpsRows(imageOps));
  rows.push(...(await benchGallery())); // g. gallery results index (plain Node; logs its own steps)

  log('h. alt-text scan of adversarial documents (256 KB vs 1 MB)…');
  rows.push(...altTextScanRows(await benchAltTextScan()));

  log('i. mask export in Chromium…'); rows.push(...maskExportRows(await benchMaskExport()));

  log('k. placeholders: fill 20 missing images (500 ms latency, in-flight limit 10)…');
  rows.push(...(await benchPlaceholderFill()));

  log('e. Studio in code-server + Chromium (uses the .vsix from d)…');
  const studio = await benchStudio(log);
  rows.push(...studioRows(studio));

  const table = markdownTable(rows);
  process.stdout.write(`\n${table}\n\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; medians; total ${Math.round((Date.now() - started) / 1000)} s\n`);
  const results = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, rows, raw: { generate: gen, generateLoopback: genLoopback, memory: mem, memoryV3: memV3, describe: desc, startup: start, studio, imageOps } };
  await writeFile(path.join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
}

main().then(() => process.exit(0), (err: unknown) => {
  process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
