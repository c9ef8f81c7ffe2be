// A small tolerant reader for `<img …>` start tags and their attributes, shared by HTML, Vue
// templates, JSX/TSX and raw HTML inside Markdown. It is not a full HTML parser: it only needs to
// find each <img> tag, its attributes (which may span lines) and their exact offsets.
import type { OffsetSpan } from './types';

/** One attribute of a tag, with offsets into the text. */
export interface TagAttribute {
  /** The name as written (`alt`, `:alt`, `v-bind:alt`); `...` for a JSX spread `{...props}`. */
  name: string;
  /** Name through value (the whole attribute). */
  span: OffsetSpan;
  /** The raw value without its delimiters (a JSX `{…}` value keeps its expression text); undefined for a bare attribute. */
  value: string | undefined;
  /** How the value was delimited. */
  quote: '"' | "'" | 'brace' | 'none' | undefined;
}

/** One `<img>` start tag. */
export interface ImgTag {
  /** From `<` through `>`. */
  span: OffsetSpan;
  attributes: TagAttribute[];
}

/** Options of the tag reader. */
export interface ImgTagOptions {
  /** JSX: tag names are case-sensitive and values may be `{expressions}`. */
  jsx: boolean;
}

const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f';

/** Finds the `<img>` start tags in (already masked) text. Unterminated tags are skipped. */
export function findImgTags(text: string, options: ImgTagOptions): ImgTag[] {
  const tags: ImgTag[] = [];
  const opener = options.jsx ? /<img(?=[\s/>])/g : /<img(?=[\s/>])/gi;
  for (let match = opener.exec(text); match; match = opener.exec(text)) {
    const tag = readTag(text, match.index, match.index + match[0].length, options);
    if (tag) {
      tags.push(tag);
      opener.lastIndex = tag.span.end;
    }
  }
  return tags;
}

function readTag(text: string, start: number, afterName: number, options: ImgTagOptions): ImgTag | undefined {
  const attributes: TagAttribute[] = [];
  let i = afterName;
  while (i < text.length) {
    while (isSpace(text[i])) i++;
    const ch = text[i];
    if (ch === undefined) return undefined;
    if (ch === '>') return { span: { start, end: i + 1 }, attributes };
    if (ch === '/' && text[i + 1] === '>') return { span: { start, end: i + 2 }, attributes };
    if (ch === '<') return undefined; // a new tag began: this one was never closed
    if (options.jsx && ch === '{') {
      const end = skipBraces(text, i);
      if (end === undefined) return undefined;
      attributes.push({ name: '...', span: { start: i, end }, value: text.slice(i + 1, end - 1), quote: 'brace' });
      i = end;
      continue;
    }
    const nameStart = i;
    while (i < text.length && !isSpace(text[i]) && !'=>"\'<'.includes(text[i]) && !(text[i] === '/' && text[i + 1] === '>')) i++;
    if (i === nameStart) {
      i++; // a stray character such as a lone quote or slash: step over it
      continue;
    }
    const name = text.slice(nameStart, i);
    let j = i;
    while (isSpace(text[j])) j++;
    if (text[j] !== '=') {
      attributes.push({ name, span: { start: nameStart, end: i }, value: undefined, quote: undefined });
      continue;
    }
    j++;
    while (isSpace(text[j])) j++;
    const valueStart = j;
    const first = text[j];
    if (first === '"' || first === "'") {
      const close = text.indexOf(first, j + 1);
      if (close < 0) return undefined;
      attributes.push({ name, span: { start: nameStart, end: close + 1 }, value: text.slice(j + 1, close), quote: first });
      i = close + 1;
    } else if (options.jsx && first === '{') {
      const end = skipBraces(text, j);
      if (end === undefined) return undefined;
      attributes.push({ name, span: { start: nameStart, end }, value: text.slice(j + 1, end - 1), quote: 'brace' });
      i = end;
    } else {
      while (j < text.length && !isSpace(text[j]) && text[j] !== '>') j++;
      attributes.push({ name, span: { start: nameStart, end: j }, value: text.slice(valueStart, j), quote: 'none' });
      i = j;
    }
  }
  return undefined;
}

/** The offset just after the `}` that closes the `{` at `open`, skipping JS strings and nested braces. */
function skipBraces(text: string, open: number): number | undefined {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'" || ch === '`') {
      i++;
      while (i < text.length && text[i] !== ch) {
        if (text[i] === '\\') i++;
        i++;
      }
      if (i >= text.length) return undefined;
    } else if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return undefined;
}
