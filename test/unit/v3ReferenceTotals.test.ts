// The Studio's reference slots add up their files against the request model's limits and say,
// before anything is sent, what the API would refuse.
import { strict as assert } from 'node:assert';
import { formatMegabytes, slotTotal, type ReferenceLimits } from '../../src/webview/v3/referenceTotals';

const MB = 1024 * 1024;
const LIMITS: ReferenceLimits = { maxReferenceBytesPerKind: 10 * MB, maxCharacterReferences: 1 };
const file = (name: string, megabytes: number) => ({ uri: `file:///w/${name}`, bytes: Math.round(megabytes * MB) });

describe('Studio 3.0 reference totals', () => {
  it('adds up a slot and shows it against the limit', () => {
    const total = slotTotal('style', [file('a.png', 3.5), file('b.png', 4)], [], LIMITS);
    assert.deepEqual({ ...total }, { bytes: Math.round(3.5 * MB) + 4 * MB, limitBytes: 10 * MB, count: 2 });
    assert.equal(formatMegabytes(total.bytes), '7.5 MB');
  });

  it('exactly the limit is allowed; a byte more is refused with both sizes named', () => {
    assert.equal(slotTotal('style', [{ uri: 'a', bytes: 10 * MB }], [], LIMITS).problem, undefined);
    assert.ok(slotTotal('style', [{ uri: 'a', bytes: 6 * MB }, { uri: 'b', bytes: 4 * MB + 1 }], [], LIMITS).problem);
    const over = slotTotal('style', [file('a.png', 6), file('b.png', 4.5)], [], LIMITS);
    assert.match(over.problem ?? '', /10\.5 MB in total is more than the 10\.0 MB the API takes/);
  });

  it('takes one character reference; a second is refused (style references have no count limit)', () => {
    assert.equal(slotTotal('character', [file('c.png', 1)], [], LIMITS).problem, undefined);
    assert.match(slotTotal('character', [file('c.png', 1), file('d.png', 1)], [], LIMITS).problem ?? '', /1 character reference/);
    assert.equal(slotTotal('style', Array.from({ length: 12 }, (_, i) => file(`${i}.png`, 0.1)), [], LIMITS).problem, undefined);
  });

  it('a character mask without its character reference is refused', () => {
    const mask = [file('mask.png', 0.2)];
    assert.match(slotTotal('characterMask', mask, [], LIMITS).problem ?? '', /needs its character reference/);
    assert.equal(slotTotal('characterMask', mask, [file('c.png', 1)], LIMITS).problem, undefined);
  });
});
