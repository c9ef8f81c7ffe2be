// Deciding what to make for a missing image: its size (attributes, srcset descriptors, sizes,
// file name, @2x, conventions, default), its prompt (alt/title/aria-label, surrounding text,
// heading, page title, file name; kind hint and style), its kind and alpha, and the shape to
// generate it at so that the centre crop loses least.
import { strict as assert } from 'node:assert';
import type { ReferenceSyntax } from '../../src/altText';
import { ASPECT_RATIOS, RESOLUTIONS } from '../../src/common/request/legacy';
import {
  fileNameWords, generationShapes, nearestGenerationShape, planPlaceholders, shapeFit,
  type PlaceholderItem, type PlaceholderOptions,
} from '../../src/placeholders';

const legacyShapes = generationShapes(ASPECT_RATIOS);

/** The plan items of one document at /ws/<name> in an empty workspace (nothing exists). */
async function items(name: string, syntax: ReferenceSyntax, text: string, options: Partial<PlaceholderOptions> = {}): Promise<PlaceholderItem[]> {
  const plan = await planPlaceholders([{ path: `/ws/${name}`, text, syntax, workspaceFolderPath: '/ws' }], { exists: () => false, generationShapes: legacyShapes, ...options });
  return plan.items;
}

/** The size planned for the first (or only) item, as `WxH source`. */
async function size(name: string, syntax: ReferenceSyntax, text: string, options: Partial<PlaceholderOptions> = {}): Promise<string> {
  const [item] = await items(name, syntax, text, options);
  return `${item.size.width}x${item.size.height} ${item.size.source}`;
}

describe('placeholders: size', () => {
  it('takes width and height attributes (px allowed) and props (JSX numbers, Vue bound numbers, next/image)', async () => {
    assert.equal(await size('a.html', 'html', '<img src="a.png" width="400" height="300">'), '400x300 attributes');
    assert.equal(await size('a.html', 'html', '<img src="a.png" width="400px" height=" 300 ">'), '400x300 attributes');
    assert.equal(await size('a.tsx', 'jsx', '<img src="a.png" width={400} height={300} />'), '400x300 attributes');
    assert.equal(await size('a.vue', 'vue', '<template><img src="a.png" :width="400" :height="300"></template>'), '400x300 attributes');
    assert.equal(await size('a.tsx', 'jsx', 'import Image from "next/image";\n<Image src="/a.png" width={1200} height={630} alt="" />'), '1200x630 attributes');
  });

  it('completes one written side from the file name\'s or the default\'s aspect ratio', async () => {
    const [fromName] = await items('a.html', 'html', '<img src="a-1600x900.png" width="800">');
    assert.deepEqual([fromName.size.width, fromName.size.height, fromName.size.aspectFrom], [800, 450, 'file-name']);
    const [fromDefault] = await items('a.html', 'html', '<img src="a.png" height="300">', { defaultSize: { width: 1000, height: 500 } });
    assert.deepEqual([fromDefault.size.width, fromDefault.size.height, fromDefault.size.aspectFrom], [600, 300, 'default']);
  });

  it('ignores sizes that are not pixels (100%, auto, 0)', async () => {
    assert.equal(await size('a.html', 'html', '<img src="a.png" width="100%" height="auto">', { defaultSize: { width: 640, height: 480 } }), '640x480 default');
    assert.equal(await size('a.html', 'html', '<img src="a.png" width="0" height="0">', { defaultSize: { width: 640, height: 480 } }), '640x480 default');
  });

  it('doubles a CSS-pixel size for a 2x descriptor or an @2x file name, but not twice', async () => {
    const html = '<img src="a.png" srcset="a.png 1x, a-big.png 2x, a@2x.png 2x, a@3x.png" width="100" height="50">';
    const planned = await items('a.html', 'html', html);
    assert.deepEqual(planned.map((item) => [item.target, item.size.width, item.size.height, item.size.density]), [
      ['a-big.png', 200, 100, 2],
      ['a.png', 100, 50, undefined],
      ['a@2x.png', 200, 100, 2],
      ['a@3x.png', 300, 150, 3],
    ]);
  });

  it('reads a width descriptor (480w) as pixels, with the attributes\' aspect ratio', async () => {
    const planned = await items('a.html', 'html', '<img srcset="s.jpg 480w, m.jpg 960w" width="400" height="300">');
    assert.deepEqual(planned.map((item) => [item.target, item.size.width, item.size.height, item.size.written]), [['m.jpg', 960, 720, '960w'], ['s.jpg', 480, 360, '480w']]);
  });

  it('takes a link\'s and a manifest\'s sizes, else an icon convention', async () => {
    assert.equal(await size('a.html', 'html', '<link rel="apple-touch-icon" sizes="152x152" href="t.png">'), '152x152 link-sizes');
    assert.equal(await size('a.html', 'html', '<link rel="apple-touch-icon" href="t.png">'), '180x180 convention');
    assert.equal(await size('a.html', 'html', '<link rel="icon" href="f.png">'), '32x32 convention');
    assert.equal(await size('manifest.json', 'webmanifest', '{"icons":[{"src":"i.png","sizes":"any"}]}', { defaultSize: { width: 512, height: 512 } }), '512x512 default');
  });

  it('reads the file name (-1200x630, _64x64@2x) when nothing is written', async () => {
    assert.equal(await size('a.md', 'markdown', '![](hero-1200x630.webp)'), '1200x630 file-name');
    assert.equal(await size('a.md', 'markdown', '![](icon_64x64@2x.png)'), '128x128 file-name');
    assert.equal(await size('a.css', 'css', '.x { background: url(bg.1920x1080.jpg) }'), '1920x1080 file-name');
  });

  it('prefers attributes to the file name (the brief\'s order)', async () => {
    assert.equal(await size('a.html', 'html', '<img src="hero-1200x630.png" width="600" height="315">'), '600x315 attributes');
  });

  it('gives og:image and twitter:image 1200×630 unless og:image:width/height say otherwise', async () => {
    assert.equal(await size('a.html', 'html', '<meta property="og:image" content="/og.png">'), '1200x630 convention');
    assert.equal(await size('a.html', 'html', '<meta name="twitter:image" content="/tw.png">'), '1200x630 convention');
    assert.equal(await size('a.html', 'html', '<meta property="og:image" content="/og.png"><meta property="og:image:width" content="1080"><meta property="og:image:height" content="1080">'), '1080x1080 attributes');
  });

  it('falls back to the default setting, and keeps sizes within the image library\'s limit', async () => {
    assert.equal(await size('a.md', 'markdown', '![](a.png)', { defaultSize: { width: 800, height: 600 } }), '800x600 default');
    assert.equal(await size('a.md', 'markdown', '![](a.png)'), '1024x768 default');
    assert.equal(await size('a.html', 'html', '<img src="a.png" width="20000" height="10000">'), '8192x4096 attributes');
  });
});

