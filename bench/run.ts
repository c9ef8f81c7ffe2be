// `npm run bench`: every section against the local server on 127.0.0.1, one table on stdout and
// bench/results.json (git-ignored). Not part of `npm test`: these are measurements, not assertions.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { benchBatchDescribe, DESCRIBE_BENCH } from './batchDescribe';
import { benchGenerateToDisk, GENERATE_BENCH } from './generateToDisk';
import { benchMemory, MEMORY_BENCH } from './memory';
import { benchStartup } from './startup';
import { mb, ms, ratio } from './lib/stats';
import { markdownTable, type ResultRow } from './lib/table';

/** Download pacing of the headline generate run: ~20 chunks of a 1.5 MB image, 20 ms apart ≈ 4 MB/s per connection. */
const THROTTLE_TICK_MS = 20;

const kb = (bytes: number | undefined): string => (bytes === undefined ? 'not measured' : `${(bytes / 1024).toFixed(0)} KB`);

// The Studio needs the rig's playwright helpers and a running code-server; say so rather than invent a number.
function studioRows(): ResultRow[] {
  const helpers = path.join(__dirname, '..', 'test', 'e2e');
  const reason = existsSync(helpers)
    ? 'the Studio render timing is not wired to the rig\'s e2e helpers yet'
    : 'the rig\'s playwright e2e helpers (test/e2e) are not in the repository yet';
  return [
    { section: 'e', metric: 'Studio: render the form (real VS Code)', value: `not measured: ${reason}`, goal: '' },
    { section: 'e', metric: 'Studio: render 2,000 history sidecars', value: `not measured: ${reason}`, goal: '' },
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

  rows.push(...studioRows());

  const table = markdownTable(rows);
  process.stdout.write(`\n${table}\n\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; medians; total ${Math.round((Date.now() - started) / 1000)} s\n`);
  const results = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, rows, raw: { generate: gen, generateLoopback: genLoopback, memory: mem, describe: desc, startup: start } };
  await writeFile(path.join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
}

main().then(() => process.exit(0), (err: unknown) => {
  process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
