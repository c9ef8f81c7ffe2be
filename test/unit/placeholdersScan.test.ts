// The image scanner's sites for the placeholders feature: every syntax the issue lists, with the
// path's own range, the literal attributes sizes and prompts are read from, headings and titles.
// The alt-text view of the same scan must not change (altTextScan.test.ts checks it in depth).
import { strict as assert } from 'node:assert';
import { findImageReferences, scanDocument, scanFileGlob, scanSyntaxFor, syntaxForFileName, syntaxForLanguageId, type ImageSite, type ReferenceSyntax } from '../../src/altText';

const context = { documentPath: '/ws/site/page', workspaceFolderPath: '/ws' };
const sites = (text: string, syntax: ReferenceSyntax) => scanDocument(text, syntax, context).sites;
/** What a test compares: element, where the path is written, the path, and the descriptor if any. */
const brief = (site: ImageSite) => [site.element, site.via, site.src, ...(site.descriptor ? [site.descriptor] : [])].join(' ');
/** The path exactly as written at the site's srcSpan. */
const written = (text: string, site: ImageSite) => text.slice(site.srcSpan.start, site.srcSpan.end);

describe('image scanner: HTML sites for placeholders', () => {
  const html = [
    '<head>',
    '<title>Acme &amp; Co</title>',
    '<meta property="og:image" content="/og.png">',
    '<meta property="og:image:width" content="1200"><meta property="og:image:height" content="630">',
    '<meta property="og:image:alt" content="A desk">',
    '<meta name="twitter:image" content="/tw.jpg">',
    '<meta property="og:title" content="Acme">',
    '<link rel="shortcut icon" sizes="32x32" href="/favicon.png">',
    '<link rel="apple-touch-icon" href="/apple.png"><link rel="stylesheet" href="/x.css">',
    '<style>.hero { background: url("img/hero.jpg") }</style>',
    '</head><body><h1>Plan <em>your</em> week</h1>',
    '<picture><source srcset="a.avif 1x, a@2x.avif 2x" type="image/avif"><img src="a.jpg?v=1" width="400" height="300" alt=""></picture>',
    '<img srcset="b-480.jpg 480w,b-960.jpg 960w" sizes="50vw">',
    '<div style="background-image: url(bg.webp)"></div>',
    '<!-- <img src="commented.png"> --><script>const s = "<img src=in-script.png>"; const u = "url(in-script.png)";</script>',
    '</body>',
  ].join('\n');
  const found = sites(html, 'html');

  it('finds og:image, twitter:image, icon links, <style> and style="" url()s, <source> and <img> srcset candidates, in order', () => {
    assert.deepEqual(found.map(brief), [
      'meta content /og.png',
      'meta content /tw.jpg',
      'link href /favicon.png',
      'link href /apple.png',
      'css-url url img/hero.jpg',
      'source srcset a.avif 1x',
      'source srcset a@2x.avif 2x',
      'img src a.jpg?v=1',
      'img srcset b-480.jpg 480w',
      'img srcset b-960.jpg 960w',
      'css-url url bg.webp',
    ]);
  });

  it('gives each path its own range, exactly where it is written', () => {
    for (const site of found) assert.equal(written(html, site), site.src, `${brief(site)} spans ${JSON.stringify(written(html, site))}`);
    const second = found.find((site) => site.src === 'a@2x.avif');
    assert.ok(second);
    assert.deepEqual(second.srcRange.start, { line: 11, character: html.split('\n')[11].indexOf('a@2x.avif') });
    assert.deepEqual(second.range, found.find((site) => site.src === 'a.avif')?.range, 'candidates of one tag share the tag as their reference');
  });

  it('completes og:image with og:image:width/height/alt, and a <source> with its <img>\'s size', () => {
    const og = found.find((site) => site.src === '/og.png');
    assert.deepEqual([og?.attributes.get('width'), og?.attributes.get('height'), og?.attributes.get('alt')], ['1200', '630', 'A desk']);
    assert.equal(found.find((site) => site.src === '/tw.jpg')?.attributes.get('width'), undefined, 'og:image:width is not the twitter image\'s');
    const source = found.find((site) => site.src === 'a.avif');
    assert.deepEqual([source?.attributes.get('width'), source?.attributes.get('height')], ['400', '300']);
  });

  it('reads the title (og:title before <title>) and the headings without markup', () => {
    const scan = scanDocument(html, 'html', context);
    assert.equal(scan.title, 'Acme');
    assert.deepEqual(scan.headings.map((heading) => [heading.level, heading.text]), [[1, 'Plan your week']]);
    assert.equal(scanDocument('<title>Acme &amp; Co</title>', 'html', context).title, 'Acme & Co');
  });

  it('keeps the alt-text view unchanged: only <img src> and Markdown images carry a reference', () => {
    assert.deepEqual(findImageReferences(html, 'html', context).map((ref) => ref.src), ['a.jpg?v=1']);
    assert.deepEqual(found.filter((site) => site.reference).map((site) => site.src), ['a.jpg?v=1']);
  });

  it('leaves out a preload that is not an image, and link rels that are not icons', () => {
    const text = '<link rel="preload" as="font" href="f.png"><link rel="preload" as="image" href="p.png"><link rel="alternate" href="x.png">';
    assert.deepEqual(sites(text, 'html').map(brief), ['link href p.png']);
  });
});