describe('placeholders: prompt', () => {
  const prompt = async (name: string, syntax: ReferenceSyntax, text: string, options: Partial<PlaceholderOptions> = {}) => (await items(name, syntax, text, options))[0].prompt;

  it('takes alt text, then title, then aria-label', async () => {
    assert.deepEqual(await prompt('a.html', 'html', '<img src="a.png" alt="A red fox" title="Fox" aria-label="Animal">').then((p) => [p.source, p.subject]), ['alt', 'A red fox']);
    assert.deepEqual(await prompt('a.html', 'html', '<img src="a.png" alt="" title="Fox" aria-label="Animal">').then((p) => [p.source, p.subject]), ['title', 'Fox']);
    assert.deepEqual(await prompt('a.html', 'html', '<img src="a.png" aria-label="Animal">').then((p) => [p.source, p.subject]), ['aria-label', 'Animal']);
    assert.deepEqual(await prompt('a.md', 'markdown', '![](a.png "Sync diagram")').then((p) => [p.source, p.subject]), ['title', 'Sync diagram']);
  });

  it('takes the text around an image (a caption, a table cell), then the nearest heading before it', async () => {
    const figure = '<h2>Who we are</h2>\n<figure><img src="team.jpg"><figcaption>Our team, spring offsite</figcaption></figure>';
    assert.deepEqual(await prompt('a.html', 'html', figure).then((p) => [p.source, p.subject]), ['surrounding-text', 'Our team, spring offsite']);
    const table = '| Image | What |\n| --- | --- |\n| ![](a.png) | The sync engine at work |';
    assert.deepEqual(await prompt('a.md', 'markdown', table).then((p) => [p.source, p.subject]), ['surrounding-text', 'The sync engine at work']);
    const alone = '# Guide\n\n## The dashboard\n\n![](dash.png)\n\n## Later\n';
    assert.deepEqual(await prompt('a.md', 'markdown', alone).then((p) => [p.source, p.subject]), ['heading', 'The dashboard']);
  });

  it('does not read code beside an image as its surroundings', async () => {
    const tsx = '<h1>Pricing plans</h1>\nconst card = <img src="card.png" />; export default card;';
    assert.deepEqual(await prompt('a.tsx', 'jsx', tsx).then((p) => [p.source, p.subject]), ['heading', 'Pricing plans']);
  });

  it('names the page\'s own images (og:image, icons) after the page: og:image:alt, then the title', async () => {
    const head = '<title>Acme Tasks</title><h1>Welcome</h1>';
    assert.deepEqual(await prompt('a.html', 'html', `${head}<meta property="og:image" content="/og.png">`).then((p) => [p.source, p.subject]), ['page-title', 'Acme Tasks']);
    assert.deepEqual(await prompt('a.html', 'html', `${head}<meta property="og:image" content="/og.png"><meta property="og:image:alt" content="A desk">`).then((p) => [p.source, p.subject]), ['alt', 'A desk']);
    assert.deepEqual(await prompt('a.html', 'html', `${head}<link rel="icon" href="/i.png">`).then((p) => [p.source, p.subject]), ['page-title', 'Acme Tasks']);
  });

  it('falls back to the file name\'s words, and to a neutral subject when it has none', async () => {
    assert.deepEqual(await prompt('a.css', 'css', '.x { background: url(hero-banner.jpg) }').then((p) => [p.source, p.subject]), ['file-name', 'hero banner']);
    assert.deepEqual(await prompt('a.css', 'css', '.x { background: url(123.png) }').then((p) => [p.source, p.subject]), ['file-name', 'placeholder image']);
    assert.equal(fileNameWords('hero-banner@2x-1200x630.webp'), 'hero banner');
    assert.equal(fileNameWords('teamPhoto_2024.JPG'), 'team photo');
    assert.equal(fileNameWords('android-chrome-192x192.png'), 'android chrome');
  });

  it('adds the kind\'s hint and the project style as sentences', async () => {
    const icon = await prompt('a.html', 'html', '<title>Acme</title><link rel="icon" href="/i.png">', { style: 'Flat vector illustration in our brand colours.', transparentAvailable: true });
    assert.equal(icon.text, 'Acme. App icon: simple, centred, on a transparent background. Flat vector illustration in our brand colours.');
    assert.equal(icon.kindHint, 'App icon: simple, centred, on a transparent background');
    assert.equal(icon.style, 'Flat vector illustration in our brand colours.');
    const photo = await prompt('a.html', 'html', '<img src="team.jpg" alt="Our team at the offsite.">', { style: '   ' });
    assert.deepEqual([photo.text, photo.kindHint, photo.style], ['Our team at the offsite.', undefined, undefined]);
  });

  it('cuts a very long subject at a word', async () => {
    const alt = `${'word '.repeat(100)}end`;
    const p = await prompt('a.html', 'html', `<img src="a.png" alt="${alt}">`);
    assert.ok(p.subject.length <= 300 && p.subject.endsWith('word'), `${p.subject.length}: …${p.subject.slice(-20)}`);
  });
});

