// A small tolerant reader for start tags (`<img …>`, `<link …>`, `<meta …>`…) and their
// attributes, shared by HTML, Vue templates, Svelte, JSX/TSX and raw HTML inside Markdown. It is
// not a full HTML parser: it only needs to find each tag of the names asked for, its attributes
// (which may span lines) and their exact offsets.
import { ForwardSearch } from './forwardSearch';
import { BraceMatcher } from './jsBraces';
import type { OffsetSpan } from './types';

/** One attribute of a tag, with offsets into the text. */
export interface TagAttribute {
  /** The name as written (`alt`, `:alt`, `v-bind:alt`); `...` for a JSX spread `{...props}`; a Svelte shorthand `{alt}` is named by its expression (`alt`). */
  name: string;
  /** Name through value (the whole attribute). */
  span: OffsetSpan;
  /** The raw value without its delimiters (a JSX `{…}` value keeps its expression text); undefined for a bare attribute. */
  value: string | undefined;
  /** Where `value` is in the text; undefined for a bare attribute. */
  valueSpan?: OffsetSpan;
  /** How the value was delimited. */
  quote: '"' | "'" | 'brace' | 'none' | undefined;
}

/** One start tag. */
export interface HtmlTag {
  /** The tag name as written (`img`, `IMG`, `Image`). */
  name: string;
  /** From `<` through `>`. */
  span: OffsetSpan;
  attributes: TagAttribute[];
}

/** One `<img>` start tag. */
export type ImgTag = HtmlTag;

/** Options of the tag reader. */
export interface ImgTagOptions {
  /** JSX: tag names are case-sensitive and values may be `{expressions}`. */
  jsx: boolean;
  /** Svelte: values may be `{expressions}` and `{name}` is a shorthand attribute; names stay case-insensitive. */
  svelte?: boolean;
}

const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f';

/** Finds the `<img>` start tags in (already masked) text (see {@link findTags}). */
export function findImgTags(text: string, options: ImgTagOptions): ImgTag[] {
  return findTags(text, ['img'], options);
}

/**
 * Finds the start tags named `names` in (already masked) text, in document order. A tag that is
 * never closed is skipped, and reading goes on where it failed (at the `<` of the next tag, or
 * after a quote or brace that never closes), never before, and unclosed quotes and braces are
 * remembered: each character is read a bounded number of times, whatever the document looks like.
 */
export function findTags(text: string, names: readonly string[], options: ImgTagOptions): HtmlTag[] {
  const reader = new TagReader(text, options);
  const tags: HtmlTag[] = [];
  const alternatives = names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const opener = new RegExp(`<(${alternatives})(?=[\\s/>])`, options.jsx ? 'g' : 'gi');
  for (let match = opener.exec(text); match; match = opener.exec(text)) {
    const read = reader.read(match.index, match.index + match[0].length);
    if (read.tag) tags.push({ name: match[1], ...read.tag });
    opener.lastIndex = read.resume;
  }
  return tags;
}

/** Reads start tags of one text; remembers which quotes and braces never close, so no search is repeated. */
class TagReader {
  private readonly quotes: Partial<Record<'"' | "'", ForwardSearch>> = {};
  private braces: BraceMatcher | undefined;

  /** Whether attribute values may be `{expressions}` (JSX, Svelte). */
  private readonly bracedValues: boolean;

  constructor(private readonly text: string, private readonly options: ImgTagOptions) {
    this.bracedValues = options.jsx || options.svelte === true;
  }

  /** Reads the tag whose name ends at `afterName`: the tag, and where to look for the next one. */
  read(start: number, afterName: number): { tag?: Omit<HtmlTag, 'name'>; resume: number } {
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
      if (this.bracedValues && ch === '{') {
        const end = this.closeBrace(i);
        if (end === undefined) return { resume: i + 1 };
        const value = text.slice(i + 1, end - 1);
        const shorthand = this.options.svelte && !value.trimStart().startsWith('...');
        attributes.push({ name: shorthand ? value.trim() : '...', span: { start: i, end }, value, valueSpan: { start: i + 1, end: end - 1 }, quote: 'brace' });
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
        attributes.push({ name, span: { start: nameStart, end: close + 1 }, value: text.slice(j + 1, close), valueSpan: { start: j + 1, end: close }, quote: first });
        i = close + 1;
      } else if (this.bracedValues && first === '{') {
        const end = this.closeBrace(j);
        if (end === undefined) return { resume: j + 1 };
        attributes.push({ name, span: { start: nameStart, end }, value: text.slice(j + 1, end - 1), valueSpan: { start: j + 1, end: end - 1 }, quote: 'brace' });
        i = end;
      } else {
        while (j < text.length && !isSpace(text[j]) && text[j] !== '>') j++;
        attributes.push({ name, span: { start: nameStart, end: j }, value: text.slice(valueStart, j), valueSpan: { start: valueStart, end: j }, quote: 'none' });
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
