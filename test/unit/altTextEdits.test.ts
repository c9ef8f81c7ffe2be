import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  altTextEdit,
  applyAltTextEdits,
  escapeHtmlAttribute,
  findImageReferences,
  findMissingAltText,
  planAltTextForImage,
  type AltTextEdit,
  type ReferenceSyntax,
} from '../../src/altText';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'altText', name), 'utf8');
const TRICKY = 'A "red" <fox> & [friends] \\ o\'clock';

/** Fixes every missing alt of a fixture with one description, returning the new text. */
function fixAll(name: string, syntax: ReferenceSyntax, documentPath: string, description = TRICKY): { before: string; after: string; edits: AltTextEdit[] } {
  const before = fixture(name);
  const context = { documentPath, workspaceFolderPath: '/ws' };
  // Empty alt attributes included (ideogram.fillEmptyAltText): these tests are about the edits' escaping.
  const edits = findMissingAltText(before, syntax, context, { includeEmptyAttributes: true }).map((ref) => altTextEdit(before, ref, description)).filter((e): e is AltTextEdit => !!e);
  return { before, after: applyAltTextEdits(before, edits), edits };
}

describe('alt text escaping', () => {
  it('escapes HTML attribute text for the quote in use, and template braces and @', () => {
    assert.equal(escapeHtmlAttribute(`<a & "b" 'c'>`), '&lt;a &amp; &quot;b&quot; \'c\'&gt;');
    assert.equal(escapeHtmlAttribute(`"b" 'c'`, "'"), '"b" &#39;c&#39;');
    assert.equal(escapeHtmlAttribute('{{x}} @y'), '&#123;&#123;x&#125;&#125; &#64;y');
  });
});

