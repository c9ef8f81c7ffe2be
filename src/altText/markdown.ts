// Markdown image references: inline `![alt](dest "title")` and full reference-style
// `![alt][label]` with a `[label]: dest` definition. Collapsed `![alt][]` and shortcut `![alt]`
// forms use the alt text as the label, so they cannot have an empty alt and are not reported.
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
}

/** Removes Markdown backslash escapes (`\[` → `[`); a backslash before other characters stays. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Normalises a reference label the way CommonMark matches them: case-insensitive, whitespace collapsed. */
function normaliseLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Reads `[label]: destination "title"` definitions (first one of a label wins, as in CommonMark). */
export function readLinkDefinitions(text: string): Map<string, string> {
  const definitions = new Map<string, string>();
  const re = /^ {0,3}\[((?:[^\]\\]|\\.){1,999})\]:[ \t]*(?:\r?\n[ \t]*)?(<[^<>\n]*>|\S+)/gm;
  for (let match = re.exec(text); match; match = re.exec(text)) {
    const label = normaliseLabel(match[1]);
    if (label === '' || definitions.has(label)) continue;
    const raw = match[2].startsWith('<') ? match[2].slice(1, -1) : match[2];
    definitions.set(label, unescapeMarkdown(raw));
  }
  return definitions;
}

/** The offset just after the `]` matching the `[` at `open` (brackets nest, backslash escapes skip), or undefined. */
function closeBracket(text: string, open: number): number | undefined {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '[') depth++;
    else if (ch === ']') {
      depth--;
      if (depth === 0) return i + 1;
    } else if (ch === '\n' && /^\n[ \t]*(\r?\n|$)/.test(text.slice(i))) return undefined; // a blank line ends the paragraph
  }
  return undefined;
}

/** Parses `(dest "title")` starting at `open` (the `(`): the destination and the offset after `)`. */
function readInlineDestination(text: string, open: number): { destination: string; end: number } | undefined {
  let i = open + 1;
  const skipSpace = () => {
    let newlines = 0;
    while (i < text.length && /[ \t\r\n]/.test(text[i])) {
      if (text[i] === '\n' && ++newlines > 1) return false;
      i++;
    }
    return true;
  };
  if (!skipSpace()) return undefined;
  let destination: string;
  if (text[i] === '<') {
    const close = text.indexOf('>', i);
    if (close < 0 || text.slice(i, close).includes('\n')) return undefined;
    destination = text.slice(i + 1, close);
    i = close + 1;
  } else {
    const start = i;
    let depth = 0;
    while (i < text.length && !/[\s]/.test(text[i])) {
      if (text[i] === '\\') i++;
      else if (text[i] === '(') depth++;
      else if (text[i] === ')') {
        if (depth === 0) break;
        depth--;
      }
      i++;
    }
    destination = text.slice(start, i);
  }
  if (!skipSpace()) return undefined;
  const quote = text[i];
  if (quote === '"' || quote === "'" || quote === '(') {
    const closer = quote === '(' ? ')' : quote;
    i++;
    while (i < text.length && text[i] !== closer) {
      if (text[i] === '\\') i++;
      i++;
    }
    if (i >= text.length) return undefined;
    i++;
    if (!skipSpace()) return undefined;
  }
  if (text[i] !== ')') return undefined;
  return { destination: unescapeMarkdown(destination), end: i + 1 };
}

/** Finds the Markdown images in masked text; reference images are resolved through their definitions. */
export function findMarkdownImages(text: string): MarkdownImage[] {
  const definitions = readLinkDefinitions(text);
  const images: MarkdownImage[] = [];
  for (let i = text.indexOf('!['); i >= 0; i = text.indexOf('![', i)) {
    if (isEscaped(text, i)) {
      i += 2;
      continue;
    }
    const altEnd = closeBracket(text, i + 1);
    if (altEnd === undefined) {
      i += 2;
      continue;
    }
    const altSpan = { start: i + 2, end: altEnd - 1 };
    const rawAlt = text.slice(altSpan.start, altSpan.end);
    const next = text[altEnd];
    if (next === '(') {
      const inline = readInlineDestination(text, altEnd);
      if (inline) {
        images.push({ form: 'markdown-inline', span: { start: i, end: inline.end }, altSpan, rawAlt, destination: inline.destination });
        i = inline.end;
        continue;
      }
    } else if (next === '[') {
      const labelEnd = closeBracket(text, altEnd);
      const label = labelEnd === undefined ? '' : normaliseLabel(text.slice(altEnd + 1, labelEnd - 1));
      // `![alt][]` (collapsed) uses the alt text as its label.
      const destination = definitions.get(label === '' ? normaliseLabel(rawAlt) : label);
      if (labelEnd !== undefined && destination !== undefined) {
        images.push({ form: 'markdown-reference', span: { start: i, end: labelEnd }, altSpan, rawAlt, destination });
        i = labelEnd;
        continue;
      }
    } else {
      // `![alt]` (shortcut) also uses the alt text as its label.
      const destination = definitions.get(normaliseLabel(rawAlt));
      if (destination !== undefined) {
        images.push({ form: 'markdown-reference', span: { start: i, end: altEnd }, altSpan, rawAlt, destination });
        i = altEnd;
        continue;
      }
    }
    i += 2;
  }
  return images;
}

/** True when the character at `offset` is preceded by an odd number of backslashes. */
function isEscaped(text: string, offset: number): boolean {
  let count = 0;
  for (let i = offset - 1; i >= 0 && text[i] === '\\'; i--) count++;
  return count % 2 === 1;
}
