import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { join } from 'node:path';
import { findImageReferences, findMissingAltText, syntaxForFileName, syntaxForLanguageId, type ImageReference, type ReferenceSyntax } from '../../src/altText';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'altText', name), 'utf8');
const srcs = (refs: ImageReference[]) => refs.map((ref) => ref.src);
const scan = (name: string, syntax: ReferenceSyntax, documentPath: string) =>
  findImageReferences(fixture(name), syntax, { documentPath, workspaceFolderPath: '/ws' });
const byState = (refs: ImageReference[], src: string) => refs.find((ref) => ref.src === src)?.altState;

/** The src of every image VS Code's Markdown preview (markdown-it, raw HTML on) shows for a document. */
function previewImages(markdown: string): string[] {
  const html = new MarkdownIt({ html: true, linkify: true }).render(markdown);
  return [...html.matchAll(/<img\b[^>]*?\bsrc="([^"]*)"/g)].map((match) => match[1]);
}

describe('alt text scanner: Markdown', () => {
  const refs = scan('sample.md', 'markdown', '/ws/docs/sample.md');

  it('reports exactly the local images with missing or empty alt text', () => {
    const missing = findMissingAltText(fixture('sample.md'), 'markdown', { documentPath: '/ws/docs/sample.md', workspaceFolderPath: '/ws' });
    assert.deepEqual(srcs(missing), [
      'images/empty.png',
      './images/space.png',
      'images/with space.png',
      'images/my%20photo.png?raw=1#top',
      '/assets/root.png',
      'images/logo.png',
      'images/list-continuation.png',
      'images/raw-html.png',
    ]);
  });

  it('leaves existing alt text, remote URLs, escapes, undefined references, code and comments alone', () => {
    assert.equal(byState(refs, 'images/described.png'), 'present');
    assert.equal(byState(refs, 'images/logo2.png'), 'present');
    for (const skipped of ['remote.png', 'data:', 'escaped', 'missing-def', 'in-fence', 'in-tilde-fence', 'in-code-span', 'indented-code', 'in-comment']) {
      assert.ok(!refs.some((ref) => ref.src.includes(skipped)), `${skipped} should not be reported`);
    }
  });

  it('resolves paths against the document, and a leading slash against the workspace folder', () => {
    const path = (src: string) => refs.find((ref) => ref.src === src)?.resolvedPath;
    assert.equal(path('images/empty.png'), '/ws/docs/images/empty.png');
    assert.equal(path('./images/space.png'), '/ws/docs/images/space.png');
    assert.equal(path('images/my%20photo.png?raw=1#top'), '/ws/docs/images/my photo.png');
    assert.equal(path('/assets/root.png'), '/ws/assets/root.png');
    assert.equal(path('images/logo.png'), '/ws/docs/images/logo.png');
  });

  it('gives line/character ranges of the whole reference and of the alt slot', () => {
    const space = refs.find((ref) => ref.src === './images/space.png');
    assert.ok(space);
    assert.deepEqual(space.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 34 } });
    assert.equal(space.form, 'markdown-inline');
    assert.deepEqual(space.slot, { kind: 'markdown-brackets', span: { start: space.span.start + 2, end: space.span.start + 3 } });
    assert.equal(refs.find((ref) => ref.src === 'images/logo.png')?.form, 'markdown-reference');
  });

  it('counts \\r\\n as one line break', () => {
    const [ref] = findImageReferences('a\r\nb\r\n![](x.png)', 'markdown', { documentPath: '/d/a.md' });
    assert.deepEqual(ref.range.start, { line: 2, character: 0 });
  });

  it('handles titles in every form, nested brackets and parentheses in paths', () => {
    const text = "![](a.png 'single') ![](b.png (paren)) ![[x]](c.png) ![](d_(1).png)\n![](\n  e.png\n  \"title on next line\"\n)";
    const found = findImageReferences(text, 'markdown', { documentPath: '/d/doc.md' });
    assert.deepEqual(srcs(found), ['a.png', 'b.png', 'c.png', 'd_(1).png', 'e.png']);
    assert.equal(found[2].alt, '[x]');
  });

  it('does not treat a blank line inside brackets as one image', () => {
    assert.deepEqual(findImageReferences('![\n\nnot alt](x.png)', 'markdown', { documentPath: '/d/a.md' }), []);
  });

  it('an unclosed <!-- inside a paragraph hides nothing from the scanner; one that starts a line hides the rest, as in the preview', () => {
    const context = { documentPath: '/ws/doc.md' };
    const inline = 'A ![x <!-- y](a.png) and text <!-- never closed\n\n![](b.png)\n\n<img src="c.png">\n';
    assert.deepEqual(previewImages(inline), ['a.png', 'b.png', 'c.png'], 'the preview shows all three images');
    assert.deepEqual(findImageReferences(inline, 'markdown', context).map((ref) => ref.src), ['a.png', 'b.png', 'c.png']);
    const escaped = 'An escaped \\<!-- is text\n\n![](b.png)\n';
    assert.deepEqual(findImageReferences(escaped, 'markdown', context).map((ref) => ref.src), ['b.png']);
    const block = 'Text\n\n<!-- a comment block that never ends\n\n![](b.png)\n';
    assert.deepEqual(previewImages(block), [], 'markdown-it hides the rest of the document');
    assert.deepEqual(findImageReferences(block, 'markdown', context), []);
    const closed = 'A <!-- ![](hidden.png)\n--> ![](shown.png)\n';
    assert.deepEqual(findImageReferences(closed, 'markdown', context).map((ref) => ref.src), ['shown.png']);
  });

  it('reads an alt text that holds a code span or a tag as written (masking only finds the structure)', () => {
    const [ref] = findImageReferences('![a `code` and <b>bold</b>](x.png)', 'markdown', { documentPath: '/d/a.md' });
    assert.equal(ref.alt, 'a `code` and <b>bold</b>');
  });

  it('ignores image syntax inside a code span, a comment or an HTML attribute', () => {
    const text = '`![](code.png)` <!-- ![](comment.png) --> <img src="tag.png" alt="![](attr.png)"> ![](real.png)';
    assert.deepEqual(findImageReferences(text, 'markdown', { documentPath: '/d/a.md' }).map((ref) => ref.src), ['tag.png', 'real.png']);
  });

  it('leaves a leading-slash path unresolved without a workspace folder', () => {
    const [ref] = findImageReferences('![](/x.png)', 'markdown', { documentPath: '/d/a.md' });
    assert.equal(ref.resolvedPath, undefined);
  });
});

