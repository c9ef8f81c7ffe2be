// Finding the gaps and grouping them into one plan item per missing file: the tricky
// cases (query strings, srcset, URLs, paths outside the workspace, existing files, template
// expressions, backslashes, percent-encoding, one file referenced from several documents, sizes
// that disagree, manifest icons at 192 and 512) and the resolution rules (public folders).
import { strict as assert } from 'node:assert';
import type { ReferenceSyntax } from '../../src/altText';
import { ASPECT_RATIOS } from '../../src/common/request/legacy';
import { generationShapes, planPlaceholders, type PlaceholderDocument, type PlaceholderOptions, type PlaceholderPlan } from '../../src/placeholders';

const WS = '/ws';
const legacyShapes = generationShapes(ASPECT_RATIOS);

/** A document of the workspace /ws at `relative`. */
const doc = (relative: string, syntax: ReferenceSyntax, text: string): PlaceholderDocument => ({ path: `${WS}/${relative}`, text, syntax, workspaceFolderPath: WS });

/** Plans against a workspace holding exactly `present` (files and folders, relative to /ws), counting the existence checks. */
async function plan(documents: PlaceholderDocument[], present: string[] = [], options: Partial<PlaceholderOptions> = {}): Promise<PlaceholderPlan & { asked: string[] }> {
  const existing = new Set(present.map((path) => `${WS}/${path}`));
  const asked: string[] = [];
  const result = await planPlaceholders(documents, {
    exists: async (path) => {
      asked.push(path);
      return existing.has(path);
    },
    generationShapes: legacyShapes,
    ...options,
  });
  return { ...result, asked };
}

const targets = (result: PlaceholderPlan) => result.items.map((item) => item.target);

describe('placeholders: finding the gaps', () => {
  it('finds missing raster images (png, jpg, jpeg, webp, avif) and nothing else', async () => {
    const html = ['a.png', 'b.jpg', 'c.JPEG', 'd.webp', 'e.avif', 'f.svg', 'g.gif', 'h', 'i.png.txt'].map((src) => `<img src="${src}">`).join('\n');
    const result = await plan([doc('index.html', 'html', html)]);
    assert.deepEqual(targets(result), ['a.png', 'b.jpg', 'c.JPEG', 'd.webp', 'e.avif']);
    assert.deepEqual(result.items.map((item) => item.format), ['png', 'jpeg', 'jpeg', 'webp', 'avif']);
    assert.ok(result.items.every((item) => item.exists === false));
  });

  it('leaves out files that exist, and asks once per path however often it is referenced', async () => {
    const html = '<img src="img/there.png"><img src="img/there.png?v=2"><img src="img/missing.png">';
    const markdown = '![](../img/there.png) ![](../img/missing.png)';
    const result = await plan([doc('index.html', 'html', html), doc('docs/a.md', 'markdown', markdown)], ['img/there.png']);
    assert.deepEqual(targets(result), ['img/missing.png']);
    assert.deepEqual([...result.asked].sort(), ['/ws/img/missing.png', '/ws/img/there.png']);
  });

  it('drops query strings and fragments, decodes percent-escapes, and reads Windows backslashes as slashes', async () => {
    const html = '<img src="img/hero.png?v=3#top"><img src="img/my%20photo.png"><img src="img\\win\\style.png"><img src="img/caf%C3%A9.png">';
    const result = await plan([doc('site/index.html', 'html', html)]);
    assert.deepEqual(targets(result), ['site/img/café.png', 'site/img/hero.png', 'site/img/my photo.png', 'site/img/win/style.png']);
    const hero = result.items.find((item) => item.target === 'site/img/hero.png');
    assert.equal(hero?.references[0].text, 'img/hero.png?v=3#top', 'the reference keeps the path as written');
    assert.equal(hero?.targetPath, '/ws/site/img/hero.png');
  });

  it('skips URLs and data: URLs silently, and reports template expressions, aliases, absolute paths and paths outside the workspace', async () => {
    const html = [
      '<img src="https://cdn.example.com/a.png"><img src="//cdn.example.com/b.png"><img src="data:image/png;base64,AAAA">',
      '<img src="{{ base }}/c.png"><img src="${base}/d.png"><img src="<?= $e ?>.png"><img src="{hero}.png">',
      '<img src="@/assets/f.png"><img src="~/g.png">',
      '<img src="C:\\images\\h.png">',
      '<img src="../../outside.png"><img src="../inside.png">',
      '<img src="{hero}">',
    ].join('\n');
    const result = await plan([doc('site/index.html', 'html', html)]);
    assert.deepEqual(targets(result), ['inside.png']);
    assert.deepEqual(result.ignored.map((ignored) => [ignored.src, ignored.reason]), [
      ['{{ base }}/c.png', 'template-expression'],
      ['${base}/d.png', 'template-expression'],
      ['<?= $e ?>.png', 'template-expression'],
      ['{hero}.png', 'template-expression'],
      ['@/assets/f.png', 'alias'],
      ['~/g.png', 'alias'],
      ['C:\\images\\h.png', 'absolute-path'],
      ['../../outside.png', 'outside-workspace'],
    ]);
    assert.deepEqual(result.ignored[0].range.start, { line: 1, character: 10 });
  });

  it('bound and computed paths are not paths (JSX, Vue, Svelte)', async () => {
    const result = await plan([
      doc('a.tsx', 'jsx', '<img src={hero} /><img src={`./${name}.png`} /><img src={"./literal.png"} />'),
      doc('b.vue', 'vue', '<template><img :src="hero"><img v-bind:src="\'./x.png\'"></template>'),
      doc('c.svelte', 'svelte', '<img src={hero}><img {src}>'),
    ]);
    assert.deepEqual(targets(result), ['literal.png']);
  });

  it('gives nothing for a document outside every workspace folder', async () => {
    const result = await plan([{ path: '/tmp/loose.html', text: '<img src="a.png">', syntax: 'html', workspaceFolderPath: undefined }]);
    assert.deepEqual(result.items, []);
    assert.deepEqual(result.ignored.map((ignored) => ignored.reason), ['no-workspace-folder']);
  });

  it('lists every srcset candidate as its own file, and a candidate that repeats the src as the same file', async () => {
    const html = '<img src="hero.png" srcset="hero.png 1x, hero@2x.png 2x, hero-wide.png 1.5x" width="300" height="200">';
    const result = await plan([doc('index.html', 'html', html)]);
    assert.deepEqual(targets(result), ['hero-wide.png', 'hero.png', 'hero@2x.png']);
    assert.equal(result.items.find((item) => item.target === 'hero.png')?.references.length, 2);
    assert.deepEqual(result.items.map((item) => `${item.size.width}x${item.size.height}`), ['450x300', '300x200', '600x400']);
  });
});

