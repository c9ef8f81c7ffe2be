// Markdown image references: inline `![alt](dest "title")` and full reference-style
// `![alt][label]` with a `[label]: dest` definition. Collapsed `![alt][]` and shortcut `![alt]`
// forms use the alt text as the label, so they cannot have an empty alt and are not reported.
//
// Linear in the document, whatever it holds: brackets are paired in one pass; a link label is at
// most 999 characters and holds no bracket (CommonMark's rules); a title or a `<…>` destination
// ends at the next character that would start another; and parentheses in a destination nest at
// most 32 deep (the limit markdown-it and cmark use), so each character is read by a bounded
// number of destination scans.
import type { OffsetSpan } from './types';

/** One Markdown image found in (masked) text. */
export interface MarkdownImage {
  form: 'markdown-inline' | 'markdown-reference';
  /** The whole `![…](…)` or `![…][…]`. */
  span: OffsetSpan;
  /** The text between `![` and `]`. */
  altSpan: OffsetSpan;
  /** The alt text as written (escapes kept). */
  rawAlt: string;
  /** The destination with Markdown backslash escapes removed. */
  destination: string;
  /** Where an inline image's destination is written (inside `<…>` when so delimited); a reference image's is in its definition, elsewhere. */
  destinationSpan?: OffsetSpan;
  /** The title of an inline image, escapes removed; undefined when it has none. */
  title?: string;
}

const MAX_LABEL_LENGTH = 999;
const MAX_PARENTHESIS_DEPTH = 32;

/** Removes Markdown backslash escapes (`\[` → `[`); a backslash before other characters stays. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Normalises a reference label the way CommonMark matches them: case-insensitive, whitespace collapsed. */
function normaliseLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** True when a blank line starts right after the line break at `newline` (a blank line ends a paragraph). */
function blankLineAfter(text: string, newline: number): boolean {
  let i = newline + 1;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return i >= text.length || text[i] === '\n' || (text[i] === '\r' && text[i + 1] === '\n');
}

/** Reads `[label]: destination` definitions (first one of a label wins, as in CommonMark). */
export function readLinkDefinitions(text: string): Map<string, string> {
  const definitions = new Map<string, string>();
  const rest = /[ \t]*(?:\r?\n[ \t]*)?(<[^<>\n]*>|\S+)/y;
  for (let lineStart = 0; lineStart < text.length; lineStart = text.indexOf('\n', lineStart) + 1 || text.length) {
    let open = lineStart;
    while (open - lineStart < 3 && text[open] === ' ') open++;
    if (text[open] !== '[') continue;
    // The label ends at the first bracket: one that opens again makes it no label.
    let close = open + 1;
    while (close < text.length && close - open <= MAX_LABEL_LENGTH + 1) {
      const ch = text[close];
      if (ch === '\\') close += 2;
      else if (ch === ']' || ch === '[' || (ch === '\n' && blankLineAfter(text, close))) break;
      else close++;
    }
    if (text[close] !== ']' || text[close + 1] !== ':' || close - open - 1 > MAX_LABEL_LENGTH) continue;
    const label = normaliseLabel(text.slice(open + 1, close));
    rest.lastIndex = close + 2;
    const match = rest.exec(text);
    if (label === '' || !match || definitions.has(label)) continue;
    const raw = match[1].startsWith('<') ? match[1].slice(1, -1) : match[1];
    definitions.set(label, unescapeMarkdown(raw));
  }
  return definitions;
}

/** The `[…]` pairs of a text as CommonMark nests them (escapes skipped, never across a blank line), found in one pass. */
class Brackets {
  /** Per offset of a `[`: the offset after its `]` (0: none); typed arrays, as a document can hold a million brackets. */
  private readonly closeOf: Int32Array;
  /** Per offset of a `[`: 1 when another `[` is nested in it. */
  private readonly holdsBracket: Uint8Array;

  constructor(text: string) {
    this.closeOf = new Int32Array(text.length);
    this.holdsBracket = new Uint8Array(text.length);
    const open: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch === '\\' && text[i + 1] !== '\n') i++;
      else if (ch === '[') {
        if (open.length > 0) this.holdsBracket[open[open.length - 1]] = 1;
        open.push(i);
      } else if (ch === ']') {
        const start = open.pop();
        if (start !== undefined) this.closeOf[start] = i + 1;
      } else if (ch === '\n' && blankLineAfter(text, i)) open.length = 0;
    }
  }

  /** The offset just after the `]` that closes the `[` at `open`, or undefined. */
  close(open: number): number | undefined {
    return this.closeOf[open] || undefined;
  }

  /** The normalised label of the pair opening at `open`, or undefined when it cannot be a label (unclosed, too long, or holding a bracket). */
  label(text: string, open: number): string | undefined {
    const close = this.close(open);
    if (close === undefined || this.holdsBracket[open] === 1 || close - open - 2 > MAX_LABEL_LENGTH) return undefined;
    return normaliseLabel(text.slice(open + 1, close - 1));
  }
}

const isAsciiSpaceOrControl = (code: number) => code <= 0x20 || code === 0x7f;

