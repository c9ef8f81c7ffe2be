// Fault injection: many operations against the local server in each fault mode, through the
// plain-Node save pipeline (folder check → client → parallel streamed downloads → sidecars). After
// every wave the output folder is checked; every operation must either succeed with complete files
// or fail cleanly (an IdeogramError of an expected kind, the key nowhere, the request intact and
// re-runnable once the fault is gone; images the API made but that could not be saved savable
// again without a new request). "Lost" operations — anything else — must stay at 0.
// The stand-in must be in place before src/errors (which imports vscode) is loaded.
import { installVscodeStandIn } from '../support/vscode/standIn';
import { strict as assert } from 'node:assert';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { renderPng } from '../../tools/mock-server/png';
import { startMockServer, type FaultSettings, type MockServer } from '../../tools/mock-server';
import { IdeogramClient, InflightLimiter, type ClientOptions, type RequestLogEntry } from '../../src/ideogram';
import { IdeogramError, type IdeogramErrorKind } from '../../src/common/errors';
import { providerDefaults } from '../../src/common/provider';
import type { GenerateRequest, RemixRequest } from '../../src/common/request/schemas';
import { DEFAULT_FILE_NAME_TEMPLATE, expandFileNameTemplate } from '../../src/common/naming';
import { prepareFolder, saveResultToFolder, type SaveOutcome } from '../support/save/saveToFolder';
import { ErrorBoundary } from '../../src/common/vscode/errorBoundary';
import { UserFacingError } from '../../src/common/userFacingError';
import { UnsavedImagesError, type UnsavedImages } from '../../src/common/errors';
import { folderProblems, hashFolder } from './folderCheck';

const OPS = Math.max(1, Number(process.env.IDEOGRAM_FAULT_OPS ?? '20'));
const WAVE = 8;
const KEY = 'sk-faults-SECRET-91c2d7e4a0';
const PROMPT = 'a red kite over a harbour';
/** An operation that neither finishes nor fails within this long counts as lost. */
const WATCHDOG_MS = 20_000;

type OpKind = 'generate' | 'remix';

interface Mode {
  name: string;
  /** Fault set before each wave (so a count applies per wave). */
  fault?: FaultSettings;
  client?: Partial<ClientOptions>;
  /** Kinds a clean failure may have in this mode; [] = every operation must succeed. */
  kinds: IdeogramErrorKind[];
  /** Output folder of a wave (default: the wave folder itself). */
  outputFor?: (waveDir: string) => Promise<string>;
  /** Files that exist before the wave and must survive it byte for byte. */
  seed?: (waveDir: string) => Promise<void>;
  /** Cancels each operation after a random delay up to this many ms. */
  cancelWithinMs?: number;
  /** Mode whose waves share one folder (collisions accumulate). */
  sharedFolder?: boolean;
  /** The folder check refuses every operation before anything is sent (nothing paid, nothing to save again). */
  refusedBeforeSending?: boolean;
  /** Each operation saves into a folder of its own that a file replaces once the API has answered: a local failure after paying. */
  folderLostAfterAnswer?: boolean;
}

interface Tally { mode: string; run: number; succeeded: number; failedCleanly: number; lost: number; reasons: string[] }

/** What the extension's error boundary showed for one error (undefined: nothing, as for a cancel). */
type Report = { message: string; actions: string[] } | undefined;

// The real ErrorBoundary of the extension (src/errors.ts), with a log and key store that record
// nothing, so each failure is checked for the message and actions a user would get.
function createBoundaryProbe(): (err: unknown) => Promise<Report> {
  installVscodeStandIn();
  const quiet = (): void => undefined;
  const log = { error: quiet, warn: quiet, info: quiet, unexpected: quiet, show: quiet, redact: (text: string) => text.split(KEY).join('[redacted]') };
  const keys = { promptAndStore: () => Promise.resolve(false), waitForKey: () => Promise.resolve(false) };
  const boundary = new ErrorBoundary(log as never, keys as never);
  let last: Report;
  boundary.onDidReportError((report) => { last = report; });
  return async (err) => {
    last = undefined;
    await boundary.showOperationError(err, 'Fault test');
    return last;
  };
}

// Four seeds and one input image keep the server's image ids (and its PNG cache) small.
function requestFor(op: number): { kind: OpKind; req: GenerateRequest | RemixRequest } {
  const base = { prompt: PROMPT, model: 'V_2' as const, seed: 1000 + (op % 4), num_images: 1 + (op % 2) };
  return op % 4 === 3 ? { kind: 'remix', req: { ...base, image_weight: 40 } } : { kind: 'generate', req: base };
}

