// Headings of a document (and an HTML page's <title>), read to describe the images near them.
// Markdown: ATX (`## Team`) and setext (a line underlined with `===`/`---`) headings of masked
// text, so headings in code blocks are not read. Markup: `<h1>`…`<h6>` and `<title>` elements;
// each closing tag is found with a search that remembers its last answer, so an element that
// never closes costs one search, however often it opens.
import { ForwardMatch, ForwardSearch } from './forwardSearch';
import { plainText } from './plainText';
import type { Heading, ReferenceSyntax } from './types';

/** A heading's text is cut to this many characters of its source before markup is removed (keeps the work per heading bounded). */
const MAX_HEADING_SOURCE = 1000;
/** ... and to this many after. */
const MAX_HEADING_TEXT = 200;

const ATX = / {0,3}(#{1,6})(?=[ \t]|$)/y;
const SETEXT_UNDERLINE = / {0,3}(=+|-+)[ \t]*$/y;

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)^(?:---|\.\.\.)[ \t]*$/my;
const FRONT_MATTER_TITLE = /^title:(.*)$/m;

/**
 * The Markdown headings of `masked` (code, comments and tags blanked), their text read from
 * `source` (same offsets), and the `title:` of a YAML front matter block (which is not a heading).
 */
export function markdownHeadings(masked: string, source: string): { headings: Heading[]; title?: string } {
  const headings: Heading[] = [];
  let title: string | undefined;
  let previous: { start: number; end: number } | undefined; // the last non-blank line, when it is paragraph text
  let start = 0;
  FRONT_MATTER.lastIndex = 0;
  const frontMatter = FRONT_MATTER.exec(source);
  if (frontMatter) {
    title = unquote(FRONT_MATTER_TITLE.exec(frontMatter[1])?.[1].trim() ?? '') || undefined;
    start = frontMatter[0].length;
  }
  for (; start < masked.length;) {
    let end = masked.indexOf('\n', start);
    if (end < 0) end = masked.length;
    const lineEnd = masked[end - 1] === '\r' ? end - 1 : end;
    const line = masked.slice(start, lineEnd);
    ATX.lastIndex = 0;
    const atx = ATX.exec(line);
    SETEXT_UNDERLINE.lastIndex = 0;
    if (atx) {
      headings.push(heading(start, atx[1].length, atxContent(source.slice(start + atx[0].length, lineEnd))));
      previous = undefined;
    } else if (previous && SETEXT_UNDERLINE.test(line)) {
      headings.push(heading(previous.start, line.trim()[0] === '=' ? 1 : 2, source.slice(previous.start, previous.end)));
      previous = undefined;
    } else previous = line.trim() === '' ? undefined : { start, end: lineEnd };
    start = end + 1;
  }
  return { headings: headings.filter((h) => h.text !== ''), ...(title === undefined ? {} : { title }) };
}

/** A YAML scalar without its quotes (`"Our team"` → `Our team`). */
function unquote(value: string): string {
  const quote = value[0];
  return (quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote) ? value.slice(1, -1) : value;
}

/** An ATX heading's content without its closing `#` sequence (done by hand: a regex anchored at `$` would retry at every space of a long line). */
function atxContent(content: string): string {
  let text = content.trimEnd();
  let hashes = text.length;
  while (hashes > 0 && text[hashes - 1] === '#') hashes--;
  if (hashes === 0 || text[hashes - 1] === ' ' || text[hashes - 1] === '\t') text = text.slice(0, hashes);
  return text;
}

function heading(offset: number, level: number, source: string, syntax: ReferenceSyntax = 'markdown'): Heading {
  return { offset, level, text: plainText(source.slice(0, MAX_HEADING_SOURCE), syntax).slice(0, MAX_HEADING_TEXT).trim() };
}

/** The `<h1>`…`<h6>` headings and the first `<title>` of masked markup (HTML, Vue, Svelte, JSX). */
export function markupHeadings(masked: string, syntax: ReferenceSyntax): { headings: Heading[]; title?: string } {
  const headings: Heading[] = [];
  let title: string | undefined;
  const jsx = syntax === 'jsx';
  const opener = jsx ? /<(h[1-6]|title)(?=[\s>])/g : /<(h[1-6]|title)(?=[\s>])/gi;
  const tagEnd = new ForwardSearch(masked, '>');
  const closers = new Map<string, ForwardMatch>();
  for (let match = opener.exec(masked); match; match = opener.exec(masked)) {
    const name = match[1].toLowerCase();
    const contentStart = tagEnd.from(match.index + match[0].length) + 1;
    if (contentStart === 0) break; // no `>` anywhere after: no more elements
    let closer = closers.get(name);
    if (!closer) closers.set(name, (closer = new ForwardMatch(masked, new RegExp(`</${name}\\s*>`, jsx ? 'g' : 'gi'))));
    const close = closer.from(contentStart);
    if (!close) {
      opener.lastIndex = contentStart;
      continue;
    }
    const found = heading(match.index, name === 'title' ? 0 : Number(name[1]), masked.slice(contentStart, Math.min(close.index, contentStart + MAX_HEADING_SOURCE)), syntax);
    if (name === 'title') title ??= found.text || undefined;
    else if (found.text !== '') headings.push(found);
    opener.lastIndex = close.index + close[0].length;
  }
  return { headings, ...(title === undefined ? {} : { title }) };
}