describe('placeholders: root-relative paths and public folders', () => {
  const html = '<meta property="og:image" content="/og.png"><img src="/img/logo.png">';

  it('makes a root-relative file in the first public folder that exists', async () => {
    assert.deepEqual(targets(await plan([doc('index.html', 'html', html)], ['static'])), ['static/img/logo.png', 'static/og.png']);
    assert.deepEqual(targets(await plan([doc('index.html', 'html', html)], ['static', 'public'])), ['public/img/logo.png', 'public/og.png']);
    assert.deepEqual(targets(await plan([doc('index.html', 'html', html)], ['public'], { publicFolders: ['static', 'public'] })), ['public/img/logo.png', 'public/og.png']);
  });

  it('falls back to the workspace folder without a public folder', async () => {
    assert.deepEqual(targets(await plan([doc('index.html', 'html', html)])), ['img/logo.png', 'og.png']);
  });

  it('finds the file in any public folder or the workspace folder before calling it missing', async () => {
    assert.deepEqual(targets(await plan([doc('index.html', 'html', html)], ['public', 'static', 'static/og.png'])), ['public/img/logo.png']);
    assert.deepEqual(targets(await plan([doc('index.html', 'html', html)], ['public', 'img/logo.png'])), ['public/og.png']);
  });

  it('reads a root-relative path from a document in a subfolder against the root, and never above it', async () => {
    const nested = doc('src/pages/about/index.html', 'html', '<img src="/team.jpg"><img src="/../../etc/escape.png">');
    assert.deepEqual(targets(await plan([nested], ['public'])), ['public/etc/escape.png', 'public/team.jpg']);
  });

  it('ignores public folder entries that are absolute or leave the workspace', async () => {
    const result = await plan([doc('index.html', 'html', html)], ['/etc', '../elsewhere'], { publicFolders: ['/etc', '../elsewhere', 'C:/x'] });
    assert.deepEqual(targets(result), ['img/logo.png', 'og.png']);
    assert.ok(!result.asked.some((path) => !path.startsWith('/ws/')), `asked outside the workspace: ${result.asked.join(', ')}`);
  });
});

