// src/imageOps on sharp's WebAssembly build: exact output sizes and formats checked on the
// output's bytes with the project's own header readers (and pngjs for pixels), never with the
// library under test.
import { strict as assert } from 'node:assert';
import { PNG } from 'pngjs';
import { decodeInfo, engineInfo, fitExactly, formatForFileName, ImageOpsError, isAvif, makeThumbnail, sniffFormat, type ImageFormat } from '../../src/imageOps';
import { readImageSize } from '../../src/common/imageSize';
import { useWasmSharp } from '../support/wasmSharp';

type Rgba = readonly [number, number, number, number];

/** A PNG (encoded by pngjs) whose pixel colours come from `colour(x, y)`. */
function png(width: number, height: number, colour: (x: number, y: number) => Rgba): Buffer {
  const image = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) image.data.set(colour(x, y), (y * width + x) * 4);
  }
  return PNG.sync.write(image, { colorType: 6 });
}

const RED: Rgba = [255, 0, 0, 255];
const BLUE: Rgba = [0, 0, 255, 255];
const pixel = (decoded: PNG, x: number, y: number): number[] => [...decoded.data.subarray((y * decoded.width + x) * 4, (y * decoded.width + x) * 4 + 4)];
const isNear = (actual: number[], expected: Rgba): boolean => actual.every((v, i) => Math.abs(v - expected[i]) <= 8);

// AVIF keeps its size in the 'ispe' property (4 bytes version/flags, then width and height).
function avifSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const at = Buffer.from(bytes).indexOf('ispe');
  if (at < 0) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset + at + 8, 8);
  return { width: view.getUint32(0), height: view.getUint32(4) };
}

async function rejectsWith(promise: Promise<unknown>, kind: string, message: RegExp): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof ImageOpsError, `not an ImageOpsError: ${String(err)}`);
    assert.equal(err.kind, kind);
    assert.match(err.message, message);
    return true;
  });
}

