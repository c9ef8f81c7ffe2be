// Hiding the parts of a document where an image reference is only text (code blocks, code spans,
// comments, scripts). Masked characters become spaces and line breaks stay, so every offset found
// in the masked text is valid in the original.

/** Replaces `text[start, end)` by spaces, keeping line breaks. */
function blank(chars: string[], start: number, end: number): void {
  for (let i = start; i < end && i < chars.length; i++) {
    if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
  }
}

/** Splits text into lines with their start offsets; each line excludes its line break. */
function lines(text: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  const re = /[^\r\n]*(\r\n|\r|\n|$)/g;
  for (let match = re.exec(text); match && match.index < text.length; match = re.exec(text)) {
    out.push({ start: match.index, text: match[0].replace(/[\r\n]+$/, '') });
    if (match[0] === '') break;
  }
  return out;
}

/** Width of the leading whitespace, with tabs to the next multiple of four (CommonMark's rule). */
function indentWidth(line: string): number {
  let width = 0;
  for (const ch of line) {
    if (ch === ' ') width++;
    else if (ch === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

const LIST_MARKER = /^ {0,3}([-+*]|\d{1,9}[.)])(\s|$)/;

/** Masks Markdown fenced and indented code blocks, code spans and HTML comments. */
export function maskMarkdown(text: string): string {
  // split('') gives UTF-16 code units, so indices stay string offsets even with emoji.
  const chars = text.split('');
  let fence: { char: string; length: number } | undefined;
  let previousBlank = true;
  let previousCode = false;
  let inList = false;
  for (const line of lines(text)) {
    const end = line.start + line.text.length;
    const isBlank = line.text.trim() === '';
    if (fence) {
      blank(chars, line.start, end);
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line.text);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = undefined;
      previousBlank = false;
      continue;
    }
    const open = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line.text);
    if (open && !(open[1][0] === '`' && open[2].includes('`'))) {
      fence = { char: open[1][0], length: open[1].length };
      blank(chars, line.start, end);
      previousBlank = false;
      previousCode = false;
      continue;
    }
    // An indented line is code only when it starts a new block (after a blank line, not inside a list item).
    if (!isBlank && indentWidth(line.text) >= 4 && !inList && (previousBlank || previousCode)) {
      blank(chars, line.start, end);
      previousBlank = false;
      previousCode = true;
      continue;
    }
    if (!isBlank) {
      if (LIST_MARKER.test(line.text)) inList = true;
      else if (previousBlank && indentWidth(line.text) < 2) inList = false;
      previousCode = false;
    }
    previousBlank = isBlank;
  }
  maskCodeSpans(chars);
  maskPattern(chars, /<!--[\s\S]*?(-->|$)/g);
  return chars.join('');
}

/** Masks inline code: a run of N backticks up to the next run of exactly N, within one paragraph. */
function maskCodeSpans(chars: string[]): void {
  const text = chars.join('');
  const run = /`+/g;
  for (let match = run.exec(text); match; match = run.exec(text)) {
    if (match.index > 0 && text[match.index - 1] === '\\') continue; // an escaped backtick is literal
    const ticks = match[0].length;
    const closer = new RegExp(`(?<!\`)\`{${ticks}}(?!\`)`, 'g');
    closer.lastIndex = match.index + ticks;
    const close = closer.exec(text);
    if (!close) continue;
    const paragraphBreak = /\n[ \t]*\r?\n/.exec(text.slice(match.index, close.index));
    if (paragraphBreak) continue;
    blank(chars, match.index, close.index + ticks);
    run.lastIndex = close.index + ticks;
  }
}

function maskPattern(chars: string[], pattern: RegExp): void {
  const text = chars.join('');
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0] === '') {
      pattern.lastIndex++;
      continue;
    }
    blank(chars, match.index, match.index + match[0].length);
  }
}

/** Masks HTML comments and the contents of `<script>`, `<style>` and `<textarea>` elements. */
export function maskHtml(text: string): string {
  const chars = text.split('');
  maskPattern(chars, /<!--[\s\S]*?(-->|$)/g);
  maskPattern(chars, /<(script|style|textarea)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi);
  return chars.join('');
}

/** Masks everything of a Vue single-file component outside its top-level `<template>` block, then HTML comments inside it. */
export function maskVue(text: string): string {
  const open = /^<template(\s[^>]*)?>/m.exec(text);
  const closes = [...text.matchAll(/^<\/template\s*>/gm)];
  const close = closes.at(-1);
  if (!open || !close || close.index < open.index) return maskHtml(text); // not an SFC: treat as an HTML template
  const chars = text.split('');
  blank(chars, 0, open.index + open[0].length);
  blank(chars, close.index, text.length);
  maskPattern(chars, /<!--[\s\S]*?(-->|$)/g);
  return chars.join('');
}

/** Masks JS block comments and whole-line `//` comments in JSX/TSX (commented-out markup is not a reference). */
export function maskJsx(text: string): string {
  const chars = text.split('');
  maskPattern(chars, /\/\*[\s\S]*?(\*\/|$)/g);
  // Only comments that start a line: a `//` elsewhere may be inside a URL or JSX text.
  maskPattern(chars, /^[ \t]*\/\/.*$/gm);
  return chars.join('');
}