const modes: Mode[] = [
  { name: 'connection reset', fault: { mode: 'connection-reset', count: Math.ceil(WAVE * 1.5) }, kinds: ['network'] },
  { name: 'truncated body', fault: { mode: 'truncated-body', count: Math.ceil(WAVE * 1.5) }, kinds: ['network', 'invalid-response'] },
  { name: 'invalid JSON', fault: { mode: 'invalid-json', count: WAVE / 2 }, kinds: ['invalid-response'] },
  { name: 'HTML error page', fault: { mode: 'html-error', count: Math.ceil(WAVE * 1.5) }, kinds: ['server'] },
  { name: '429 burst', fault: { mode: 'rate-limit-burst', count: Math.ceil(WAVE * 1.5), retryAfterSeconds: 0 }, kinds: ['rate-limit'] },
  { name: '5xx', fault: { mode: 'server-error', count: Math.ceil(WAVE * 1.5), status: 503 }, kinds: ['server'] },
  { name: 'slow download beyond the timeout', fault: { mode: 'slow-download', count: WAVE, latencyMs: 40 }, client: { timeoutMs: 250 }, kinds: ['timeout'] },
  { name: 'cancel at random moments', fault: { mode: 'slow-download', latencyMs: 5 }, cancelWithinMs: 250, kinds: ['cancelled'] },
  {
    name: 'unwritable output folder',
    // chmod does not stop root (CI): a regular file where the folder should be stops everyone.
    outputFor: async (waveDir) => path.join(waveDir, 'blocked'),
    seed: (waveDir) => writeFile(path.join(waveDir, 'blocked'), 'a file, not a folder'),
    kinds: [],
    refusedBeforeSending: true,
  },
  {
    name: 'downloads fail after the answer',
    fault: { mode: 'connection-reset', target: 'images', count: WAVE * 2 },
    kinds: ['download'],
  },
  {
    name: 'folder lost after the answer',
    kinds: ['download'],
    folderLostAfterAnswer: true,
  },
  {
    name: 'full-name collision',
    seed: seedCollisions,
    sharedFolder: true,
    kinds: [],
  },
];

// Every name the operations will want (and its first counters) already exists.
async function seedCollisions(dir: string): Promise<void> {
  const date = new Date();
  for (let seed = 1000; seed < 1004; seed++) {
    for (const operation of ['generate', 'remix']) {
      for (let index = 1; index <= 2; index++) {
        const base = expandFileNameTemplate(DEFAULT_FILE_NAME_TEMPLATE, { prompt: PROMPT, seed: seed + index - 1, model: 'V_2', operation, index, date });
        for (const name of [base, `${base}-1`]) {
          await writeFile(path.join(dir, `${name}.png`), renderPng(4, 4, 'abcdefabcdef')).catch(() => undefined);
          await writeFile(path.join(dir, `${name}.json`), `{"not":"overwritten ${name}"}\n`).catch(() => undefined);
        }
      }
    }
  }
}

