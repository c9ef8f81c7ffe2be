// Hiding the parts of a document where an image reference is only text (code blocks, code spans,
// comments, scripts). Masked characters become spaces and line breaks stay, so every offset found
// in the masked text is valid in the original.
//
// Every pass reads the text forwards once: a search that fails is remembered instead of being
// started again from a later point, so no crafted document makes masking slower than linear.
import { ForwardSearch } from './forwardSearch';

/** Ranges of one text to blank out (spaces, keeping line breaks), added in order and rendered once. */
class Blanks {
  private readonly ranges: number[] = []; // start, end, start, end… ascending

  /** Adds `[start, end)`, which must not start before the last range added. */
  add(start: number, end: number): void {
    const last = this.ranges.length - 1;
    if (end <= start) return;
    if (last > 0 && start <= this.ranges[last]) this.ranges[last] = Math.max(end, this.ranges[last]);
    else this.ranges.push(start, end);
  }

  /** The text with every range blanked. */
  apply(text: string): string {
    const pieces: string[] = [];
    let at = 0;
    for (let k = 0; k < this.ranges.length; k += 2) {
      const start = Math.min(this.ranges[k], text.length);
      const end = Math.min(this.ranges[k + 1], text.length);
      pieces.push(text.slice(at, start), text.slice(start, end).replace(/[^\r\n]/g, ' '));
      at = end;
    }
    pieces.push(text.slice(at));
    return pieces.join('');
  }
}

/** Calls `visit` with the [start, end) of every line (line breaks \r\n, \n or \r excluded), in order. */
function forEachLine(text: string, visit: (start: number, end: number) => void): void {
  for (let start = 0; start < text.length;) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    visit(start, end);
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
}

/** True when `text[start, end)` holds only spaces and tabs. */
function isBlankLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text[i] !== ' ' && text[i] !== '\t') return false;
  return true;
}

/** True when the sticky `pattern` matches at `start` (it must not match past the line: patterns here stop at line breaks). */
function matchesAt(pattern: RegExp, text: string, start: number): RegExpExecArray | null {
  pattern.lastIndex = start;
  return pattern.exec(text);
}

