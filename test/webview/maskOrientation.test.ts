// A photo whose EXIF tag turns it: the mask editor (Chromium applies the tag, as every webview
// does) paints over the upright picture, and uprightImage turns the upload the same way, so the
// exported mask and the image the API receives have one size. Without the turn the API would get
// a 40×20 image with a 20×40 mask and refuse it.
import { strict as assert } from 'node:assert';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { readImageSize } from '../../src/common/imageSize';
import { uprightImage } from '../../src/imageOps';
import { launchChromium } from '../support/rig/browser';
import { openMaskPage, type MaskPage } from '../support/webview/page';
import { startMaskHarness, type MaskHarness } from '../support/webview/server';

describe('mask editor and EXIF orientation', function () {
  this.timeout(120_000);
  let browser: Browser;
  let harness: MaskHarness;
  let editor: MaskPage | undefined;

  before(async () => {
    browser = await launchChromium(); // throws with what is missing: this suite fails, it never skips
    harness = await startMaskHarness();
  });

  after(async () => {
    await editor?.close();
    await browser?.close();
    await harness?.close();
  });

  it('exports a mask of the upright size, the size uprightImage sends', async () => {
    const landscape = new PNG({ width: 40, height: 20 });
    landscape.data.fill(200);
    const tagged = await sharp(PNG.sync.write(landscape)).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    assert.deepEqual(readImageSize(tagged), { width: 40, height: 20 }, 'stored landscape');

    editor = await openMaskPage(browser, harness);
    const shown = await editor.load(harness.addImage('turned.jpg', tagged, 'image/jpeg'));
    const mask = PNG.sync.read(await editor.exportBytes('black-edits'));
    const sent = await uprightImage(tagged);
    assert.deepEqual(shown, { width: 20, height: 40 }, 'the editor shows the picture upright');
    assert.deepEqual([mask.width, mask.height], [20, 40]);
    assert.deepEqual(readImageSize(sent.bytes), { width: mask.width, height: mask.height }, 'the upload and the mask have one size');
    assert.deepEqual(editor.problems, []);
  });
});