describe('alt text edits', () => {
  it('Markdown: writes plain text between the brackets and nothing else', () => {
    const { after } = fixAll('sample.md', 'markdown', '/ws/docs/sample.md', 'A "red" fox & friends, o\'clock');
    const alt = 'A "red" fox & friends, o\'clock';
    assert.ok(after.includes(`![${alt}](images/empty.png)`));
    assert.ok(after.includes(`![${alt}](./images/space.png "A title")`), 'the title stays');
    assert.ok(after.includes(`![${alt}][logo]`));
    assert.ok(after.includes('![A lovely sunset](images/described.png)'), 'existing alt untouched');
    assert.ok(after.includes('![](images/in-fence.png)'), 'code untouched');
    assert.ok(after.includes('<img src="images/raw-html.png" alt="A &quot;red&quot; fox &amp; friends, o\'clock" width="200">'));
  });

  it('Markdown: alt text that Markdown would read as markup turns the reference into an <img> tag', () => {
    const { after } = fixAll('sample.md', 'markdown', '/ws/docs/sample.md');
    const alt = 'A &quot;red&quot; &lt;fox&gt; &amp; [friends] \\ o\'clock';
    assert.ok(after.includes(`<img src="images/empty.png" alt="${alt}" />`), after);
    assert.ok(after.includes(`<img src="./images/space.png" alt="${alt}" title="A title" />`), 'the title stays');
    assert.ok(after.includes(`<img src="images/with%20space.png" alt="${alt}" />`), 'the destination becomes a URL');
    assert.ok(after.includes(`<img src="images/my%20photo.png?raw=1#top" alt="${alt}" />`), 'existing escapes stay');
    assert.ok(after.includes(`<img src="images/logo.png" alt="${alt}" /> and`), 'a reference-style image gets its definition\'s destination');
    assert.ok(after.includes('![A lovely sunset](images/described.png)'), 'existing alt untouched');
  });

  it('HTML: inserts after src, replaces empty ones in the author\'s quote style, keeps others', () => {
    const { after } = fixAll('sample.html', 'html', '/ws/site/index.html', 'Tom\'s "cat"');
    assert.ok(after.includes('<img src="img/missing.png" alt="Tom\'s &quot;cat&quot;">'));
    assert.ok(after.includes('<img src="img/empty.png" alt="Tom\'s &quot;cat&quot;">'));
    assert.ok(after.includes('<IMG SRC="img/upper.png" alt=\'Tom&#39;s "cat"\'>'));
    assert.ok(after.includes('    src="img/multiline.png" alt="Tom\'s &quot;cat&quot;"\n    width="640"\n  />'));
    assert.ok(after.includes('<img src=img/unquoted.png alt="Tom\'s &quot;cat&quot;">'));
    assert.ok(after.includes('<img src="img/ok.png" alt="Already described">'));
    assert.ok(after.includes('<img src="img/decorative.png" alt="" role="presentation">'));
    assert.ok(after.includes('<!-- <img src="img/commented.png"> -->'));
  });

  it('JSX: string attributes get HTML escaping, expression attributes get a JS string', () => {
    const { after } = fixAll('sample.tsx', 'jsx', '/ws/src/Gallery.tsx');
    const html = 'A &quot;red&quot; &lt;fox&gt; &amp; [friends] \\ o\'clock';
    assert.ok(after.includes(`<img src="./missing.png" alt="${html}" />`));
    assert.ok(after.includes(`<img src="./empty.png" alt="${html}" />`));
    assert.ok(after.includes(`<img src={"./braced.png"} alt={${JSON.stringify(TRICKY)}} />`));
    assert.ok(after.includes(`<img src={'./single.png'} alt={${JSON.stringify(TRICKY)}} className="x" />`));
    assert.ok(after.includes('alt={props.alt}'));
    assert.ok(after.includes('<img src="./spread.png" {...props} />'));
  });

  it('Vue: inserts alt and leaves :alt bindings alone', () => {
    const { after } = fixAll('sample.vue', 'vue', '/ws/src/App.vue', 'A cat');
    assert.ok(after.includes('<img src="./assets/missing.png" alt="A cat">'));
    assert.ok(after.includes('<img src="./assets/empty.png" alt="A cat">'));
    assert.ok(after.includes('<img src="./assets/nested.png" alt="A cat" />'));
    assert.ok(after.includes('<img src="./assets/bound.png" :alt="caption">'));
    assert.ok(after.includes(`const html = '<img src="./assets/in-script.png">';`));
  });

  for (const [name, syntax, path] of [
    ['sample.md', 'markdown', '/ws/docs/sample.md'],
    ['sample.html', 'html', '/ws/site/index.html'],
    ['sample.tsx', 'jsx', '/ws/src/Gallery.tsx'],
    ['sample.vue', 'vue', '/ws/src/App.vue'],
  ] as const) {
    it(`${syntax}: after fixing, a re-scan reads back exactly the description and finds nothing missing`, () => {
      const description = 'Line one\n\nline "two" & <three> [4] \\ five\'s';
      const { before, after, edits } = fixAll(name, syntax, path, description);
      assert.ok(edits.length > 0);
      const context = { documentPath: path, workspaceFolderPath: '/ws' };
      assert.deepEqual(findMissingAltText(after, syntax, context), []);
      // Compared by resolved path: a Markdown destination written as an <img> src is URL-encoded (`with%20space.png`).
      const fixedPaths = new Set(findMissingAltText(before, syntax, context, { includeEmptyAttributes: true }).map((ref) => ref.resolvedPath));
      const fixed = findImageReferences(after, syntax, context).filter((ref) => fixedPaths.has(ref.resolvedPath));
      assert.equal(fixed.length, fixedPaths.size);
      for (const ref of fixed) assert.equal(ref.alt, 'Line one line "two" & <three> [4] \\ five\'s', ref.src);
    });
  }

  it('leaves a tag\'s written-empty alt="" (decorative on purpose) unless empty attributes are included; an empty Markdown alt counts', () => {
    const context = { documentPath: '/d/i.html' };
    const html = '<img src="a.png" alt=""><img src="b.png"><img src="c.png" alt=" ">';
    assert.deepEqual(findMissingAltText(html, 'html', context).map((ref) => ref.src), ['b.png']);
    assert.deepEqual(findMissingAltText(html, 'html', context, { includeEmptyAttributes: true }).map((ref) => ref.src), ['a.png', 'b.png', 'c.png']);
    const jsx = 'const A = () => <img src="a.png" alt="" />;';
    assert.deepEqual(findMissingAltText(jsx, 'jsx', { documentPath: '/d/A.jsx' }), []);
    assert.deepEqual(findMissingAltText('![](a.png)', 'markdown', { documentPath: '/d/r.md' }).map((ref) => ref.src), ['a.png']);
  });

  it('counts the edit\'s position with \\r\\n line breaks like the scanner does', () => {
    const text = 'a\r\n\r\nb <img\r\n  src="x.png">\r\n';
    const [ref] = findMissingAltText(text, 'html', { documentPath: '/d/i.html' });
    assert.deepEqual(altTextEdit(text, ref, 'A')?.range, { start: { line: 3, character: 13 }, end: { line: 3, character: 13 } });
  });

  it('gives line/character ranges for the edit and nothing for an empty description', () => {
    const text = 'x\n<img src="a.png">';
    const [ref] = findMissingAltText(text, 'html', { documentPath: '/d/i.html' });
    const edit = altTextEdit(text, ref, 'A');
    assert.deepEqual(edit?.range, { start: { line: 1, character: 16 }, end: { line: 1, character: 16 } });
    assert.equal(edit?.newText, ' alt="A"');
    assert.equal(altTextEdit(text, ref, '  \n '), undefined);
  });
});

