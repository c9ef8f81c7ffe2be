// Where a sidecar lives (src/gallery/sidecarLocation.ts): the one rule for both layouts, and what
// each path of an output folder is to the gallery.
import { strict as assert } from 'node:assert';
import { classifyResultPath, imagePathForSidecar, isSidecarPathOf, sidecarPathFor, sidecarPathForNamedFile } from '../../src/common/sidecarLocation';

describe('gallery: sidecar location', () => {
  it('puts the sidecar beside the image or in .ideogram/, named after the image without its extension', () => {
    assert.equal(sidecarPathFor('sunset.png', 'beside'), 'sunset.json');
    assert.equal(sidecarPathFor('sunset.png', 'subfolder'), '.ideogram/sunset.json');
    assert.equal(sidecarPathFor('v1.2 final.webp', 'beside'), 'v1.2 final.json');
    assert.equal(sidecarPathFor('no-extension', 'subfolder'), '.ideogram/no-extension.json');
    // Only the file name counts, whichever separator a caller passes.
    assert.equal(sidecarPathFor('assets/ideogram/sunset.png', 'beside'), 'sunset.json');
    assert.equal(sidecarPathFor('assets\\ideogram\\sunset.png', 'subfolder'), '.ideogram/sunset.json');
  });

  it("finds the image from the sidecar's file field in the output folder, never outside it", () => {
    assert.equal(imagePathForSidecar('sunset.png'), 'sunset.png');
    assert.equal(imagePathForSidecar('../../etc/passwd'), 'passwd');
    assert.equal(imagePathForSidecar('..\\..\\secret.png'), 'secret.png');
  });

  it('tells a sidecar at its home path from a renamed or copied one', () => {
    assert.ok(isSidecarPathOf('sunset.json', 'sunset.png'));
    assert.ok(isSidecarPathOf('.ideogram/sunset.json', 'sunset.png'));
    assert.ok(!isSidecarPathOf('sunset copy.json', 'sunset.png'));
    assert.ok(!isSidecarPathOf('.ideogram/sunset.json', 'sunset-1.png'));
  });

  it("puts a placeholder's sidecar in .ideogram/ named after the whole file name, at home for the index", () => {
    assert.equal(sidecarPathForNamedFile('img/hero.webp'), '.ideogram/hero.webp.json');
    assert.equal(sidecarPathForNamedFile('hero.avif'), '.ideogram/hero.avif.json');
    assert.ok(isSidecarPathOf('.ideogram/hero.webp.json', 'hero.webp'));
    assert.deepEqual(classifyResultPath('.ideogram/hero.webp.json'), { kind: 'sidecar', layout: 'subfolder' });
  });

  it('classifies the paths of an output folder', () => {
    const kinds = Object.fromEntries(['', '.ideogram', 'a.json', '.ideogram/a.json', 'a.png', 'notes.txt', '.a.json.part-1x2y', '.hidden.json',
      '.ideogram/.a.json.part-9', '.ideogram/deeper/a.json', '.ideogram/a.png', 'sub/a.json', 'sub'].map((p) => [p, classifyResultPath(p)]));
    assert.deepEqual(kinds, {
      '': { kind: 'root' },
      '.ideogram': { kind: 'sidecarFolder' },
      'a.json': { kind: 'sidecar', layout: 'beside' },
      '.ideogram/a.json': { kind: 'sidecar', layout: 'subfolder' },
      'a.png': { kind: 'file' },
      'notes.txt': { kind: 'file' },
      // The atomic writes' temporary files and other dot files are never results.
      '.a.json.part-1x2y': { kind: 'other' },
      '.hidden.json': { kind: 'other' },
      '.ideogram/.a.json.part-9': { kind: 'other' },
      '.ideogram/deeper/a.json': { kind: 'other' },
      '.ideogram/a.png': { kind: 'other' },
      'sub/a.json': { kind: 'other' },
      // A subfolder is listed as a name without a slash, like a file: a watcher's event for it is harmless.
      sub: { kind: 'file' },
    });
  });
});
