// The results index against real files (src/gallery/resultsIndex.ts with the Node adapters):
// both sidecar layouts, what is ignored, missing images, the index file kept in storage and
// reused, reconciliation with changes made behind the index's back, and agreement with what the
// save pipeline writes (served by the local Ideogram-compatible server).
import { strict as assert } from 'node:assert';
import { readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { encodeIndex } from '../../src/gallery/indexFile';
import { IdeogramClient, InflightLimiter } from '../../src/ideogram';
import { providerDefaults } from '../../src/common/provider';
import { createNodeFileStorage } from '../../src/storage/node/nodeFileStorage';
import { redactText } from '../../src/common/redact';
import { saveImages } from '../../src/storage/savePipeline';
import { startMockServer, type MockServer } from '../../tools/mock-server';
import { createNodeIndexStore, indexFilePath } from '../../src/gallery/node/nodeIndexStore';
import { createNodeResultsIndex } from '../../src/gallery/node/openNodeResultsIndex';
import { queryAcross, type MergedPage } from '../../src/gallery/queryAcross';
import type { ResultsIndex } from '../../src/gallery/resultsIndex';
import { makeFolders, openIndex, ProbedAccess, sidecarText, writeResult } from './galleryFolder';

const ids = (index: ResultsIndex): string[] => index.query({ limit: 1000 }).entries.map((e) => e.id);

describe('gallery: results index on disk', () => {
  let output: string;
  let storage: string;
  let cleanup: () => Promise<void>;
  const opened: ResultsIndex[] = [];
  const track = (index: ResultsIndex): ResultsIndex => { opened.push(index); return index; };

  beforeEach(async () => { ({ output, storage, cleanup } = await makeFolders()); });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((index) => index.dispose()));
    await cleanup();
  });

  it('lists the results of both layouts newest first, with what the grid and the search need', async () => {
    await writeResult(output, { image: 'old.png', created: '2025-01-01T00:00:00Z', prompt: 'an old map' });
    await writeResult(output, { image: 'mid.png', layout: 'subfolder', created: '2025-01-02T00:00:00Z', prompt: 'a fox', negative: 'blur', returned: 'a fox, detailed', model: 'V_2A' });
    await writeResult(output, { image: 'new.png', created: '2025-01-03T00:00:00Z', operation: 'upscale', sourceImage: 'assets/ideogram/mid.png', withImage: false });
    const index = track(openIndex(output, storage));
    const outcome = await index.open();
    assert.equal(outcome.restored, false);
    assert.deepEqual(ids(index), ['new.json', '.ideogram/mid.json', 'old.json']);
    assert.equal(index.size, 3);
    const mid = index.get('.ideogram/mid.json');
    assert.ok(mid);
    assert.deepEqual({ ...mid, stamp: undefined }, {
      id: '.ideogram/mid.json', image: 'mid.png', operation: 'generate', model: 'V_2A', prompt: 'a fox', negativePrompt: 'blur',
      returnedPrompt: 'a fox, detailed', createdAt: Date.parse('2025-01-02T00:00:00Z'), seed: 5, width: 1024, height: 1024,
      sourceImage: undefined, stamp: undefined, missingImage: false,
    });
    assert.equal(mid.stamp.size, Buffer.byteLength(sidecarText({ image: 'mid.png', layout: 'subfolder', created: '2025-01-02T00:00:00Z', prompt: 'a fox', negative: 'blur', returned: 'a fox, detailed', model: 'V_2A' })));
    const upscale = index.get('new.json');
    assert.ok(upscale);
    assert.equal(upscale.missingImage, true, 'a sidecar without its image is flagged, not dropped');
    assert.equal(upscale.sourceImage, 'assets/ideogram/mid.png');
    assert.deepEqual(index.facets(), {
      operations: [{ value: 'generate', count: 2 }, { value: 'upscale', count: 1 }],
      models: [{ value: 'V_2', count: 2 }, { value: 'V_2A', count: 1 }],
    });
    // The full sidecar is read on demand.
    assert.deepEqual((await index.readSidecar('.ideogram/mid.json'))?.parameters, { prompt: 'a fox', negative_prompt: 'blur', model: 'V_2A', seed: 5 });
  });

  it('ignores JSON files that are not sidecars, corrupted ones, dot files, temporary files and deeper folders', async () => {
    await writeResult(output, { image: 'real.png' });
    await writeFile(path.join(output, 'package.json'), '{"name":"not-a-sidecar","version":"1.0.0"}');
    await writeFile(path.join(output, 'broken.json'), '{"operation":"generate","prompt":');
    await writeFile(path.join(output, 'array.json'), '[1,2,3]');
    await writeFile(path.join(output, '.hidden.json'), sidecarText({ image: 'hidden.png' }));
    await writeFile(path.join(output, '.real2.json.part-abc123'), sidecarText({ image: 'real2.png' }));
    await writeResult(path.join(output, 'nested'), { image: 'deep.png' });
    await writeResult(path.join(output, '.ideogram', 'deeper'), { image: 'deeper.png' });
    await writeFile(path.join(output, 'huge.json'), `{"pad":"${'x'.repeat(1024 * 1024)}"}`);
    const access = new ProbedAccess(output);
    const errors: unknown[] = [];
    const index = track(openIndex(output, storage, access, errors));
    await index.open();
    assert.deepEqual(ids(index), ['real.json']);
    assert.deepEqual(errors, []);
    await index.flush();
    // Remembered as not-sidecars: a reopen reads none of them again.
    access.reads.length = 0;
    const again = track(openIndex(output, storage, access, errors));
    await (await again.open()).reconciled;
    assert.deepEqual(ids(again), ['real.json']);
    assert.deepEqual(access.reads, []);
  });

  it('keeps its file in the storage folder, never in the workspace, and reopens from it without reading a sidecar', async () => {
    for (let i = 0; i < 30; i++) await writeResult(output, { image: `r${i}.png`, layout: i % 3 ? 'beside' : 'subfolder', created: new Date(Date.UTC(2025, 0, 1, 0, i % 7)).toISOString() });
    const workspaceBefore = (await readdir(path.dirname(path.dirname(output)), { recursive: true })).sort();
    const first = track(createNodeResultsIndex({ outputFolder: output, storageDir: storage }));
    await first.open();
    const page = first.query({ limit: 1000 });
    await first.dispose();
    assert.deepEqual(await readdir(storage), [path.basename(indexFilePath(storage, output))]);
    assert.deepEqual((await readdir(path.dirname(path.dirname(output)), { recursive: true })).sort(), workspaceBefore);

    const access = new ProbedAccess(output);
    const second = track(openIndex(output, storage, access));
    const outcome = await second.open();
    assert.equal(outcome.restored, true);
    assert.deepEqual(second.query({ limit: 1000 }), page, 'the same entries, in the same order, before reconciling');
    await outcome.reconciled;
    assert.deepEqual(access.reads, [], 'nothing changed, so no sidecar is read');
    assert.deepEqual(second.query({ limit: 1000 }), page);
  });

  it('reconciles with adds, deletes, renames and edits made while it was closed, reading only what changed', async () => {
    const keep = await writeResult(output, { image: 'keep.png', created: '2025-01-01T00:00:00Z' });
    const gone = await writeResult(output, { image: 'gone.png', created: '2025-01-02T00:00:00Z' });
    const moved = await writeResult(output, { image: 'moved.png', created: '2025-01-03T00:00:00Z' });
    const edited = await writeResult(output, { image: 'edited.png', created: '2025-01-04T00:00:00Z', prompt: 'before' });
    const lost = await writeResult(output, { image: 'lost.png', created: '2025-01-05T00:00:00Z' });
    const back = await writeResult(output, { image: 'back.png', created: '2025-01-06T00:00:00Z', withImage: false });
    const first = openIndex(output, storage);
    await first.open();
    assert.equal(first.get('back.json')?.missingImage, true);
    await first.dispose();

    await writeResult(output, { image: 'added.png', layout: 'subfolder', created: '2025-01-07T00:00:00Z' });
    await unlink(gone.sidecar);
    await unlink(gone.image);
    await rename(moved.sidecar, path.join(output, 'renamed.json'));
    await writeFile(edited.sidecar, sidecarText({ image: 'edited.png', created: '2025-01-04T00:00:00Z', prompt: 'after the edit, longer' }));
    await unlink(lost.image);
    await writeFile(back.image, 'PNG!');

    const access = new ProbedAccess(output);
    const second = track(openIndex(output, storage, access));
    const outcome = await second.open();
    assert.equal(outcome.restored, true);
    await outcome.reconciled;
    assert.deepEqual(ids(second), ['.ideogram/added.json', 'back.json', 'lost.json', 'edited.json', 'renamed.json', 'keep.json']);
    assert.deepEqual(access.reads.sort(), ['.ideogram/added.json', 'edited.json', 'renamed.json']);
    assert.equal(second.get('edited.json')?.prompt, 'after the edit, longer');
    assert.equal(second.get('renamed.json')?.image, 'moved.png', 'a renamed sidecar still names its image');
    assert.equal(second.get('renamed.json')?.missingImage, false);
    assert.equal(second.get('lost.json')?.missingImage, true);
    assert.equal(second.get('back.json')?.missingImage, false);
    assert.equal(second.get(keep.id)?.missingImage, false);
  });

  it('rebuilds from the folder when the index file is from another version, another folder, or unreadable', async () => {
    await writeResult(output, { image: 'a.png', created: '2025-01-01T00:00:00Z' });
    await writeResult(output, { image: 'b.png', created: '2025-01-02T00:00:00Z' });
    const store = createNodeIndexStore(storage, output);
    const stale = (version: number, folder: string): unknown => ({ ...(encodeIndex(folder, { entries: [], ignored: new Map() }) as object), version });
    const cases: [string, () => Promise<void>, boolean][] = [
      ['older schema version', () => store.save(stale(0, output)), false],
      ['another output folder', () => store.save(stale(1, '/elsewhere')), false],
      ['a row of the wrong shape', () => store.save({ ...(encodeIndex(output, { entries: [], ignored: new Map() }) as object), entries: [['x.json', 1]] }), false],
      ['bytes that are not an index', () => writeFile(indexFilePath(storage, output), 'garbage, not v8'), true],
    ];
    for (const [label, prepare, reported] of cases) {
      await prepare();
      const errors: unknown[] = [];
      const index = openIndex(output, storage, undefined, errors);
      const outcome = await index.open();
      assert.equal(outcome.restored, false, label);
      assert.deepEqual(ids(index), ['b.json', 'a.json'], label);
      assert.equal(errors.length, reported ? 1 : 0, `${label}: ${String(errors[0])}`);
      await index.dispose();
    }
    // The rebuilt index was saved in the current format and is used next time.
    const index = track(openIndex(output, storage));
    assert.equal((await index.open()).restored, true);
    assert.equal((v8.deserialize(await readFile(indexFilePath(storage, output))) as { version: number }).version, 1);
  });

  it('empties when the output folder is deleted, and finds results again when it comes back', async () => {
    await writeResult(output, { image: 'a.png' });
    const index = track(openIndex(output, storage));
    await index.open();
    await rm(output, { recursive: true });
    await index.reconcile();
    assert.equal(index.size, 0);
    await writeResult(output, { image: 'b.png' });
    await index.reconcile();
    assert.deepEqual(ids(index), ['b.json']);
  });
});