describe('writing alt text for one image', () => {
  const text = [
    '![](img/a.png) and ![old](img/a.png) and ![](img/b.png)', // line 0
    '<img src="img/a.png" alt="kept">',
  ].join('\n');
  const context = { documentPath: '/ws/doc.md', workspaceFolderPath: '/ws' };

  it('prefers the references of that image with missing or empty alt', () => {
    const plan = planAltTextForImage(text, 'markdown', context, '/ws/img/a.png', 'New');
    assert.equal(plan.edits.length, 1);
    assert.equal(plan.replacesExisting, false);
    assert.equal(applyAltTextEdits(text, plan.edits).split('\n')[0], '![New](img/a.png) and ![old](img/a.png) and ![](img/b.png)');
  });

  it('uses the reference under the cursor, even one with alt text, and says it replaces it', () => {
    const plan = planAltTextForImage(text, 'markdown', context, '/ws/img/a.png', 'New', { cursorOffset: text.indexOf('<img') + 3 });
    assert.equal(plan.replacesExisting, true);
    assert.equal(applyAltTextEdits(text, plan.edits).split('\n')[1], '<img src="img/a.png" alt="New">');
  });

  it('replaces existing alt texts when every reference has one, and finds nothing for other images', () => {
    const described = '![one](img/a.png) ![two](./img/a.png)';
    const plan = planAltTextForImage(described, 'markdown', context, '/ws/img/a.png', 'New');
    assert.equal(plan.replacesExisting, true);
    assert.equal(applyAltTextEdits(described, plan.edits), '![New](img/a.png) ![New](./img/a.png)');
    assert.deepEqual(planAltTextForImage(described, 'markdown', context, '/ws/img/zzz.png', 'New').edits, []);
  });

  it('matches paths ignoring case only when asked', () => {
    assert.equal(planAltTextForImage('![](IMG/A.png)', 'markdown', context, '/ws/img/a.png', 'x').edits.length, 0);
    assert.equal(planAltTextForImage('![](IMG/A.png)', 'markdown', context, '/ws/img/a.png', 'x', { ignoreCase: true }).edits.length, 1);
  });
});