describe('placeholders: one item per file', () => {
  const index = doc('index.html', 'html', '<img src="img/team.jpg" width="400" height="300" alt="Our team at the offsite">');
  const about = doc('about/index.html', 'html', '<h1>About</h1>\n<img src="../img/team.jpg" width="800" height="600">');
  const guide = doc('docs/guide.md', 'markdown', '# Guide\n\n![](../img/team.jpg)\n');

  it('lists every reference to one file, from every document, by document then position', async () => {
    const result = await plan([index, guide, about]);
    assert.equal(result.items.length, 1);
    const [item] = result.items;
    assert.equal(item.target, 'img/team.jpg');
    assert.deepEqual(item.references.map((ref) => [ref.document, ref.text, ref.range.start.line]), [
      ['/ws/about/index.html', '../img/team.jpg', 1],
      ['/ws/docs/guide.md', '../img/team.jpg', 2],
      ['/ws/index.html', 'img/team.jpg', 0],
    ]);
  });

  it('reports sizes that disagree, makes the largest of the most telling source, and does not count the default as a disagreement', async () => {
    const [item] = (await plan([index, guide, about])).items;
    assert.deepEqual([item.size.width, item.size.height, item.size.source, item.size.reference], [800, 600, 'attributes', 0]);
    assert.deepEqual(item.sizeConflicts.map((conflict) => [conflict.width, conflict.height, conflict.references]), [[800, 600, [0]], [400, 300, [2]]]);
    const smallerFirst = (await plan([doc('a.html', 'html', '<img src="x.png" width="200" height="100">'), doc('b.html', 'html', '<img src="x.png" width="400" height="200">')])).items[0];
    assert.deepEqual([smallerFirst.size.width, smallerFirst.size.height, smallerFirst.size.reference], [400, 200, 1]);
    const agreeing = (await plan([index, guide])).items[0];
    assert.deepEqual([agreeing.size.width, agreeing.size.height, agreeing.sizeConflicts], [400, 300, []]);
  });

  it('takes the prompt from the best reference: alt text anywhere beats the heading nearer another reference', async () => {
    const [item] = (await plan([index, guide, about])).items;
    assert.equal(item.prompt.source, 'alt');
    assert.equal(item.prompt.subject, 'Our team at the offsite');
    assert.equal(item.prompt.reference, 2);
  });

  it('treats paths differing only in case as one file when the file system ignores case', async () => {
    const documents = [doc('a.html', 'html', '<img src="Logo.png">'), doc('b.html', 'html', '<img src="logo.png">')];
    assert.deepEqual(targets(await plan(documents)), ['Logo.png', 'logo.png']);
    const folded = await plan(documents, [], { ignoreCase: true });
    assert.deepEqual(folded.items.map((item) => item.references.length), [2]);
  });
});

describe('placeholders: web app manifest icons', () => {
  const manifest = doc('public/manifest.webmanifest', 'webmanifest', JSON.stringify({
    name: 'Acme Tasks',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any maskable' },
      { src: 'icons/icon-multi.png', sizes: '48x48 96x96 any' },
    ],
  }, null, 2));

  it('plans each icon at its sizes (the largest of a list), as a square icon with alpha when transparency is available', async () => {
    const result = await plan([manifest], ['public'], { transparentAvailable: true });
    assert.deepEqual(result.items.map((item) => [item.target, item.size.width, item.size.height, item.size.source, item.kind, item.alpha, item.generation.shape.value]), [
      ['public/icons/icon-192.png', 192, 192, 'manifest-sizes', 'icon', true, 'ASPECT_1_1'],
      ['public/icons/icon-512.png', 512, 512, 'manifest-sizes', 'icon', true, 'ASPECT_1_1'],
      ['public/icons/icon-multi.png', 96, 96, 'manifest-sizes', 'icon', true, 'ASPECT_1_1'],
    ]);
    assert.equal(result.items[0].prompt.subject, 'Acme Tasks');
    assert.equal(result.items[0].prompt.text, 'Acme Tasks. App icon: simple, centred, on a transparent background.');
  });

  it('asks for no alpha without transparent generation', async () => {
    const result = await plan([manifest], ['public']);
    assert.ok(result.items.every((item) => !item.alpha));
    assert.match(result.items[0].prompt.text, /on a plain background/);
  });
});

describe('placeholders: plan options', () => {
  it('refuses to plan without generation shapes, and passes on a failing existence check', async () => {
    await assert.rejects(planPlaceholders([], { exists: () => false, generationShapes: [] }), /generation shapes/);
    await assert.rejects(planPlaceholders([doc('a.html', 'html', '<img src="a.png">')], {
      exists: () => Promise.reject(new Error('disk on fire')),
      generationShapes: legacyShapes,
    }), /disk on fire/);
  });

  it('takes a synchronous existence check too', async () => {
    const result = await planPlaceholders([doc('a.html', 'html', '<img src="a.png"><img src="b.png">')], { exists: (path) => path === '/ws/a.png', generationShapes: legacyShapes });
    assert.deepEqual(targets(result), ['b.png']);
  });
});