describe('placeholders: kind and alpha', () => {
  const kinds = async (text: string, syntax: ReferenceSyntax = 'html', transparentAvailable = true) =>
    (await items(syntax === 'css' ? 'a.css' : 'a.html', syntax, text, { transparentAvailable })).map((item) => `${item.target} ${item.kind} ${item.alpha}`);

  it('reads the kind from the markup, then the file name, then CSS, then the format', async () => {
    assert.deepEqual(await kinds('<img src="logo.png"><img src="logo.jpg"><img src="favicon.webp"><img src="og-image.png"><img src="team.jpg"><img src="chart.png"><img src="hero.png">'), [
      'chart.png illustration false',
      'favicon.webp icon true',
      'hero.png background false',
      'logo.jpg logo false',
      'logo.png logo true',
      'og-image.png og false',
      'team.jpg photo false',
    ]);
    assert.deepEqual(await kinds('.a { background: url(texture.png) }', 'css'), ['texture.png background false']);
  });

  it('lets the strongest reference decide: an icon link makes an icon of a file named like a photo', async () => {
    assert.deepEqual(await kinds('<img src="/picture.png"><link rel="icon" href="/picture.png">'), ['picture.png icon true']);
  });

  it('wants alpha only for icons and logos, in formats with alpha, when transparency is available', async () => {
    assert.deepEqual(await kinds('<img src="logo.png"><img src="logo.avif">', 'html', false), ['logo.avif logo false', 'logo.png logo false']);
  });
});