describe('image scanner: JSX/TSX sites for placeholders', () => {
  const tsx = [
    "import Image from 'next/image';",
    'export const Hero = () => (',
    '  <section>',
    '    <h2>Ship faster</h2>',
    '    <Image src="/hero.webp" width={1200} height={630} alt="A rocket" />',
    '    <img src={"./card.png"} width={400} height="300" srcSet={"card.png 1x, card@2x.png 2x"} />',
    "    <div style={{ backgroundImage: 'url(/paper.jpg)' }} />",
    '    <img src={`./t-${n}.png`} />',
    '  </section>',
    ');',
  ].join('\n');
  const found = sites(tsx, 'jsx');

  it('finds next/image with its width/height props, numeric JSX props, srcSet candidates and CSS-in-JS url()s', () => {
    assert.deepEqual(found.map(brief), [
      'image-component src /hero.webp',
      'img src ./card.png',
      'img srcset card.png 1x',
      'img srcset card@2x.png 2x',
      'css-url url /paper.jpg',
    ]);
    const hero = found[0];
    assert.deepEqual([hero.attributes.get('width'), hero.attributes.get('height'), hero.attributes.get('alt')], ['1200', '630', 'A rocket']);
    assert.deepEqual([found[1].attributes.get('width'), found[1].attributes.get('height')], ['400', '300']);
    assert.equal(written(tsx, found[3]), 'card@2x.png');
    assert.equal(written(tsx, found[1]), '"./card.png"', 'a braced string: the literal as written');
  });

  it('reads <Image> only when the file imports next/image (under any name)', () => {
    assert.deepEqual(sites('<Image src="/a.png" />', 'jsx'), []);
    assert.deepEqual(sites('import Img from "next/legacy/image";\n<Img src="/a.png" />', 'jsx').map(brief), ['image-component src /a.png']);
  });
});

describe('image scanner: Vue and Svelte sites for placeholders', () => {
  it('Vue: template tags (a bound numeric :width counts), <style> url()s; script text is not read', () => {
    const vue = [
      '<template>',
      '  <img src="./a.png" :width="320" height="200">',
      '  <img :src="dynamic">',
      '</template>',
      '<script setup>const s = "<img src=\'./in-script.png\'>";</script>',
      '<style scoped>.x { background: url(./bg.png) }</style>',
    ].join('\n');
    const found = sites(vue, 'vue');
    assert.deepEqual(found.map(brief), ['img src ./a.png', 'css-url url ./bg.png']);
    assert.equal(found[0].attributes.get('width'), '320');
  });

  it('Svelte: braced and interpolated values are expressions, <style> url()s are read, <script> is not', () => {
    const svelte = [
      '<script>import hero from "./hero.png"; const s = "<img src=\'./in-script.png\'>";</script>',
      '<h1>Hello {name}</h1>',
      '<img src="./static.png" alt="A cat" width={300} height="200">',
      '<img src={hero} alt="bound">',
      '<img src="{base}/x.png" alt="interpolated">',
      '<img {src} alt="shorthand">',
      '<img src="./alt-missing.png">',
      '<img src="./alt-interpolated.png" alt="A {animal}">',
      '<style>div { background: url(\'./bg.jpg\') }</style>',
    ].join('\n');
    const found = sites(svelte, 'svelte');
    assert.deepEqual(found.map(brief), ['img src ./static.png', 'img src ./alt-missing.png', 'img src ./alt-interpolated.png', 'css-url url ./bg.jpg']);
    assert.equal(found[0].attributes.get('width'), '300');
    assert.deepEqual(found.filter((site) => site.reference).map((site) => site.reference?.altState), ['present', 'missing', 'dynamic']);
    assert.deepEqual(scanDocument(svelte, 'svelte', context).headings.map((heading) => heading.text), ['Hello']);
  });
});

describe('image scanner: CSS/SCSS url()', () => {
  it('reads quoted, unquoted and escaped URLs; skips comments, remote and data: URLs; not-url() functions', () => {
    const css = [
      '/* url(commented.png) */',
      '.a { background: url( "a b.png" ) }',
      "// url(scss-line-comment.png)",
      ".b { background: url('b.png?v=2#x'), url(c\\).png); }",
      '.c { background: url(https://cdn.example.com/x.png), url(data:image/png;base64,AAAA), myurl(d.png) }',
      '.d { background: url(#{$base}/e.png) }',
    ].join('\n');
    const found = sites(css, 'css');
    assert.deepEqual(found.map((site) => site.src), ['a b.png', 'b.png?v=2#x', 'c).png', '#{$base}/e.png']);
    assert.equal(written(css, found[0]), 'a b.png');
    assert.equal(written(css, found[2]), 'c\\).png');
    assert.equal(found[1].resolvedPath, '/ws/site/b.png');
  });

  it('does not read an unclosed string or a url( with no closing parenthesis', () => {
    assert.deepEqual(sites('.a { background: url("a.png\n) } .b { background: url(b.png c) }', 'css'), []);
  });
});

