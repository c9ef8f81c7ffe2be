// uprightImage: a photo whose EXIF tag turns it must reach an API turned, so the mask painted over
// the picture the Studio shows (browsers apply the tag) has the same shape as the image sent.
// Sizes are read with the project's own header reader, pixels with pngjs, never with sharp.
import { strict as assert } from 'node:assert';
import { PNG } from 'pngjs';
import { ImageOpsError, uprightImage } from '../../src/imageOps';
import { readImageSize } from '../../src/common/imageSize';
import { sharpModule } from '../../src/imageOps/engine';
import { useWasmSharp } from '../support/wasmSharp';

/** A 40×20 picture, red on the left half and blue on the right. */
function redBluePng(): Buffer {
  const image = new PNG({ width: 40, height: 20 });
  for (let y = 0; y < 20; y++) {
    for (let x = 0; x < 40; x++) image.data.set(x < 20 ? [255, 0, 0, 255] : [0, 0, 255, 255], (y * 40 + x) * 4);
  }
  return PNG.sync.write(image);
}

describe('imageOps uprightImage (EXIF orientation before a masked upload)', function () {
  this.timeout(60_000);
  before(useWasmSharp);

  // Tagging is the one thing sharp does here (loaded after useWasmSharp, as the extension loads it).
  const tag = (format: 'png' | 'jpeg') => sharpModule()(redBluePng())[format]().withMetadata({ orientation: 6 }).toBuffer();

  it('turns a JPEG tagged "rotate 90° clockwise" (orientation 6) into a JPEG of the upright, swapped size', async () => {
    const tagged = await tag('jpeg');
    assert.deepEqual(readImageSize(tagged), { width: 40, height: 20 }, 'the stored pixels are landscape');
    const upright = await uprightImage(tagged);
    assert.equal(upright.turned, true);
    assert.deepEqual(readImageSize(upright.bytes), { width: 20, height: 40 });
    assert.deepEqual([upright.width, upright.height], [20, 40]);
  });

  it('turns a tagged PNG clockwise: the red left half ends up on top', async () => {
    const upright = await uprightImage(await tag('png'));
    assert.equal(upright.turned, true);
    const pixels = PNG.sync.read(Buffer.from(upright.bytes));
    assert.deepEqual([pixels.width, pixels.height], [20, 40]);
    const at = (x: number, y: number) => [...pixels.data.subarray((y * 20 + x) * 4, (y * 20 + x) * 4 + 3)];
    assert.ok(at(10, 5)[0] > 200 && at(10, 5)[2] < 60, `top is red: ${at(10, 5).join(',')}`);
    assert.ok(at(10, 35)[2] > 200 && at(10, 35)[0] < 60, `bottom is blue: ${at(10, 35).join(',')}`);
  });

  it('gives back the very same bytes for an image without an orientation tag', async () => {
    const png = redBluePng();
    const upright = await uprightImage(png);
    assert.equal(upright.turned, false);
    assert.equal(upright.bytes, png);
    assert.deepEqual([upright.width, upright.height], [40, 20]);
  });

  it('rejects bytes that are not an image with the library error, before any work', async () => {
    await assert.rejects(uprightImage(new TextEncoder().encode('not an image')), (err: unknown) => err instanceof ImageOpsError && err.kind === 'unsupported-input');
  });
});
