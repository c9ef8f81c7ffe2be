// The gallery's order, search, filters and paging (src/gallery/galleryQuery.ts, sortedEntries.ts)
// over entries derived from sidecars built by the extension's own buildSidecar.
import { strict as assert } from 'node:assert';
import { entryFromSidecar, newestFirst, type GalleryEntry } from '../../src/gallery/galleryEntry';
import { matchingEntries, pageOf, type GalleryQuery } from '../../src/gallery/galleryQuery';
import { SortedEntries } from '../../src/gallery/sortedEntries';
import { buildSidecar, type ImageOperation } from '../../src/common/sidecar';

interface Fields { created: string; prompt?: string; negative?: string; returned?: string; model?: string; operation?: ImageOperation; missing?: boolean }

function entry(image: string, f: Fields): GalleryEntry {
  const sidecar = buildSidecar({
    operation: f.operation ?? 'generate',
    request: { prompt: f.prompt ?? 'a lighthouse', negative_prompt: f.negative, model: 'model' in f ? f.model : 'V_2' },
    image: { prompt: f.returned, seed: 7, is_image_safe: true },
    provider: 'ideogram', extensionVersion: 'test', file: image, now: new Date(f.created), size: { width: 64, height: 32 },
  });
  return entryFromSidecar(image.replace(/\.[^.]+$/, '.json'), sidecar, { mtimeMs: 1, size: 2 }, !f.missing);
}

function sortedOf(entries: GalleryEntry[]): SortedEntries {
  const sorted = new SortedEntries();
  sorted.reset([...entries]);
  return sorted;
}

const ids = (list: readonly GalleryEntry[]): string[] => list.map((e) => e.id);
const run = (sorted: SortedEntries, query: GalleryQuery) => pageOf(matchingEntries(sorted, query), query);