function withWatchdog<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const watchdog = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hung for ${WATCHDOG_MS} ms`)), WATCHDOG_MS);
  });
  return Promise.race([promise, watchdog]).finally(() => clearTimeout(timer));
}

describe(`fault injection (${OPS} operations per mode)`, function () {
  let server: MockServer;
  let root: string;
  let input: string;
  let unhandled = 0;
  let showError: (err: unknown) => Promise<Report>;
  const tallies: Tally[] = [];
  const onUnhandled = (): void => { unhandled++; };

  before(async () => {
    process.on('unhandledRejection', onUnhandled);
    showError = createBoundaryProbe();
    server = await startMockServer({ key: KEY });
    root = await mkdtemp(path.join(tmpdir(), 'ideogram-faults-'));
    input = path.join(root, 'input.png');
    await writeFile(input, renderPng(64, 64, '0123456789ab'));
  });

  after(async () => {
    process.off('unhandledRejection', onUnhandled);
    await server.close();
    await rm(root, { recursive: true, force: true });
    if (tallies.length) {
      const lines = tallies.map((t) => `  ${t.mode.padEnd(34)} ${String(t.run).padStart(5)} ${String(t.succeeded).padStart(9)} ${String(t.failedCleanly).padStart(14)} ${String(t.lost).padStart(5)}`);
      console.log(`\n  ${'mode'.padEnd(34)} ${'run'.padStart(5)} ${'succeeded'.padStart(9)} ${'failed cleanly'.padStart(14)} ${'lost'.padStart(5)}\n${lines.join('\n')}\n`);
    }
  });

  for (const mode of modes) {
    it(`${mode.name}: nothing lost, nothing partial, nothing overwritten, no key leaked`, async () => {
      server.reset();
      const log: RequestLogEntry[] = [];
      const client = new IdeogramClient({
        config: { ...providerDefaults('crazyrouter'), baseUrl: server.baseUrl },
        getApiKey: () => Promise.resolve(KEY),
        retryBaseDelayMs: 1, maxRetries: 1, limiter: new InflightLimiter(10),
        onRequest: (entry) => log.push(entry),
        ...mode.client,
      });
      const tally: Tally = { mode: mode.name, run: 0, succeeded: 0, failedCleanly: 0, lost: 0, reasons: [] };
      const toRetry: { kind: OpKind; req: GenerateRequest | RemixRequest }[] = [];
      const unhandledBefore = unhandled;
      const lose = (reason: string): void => { tally.lost++; if (tally.reasons.length < 5) tally.reasons.push(reason); };
      const modeDir = path.join(root, mode.name.replace(/\W+/g, '-'));
      await mkdir(modeDir, { recursive: true });
      if (mode.sharedFolder) await mode.seed?.(modeDir);

      for (let first = 0; first < OPS; first += WAVE) {
        const waveDir = mode.sharedFolder ? modeDir : path.join(modeDir, `wave-${first}`);
        await mkdir(waveDir, { recursive: true });
        if (!mode.sharedFolder) await mode.seed?.(waveDir);
        const out = mode.outputFor ? await mode.outputFor(waveDir) : waveDir;
        const before = await hashFolder(waveDir);
        const apiBefore = server.stats().apiRequests;
        // Images paid for but not saved, and (folderLostAfterAnswer) the files that broke their folders.
        const pending: UnsavedImages<SaveOutcome>[] = [];
        const blockers: string[] = [];
        if (mode.fault) server.setFault(mode.fault);
        const ops = Array.from({ length: Math.min(WAVE, OPS - first) }, (_, i) => requestFor(first + i));
        await Promise.all(ops.map(async ({ kind, req }, i) => {
          tally.run++;
          const snapshot = structuredClone(req);
          const controller = new AbortController();
          const timer = mode.cancelWithinMs === undefined ? undefined : setTimeout(() => controller.abort(), Math.random() * mode.cancelWithinMs);
          const dir = mode.folderLostAfterAnswer ? path.join(`${waveDir}-ops`, `op-${i}`) : out;
          const afterAnswer = mode.folderLostAfterAnswer ? async () => {
            await mkdir(path.dirname(dir), { recursive: true });
            await writeFile(dir, 'a file, not a folder');
            blockers.push(dir);
          } : undefined;
          let outcome: SaveOutcome;
          try {
            outcome = await withWatchdog(runOperation(client, kind, req, input, dir, controller.signal, afterAnswer));
          } catch (err) {
            if (mode.refusedBeforeSending) {
              // Refused by the folder check: says which setting to change, offers no (paid) Retry.
              if (!(err instanceof UserFacingError) || err.settingHint !== 'ideogram.outputFolder') return lose(`${kind}: not refused by the folder check: ${String(err)}`);
              const report = await showError(err);
              if (!report?.actions.includes('Open Settings') || report.actions.includes('Retry')) return lose(`${kind}: refusal shown as ${JSON.stringify(report)}`);
              tally.failedCleanly++;
              toRetry.push({ kind, req });
              return;
            }
            if (!(err instanceof IdeogramError)) return lose(`${kind}: not an IdeogramError: ${String(err)}`);
            if (!mode.kinds.includes(err.kind)) return lose(`${kind}: unexpected kind ${err.kind}: ${err.message}`);
            if (err.message.includes(KEY) || (err.stack ?? '').includes(KEY)) return lose(`${kind}: key in the error`);
            if (err.kind !== 'cancelled' && err.message.trim() === '') return lose(`${kind}: empty message`);
            assert.deepEqual(req, snapshot, 'the request is kept unchanged for retry');
            // Cancelling is quiet; images made but not saved get Save Again (and no paid Retry when
            // the failure was local); every other failure gets a message without the key and a Retry.
            const report = await showError(err);
            if (report?.message.includes(KEY)) return lose(`${kind}: key in the message shown`);
            if (err instanceof UnsavedImagesError) {
              if (!report?.actions.includes('Save Again')) return lose(`${kind}: unsaved images shown as ${JSON.stringify(report)}`);
              if (err.unsaved.local === report.actions.includes('Retry')) return lose(`${kind}: ${err.unsaved.local ? 'a paid Retry for a local failure' : 'no Retry'}: ${JSON.stringify(report)}`);
              pending.push(err.unsaved as UnsavedImages<SaveOutcome>);
              tally.failedCleanly++;
              return;
            }
            if (err.kind === 'cancelled' ? report !== undefined : !report?.actions.includes('Retry')) {
              return lose(`${kind}: ${err.kind} shown as ${JSON.stringify(report)}`);
            }
            tally.failedCleanly++;
            toRetry.push({ kind, req });
            return;
          } finally {
            clearTimeout(timer);
          }
          assert.deepEqual(req, snapshot, 'the request is kept unchanged');
          if (outcome.saved.length === 0) return lose(`${kind}: resolved without saving anything`);
          if (outcome.unsaved) pending.push(outcome.unsaved);
          tally.succeeded++;
        }));
        server.setFault({ mode: 'none' });
        if (mode.refusedBeforeSending) assert.equal(server.stats().apiRequests, apiBefore, 'a refused operation sent nothing');
        assert.deepEqual(await folderProblems(waveDir, before, KEY), [], `${mode.name}: output folder after wave ${first / WAVE + 1}`);

        // "Save Again": the fault gone (and the folders fixed), the same links are downloaded again
        // into the same folders, with no new API request, and everything is saved.
        for (const blocker of blockers) await rm(blocker);
        const apiAfterWave = server.stats().apiRequests;
        for (const unsaved of pending) {
          try {
            const again = await withWatchdog(unsaved.saveAgain());
            if (again.saved.length !== unsaved.count) lose(`Save Again saved ${again.saved.length} of ${unsaved.count}`);
          } catch (err) {
            lose(`Save Again failed: ${String(err)}`);
          }
        }
        assert.equal(server.stats().apiRequests, apiAfterWave, 'Save Again sent no API request');
        assert.deepEqual(await folderProblems(waveDir, before, KEY), [], `${mode.name}: output folder after saving wave ${first / WAVE + 1} again`);
        if (mode.folderLostAfterAnswer) {
          for (const dir of blockers) assert.deepEqual(await folderProblems(dir, new Map(), KEY), [], `${mode.name}: ${dir} after Save Again`);
          assert.ok((await readdir(`${waveDir}-ops`)).length > 0, 'the operations had folders of their own');
        }
      }

      // Clear the fault and send every failed request again, unchanged: it must now succeed.
      const retryDir = path.join(modeDir, 'retry');
      await mkdir(retryDir, { recursive: true });
      const retryClient = new IdeogramClient({ config: { ...providerDefaults('crazyrouter'), baseUrl: server.baseUrl }, getApiKey: () => Promise.resolve(KEY), onRequest: (entry) => log.push(entry) });
      for (const { kind, req } of toRetry) {
        try {
          const outcome = await withWatchdog(runOperation(retryClient, kind, req, input, retryDir));
          if (outcome.saved.length === 0) lose(`${kind}: retry saved nothing`);
        } catch (err) {
          lose(`${kind}: retry failed: ${String(err)}`);
        }
      }
      assert.deepEqual(await folderProblems(retryDir, new Map(), KEY), [], `${mode.name}: retry folder`);

      tallies.push(tally);
      assert.ok(log.length > 0, 'requests were logged');
      const leaking = log.filter((entry) => JSON.stringify(entry).includes(KEY));
      assert.equal(leaking.length, 0, `log lines with the key: ${JSON.stringify(leaking[0])}`);
      assert.equal(unhandled - unhandledBefore, 0, 'unhandled promise rejections');
      assert.equal(tally.lost, 0, `lost operations: ${tally.reasons.join(' | ')}`);
      assert.equal(tally.run, OPS);
      if (mode.refusedBeforeSending) assert.equal(tally.failedCleanly, OPS, 'every operation is refused before sending');
      else if (mode.kinds.length === 0) assert.equal(tally.succeeded, OPS, 'every operation succeeds in this mode');
      else assert.ok(tally.failedCleanly > 0, `the fault "${mode.name}" was really exercised`);
    });
  }
});

// As ImageService runs an operation: the folder check, the request, then the save.
async function runOperation(
  client: IdeogramClient, kind: OpKind, req: GenerateRequest | RemixRequest, input: string, dir: string, signal?: AbortSignal, afterAnswer?: () => Promise<void>,
): Promise<SaveOutcome> {
  await prepareFolder(dir);
  const result = kind === 'generate'
    ? await client.generate(req, signal)
    : await client.remix(req as RemixRequest, { kind: 'file', path: input }, signal);
  await afterAnswer?.();
  return saveResultToFolder(result, { operation: kind, request: { ...req }, dir, signal, client, secrets: [KEY] });
}