describe('image scanner: web app manifests', () => {
  const manifest = [
    '{',
    '  "name": "Acme Tasks",',
    '  "icons": [',
    '    { "src": "icons/icon-192.png", "sizes": "192x192", "type": "image/png" },',
    '    { "sizes": "512x512", "src": "/icons/icon-512.png", "purpose": "any maskable" },',
    '    { "src": "https://cdn.example.com/remote.png", "sizes": "48x48" }',
    '  ],',
    '  "screenshots": [{ "src": "shots/wide.png", "sizes": "1280x720", "label": "The week view" }],',
    '  "shortcuts": [{ "name": "New", "icons": [{ "src": "icons/new\\u002dtask.png", "sizes": "96x96" }] }],',
    '  "related_applications": [{ "src": "not-an-image-list.png" }]',
    '}',
  ].join('\n');
  const found = sites(manifest, 'webmanifest');

  it('finds icons, screenshots and shortcut icons with their members, and the app name', () => {
    assert.deepEqual(found.map(brief), [
      'manifest-image icons icons/icon-192.png',
      'manifest-image icons /icons/icon-512.png',
      'manifest-image screenshots shots/wide.png',
      'manifest-image shortcuts.icons icons/new-task.png',
    ]);
    assert.deepEqual(Object.fromEntries(found[1].attributes), { sizes: '512x512', purpose: 'any maskable' });
    assert.equal(found[2].attributes.get('label'), 'The week view');
    assert.equal(scanDocument(manifest, 'webmanifest', context).title, 'Acme Tasks');
  });

  it('spans the src string (inside its quotes) and the icon object', () => {
    assert.equal(written(manifest, found[0]), 'icons/icon-192.png');
    assert.equal(written(manifest, found[3]), 'icons/new\\u002dtask.png');
    assert.equal(manifest.slice(found[0].span.start, found[0].span.end), '{ "src": "icons/icon-192.png", "sizes": "192x192", "type": "image/png" }');
  });

  it('reads what it can of a manifest with a syntax error or cut short', () => {
    const missingComma = '{ "icons": [ { "src": "a.png", "sizes": "192x192" } { "src": "b.png" "sizes": "512x512" } ] }';
    assert.deepEqual(sites(missingComma, 'webmanifest').map((site) => [site.src, site.attributes.get('sizes')]), [['a.png', '192x192'], ['b.png', '512x512']]);
    const cut = '{ "icons": [ { "src": "a.png", "sizes": "192x192" }, { "src": "b.png", "si';
    assert.deepEqual(sites(cut, 'webmanifest').map((site) => site.src), ['a.png']);
  });
});

describe('image scanner: Markdown headings and titles', () => {
  it('reads ATX and setext headings outside code, and a front matter title (which is no heading)', () => {
    const markdown = ['---', 'title: "Our guide"', '---', '# Intro #', '', 'Team', '----', '', '```', '# not a heading', '```', '## **Bold** [link](x.md) ##'].join('\n');
    const scan = scanDocument(markdown, 'markdown', context);
    assert.equal(scan.title, 'Our guide');
    assert.deepEqual(scan.headings.map((heading) => [heading.level, heading.text]), [[1, 'Intro'], [2, 'Team'], [2, 'Bold link']]);
  });
});

describe('image scanner: syntaxes', () => {
  it('knows Svelte, CSS dialects and manifests for the scan, and only the four alt-text syntaxes for alt text', () => {
    assert.equal(scanSyntaxFor('/ws/App.svelte'), 'svelte');
    assert.equal(scanSyntaxFor('/ws/a.scss', 'scss'), 'css');
    assert.equal(scanSyntaxFor('/ws/public/manifest.json', 'json'), 'webmanifest');
    assert.equal(scanSyntaxFor('/ws/site.webmanifest', 'json'), 'webmanifest');
    assert.equal(scanSyntaxFor('/ws/package.json', 'json'), undefined);
    assert.equal(scanSyntaxFor('/ws/page.tsx', 'typescriptreact'), 'jsx');
    assert.equal(syntaxForLanguageId('svelte'), undefined);
    assert.equal(syntaxForFileName('a.css'), undefined);
    assert.match(scanFileGlob(), /^\*\*\/\{.*\*\.svelte.*manifest\.json.*\}$/);
  });
});