describe('gallery: order, search, filters, paging', () => {
  it('derives the entry from the sidecar: only what the grid and search need', () => {
    const e = entry('fox.png', { created: '2025-02-03T04:05:06.789Z', prompt: 'a fox', negative: 'blur', returned: 'a fox in snow', model: 'V_2A' });
    assert.deepEqual(e, {
      id: 'fox.json', image: 'fox.png', operation: 'generate', model: 'V_2A', prompt: 'a fox', negativePrompt: 'blur', returnedPrompt: 'a fox in snow',
      createdAt: Date.parse('2025-02-03T04:05:06.789Z'), seed: 7, width: 64, height: 32, sourceImage: undefined, stamp: { mtimeMs: 1, size: 2 }, missingImage: false,
    });
    // A returned prompt equal to the prompt is not kept twice.
    assert.equal(entry('same.png', { created: '2025-01-01T00:00:00Z', prompt: 'p', returned: 'p' }).returnedPrompt, undefined);
  });

  it('orders newest first, and the images of one request by name with numbers by value', () => {
    const t = '2025-01-01T10:00:00.000Z';
    const list = [entry('shot-10.png', { created: t }), entry('older.png', { created: '2024-12-31T23:59:59.999Z' }), entry('shot-2.png', { created: t }),
      entry('shot.png', { created: t }), entry('newer.png', { created: '2025-01-01T10:00:00.001Z' }), entry('shot-1.png', { created: t })];
    assert.deepEqual(ids(sortedOf(list).all), ['newer.json', 'shot.json', 'shot-1.json', 'shot-2.json', 'shot-10.json', 'older.json']);
    // A total order: any input order gives the same result.
    assert.deepEqual(ids(sortedOf([...list].reverse()).all), ids(sortedOf(list).all));
  });

  it('keeps the order through inserts, removals and replacements as a full sort would', () => {
    let state = 42;
    const random = (n: number): number => { state = (state * 1103515245 + 12345) % 2147483648; return state % n; };
    const sorted = new SortedEntries();
    const live = new Map<string, GalleryEntry>();
    for (let step = 0; step < 600; step++) {
      const id = `r${random(80)}.png`;
      // Few distinct times, so ties are common.
      const next = entry(id, { created: new Date(Date.UTC(2025, 0, 1, 0, random(6))).toISOString() });
      const previous = live.get(next.id);
      const action = random(3);
      if (!previous) { sorted.insert(next); live.set(next.id, next); }
      else if (action === 0) { assert.ok(sorted.remove(previous)); live.delete(next.id); }
      else { sorted.replace(previous, next); live.set(next.id, next); }
      if (step % 50 === 0) assert.deepEqual(ids(sorted.all), ids([...live.values()].sort(newestFirst)), `step ${step}`);
    }
    assert.deepEqual(ids(sorted.all), ids([...live.values()].sort(newestFirst)));
    assert.equal(sorted.remove(entry('never-added.png', { created: '2025-01-01T00:00:00Z' })), false);
  });

  const library = [
    entry('fox-snow.png', { created: '2025-03-05T00:00:00Z', prompt: 'A red FOX curled up', returned: 'A red fox curled up in fresh snow, soft light', model: 'V_2' }),
    entry('fox-field.png', { created: '2025-03-04T00:00:00Z', prompt: 'a fox in a field', negative: 'snow, blur', model: 'V_2A_TURBO', operation: 'remix' }),
    entry('été.png', { created: '2025-03-03T00:00:00Z', prompt: 'Une plage en ÉTÉ (draft) c++', model: 'V_1' }),
    entry('upscaled.png', { created: '2025-03-02T00:00:00Z', prompt: '', model: undefined, operation: 'upscale', missing: true }),
    entry('boat.png', { created: '2025-03-01T00:00:00Z', prompt: 'a paper boat', model: 'V_2' }),
  ];
  const sorted = sortedOf(library);

  it('searches prompt, negative prompt, returned prompt, model and file name; every word must match, in any case', () => {
    assert.deepEqual(ids(run(sorted, { text: 'fox' }).entries), ['fox-snow.json', 'fox-field.json']);
    assert.deepEqual(ids(run(sorted, { text: 'fox SNOW' }).entries), ['fox-snow.json', 'fox-field.json'], 'returned prompt and negative prompt');
    assert.deepEqual(ids(run(sorted, { text: 'fox soft' }).entries), ['fox-snow.json'], 'returned prompt only');
    assert.deepEqual(ids(run(sorted, { text: 'v_2a_turbo' }).entries), ['fox-field.json'], 'model');
    assert.deepEqual(ids(run(sorted, { text: 'upscaled' }).entries), ['upscaled.json'], 'file name');
    assert.deepEqual(ids(run(sorted, { text: '  été   ' }).entries), ['été.json'], 'non-ASCII, any case, extra spaces');
    assert.deepEqual(ids(run(sorted, { text: '(draft) c++' }).entries), ['été.json'], 'punctuation is literal text');
    assert.deepEqual(ids(run(sorted, { text: 'fox whale' }).entries), []);
    assert.equal(run(sorted, { text: '' }).total, library.length);
  });

  it('filters by operation, model, date range and missing image, combined with the words', () => {
    assert.deepEqual(ids(run(sorted, { operations: ['remix', 'upscale'] }).entries), ['fox-field.json', 'upscaled.json']);
    assert.deepEqual(ids(run(sorted, { models: ['V_2'] }).entries), ['fox-snow.json', 'boat.json']);
    assert.deepEqual(ids(run(sorted, { models: ['V_2'], text: 'boat' }).entries), ['boat.json']);
    // From inclusive, before exclusive.
    assert.deepEqual(ids(run(sorted, { createdFrom: Date.parse('2025-03-02T00:00:00Z'), createdBefore: Date.parse('2025-03-04T00:00:00Z') }).entries), ['été.json', 'upscaled.json']);
    assert.deepEqual(ids(run(sorted, { createdFrom: Date.parse('2025-03-04T00:00:00Z') }).entries), ['fox-snow.json', 'fox-field.json']);
    assert.deepEqual(ids(run(sorted, { createdBefore: Date.parse('2025-03-01T00:00:00Z') }).entries), []);
    assert.deepEqual(ids(run(sorted, { missingImage: true }).entries), ['upscaled.json']);
    assert.equal(run(sorted, { missingImage: false }).total, 4);
  });

  it('pages newest first with the total of all matches', () => {
    assert.deepEqual(run(sorted, { offset: 0, limit: 2 }), { entries: library.slice(0, 2), total: 5 });
    assert.deepEqual(run(sorted, { offset: 2, limit: 2 }), { entries: library.slice(2, 4), total: 5 });
    assert.deepEqual(run(sorted, { offset: 4, limit: 2 }), { entries: library.slice(4), total: 5 });
    assert.deepEqual(run(sorted, { offset: 9, limit: 2 }), { entries: [], total: 5 });
    assert.deepEqual(run(sorted, { offset: -3, limit: 1 }), { entries: library.slice(0, 1), total: 5 });
    assert.deepEqual(run(sorted, { text: 'fox', offset: 1, limit: 0 }), { entries: [], total: 2 });
    assert.equal(run(sorted, {}).entries.length, 5, 'default page size covers a small library');
  });
});
