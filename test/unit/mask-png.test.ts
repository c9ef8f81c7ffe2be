import { strict as assert } from 'node:assert';
import { PNG } from 'pngjs';
import { MaskModel } from '../../src/webview/mask/core/model';
import { encodeMaskPng, maskFromRgba, type MaskPolarity } from '../../src/webview/mask/core/png';

/** A mask with a stroke, a rectangle and an edge-touching dot: nothing symmetric to hide a flip. */
function sampleMask(width: number, height: number): MaskModel {
  const model = new MaskModel(width, height);
  model.paintSegment({ x: width * 0.1, y: height * 0.2 }, { x: width * 0.7, y: height * 0.6 }, Math.max(1, width / 20), 1);
  model.commit();
  model.fillRect({ x: width * 0.6, y: 0 }, { x: width - 1, y: height * 0.3 }, 1);
  model.paintSegment({ x: 0, y: height - 1 }, { x: 0, y: height - 1 }, 1, 1);
  model.commit();
  return model;
}

async function decode(bytes: Uint8Array): Promise<PNG> {
  return new Promise((resolve, reject) => {
    new PNG({ checkCRC: true }).parse(Buffer.from(bytes), (err, png) => (err ? reject(err) : resolve(png)));
  });
}

describe('mask PNG export', () => {
  for (const [polarity, marked, unmarked] of [['black-edits', 0, 255], ['white-edits', 255, 0]] as [MaskPolarity, number, number][]) {
    it(`${polarity}: an 8-bit greyscale PNG of exactly the image size, marked pixels ${marked}, the rest ${unmarked}`, async () => {
      const [width, height] = [37, 23]; // odd sizes: row padding and width/height swaps would show
      const model = sampleMask(width, height);
      const bytes = await encodeMaskPng(model.data, width, height, polarity);
      const png = await decode(bytes);
      assert.equal(png.width, width);
      assert.equal(png.height, height);
      // IHDR: bit depth 8, colour type 0 (greyscale), not interlaced.
      assert.deepEqual([bytes[24], bytes[25], bytes[28]], [8, 0, 0]);
      for (let i = 0; i < width * height; i++) {
        const [r, g, b, a] = png.data.subarray(i * 4, i * 4 + 4);
        assert.equal(a, 255);
        assert.ok(r === g && g === b, `pixel ${i} is grey`);
        assert.equal(r, model.data[i] ? marked : unmarked, `pixel ${i % width},${Math.floor(i / width)}`);
      }
    });
  }

  it('exports a 1536×1536 mask at exactly 1536×1536, small enough to upload (well under the 10 MB limit)', async () => {
    const model = sampleMask(1536, 1536);
    const bytes = await encodeMaskPng(model.data, 1536, 1536, 'black-edits');
    const png = await decode(bytes);
    assert.equal(png.width, 1536);
    assert.equal(png.height, 1536);
    assert.ok(bytes.length < 200_000, `${bytes.length} bytes`);
    let black = 0;
    for (let i = 0; i < 1536 * 1536; i++) if (png.data[i * 4] === 0) black++;
    assert.equal(black, model.markedCount);
  });

  it('refuses a mask that does not match the size it is told', async () => {
    await assert.rejects(encodeMaskPng(new Uint8Array(10), 3, 3, 'black-edits'), RangeError);
  });
});

describe('mask PNG import (restoring a saved mask)', () => {
  it('reads back what it exported, under the same polarity, and the inverse under the other', async () => {
    const [width, height] = [29, 41];
    const model = sampleMask(width, height);
    for (const polarity of ['black-edits', 'white-edits'] as MaskPolarity[]) {
      const png = await decode(await encodeMaskPng(model.data, width, height, polarity));
      assert.deepEqual(Array.from(maskFromRgba(png.data, width, height, polarity)), Array.from(model.data));
      const other: MaskPolarity = polarity === 'black-edits' ? 'white-edits' : 'black-edits';
      assert.deepEqual(Array.from(maskFromRgba(png.data, width, height, other)), Array.from(model.data, (v) => 1 - v));
    }
  });

  it('snaps greys at half: darker than 128 is black; transparency counts as white', () => {
    const rgba = Uint8Array.from([
      127, 127, 127, 255, // dark grey → black
      128, 128, 128, 255, // mid grey → white
      255, 0, 0, 255, // red: luminance 76 → black
      0, 0, 0, 0, // transparent black → white
      0, 0, 0, 100, // mostly transparent black → white-ish (grey 156)
      0, 0, 0, 200, // mostly opaque black → dark (grey 55)
    ]);
    assert.deepEqual(Array.from(maskFromRgba(rgba, 6, 1, 'black-edits')), [1, 0, 1, 0, 0, 1]);
    assert.deepEqual(Array.from(maskFromRgba(rgba, 6, 1, 'white-edits')), [0, 1, 0, 1, 1, 0]);
  });

  it('refuses pixels that do not match the size', () => {
    assert.throws(() => maskFromRgba(new Uint8Array(12), 2, 2, 'black-edits'), RangeError);
  });
});