describe('imageOps (sharp, WebAssembly libvips)', function () {
  this.timeout(60_000);
  before(useWasmSharp);

  // A 1024×1024 result like the API's, with detail so the encoders do real work.
  const result = png(1024, 1024, (x, y) => [(x * 7) & 255, (y * 5) & 255, ((x ^ y) * 3) & 255, 255]);

  it('runs on the WebAssembly build, the one the .vsix ships', () => {
    const info = engineInfo();
    assert.equal(info.webAssembly, true, JSON.stringify(info));
    assert.match(info.libvips, /^\d+\.\d+/);
  });

  for (const format of ['webp', 'jpeg', 'png', 'avif'] as const) {
    it(`fitExactly makes exactly 1200×630 ${format}, by the output's bytes`, async () => {
      const bytes = await fitExactly(result, { width: 1200, height: 630, format });
      assert.equal(sniffFormat(bytes), format);
      assert.deepEqual(format === 'avif' ? avifSize(bytes) : readImageSize(bytes), { width: 1200, height: 630 });
    });
  }

  it('fitExactly makes odd, tall and tiny sizes exactly, enlarging when the source is smaller', async () => {
    for (const [width, height] of [[192, 192], [401, 299], [17, 1500], [1, 1], [2048, 64]] as const) {
      assert.deepEqual(readImageSize(await fitExactly(result, { width, height, format: 'png' })), { width, height });
    }
  });

  it('centre crop keeps the middle: a narrow strip of a red|blue image shows both colours at the seam', async () => {
    const halves = png(200, 100, (x) => (x < 100 ? RED : BLUE));
    const strip = PNG.sync.read(Buffer.from(await fitExactly(halves, { width: 20, height: 100, format: 'png' })));
    assert.equal(strip.width, 20);
    // The strip is x = 90..110 of the source: ten red columns, then ten blue.
    assert.ok(isNear(pixel(strip, 2, 50), RED), `left: ${pixel(strip, 2, 50).join(',')}`);
    assert.ok(isNear(pixel(strip, 17, 50), BLUE), `right: ${pixel(strip, 17, 50).join(',')}`);
    // A crop anchored at either edge would be one colour only.
    const wide = PNG.sync.read(Buffer.from(await fitExactly(halves, { width: 100, height: 20, format: 'png' })));
    assert.ok(isNear(pixel(wide, 10, 10), RED) && isNear(pixel(wide, 90, 10), BLUE));
  });

  it("attention keeps the busy part of the picture where centre keeps the plain middle", async () => {
    // Flat grey except a saturated, high-detail patch at the right edge.
    const busyRight = png(400, 100, (x, y) => (x >= 300 ? [((x * 37) ^ (y * 91)) & 255, 255 - (((x + y) * 29) & 255), (x * y) & 255, 255] : [128, 128, 128, 255]));
    const spread = async (position: 'centre' | 'attention'): Promise<number> => {
      const out = PNG.sync.read(Buffer.from(await fitExactly(busyRight, { width: 100, height: 100, format: 'png' }, { position })));
      const reds = Array.from({ length: out.width * out.height }, (_, i) => out.data[i * 4]);
      return Math.max(...reds) - Math.min(...reds);
    };
    assert.equal(await spread('centre'), 0);
    assert.ok(await spread('attention') > 100);
  });

  it('PNG, WebP and AVIF keep alpha; JPEG gets a white background', async () => {
    const halfClear = png(64, 64, (x) => (x < 32 ? [0, 0, 0, 0] : [0, 128, 0, 255]));
    const out = PNG.sync.read(Buffer.from(await fitExactly(halfClear, { width: 32, height: 32, format: 'png' })));
    assert.equal(pixel(out, 2, 16)[3], 0, 'transparent side stays transparent');
    assert.equal(pixel(out, 29, 16)[3], 255, 'opaque side stays opaque');
    for (const format of ['webp', 'avif'] as const) {
      assert.equal((await decodeInfo(await fitExactly(halfClear, { width: 32, height: 32, format }))).hasAlpha, true, format);
    }
    const jpeg = await fitExactly(halfClear, { width: 32, height: 32, format: 'jpeg' });
    const backToPng = PNG.sync.read(Buffer.from(await fitExactly(jpeg, { width: 32, height: 32, format: 'png' })));
    assert.ok(pixel(backToPng, 2, 16).slice(0, 3).every((v) => v > 240), `JPEG background: ${pixel(backToPng, 2, 16).join(',')}`);
  });

  it('makeThumbnail bounds the long side, keeps the aspect ratio, never enlarges, and says what it made', async () => {
    const wide = png(1024, 512, (x) => (x < 512 ? RED : BLUE));
    const thumb = await makeThumbnail(wide, 256);
    assert.deepEqual({ ...readImageSize(thumb.bytes), mime: thumb.mime, format: sniffFormat(thumb.bytes) }, { width: 256, height: 128, mime: 'image/webp', format: 'webp' });
    assert.deepEqual([thumb.width, thumb.height], [256, 128]);
    const jpegThumb = await makeThumbnail(await fitExactly(wide, { width: 300, height: 600, format: 'jpeg' }), 200, 'jpeg');
    assert.deepEqual({ ...readImageSize(jpegThumb.bytes), mime: jpegThumb.mime }, { width: 100, height: 200, mime: 'image/jpeg' });
    const small = await makeThumbnail(png(100, 50, () => RED), 256, 'png');
    assert.deepEqual(readImageSize(small.bytes), { width: 100, height: 50 });
  });

  it('decodeInfo reads size, format and alpha of each format', async () => {
    const cases: [ImageFormat, boolean][] = [['png', true], ['webp', true], ['jpeg', false], ['avif', true]];
    for (const [format, alpha] of cases) {
      const source = alpha ? png(30, 20, (x) => [0, 0, 0, x * 8]) : png(30, 20, () => RED);
      const bytes = format === 'png' ? source : await fitExactly(source, { width: 30, height: 20, format });
      assert.deepEqual(await decodeInfo(bytes), { width: 30, height: 20, format, hasAlpha: alpha }, format);
    }
  });

  it('rejects what is not an image, by its bytes, with a clear error and no work done', async () => {
    const page = Buffer.from('<!doctype html><title>Not found</title>');
    for (const bad of [page, new Uint8Array(0), Buffer.from('GIF89a\x01\x00\x01\x00')]) {
      await rejectsWith(fitExactly(bad, { width: 10, height: 10, format: 'png' }), 'unsupported-input', /not a PNG, JPEG, WebP or AVIF image/);
      await rejectsWith(makeThumbnail(bad, 64), 'unsupported-input', /not a PNG, JPEG, WebP or AVIF image/);
      await rejectsWith(decodeInfo(bad), 'unsupported-input', /not a PNG, JPEG, WebP or AVIF image/);
    }
  });

  it('rejects a truncated or corrupt image as undecodable, with the reason', async () => {
    const truncated = result.subarray(0, 5000);
    await rejectsWith(fitExactly(truncated, { width: 10, height: 10, format: 'png' }), 'undecodable', /could not be decoded: \S/);
    await rejectsWith(makeThumbnail(truncated, 64), 'undecodable', /could not be decoded/);
    const headerOnly = Buffer.concat([result.subarray(0, 33), Buffer.alloc(100)]);
    await rejectsWith(fitExactly(headerOnly, { width: 10, height: 10, format: 'webp' }), 'undecodable', /could not be decoded/);
  });

  it('rejects impossible sizes, qualities and formats before decoding', async () => {
    const notEvenAnImage = Buffer.from('x');
    // Checked before the input: an invalid target wins over invalid bytes.
    for (const [width, height] of [[0, 10], [10, -1], [1.5, 10], [8193, 10], [Number.NaN, 10]]) {
      await rejectsWith(fitExactly(notEvenAnImage, { width, height, format: 'png' }), 'invalid-target', /width and height must be whole numbers from 1 to 8192/);
    }
    await rejectsWith(makeThumbnail(notEvenAnImage, 0), 'invalid-target', /whole numbers/);
    for (const quality of [0, 101, 50.5]) {
      await rejectsWith(fitExactly(notEvenAnImage, { width: 10, height: 10, format: 'jpeg', quality }), 'invalid-target', /quality .* not a whole number from 1 to 100/);
    }
    await rejectsWith(fitExactly(notEvenAnImage, { width: 10, height: 10, format: 'gif' as ImageFormat }), 'invalid-target', /Cannot write images as "gif"/);
  });

  it('uses the given quality: lower quality, fewer bytes', async () => {
    const high = await fitExactly(result, { width: 600, height: 315, format: 'webp', quality: 95 });
    const low = await fitExactly(result, { width: 600, height: 315, format: 'webp', quality: 30 });
    assert.ok(low.length < high.length * 0.7, `${low.length} vs ${high.length}`);
  });
});

