// Alt text must come out of the renderer exactly as described, and must not turn into markup or
// template code on the way. Markdown is checked with markdown-it configured as VS Code's preview
// configures it (raw HTML on, linkify on), so "exactly" means what a user sees in the preview.
import { strict as assert } from 'node:assert';
import MarkdownIt from 'markdown-it';
import { altTextEdit, applyAltTextEdits, findImageReferences, findMissingAltText, normaliseAltText } from '../../src/altText';
import { formatImageReference } from '../../src/insert/reference';

const preview = new MarkdownIt({ html: true, linkify: true });

/** Decodes the character references an HTML serialiser writes into attribute values (independent of the code under test). */
function decodeAttribute(value: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] !== '#') return named[body.toLowerCase()] ?? whole;
    return String.fromCodePoint(body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10));
  });
}

/** The decoded alt attribute of every <img> in some HTML. */
function imgAlts(html: string): string[] {
  return [...html.matchAll(/<img\b[^>]*?\balt="([^"]*)"/g)].map((match) => decodeAttribute(match[1]));
}

/** The HTML text outside tags, decoded (what a reader sees besides the images). */
function visibleText(html: string): string {
  return decodeAttribute(html.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
}

const NASTY = [
  'A lighthouse at dusk',
  'a <!-- b',
  'a <!-- b --> c',
  '<!-- starts a comment',
  'uses `code` here',
  'one ` backtick',
  '&amp; &copy; &#65; &#x42; & plain',
  'C:\\Users\\me and a trailing \\',
  '[link](y.png) and ![img](z.png)',
  'a ] b',
  'a [ b',
  '*em* _under_ **strong** snake_case',
  '~~struck~~',
  '<b>bold</b> <br> <script>x</script>',
  '<http://example.com> and <a@b.co>',
  'see http://example.com/%41?x=1 or HTTPS://EXAMPLE.COM/xn--n3h',
  'mailto:someone@example.com',
  '$x + y$ costs $5',
  'a | b | c',
  '{name} {{mustache}} @(razor) @Model.Title',
  '"double" and \'single\' quotes',
  'line one\n\nline two\ttabbed',
  '😀 émoji, 中文, ünïcödé',
  '> quote # hash - dash + plus = equals',
];

// Fragments a random description is built from: every character class with a meaning somewhere.
const FRAGMENTS = [
  'a', 'b', 'cat', ' ', ' ', ' ', '\\', '`', '``', '*', '_', '~', '~~', '[', ']', '(', ')', '<', '>', '!', '&', '&amp;', '&#65;',
  '&copy;', ';', '#', '<!--', '-->', '$', '|', '{', '}', '{{', '}}', '@', '@(', ':', 'http://', 'https://x.y/', '%41', 'www.',
  'xn--n3h', 'mailto:', '"', "'", '\n', '\t', 'é', '😀', '<img src=x>', '</p>', '-', '+', '=', '.', ',', '?', '/', '^', '\u00a0',
];

/** A deterministic pseudo-random generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomDescriptions(count: number, seed: number): string[] {
  const next = random(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const parts = 1 + Math.floor(next() * 8);
    let text = '';
    for (let p = 0; p < parts; p++) text += FRAGMENTS[Math.floor(next() * FRAGMENTS.length)];
    out.push(text);
  }
  return out;
}

/** Checks that `reference` (Markdown) renders as exactly one image with `description` as its alt, and leaves the text around it. */
function assertRendersExactly(reference: string, description: string): void {
  const expected = normaliseAltText(description);
  const paragraph = preview.render(`Before ${reference} after *done*`);
  assert.deepEqual(imgAlts(paragraph), [expected], `${JSON.stringify(description)} written as ${reference} rendered ${paragraph}`);
  assert.equal(visibleText(paragraph), 'Before after done', `the text around ${reference} changed: ${paragraph}`);
  // Alone on its line inside a paragraph, and inside a table cell, where a | would end the cell.
  assert.deepEqual(imgAlts(preview.render(`Intro\n${reference}\nOutro`)), [expected], `${reference} on its own line`);
  assert.deepEqual(imgAlts(preview.render(`| image |\n| --- |\n| ${reference} |`)), [expected], `${reference} in a table`);
}

describe('alt text rendering: Markdown (checked with markdown-it as VS Code configures it)', () => {
  it('"Insert into editor" writes a reference whose alt text renders exactly as described', () => {
    for (const description of NASTY) assertRendersExactly(formatImageReference('markdown', 'img/x.png', description), description);
  });

  it('writing alt text into an existing reference renders exactly, keeps the title and reads back the same', () => {
    for (const description of NASTY) {
      const text = 'Intro ![](img/x.png "The title") and ![][ref] after\n\n[ref]: img/y.png\n';
      const context = { documentPath: '/ws/doc.md', workspaceFolderPath: '/ws' };
      const edits = findMissingAltText(text, 'markdown', context).map((ref) => altTextEdit(text, ref, description));
      assert.equal(edits.length, 2);
      const after = applyAltTextEdits(text, edits.filter((edit) => edit !== undefined));
      const html = preview.render(after);
      const expected = normaliseAltText(description);
      assert.deepEqual(imgAlts(html), [expected, expected], `${JSON.stringify(description)}: ${after}`);
      assert.match(html, /title="The title"/, 'the title stays');
      assert.deepEqual(findImageReferences(after, 'markdown', context).map((ref) => [ref.resolvedPath, ref.alt]),
        [['/ws/img/x.png', expected], ['/ws/img/y.png', expected]], after);
    }
  });

  it('holds for 3,000 random descriptions made of Markdown, HTML and template syntax', () => {
    const context = { documentPath: '/ws/doc.md', workspaceFolderPath: '/ws' };
    for (const description of randomDescriptions(3000, 20250110)) {
      if (normaliseAltText(description) === '') continue;
      assertRendersExactly(formatImageReference('markdown', 'img/x.png', description), description);
      const text = 'Intro ![](img/x.png) after\n';
      const [ref] = findMissingAltText(text, 'markdown', context);
      const edit = altTextEdit(text, ref, description);
      assert.ok(edit);
      assert.deepEqual(imgAlts(preview.render(applyAltTextEdits(text, [edit]))), [normaliseAltText(description)], JSON.stringify(description));
    }
  });
});

describe('alt text in template languages', () => {
  const TEMPLATE_CODE = 'Hi {name} {{ user.name }} {%raw%} @(DateTime.Now) @Model.Title <?php echo 1 ?> <%= x %> ${y}';

  for (const languageId of ['html', 'svelte', 'astro', 'handlebars', 'razor', 'php', 'vue']) {
    it(`${languageId}: "Insert into editor" writes no braces or @ that the template would run`, () => {
      const written = formatImageReference(languageId, 'img/{a}@2x.png', TEMPLATE_CODE);
      const tag = /^<img src="([^"]*)" alt="([^"]*)">$/.exec(written);
      assert.ok(tag, written);
      for (const value of [tag[1], tag[2]]) assert.doesNotMatch(value, /[{}@<>]/, `${languageId}: ${written}`);
      assert.equal(decodeAttribute(tag[2]), TEMPLATE_CODE);
      assert.equal(decodeURIComponent(decodeAttribute(tag[1])), 'img/{a}@2x.png');
    });
  }

  it('a template language whose escaping is unknown gets a plain path', () => {
    for (const languageId of ['jinja-html', 'django-html', 'twig', 'blade', 'erb', 'liquid', 'nunjucks', 'pug']) {
      assert.equal(formatImageReference(languageId, 'img/x.png', TEMPLATE_CODE), 'img/x.png', languageId);
    }
  });

  it('alt text written into HTML and Vue documents is template-safe too, and reads back the same', () => {
    for (const [syntax, text] of [['html', '<img src="a.png">\n'], ['vue', '<template>\n  <img src="a.png">\n</template>\n']] as const) {
      const context = { documentPath: '/ws/doc' };
      const [ref] = findMissingAltText(text, syntax, context);
      const edit = altTextEdit(text, ref, TEMPLATE_CODE);
      assert.ok(edit);
      assert.doesNotMatch(edit.newText, /[{}@]/, `${syntax}: ${edit.newText}`);
      assert.equal(findImageReferences(applyAltTextEdits(text, [edit]), syntax, context)[0].alt, TEMPLATE_CODE);
    }
  });
});
