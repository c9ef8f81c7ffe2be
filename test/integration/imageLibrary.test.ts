// The image library the .vsix ships (sharp + WebAssembly libvips, esbuild.mjs) loads and works
// inside the real extension host, whose Node (and worker threads, which libvips' WebAssembly
// build starts) differ from the plain Node the unit tests run on. Nothing is wired to it yet, so
// this requires the installed bundle directly, as src/imageOps/engine.ts does in the host bundle.
import { strict as assert } from 'node:assert';
import path from 'node:path';
import type Sharp from 'sharp';
import { extension } from './helpers/rig';

describe('image library in the extension host', function () {
  this.timeout(120_000);

  it('loads dist/sharp.js from the installed extension, on WebAssembly, and makes exact sizes', async () => {
    const bundle = path.join(extension().extensionPath, 'dist', 'sharp.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the installed bundle, by path
    const sharp = require(bundle) as typeof Sharp;
    assert.ok('emscripten' in sharp.versions, `not the WebAssembly build: ${JSON.stringify(sharp.versions)}`);
    const source = await sharp({ create: { width: 1024, height: 1024, channels: 4, background: { r: 200, g: 40, b: 40, alpha: 0.5 } } }).png().toBuffer();
    for (const format of ['webp', 'jpeg', 'png', 'avif'] as const) {
      const { info } = await sharp(source).resize(1200, 630, { fit: 'cover', position: 'attention' }).toFormat(format).toBuffer({ resolveWithObject: true });
      assert.deepEqual([info.width, info.height, info.format], [1200, 630, format === 'avif' ? 'heif' : format], format);
    }
    const { info } = await sharp(source).resize(256, 256, { fit: 'inside' }).png().toBuffer({ resolveWithObject: true });
    assert.equal(info.channels, 4, 'PNG keeps alpha');
    console.log(`image library in the host: Node ${process.version}, sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips} (WebAssembly)`);
  });
});
