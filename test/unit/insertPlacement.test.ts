import { strict as assert } from 'node:assert';
import { placeReferences, type InsertionSurroundings } from '../../src/insert/placement';
import type { ReferenceFormat } from '../../src/insert/reference';

/** The line after inserting at `|` of `line` (and the next line), as the editor would show it. */
function insertAt(line: string, format: ReferenceFormat, reference: string, nextLine?: string, references = [reference]): string {
  const [before = '', after = ''] = line.split('|');
  const around: InsertionSurroundings = { before, after, nextLine, eol: '\n' };
  return before + placeReferences(references, format, around) + after + (nextLine === undefined ? '' : `\n${nextLine}`);
}

describe('placing an inserted reference', () => {
  const md = '![a fox](fox.png)';
  const tag = '<img src="fox.png" alt="x] y" />';

  it('puts a Markdown image on its own line before a heading instead of gluing it on', () => {
    assert.equal(insertAt('|# Notes', 'markdown', md), '![a fox](fox.png)\n# Notes');
  });

  it('starts a new line after the text at the end of a line (not glued to the previous line)', () => {
    assert.equal(insertAt('Some words.|', 'markdown', md), 'Some words.\n![a fox](fox.png)');
    assert.equal(insertAt('<p>Intro</p>|', 'html', '<img src="a.png" alt="a">'), '<p>Intro</p>\n<img src="a.png" alt="a">');
  });

  it('separates an image inside a sentence with spaces', () => {
    assert.equal(insertAt('See|here', 'markdown', md), 'See ![a fox](fox.png) here');
    assert.equal(insertAt('See |here', 'markdown', md), 'See ![a fox](fox.png) here');
    assert.equal(insertAt('<p>A|B</p>', 'html', '<img src="a.png" alt="a">'), '<p>A <img src="a.png" alt="a"> B</p>');
  });

  it('keeps the indentation of JSX lines', () => {
    assert.equal(insertAt('    <h1>Hi</h1>|', 'jsx', '<img src="a.png" alt="a" />'), '    <h1>Hi</h1>\n    <img src="a.png" alt="a" />');
    assert.equal(insertAt('  |<p/>', 'jsx', '<img />'), '  <img />\n  <p/>');
  });

  it('leaves an empty line as it is', () => {
    assert.equal(insertAt('|', 'markdown', md, 'Next paragraph'), '![a fox](fox.png)\nNext paragraph');
  });

  it('follows an <img> in Markdown by a blank line, so the text after it is not swallowed into an HTML block', () => {
    assert.equal(insertAt('|', 'markdown', tag, 'Next paragraph'), `${tag}\n\nNext paragraph`);
    assert.equal(insertAt('|# Notes', 'markdown', tag), `${tag}\n\n# Notes`);
    assert.equal(insertAt('# Title|', 'markdown', tag, 'Text'), `# Title\n${tag}\n\nText`);
    assert.equal(insertAt('|', 'markdown', tag, ''), `${tag}\n`);
  });

  it('puts several references on lines of their own', () => {
    assert.equal(insertAt('|# H', 'markdown', '', undefined, ['![a](a.png)', '![b](b.png)']), '![a](a.png)\n![b](b.png)\n# H');
  });

  it('only spaces CSS values and paths away from words', () => {
    assert.equal(insertAt('background: |;', 'css', 'url("a.png")'), 'background: url("a.png");');
    assert.equal(insertAt('see|', 'path', 'a.png'), 'see a.png');
    assert.equal(insertAt("import x from '|';", 'path', 'a.png'), "import x from 'a.png';");
  });

  it('keeps Windows line breaks', () => {
    assert.equal(placeReferences([md], 'markdown', { before: '', after: '# Notes', nextLine: undefined, eol: '\r\n' }), `${md}\r\n`);
  });
});
