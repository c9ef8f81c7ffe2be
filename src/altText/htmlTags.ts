// A small tolerant reader for `<img …>` start tags and their attributes, shared by HTML, Vue
// templates, JSX/TSX and raw HTML inside Markdown. It is not a full HTML parser: it only needs to
// find each <img> tag, its attributes (which may span lines) and their exact offsets.
import { ForwardSearch } from './forwardSearch';
import { BraceMatcher } from './jsBraces';
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

/**
 * Finds the `<img>` start tags in (already masked) text. A tag that is never closed is skipped, and
 * reading goes on where it failed (at the `<` of the next tag, or after a quote or brace that never
 * closes), never before, and unclosed quotes and braces are remembered: each character is read
 * a bounded number of times, whatever the document looks like.
 */
export function findImgTags(text: string, options: ImgTagOptions): ImgTag[] {
  const reader = new TagReader(text, options);
  const tags: ImgTag[] = [];
  const opener = options.jsx ? /<img(?=[\s/>])/g : /<img(?=[\s/>])/gi;
  for (let match = opener.exec(text); match; match = opener.exec(text)) {
    const read = reader.read(match.index, match.index + match[0].length);
    if (read.tag) tags.push(read.tag);
    opener.lastIndex = read.resume;
  }
  return tags;
}

/** Reads start tags of one text; remembers which quotes and braces never close, so no search is repeated. */
class TagReader {
  private readonly quotes: Partial<Record<'"' | "'", ForwardSearch>> = {};
  private braces: BraceMatcher | undefined;

  constructor(private readonly text: string, private readonly options: ImgTagOptions) {}

  /** Reads the tag whose name ends at `afterName`: the tag, and where to look for the next one. */
  read(start: number, afterName: number): { tag?: ImgTag; resume: number } {
    const text = this.text;
    const attributes: TagAttribute[] = [];
    let i = afterName;
    while (i < text.length) {
      while (isSpace(text[i])) i++;
      const ch = text[i];
      if (ch === undefined) break;
      if (ch === '>') return { tag: { span: { start, end: i + 1 }, attributes }, resume: i + 1 };
      if (ch === '/' && text[i + 1] === '>') return { tag: { span: { start, end: i + 2 }, attributes }, resume: i + 2 };
      if (ch === '<') return { resume: i }; // a new tag began: this one was never closed
      if (this.options.jsx && ch === '{') {
        const end = this.closeBrace(i);
        if (end === undefined) return { resume: i + 1 };
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
        const close = (this.quotes[first] ??= new ForwardSearch(text, first)).from(j + 1);
        if (close < 0) return { resume: j + 1 };
        attributes.push({ name, span: { start: nameStart, end: close + 1 }, value: text.slice(j + 1, close), quote: first });
        i = close + 1;
      } else if (this.options.jsx && first === '{') {
        const end = this.closeBrace(j);
        if (end === undefined) return { resume: j + 1 };
        attributes.push({ name, span: { start: nameStart, end }, value: text.slice(j + 1, end - 1), quote: 'brace' });
        i = end;
      } else {
        while (j < text.length && !isSpace(text[j]) && text[j] !== '>') j++;
        attributes.push({ name, span: { start: nameStart, end: j }, value: text.slice(valueStart, j), quote: 'none' });
        i = j;
      }
    }
    return { resume: text.length }; // the text ended inside the tag
  }

  /** The offset after the `}` that closes the JSX expression at `open`, skipping JS strings and nested braces. */
  private closeBrace(open: number): number | undefined {
    return (this.braces ??= new BraceMatcher(this.text)).close(open);
  }
}
