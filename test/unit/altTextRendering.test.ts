// Alt text must not turn into template code on the way: in Svelte, Astro, Handlebars, Razor and
// other template languages, "Insert into editor" writes HTML, and `{…}`, `{{…}}` or `@(…)` in a
// description would run as code there.
import { strict as assert } from 'node:assert';
import { altTextEdit, applyAltTextEdits, findImageReferences, findMissingAltText } from '../../src/altText';
import { formatImageReference } from '../../src/insertReference';

/** Decodes the character references an HTML serialiser writes into attribute values (independent of the code under test). */
function decodeAttribute(value: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] !== '#') return named[body.toLowerCase()] ?? whole;
    return String.fromCodePoint(body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10));
  });
}

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