/** Parses `(dest "title")` starting at `open` (the `(`) in masked `text`: the destination and title (read from `source`) and the offset after `)`. */
function readInlineDestination(text: string, source: string, open: number): { destination: string; destinationSpan: OffsetSpan; title?: string; end: number } | undefined {
  let i = open + 1;
  const skipSpace = () => {
    let newlines = 0;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r' || text[i] === '\n')) {
      if (text[i] === '\n' && ++newlines > 1) return false;
      i++;
    }
    return true;
  };
  if (!skipSpace()) return undefined;
  let destination: string;
  let destinationSpan: OffsetSpan;
  if (text[i] === '<') {
    // `<…>`: no line break and no unescaped `<` or `>` inside, so it ends before the next `<`.
    const start = i + 1;
    for (i = start; i < text.length && text[i] !== '>'; i++) {
      if (text[i] === '<' || text[i] === '\n' || text[i] === '\r') return undefined;
      if (text[i] === '\\') i++;
    }
    if (i >= text.length) return undefined;
    destination = source.slice(start, i);
    destinationSpan = { start, end: i };
    i++;
  } else {
    const start = i;
    let depth = 0;
    for (; i < text.length && !isAsciiSpaceOrControl(text.charCodeAt(i)); i++) {
      const ch = text[i];
      if (ch === '\\') i++;
      else if (ch === '(') {
        if (++depth > MAX_PARENTHESIS_DEPTH) return undefined;
      } else if (ch === ')') {
        if (depth === 0) break;
        depth--;
      }
    }
    if (depth !== 0) return undefined;
    destination = source.slice(start, i);
    destinationSpan = { start, end: i };
  }
  const afterDestination = i;
  if (!skipSpace()) return undefined;
  let title: string | undefined;
  const quote = text[i];
  if (i > afterDestination && (quote === '"' || quote === "'" || quote === '(')) {
    // A title ends at its closing quote, so two titles never overlap; it cannot cross a blank line.
    const closer = quote === '(' ? ')' : quote;
    const start = i + 1;
    for (i = start; i < text.length && text[i] !== closer; i++) {
      if (text[i] === '\\') i++;
      else if ((quote === '(' && text[i] === '(') || (text[i] === '\n' && blankLineAfter(text, i))) return undefined;
    }
    if (i >= text.length) return undefined;
    title = unescapeMarkdown(source.slice(start, i));
    i++;
    if (!skipSpace()) return undefined;
  }
  if (text[i] !== ')') return undefined;
  return { destination: unescapeMarkdown(destination), destinationSpan, ...(title === undefined ? {} : { title }), end: i + 1 };
}

/**
 * Finds the Markdown images in masked `text`; reference images are resolved through their
 * definitions. Alt text, destinations, titles and labels are read from `source`, the unmasked
 * document (same offsets): an alt text may hold a code span or a tag, which masking blanks.
 */
export function findMarkdownImages(text: string, source = text): MarkdownImage[] {
  const definitions = readLinkDefinitions(text);
  const brackets = new Brackets(text);
  const images: MarkdownImage[] = [];
  for (let i = text.indexOf('!['); i >= 0; i = text.indexOf('![', i)) {
    const altEnd = isEscaped(text, i) ? undefined : brackets.close(i + 1);
    if (altEnd === undefined) {
      i += 2;
      continue;
    }
    const altSpan = { start: i + 2, end: altEnd - 1 };
    const found = (form: MarkdownImage['form'], end: number, destination: string, title?: string, destinationSpan?: OffsetSpan) => {
      images.push({
        form, span: { start: i, end }, altSpan, rawAlt: source.slice(altSpan.start, altSpan.end), destination,
        ...(destinationSpan === undefined ? {} : { destinationSpan }), ...(title === undefined ? {} : { title }),
      });
      return end;
    };
    const next = text[altEnd];
    let end: number | undefined;
    if (next === '(') {
      const inline = readInlineDestination(text, source, altEnd);
      if (inline) end = found('markdown-inline', inline.end, inline.destination, inline.title, inline.destinationSpan);
    } else if (next === '[') {
      // `![alt][]` (collapsed) uses the alt text as its label.
      const labelEnd = brackets.close(altEnd);
      const label = brackets.label(source, altEnd);
      const destination = label === undefined ? undefined : definitions.get(label === '' ? brackets.label(source, i + 1) ?? '' : label);
      if (labelEnd !== undefined && destination !== undefined) end = found('markdown-reference', labelEnd, destination);
    } else {
      // `![alt]` (shortcut) also uses the alt text as its label.
      const label = brackets.label(source, i + 1);
      const destination = label ? definitions.get(label) : undefined;
      if (destination !== undefined) end = found('markdown-reference', altEnd, destination);
    }
    i = end ?? i + 2;
  }
  return images;
}

/** True when the character at `offset` is preceded by an odd number of backslashes. */
function isEscaped(text: string, offset: number): boolean {
  let count = 0;
  for (let i = offset - 1; i >= 0 && text[i] === '\\'; i--) count++;
  return count % 2 === 1;
}