describe('gallery: results index of what the extension saves', () => {
  const KEY = 'sk-gallery-SECRET-41c2';
  let server: MockServer;
  let output: string;
  let storage: string;
  let cleanup: () => Promise<void>;

  before(async () => { server = await startMockServer({ key: KEY }); });
  after(() => server.close());
  beforeEach(async () => { ({ output, storage, cleanup } = await makeFolders()); });
  afterEach(() => cleanup());

  it('indexes the images and sidecars written by the save pipeline, live and after a reopen', async () => {
    const client = new IdeogramClient({
      config: { ...providerDefaults('crazyrouter'), baseUrl: server.baseUrl }, getApiKey: () => Promise.resolve(KEY), maxRetries: 0, limiter: new InflightLimiter(4),
    });
    const index = openIndex(output, storage);
    await index.open();
    const request = { prompt: 'three paper boats', num_images: 3, seed: 21, model: 'V_2' as const };
    const outcome = await saveImages({
      operation: 'generate', request: { ...request }, result: await client.generate(request), storage: createNodeFileStorage(output),
      fileNameTemplate: 'boats', provider: 'crazyrouter', extensionVersion: 'test', dispatcher: client.dispatcher,
      redact: (text) => redactText(text, [KEY]),
    });
    for (const saved of outcome.saved) await index.applyChange(saved.sidecarLocation, 'created');
    const live = index.query({ text: 'boats' });
    assert.equal(live.total, 3);
    assert.deepEqual(live.entries.map((e) => e.image), ['boats.png', 'boats-1.png', 'boats-2.png']);
    assert.ok(live.entries.every((e) => !e.missingImage && e.model === 'V_2' && e.prompt === 'three paper boats'));
    await index.dispose();
    const reopened = openIndex(output, storage);
    await (await reopened.open()).reconciled;
    assert.deepEqual(reopened.query({ text: 'boats' }), live);
    await reopened.dispose();
  });
});