describe('placeholders: generation shape', () => {
  it('parses the legacy values and 3.0\'s, and refuses a list it cannot read', () => {
    assert.deepEqual(generationShapes(['ASPECT_16_9', 'RESOLUTION_1024_768']), [
      { value: 'ASPECT_16_9', kind: 'aspect-ratio', width: 16, height: 9 },
      { value: 'RESOLUTION_1024_768', kind: 'resolution', width: 1024, height: 768 },
    ]);
    assert.deepEqual(generationShapes(['4x5'], 'aspect-ratio'), [{ value: '4x5', kind: 'aspect-ratio', width: 4, height: 5 }]);
    assert.throws(() => generationShapes(['16x9']), /aspect ratios or resolutions/);
    assert.throws(() => generationShapes(['ASPECT_0_9']), /Not a generation shape/);
  });

  it('picks the legacy aspect ratio whose centre crop keeps most', () => {
    const pick = (width: number, height: number) => nearestGenerationShape({ width, height }, legacyShapes).shape.value;
    assert.equal(pick(1200, 630), 'ASPECT_16_9');
    assert.equal(pick(192, 192), 'ASPECT_1_1');
    assert.equal(pick(160, 40), 'ASPECT_3_1');
    assert.equal(pick(600, 1800), 'ASPECT_1_3');
    assert.equal(pick(400, 300), 'ASPECT_4_3');
    assert.equal(pick(1080, 1350), 'ASPECT_3_4');
    assert.ok(Math.abs(nearestGenerationShape({ width: 1200, height: 630 }, legacyShapes).kept - (16 / 9) / (1200 / 630)) < 1e-12);
  });

  it('keeps at least as much as every other listed shape (legacy and 3.0 lists)', () => {
    const v3 = generationShapes(['1x3', '3x1', '1x2', '2x1', '9x16', '16x9', '10x16', '16x10', '2x3', '3x2', '3x4', '4x3', '4x5', '5x4', '1x1'], 'aspect-ratio');
    for (const shapes of [legacyShapes, v3, generationShapes(RESOLUTIONS)]) {
      for (const [width, height] of [[1200, 630], [32, 32], [728, 90], [300, 250], [1080, 1920], [1600, 900], [640, 480], [1, 8192]]) {
        const chosen = nearestGenerationShape({ width, height }, shapes);
        for (const shape of shapes) assert.ok(shapeFit(shape, { width, height }).kept <= chosen.kept + 1e-9, `${width}x${height}: ${shape.value} keeps more than ${chosen.shape.value}`);
      }
    }
    assert.equal(nearestGenerationShape({ width: 1200, height: 630 }, v3).shape.value, '2x1', '3.0 has 2:1, nearer 1200×630 than 16:9');
  });

  it('among resolutions that keep as much, takes the one enlarged least', () => {
    const shapes = generationShapes(['512x512', '1024x1024'], 'resolution');
    const chosen = nearestGenerationShape({ width: 800, height: 800 }, shapes);
    assert.deepEqual([chosen.shape.value, chosen.kept, chosen.enlargement], ['1024x1024', 1, 1]);
    assert.equal(shapeFit(shapes[0], { width: 800, height: 800 }).enlargement, 800 / 512);
    assert.equal(nearestGenerationShape({ width: 1280, height: 720 }, generationShapes(RESOLUTIONS)).shape.value, 'RESOLUTION_1280_720');
  });

  it('is planned per item from the list passed in', async () => {
    const v3 = generationShapes(['16x9', '2x1'], 'aspect-ratio');
    const [item] = await items('a.html', 'html', '<meta property="og:image" content="/og.png">', { generationShapes: v3 });
    assert.equal(item.generation.shape.value, '2x1');
  });
});