describe('imageOps formats', () => {
  it('maps file names and extensions to formats, case-insensitively', () => {
    assert.deepEqual(['hero-1200x630.webp', 'team.JPG', '.jpeg', 'png', 'icons/a.avif', 'anim.gif', 'README', 'x.png.txt'].map(formatForFileName),
      ['webp', 'jpeg', 'jpeg', 'png', 'avif', undefined, undefined, undefined]);
  });

  it('recognises AVIF by its ftyp brands only', () => {
    const ftyp = (major: string, ...compatible: string[]): Buffer => {
      const body = Buffer.from(`ftyp${major}\0\0\0\0${compatible.join('')}`, 'latin1');
      const size = Buffer.alloc(4);
      size.writeUInt32BE(body.length + 4);
      return Buffer.concat([size, body, Buffer.alloc(8)]);
    };
    assert.equal(isAvif(ftyp('avif', 'mif1', 'miaf')), true);
    assert.equal(isAvif(ftyp('mif1', 'miaf', 'avif')), true);
    assert.equal(isAvif(ftyp('heic', 'mif1', 'heic')), false);
    assert.equal(isAvif(ftyp('isom', 'mp41')), false);
    assert.equal(isAvif(Buffer.from('RIFF....WEBPVP8 ')), false);
  });
});
