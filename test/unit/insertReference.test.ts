import { strict as assert } from 'node:assert';
import { formatImageReference, referenceFormatFor, relativeImagePath } from '../../src/insert/reference';
import { readImageSize } from '../../src/common/imageSize';
import { PNG } from 'pngjs';

describe('image references', () => {
  it('computes relative paths from the document directory', () => {
    assert.equal(relativeImagePath('/w/docs/readme.md', '/w/assets/ideogram/a.png'), '../assets/ideogram/a.png');
    assert.equal(relativeImagePath('/w/readme.md', '/w/assets/a.png'), 'assets/a.png');
    assert.equal(relativeImagePath('/w/assets/x.md', '/w/assets/a.png'), 'a.png');
    assert.equal(relativeImagePath('/w/a/b/c/x.md', '/w/a/y.png'), '../../y.png');
  });

  it('picks the format from the language, unless the setting fixes one', () => {
    assert.equal(referenceFormatFor('markdown'), 'markdown');
    assert.equal(referenceFormatFor('typescriptreact'), 'jsx');
    assert.equal(referenceFormatFor('scss'), 'css');
    assert.equal(referenceFormatFor('python'), 'path');
    assert.equal(referenceFormatFor('python', 'html'), 'html');
  });

  it('writes Markdown with literal alt text and a safe destination, or an <img> tag for alt text Markdown would change', () => {
    assert.equal(formatImageReference('markdown', 'a/b.png', 'A fox'), '![A fox](a/b.png)');
    assert.equal(formatImageReference('markdown', 'a/b c.png', 'x] (y) [z\\'), '<img src="a/b%20c.png" alt="x] (y) [z\\" />');
    assert.equal(formatImageReference('markdown', 'my dir/b (1).png', 'a\nb'), '![a b](<my dir/b (1).png>)');
    assert.equal(formatImageReference('markdown', 'a<b>.png', 'x'), '![x](<a\\<b\\>.png>)');
  });

  it('writes HTML with escaped attributes and the pixel size', () => {
    assert.equal(
      formatImageReference('html', 'img/a b.png', 'Say "hi" & <wave>', { width: 1024, height: 768 }),
      '<img src="img/a%20b.png" alt="Say &quot;hi&quot; &amp; &lt;wave&gt;" width="1024" height="768">',
    );
    assert.equal(formatImageReference('html', 'x.png', 'a'), '<img src="x.png" alt="a">');
  });

  it('writes JSX with numeric size expressions', () => {
    assert.equal(
      formatImageReference('typescriptreact', '../x#1.png', "it's {fine}", { width: 10, height: 20 }),
      '<img src="../x%231.png" alt="it\'s &#123;fine&#125;" width={10} height={20} />',
    );
  });

  it('writes CSS url() with quotes escaped, and a plain path elsewhere', () => {
    assert.equal(formatImageReference('css', 'a b/"q".png', 'ignored'), 'url("a%20b/%22q%22.png")');
    assert.equal(formatImageReference('plaintext', 'a b/c.png', 'ignored'), 'a b/c.png');
  });

  it('reads PNG, JPEG and WebP sizes from the header bytes', () => {
    const png = new PNG({ width: 37, height: 21 });
    assert.deepEqual(readImageSize(PNG.sync.write(png)), { width: 37, height: 21 });
    // Minimal JPEG: SOI, an APP0 segment to skip, then SOF0 with height 300 and width 400.
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0x2c, 0x01, 0x90, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(readImageSize(jpeg), { width: 400, height: 300 });
    const vp8x = new Uint8Array(30);
    vp8x.set([...'RIFF'].map((c) => c.charCodeAt(0)), 0);
    vp8x.set([...'WEBPVP8X'].map((c) => c.charCodeAt(0)), 8);
    vp8x.set([0xff, 0x03, 0x00, 0x7f, 0x02, 0x00], 24); // 1024 x 640
    assert.deepEqual(readImageSize(vp8x), { width: 1024, height: 640 });
    const vp8l = new Uint8Array(30);
    vp8l.set([...'RIFF'].map((c) => c.charCodeAt(0)), 0);
    vp8l.set([...'WEBPVP8L'].map((c) => c.charCodeAt(0)), 8);
    const bits = (99) | (49 << 14); // 100 x 50
    vp8l.set([0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, (bits >>> 24) & 0xff], 20);
    assert.deepEqual(readImageSize(vp8l), { width: 100, height: 50 });
    assert.equal(readImageSize(new TextEncoder().encode('<html>not an image</html>')), undefined);
  });
});