describe('gallery: several output folders as one list', () => {
  it('merges pages of several indexes newest first, with the total of all, ties in the order of the folders', async () => {
    const a = await makeFolders();
    const b = await makeFolders();
    try {
      const day = (d: number): string => new Date(Date.UTC(2025, 0, d)).toISOString();
      for (const d of [1, 3, 5, 7]) await writeResult(a.output, { image: `a${d}.png`, created: day(d), prompt: d === 5 ? 'fox' : 'boat' });
      for (const d of [2, 3, 6]) await writeResult(b.output, { image: `b${d}.png`, created: day(d), prompt: 'fox' });
      await writeResult(b.output, { image: 'a3.png', created: day(3) }); // same id and time as in folder a
      const first = openIndex(a.output, a.storage);
      const second = openIndex(b.output, b.storage);
      await first.open();
      await second.open();
      const sources = [{ key: 'A', index: first }, { key: 'B', index: second }];
      const flat = (page: MergedPage<string>): string[] => page.entries.map((e) => `${e.key}:${e.entry.id}`);
      const all = queryAcross(sources, { limit: 100 });
      assert.equal(all.total, 8);
      assert.deepEqual(flat(all), ['A:a7.json', 'B:b6.json', 'A:a5.json', 'A:a3.json', 'B:a3.json', 'B:b3.json', 'B:b2.json', 'A:a1.json']);
      // Every page is the matching slice of the whole list.
      for (const [offset, limit] of [[0, 3], [3, 3], [6, 3], [2, 4], [8, 2]]) {
        assert.deepEqual(flat(queryAcross(sources, { offset, limit })), flat(all).slice(offset, offset + limit), `offset ${offset}, limit ${limit}`);
      }
      const foxes = queryAcross(sources, { text: 'fox', limit: 2 });
      assert.deepEqual({ ids: flat(foxes), total: foxes.total }, { ids: ['B:b6.json', 'A:a5.json'], total: 4 });
      await first.dispose();
      await second.dispose();
    } finally {
      await a.cleanup();
      await b.cleanup();
    }
  });
});