describe('alt text scanner: HTML', () => {
  const refs = scan('sample.html', 'html', '/ws/site/index.html');

  it('reports missing and empty alt, case-insensitively, across lines, bare and unquoted', () => {
    const missing = refs.filter((ref) => ref.altState === 'missing' || ref.altState === 'empty');
    assert.deepEqual(srcs(missing), ['img/missing.png', 'img/empty.png', 'img/upper.png', 'img/multiline.png', 'img/unquoted.png', 'img/a&b.png', '/static/root.png']);
    assert.equal(byState(refs, 'img/missing.png'), 'missing');
    assert.equal(byState(refs, 'img/upper.png'), 'empty');
    assert.equal(byState(refs, 'img/unquoted.png'), 'empty');
  });

  it('keeps described, decorative, remote, commented and scripted images out', () => {
    assert.equal(byState(refs, 'img/ok.png'), 'present');
    assert.equal(byState(refs, 'img/decorative.png'), 'decorative');
    for (const skipped of ['remote', 'commented', 'in-script']) assert.ok(!refs.some((ref) => ref.src.includes(skipped)), skipped);
  });

  it('spans a multi-line tag and resolves a root path against the workspace', () => {
    const multi = refs.find((ref) => ref.src === 'img/multiline.png');
    assert.ok(multi);
    assert.equal(multi.range.start.line, 6);
    assert.equal(multi.range.end.line, 10);
    assert.equal(refs.find((ref) => ref.src === '/static/root.png')?.resolvedPath, '/ws/static/root.png');
    assert.equal(refs.find((ref) => ref.src === 'img/a&b.png')?.resolvedPath, '/ws/site/img/a&b.png');
  });
});

describe('alt text scanner: JSX/TSX', () => {
  const refs = scan('sample.tsx', 'jsx', '/ws/src/Gallery.tsx');

  it('reports missing, empty string and empty expression alt for string-literal sources', () => {
    const missing = refs.filter((ref) => ref.altState === 'missing' || ref.altState === 'empty');
    assert.deepEqual(srcs(missing), ['./missing.png', './empty.png', './braced.png', './single.png', './multi.png']);
    assert.deepEqual(refs.find((ref) => ref.src === './braced.png')?.slot.kind, 'attribute');
  });

  it('treats bound alt and spreads as present, and skips imported sources, components, comments and remote URLs', () => {
    assert.equal(byState(refs, './ok.png'), 'present');
    assert.equal(byState(refs, './bound.png'), 'dynamic');
    assert.equal(byState(refs, './spread.png'), 'dynamic');
    for (const skipped of ['commented', 'block-commented', 'component', 'remote', 'logo']) assert.ok(!refs.some((ref) => ref.src.includes(skipped)), skipped);
  });
});

describe('alt text scanner: Vue', () => {
  const refs = scan('sample.vue', 'vue', '/ws/src/App.vue');

  it('reports template images without alt; :alt and v-bind:alt count as present', () => {
    const missing = refs.filter((ref) => ref.altState === 'missing' || ref.altState === 'empty');
    assert.deepEqual(srcs(missing), ['./assets/missing.png', './assets/empty.png', '@/assets/alias.png', './assets/nested.png']);
    assert.equal(byState(refs, './assets/bound.png'), 'dynamic');
    assert.equal(byState(refs, './assets/vbind.png'), 'dynamic');
    assert.equal(byState(refs, './assets/ok.png'), 'present');
    assert.ok(!refs.some((ref) => ref.src.includes('in-script')));
    assert.equal(refs.length, 7);
  });
});

describe('alt text scanner: syntax detection', () => {
  it('maps language ids and file extensions', () => {
    assert.equal(syntaxForLanguageId('typescriptreact'), 'jsx');
    assert.equal(syntaxForLanguageId('markdown'), 'markdown');
    assert.equal(syntaxForLanguageId('python'), undefined);
    assert.equal(syntaxForFileName('/a/B.VUE'), 'vue');
    assert.equal(syntaxForFileName('x.htm'), 'html');
    assert.equal(syntaxForFileName('x.ts'), undefined);
  });
});
