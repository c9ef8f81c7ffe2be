// Live updates of the results index (applyChange, as the file-system watcher adapter will call it),
// against real files: new results are queryable as soon as applyChange resolves, subscribers hear
// of every change, and events that arrive while a reconcile or another read is pending win over
// that older reading.
import { strict as assert } from 'node:assert';
import { mkdir, rename, rm, unlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { FolderAccess, IndexStore } from '../../src/gallery/folderAccess';
import { createNodeIndexStore } from '../../src/gallery/node/nodeIndexStore';
import { ResultsIndex, type GalleryChange } from '../../src/gallery/resultsIndex';
import { makeFolders, openIndex, ProbedAccess, sidecarText, writeResult } from './galleryFolder';

const ids = (index: ResultsIndex, query = {}): string[] => index.query({ limit: 1000, ...query }).entries.map((e) => e.id);
const summary = (c: GalleryChange): Record<string, string[]> => Object.fromEntries(Object.entries(c).map(([k, list]) => [k, (list as { id: string }[]).map((e) => e.id)]));

describe('gallery: live updates', () => {
  let output: string;
  let storage: string;
  let cleanup: () => Promise<void>;
  let index: ResultsIndex;
  let access: ProbedAccess;
  let changes: GalleryChange[];

  beforeEach(async () => {
    ({ output, storage, cleanup } = await makeFolders());
    await writeResult(output, { image: 'first.png', created: '2025-01-01T00:00:00Z', prompt: 'a lighthouse' });
    access = new ProbedAccess(output);
    index = openIndex(output, storage, access);
    await index.open();
    changes = [];
    index.onDidChange((change) => changes.push(change));
  });
  afterEach(async () => {
    await index.dispose();
    await cleanup();
  });

  it('shows a new result as soon as its sidecar event is applied (image first, as the save pipeline writes)', async () => {
    // Cached match list of a search, to be sure a change invalidates it.
    assert.deepEqual(ids(index, { text: 'fox' }), []);
    const result = await writeResult(output, { image: 'fox.png', created: '2025-02-01T00:00:00Z', prompt: 'a red fox' });
    await index.applyChange(result.image, 'created');
    assert.equal(changes.length, 0, 'an image without a sidecar is not a result (yet)');
    await index.applyChange(result.sidecar, 'created');
    assert.deepEqual(ids(index, { text: 'fox' }), ['fox.json']);
    assert.deepEqual(ids(index), ['fox.json', 'first.json']);
    assert.equal(index.get('fox.json')?.missingImage, false);
    assert.deepEqual(changes.map(summary), [{ added: ['fox.json'], removed: [], updated: [], imageChanged: [] }]);
  });

  it('works for the .ideogram/ layout and ignores the temporary file of an atomic write', async () => {
    const temp = path.join(output, '.ideogram', '.sub.json.part-x1');
    const result = await writeResult(output, { image: 'sub.png', layout: 'subfolder', created: '2025-02-01T00:00:00Z' });
    await writeFile(temp, sidecarText({ image: 'sub.png' }));
    await index.applyChange(temp, 'created');
    await index.applyChange(result.sidecar, 'created');
    assert.deepEqual(ids(index), ['.ideogram/sub.json', 'first.json']);
    await rm(path.join(output, '.ideogram'), { recursive: true });
    await index.applyChange(path.join(output, '.ideogram'), 'deleted');
    assert.deepEqual(ids(index), ['first.json'], 'deleting the sidecar folder removes its results');
  });

  it('flags an image deleted by hand as missing, clears the flag when it is back, and reports a rewritten image', async () => {
    const image = path.join(output, 'first.png');
    await unlink(image);
    await index.applyChange(image, 'deleted');
    assert.equal(index.get('first.json')?.missingImage, true);
    assert.deepEqual(ids(index, { missingImage: true }), ['first.json']);
    await writeFile(image, 'PNG again');
    await index.applyChange(image, 'created');
    assert.equal(index.get('first.json')?.missingImage, false);
    await writeFile(image, 'PNG edited');
    await index.applyChange(image, 'changed');
    assert.deepEqual(changes.map(summary), [
      { added: [], removed: [], updated: ['first.json'], imageChanged: [] },
      { added: [], removed: [], updated: ['first.json'], imageChanged: [] },
      { added: [], removed: [], updated: [], imageChanged: ['first.json'] },
    ]);
  });

  it('updates an edited sidecar, removes a deleted one, follows a rename, and ignores paths outside the folder', async () => {
    const sidecar = path.join(output, 'first.json');
    await writeFile(sidecar, sidecarText({ image: 'first.png', created: '2025-01-01T00:00:00Z', prompt: 'a lighthouse in fog' }));
    await index.applyChange(sidecar, 'changed');
    assert.equal(index.get('first.json')?.prompt, 'a lighthouse in fog');
    // A watcher repeating itself: same stamp, nothing to do.
    await index.applyChange(sidecar, 'changed');
    const renamed = path.join(output, 'lighthouse.json');
    await rename(sidecar, renamed);
    await index.applyChange(sidecar, 'deleted');
    await index.applyChange(renamed, 'created');
    assert.deepEqual(ids(index), ['lighthouse.json']);
    await index.applyChange(path.join(output, '..', 'first.json'), 'deleted');
    await index.applyChange(path.join(output, 'nested', 'lighthouse.json'), 'deleted');
    assert.deepEqual(ids(index), ['lighthouse.json']);
    await unlink(renamed);
    await index.applyChange(renamed, 'deleted');
    assert.deepEqual(ids(index), []);
    assert.deepEqual(changes.map(summary), [
      { added: [], removed: [], updated: ['first.json'], imageChanged: [] },
      { added: [], removed: ['first.json'], updated: [], imageChanged: [] },
      { added: ['lighthouse.json'], removed: [], updated: [], imageChanged: [] },
      { added: [], removed: ['lighthouse.json'], updated: [], imageChanged: [] },
    ]);
  });

  it('follows the image of sidecars renamed or copied by hand', async () => {
    const image = path.join(output, 'first.png');
    const renamed = path.join(output, 'renamed.json');
    await rename(path.join(output, 'first.json'), renamed);
    await index.applyChange(path.join(output, 'first.json'), 'deleted');
    await index.applyChange(renamed, 'created');
    await unlink(image);
    await index.applyChange(image, 'deleted');
    assert.equal(index.get('renamed.json')?.missingImage, true);
    // A copy made after the first image event is followed too.
    const copy = path.join(output, '.ideogram', 'copy.json');
    await mkdir(path.dirname(copy), { recursive: true });
    await writeFile(copy, sidecarText({ image: 'first.png' }));
    await index.applyChange(copy, 'created');
    assert.equal(index.get('.ideogram/copy.json')?.missingImage, true);
    await writeFile(image, 'PNG back');
    await index.applyChange(image, 'created');
    assert.deepEqual(ids(index, { missingImage: false }), ['.ideogram/copy.json', 'renamed.json']);
  });

  it('turns a sidecar rewritten as something else into an ignored file, and back', async () => {
    const sidecar = path.join(output, 'first.json');
    await writeFile(sidecar, '{"not":"a sidecar any more"}');
    await index.applyChange(sidecar, 'changed');
    assert.deepEqual(ids(index), []);
    await writeFile(sidecar, sidecarText({ image: 'first.png', prompt: 'restored' }));
    await index.applyChange(sidecar, 'changed');
    assert.equal(index.get('first.json')?.prompt, 'restored');
  });

  it('lets events that arrive during a reconcile win over its older listing', async () => {
    const doomed = await writeResult(output, { image: 'doomed.png', created: '2025-01-02T00:00:00Z' });
    const losing = await writeResult(output, { image: 'losing.png', created: '2025-01-03T00:00:00Z' });
    // The reconcile lists and stats the folder (doomed, losing and its image are there), then waits.
    const gate = access.hold('stampAll');
    const reconciled = index.reconcile();
    await gate.reached;
    const late = await writeResult(output, { image: 'late.png', created: '2025-01-04T00:00:00Z' });
    await index.applyChange(late.sidecar, 'created');
    assert.ok(index.get('late.json'), 'queryable while the reconcile is still running');
    await unlink(doomed.sidecar);
    await index.applyChange(doomed.sidecar, 'deleted');
    await unlink(losing.image);
    await index.applyChange(losing.image, 'deleted');
    gate.release();
    await reconciled;
    assert.deepEqual(ids(index), ['late.json', 'losing.json', 'first.json']);
    assert.equal(index.get('losing.json')?.missingImage, true, 'the live deletion beats the listing that still had the image');
  });

  it('lets the last event for a sidecar win when an earlier read is still pending', async () => {
    const result = await writeResult(output, { image: 'brief.png', created: '2025-01-02T00:00:00Z' });
    // The read of the created sidecar succeeds, and its result arrives after the deletion.
    const gate = access.hold('readAll');
    const created = index.applyChange(result.sidecar, 'created');
    await gate.reached;
    await unlink(result.sidecar);
    await index.applyChange(result.sidecar, 'deleted');
    gate.release();
    await created;
    assert.deepEqual(ids(index), ['first.json']);
    assert.equal(index.get('brief.json'), undefined);
  });

  it('shares one follow-up run among reconcile calls made while one runs, which sees the latest files', async () => {
    const gate = access.hold('list');
    const runs = [index.reconcile()];
    await gate.reached;
    runs.push(index.reconcile(), index.reconcile());
    assert.equal(runs[1], runs[2], 'calls during a run share one follow-up');
    await writeResult(output, { image: 'meanwhile.png', created: '2025-01-05T00:00:00Z' });
    gate.release();
    await Promise.all(runs);
    assert.deepEqual(ids(index), ['meanwhile.json', 'first.json']);
  });

  it('tells every subscriber, keeps going when one throws, and stops telling one that unsubscribed', async () => {
    const errors: unknown[] = [];
    const own = openIndex(output, storage, access, errors);
    await own.open();
    const heard: string[] = [];
    own.onDidChange(() => { throw new Error('listener bug'); });
    const subscription = own.onDidChange((c) => heard.push(...c.added.map((e) => e.id)));
    const one = await writeResult(output, { image: 'one.png' });
    await own.applyChange(one.sidecar, 'created');
    subscription.dispose();
    const two = await writeResult(output, { image: 'two.png' });
    await own.applyChange(two.sidecar, 'created');
    assert.deepEqual(heard, ['one.json']);
    assert.equal(errors.length, 2);
    assert.ok(own.get('two.json'));
    await own.dispose();
  });
});

describe('gallery: live updates around open', () => {
  let output: string;
  let storage: string;
  let cleanup: () => Promise<void>;

  beforeEach(async () => { ({ output, storage, cleanup } = await makeFolders()); });
  afterEach(() => cleanup());

  it('lets events that arrive while the index file loads win over the file, without duplicates', async () => {
    const kept = await writeResult(output, { image: 'kept.png', created: '2025-01-01T00:00:00Z' });
    const doomed = await writeResult(output, { image: 'doomed.png', created: '2025-01-02T00:00:00Z' });
    const first = openIndex(output, storage);
    await first.open();
    await first.dispose(); // the index file now lists kept and doomed, both with their images

    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const inner = createNodeIndexStore(storage, output);
    const store: IndexStore = { load: async () => { const data = await inner.load(); await gate; return data; }, save: (data) => inner.save(data) };
    const index = new ResultsIndex({ folder: new ProbedAccess(output), store, folderId: output, saveDelayMs: 60_000 });
    const opening = index.open();
    assert.equal(index.open(), opening, 'a second open shares the first');
    const late = await writeResult(output, { image: 'late.png', created: '2025-01-03T00:00:00Z' });
    await index.applyChange(late.sidecar, 'created');
    await unlink(doomed.sidecar);
    await index.applyChange(doomed.sidecar, 'deleted');
    await unlink(kept.image);
    await index.applyChange(kept.image, 'deleted');
    // The sidecar event of 'late' arrives a second time (watchers repeat themselves).
    await index.applyChange(late.sidecar, 'created');
    release();
    const outcome = await opening;
    assert.equal(outcome.restored, true);
    assert.deepEqual(ids(index), ['late.json', 'kept.json'], 'as the events said, before any reconcile');
    assert.equal(index.get('kept.json')?.missingImage, true);
    await outcome.reconciled;
    assert.deepEqual(ids(index), ['late.json', 'kept.json']);
    await index.dispose();
  });

  it('never rejects from applyChange: a failing read goes to onError', async () => {
    const result = await writeResult(output, { image: 'a.png' });
    const errors: unknown[] = [];
    const access = new ProbedAccess(output);
    const failing: FolderAccess = { ...access.inner, readAll: () => Promise.reject(new Error('disk on fire')), relativePath: (p) => access.relativePath(p) };
    const index = openIndex(output, storage, failing, errors);
    await index.applyChange(result.sidecar, 'created');
    assert.deepEqual(errors.map(String), ['Error: disk on fire']);
    assert.equal(index.size, 0);
    await index.dispose();
  });
});