/** Width of the leading whitespace of the line at `start`, with tabs to the next multiple of four (CommonMark's rule). */
function indentWidth(text: string, start: number, end: number): number {
  let width = 0;
  for (let i = start; i < end; i++) {
    if (text[i] === ' ') width++;
    else if (text[i] === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

// Sticky patterns tried at a line's start; none crosses a line break.
const LIST_MARKER = / {0,3}([-+*]|\d{1,9}[.)])(?=[ \t\r\n]|$)/y;
const COMMENT_BLOCK_START = / {0,3}<!--/y;
const FENCE_OPEN = / {0,3}(`{3,}|~{3,})([^\r\n]*)/y;
const FENCE_CLOSE = / {0,3}(`{3,}|~{3,})[ \t]*(?=[\r\n]|$)/y;

/**
 * Masks Markdown fenced and indented code blocks, code spans and HTML comments, as CommonMark
 * reads them: a comment that starts a line is an HTML block that runs to its `-->` (or, unclosed,
 * to the end of the document, as the preview shows it); inside a paragraph `<!--` is a comment only
 * when `-->` follows in the same paragraph, else it is text and hides nothing. `html` keeps raw
 * HTML tags (to find `<img>` in); `markdown` masks them too, as `![…](…)` inside an attribute is
 * not an image.
 */
export function maskMarkdown(text: string): { markdown: string; html: string } {
  const blocks = new Blanks();
  const commentClose = new ForwardSearch(text, '-->');
  /** The offset after the `-->` closing a comment on the line [from, end), or undefined. */
  const closeOnLine = (from: number, end: number) => {
    const close = commentClose.from(from);
    return close >= 0 && close + 3 <= end ? close + 3 : undefined;
  };
  let fence: { char: string; length: number } | undefined;
  let inComment = false;
  let previousBlank = true;
  let previousCode = false;
  let inList = false;
  forEachLine(text, (start, end) => {
    const isBlank = isBlankLine(text, start, end);
    if (inComment) {
      const close = closeOnLine(start, end);
      blocks.add(start, close ?? end);
      inComment = close === undefined;
      previousBlank = false;
      return;
    }
    if (fence) {
      blocks.add(start, end);
      const close = matchesAt(FENCE_CLOSE, text, start);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = undefined;
      previousBlank = false;
      return;
    }
    const open = matchesAt(FENCE_OPEN, text, start);
    if (open && !(open[1][0] === '`' && open[2].includes('`'))) {
      fence = { char: open[1][0], length: open[1].length };
      blocks.add(start, end);
      previousBlank = false;
      previousCode = false;
      return;
    }
    // An indented line is code only when it starts a new block (after a blank line, not inside a list item).
    if (!isBlank && indentWidth(text, start, end) >= 4 && !inList && (previousBlank || previousCode)) {
      blocks.add(start, end);
      previousBlank = false;
      previousCode = true;
      return;
    }
    const comment = matchesAt(COMMENT_BLOCK_START, text, start);
    if (comment) {
      const commentStart = start + comment[0].length - 4;
      const close = closeOnLine(commentStart + 2, end); // `<!-->` is a whole (empty) comment
      blocks.add(commentStart, close ?? end);
      inComment = close === undefined;
      previousBlank = false;
      previousCode = false;
      return;
    }
    if (!isBlank) {
      if (matchesAt(LIST_MARKER, text, start)) inList = true;
      else if (previousBlank && indentWidth(text, start, end) < 2) inList = false;
      previousCode = false;
    }
    previousBlank = isBlank;
  });
  const blocksMasked = blocks.apply(text);
  const searches: InlineSearches = {
    commentClose: new ForwardSearch(blocksMasked, '-->'),
    quotes: { '"': new ForwardSearch(blocksMasked, '"'), "'": new ForwardSearch(blocksMasked, "'") },
  };
  const code = new Blanks(); // code spans and comments
  const codeAndTags = new Blanks(); // the same, and raw HTML tags
  for (const paragraph of paragraphs(blocksMasked)) maskInline(blocksMasked, paragraph, searches, code, codeAndTags);
  return { markdown: codeAndTags.apply(blocksMasked), html: code.apply(blocksMasked) };
}

/** The runs of non-blank lines (masked code counts as blank), as [start, end) offsets. */
function paragraphs(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let paragraphStart: number | undefined;
  forEachLine(text, (start, end) => {
    if (!isBlankLine(text, start, end)) paragraphStart ??= start;
    else if (paragraphStart !== undefined) {
      out.push({ start: paragraphStart, end: start });
      paragraphStart = undefined;
    }
  });
  if (paragraphStart !== undefined) out.push({ start: paragraphStart, end: text.length });
  return out;
}

/**
 * Masks the code spans and closed HTML comments of one paragraph, and lists its raw HTML tags,
 * left to right as CommonMark does (whichever starts first wins; a backslash escapes the next
 * character outside code).
 */
function maskInline(
  text: string,
  { start, end }: { start: number; end: number },
  { commentClose, quotes }: InlineSearches,
  code: Blanks,
  codeAndTags: Blanks,
): void {
  const hide = (from: number, to: number) => {
    code.add(from, to);
    codeAndTags.add(from, to);
  };
  let closers: BacktickRuns | undefined; // built when the paragraph has a backtick
  let i = start;
  while (i < end) {
    const ch = text[i];
    if (ch === '\\') i += 2;
    else if (ch === '`') {
      let runEnd = i;
      while (runEnd < end && text[runEnd] === '`') runEnd++;
      closers ??= new BacktickRuns(text, start, end);
      const close = closers.next(runEnd - i, runEnd);
      if (close === undefined) i = runEnd; // no closing run: the backticks are text
      else {
        hide(i, close + (runEnd - i));
        i = close + (runEnd - i);
      }
    } else if (ch === '<' && /[A-Za-z/]/.test(text[i + 1] ?? '')) {
      // Raw HTML: backticks inside a tag (in an alt attribute, say) are not code.
      const tagEnd = htmlTagEnd(text, i, end, quotes);
      if (text[tagEnd - 1] === '>') codeAndTags.add(i, tagEnd);
      i = tagEnd;
    } else if (ch === '<' && text.startsWith('<!--', i)) {
      const close = commentClose.from(i + 2);
      if (close < 0 || close + 3 > end) i += 4; // unclosed in this paragraph: text, hiding nothing
      else {
        hide(i, close + 3);
        i = close + 3;
      }
    } else i++;
  }
}

/** The searches of one document's inline pass (shared by its paragraphs, which come in order). */
interface InlineSearches {
  commentClose: ForwardSearch;
  quotes: Record<'"' | "'", ForwardSearch>;
}

const isHtmlSpace = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f';

/**
 * The offset after the HTML open or closing tag at `start` (markdown-it's raw HTML grammar), or,
 * when the text is not one, the offset where it stopped being one (reading goes on from there,
 * so no character is read twice).
 */
function htmlTagEnd(text: string, start: number, end: number, quotes: InlineSearches['quotes']): number {
  let i = start + 1;
  const closing = text[i] === '/';
  if (closing) i++;
  if (!/[A-Za-z]/.test(text[i] ?? '')) return i;
  while (i < end && /[A-Za-z0-9-]/.test(text[i])) i++;
  for (;;) {
    const beforeSpace = i;
    while (i < end && isHtmlSpace(text[i])) i++;
    if (text[i] === '>') return i + 1;
    if (!closing && text[i] === '/' && text[i + 1] === '>') return i + 2;
    // An attribute needs whitespace before it; a closing tag has none.
    if (closing || i === beforeSpace || !/[A-Za-z_:]/.test(text[i] ?? '')) return i;
    while (i < end && /[A-Za-z0-9:._-]/.test(text[i])) i++;
    let j = i;
    while (j < end && isHtmlSpace(text[j])) j++;
    if (text[j] !== '=') continue;
    j++;
    while (j < end && isHtmlSpace(text[j])) j++;
    const quote = text[j];
    if (quote === '"' || quote === "'") {
      const close = quotes[quote].from(j + 1);
      if (close < 0 || close >= end) return j;
      i = close + 1;
    } else {
      const valueStart = j;
      // An unquoted value: anything but quotes, `=<>` and backticks, spaces and control characters.
      while (j < end && text.charCodeAt(j) > 0x20 && !'"\'=<>`'.includes(text[j])) j++;
      if (j === valueStart) return j;
      i = j;
    }
  }
}

/** The backtick runs of one paragraph by length, to find the next run of exactly N backticks after a point (pointers only move forward). */
class BacktickRuns {
  private readonly byLength = new Map<number, number[]>();
  private readonly cursor = new Map<number, number>();

  constructor(text: string, start: number, end: number) {
    for (let i = start; i < end; i++) {
      if (text[i] !== '`') continue;
      const runStart = i;
      while (i + 1 < end && text[i + 1] === '`') i++;
      const length = i + 1 - runStart;
      const list = this.byLength.get(length) ?? [];
      list.push(runStart);
      this.byLength.set(length, list);
    }
  }

  /** The start of the first run of exactly `length` backticks at or after `from`, or undefined. */
  next(length: number, from: number): number | undefined {
    const list = this.byLength.get(length);
    if (!list) return undefined;
    let k = this.cursor.get(length) ?? 0;
    while (k < list.length && list[k] < from) k++;
    this.cursor.set(length, k);
    return list[k];
  }
}

/** Options of {@link maskHtml}. */
export interface HtmlMaskOptions {
  /** Keep the contents of `<style>` elements (to read CSS `url()`s in them). */
  keepStyles?: boolean;
}

/**
 * Masks HTML comments and the contents of `<script>`, `<style>` and `<textarea>` elements, in one
 * pass from left to right (inside a script `<!--` is script text, as in a browser). An unclosed
 * comment or element runs to the end of the document, as a browser reads it.
 */
export function maskHtml(text: string, options: HtmlMaskOptions = {}): string {
  const blanks = new Blanks();
  const opener = options.keepStyles ? /<!--|<(script|textarea)\b/gi : /<!--|<(script|style|textarea)\b/gi;
  const greaterThan = new ForwardSearch(text, '>');
  for (let match = opener.exec(text); match; match = opener.exec(text)) {
    let end: number;
    if (match[1] === undefined) {
      const close = text.indexOf('-->', match.index + 4);
      end = close < 0 ? text.length : close + 3;
    } else {
      const afterName = match.index + match[0].length;
      const tagEnd = greaterThan.from(afterName);
      if (tagEnd < 0) continue; // a start tag that never ends is not an element
      const closer = new RegExp(`</${match[1]}\\s*>`, 'gi');
      closer.lastIndex = tagEnd + 1;
      const close = closer.exec(text);
      end = close ? close.index + close[0].length : text.length;
    }
    blanks.add(match.index, end);
    opener.lastIndex = end;
  }
  return blanks.apply(text);
}

/** Masks everything of a Vue single-file component outside its top-level `<template>` block, then HTML comments inside it. */
export function maskVue(text: string): string {
  const open = templateStart(text);
  const closes = [...text.matchAll(/^<\/template\s*>/gm)];
  const close = closes.at(-1);
  if (!open || !close || close.index < open.start) return maskHtml(text); // not an SFC: treat as an HTML template
  const blanks = new Blanks();
  blanks.add(0, open.end);
  const comment = /<!--[\s\S]*?(-->|$)/g;
  comment.lastIndex = open.end;
  for (let match = comment.exec(text); match && match.index < close.index; match = comment.exec(text)) {
    blanks.add(match.index, Math.min(match.index + match[0].length, close.index));
  }
  blanks.add(close.index, text.length);
  return blanks.apply(text);
}

/** The first `<template …>` that starts a line: where it starts and the offset after its `>`. */
function templateStart(text: string): { start: number; end: number } | undefined {
  const match = /^<template(?=[\s>])/m.exec(text);
  if (!match) return undefined;
  // The first `>` closes it; when there is none, no later `<template` can close either.
  const close = text.indexOf('>', match.index);
  return close < 0 ? undefined : { start: match.index, end: close + 1 };
}

/** Masks JS block comments and whole-line `//` comments in JSX/TSX (commented-out markup is not a reference). */
export function maskJsx(text: string): string {
  return maskSlashComments(text);
}

/** Masks CSS block comments, and whole-line `//` comments (SCSS, Less, Sass). */
export function maskCss(text: string): string {
  return maskSlashComments(text);
}

/** Masks `/* … *\/` comments and `//` comments that start a line: a `//` elsewhere may be inside a URL (`url(http://…)`) or JSX text. */
function maskSlashComments(text: string): string {
  const withoutBlockComments = maskMatches(text, /\/\*[\s\S]*?(\*\/|$)/g);
  return maskMatches(withoutBlockComments, /^[ \t]*\/\/.*$/gm);
}

/** Blanks every match of a global pattern whose matches end at their closer or at the end of the text (so each match is found in one forward search). */
function maskMatches(text: string, pattern: RegExp): string {
  const blanks = new Blanks();
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0] === '') pattern.lastIndex++;
    else blanks.add(match.index, match.index + match[0].length);
  }
  return blanks.apply(text);
}
