// Turning a description into the text edit that writes it as a reference's alt text.
import { escapeHtmlAttribute, isLiteralMarkdownAlt, jsStringLiteral, markdownImgTag, normaliseAltText, urlFromMarkdownDestination } from './escape';
import { positionAfter } from './positions';
import type { AltTextEdit, ImageReference, OffsetSpan } from './types';

/** The text that sets `description` as the alt text of `reference` (escaped for its syntax); undefined for an empty description. */
export function altTextChange(reference: ImageReference, description: string): { span: OffsetSpan; newText: string } | undefined {
  const text = normaliseAltText(description);
  if (text === '') return undefined;
  const slot = reference.slot;
  switch (slot.kind) {
    case 'markdown-brackets':
      if (isLiteralMarkdownAlt(text)) return { span: slot.span, newText: text };
      // Nothing can be escaped inside the brackets: the whole reference becomes an <img> tag.
      return { span: reference.span, newText: markdownImgTag(urlFromMarkdownDestination(reference.src), text, reference.title) };
    case 'attribute':
      return { span: slot.span, newText: altAttribute(text, slot.quote) };
    case 'insert-attribute':
      return { span: { start: slot.offset, end: slot.offset }, newText: ` ${altAttribute(text, '"')}` };
  }
}

function altAttribute(text: string, quote: '"' | "'" | 'brace' | 'none'): string {
  // An author who wrote alt={…} keeps an expression; every other form becomes a quoted string.
  if (quote === 'brace') return `alt={${jsStringLiteral(text)}}`;
  const q = quote === "'" ? "'" : '"';
  return `alt=${q}${escapeHtmlAttribute(text, q)}${q}`;
}

/** The edit that writes `description` as the alt text of `reference` in `text` (the document it was found in). */
export function altTextEdit(text: string, reference: ImageReference, description: string): AltTextEdit | undefined {
  const change = altTextChange(reference, description);
  if (!change) return undefined;
  // Every change lies inside the reference, so its position is counted from the reference's start:
  // many edits in one large document cost their own length, not the document's each.
  const at = (offset: number) => positionAfter(text, reference.span.start, reference.range.start, offset);
  return { span: change.span, range: { start: at(change.span.start), end: at(change.span.end) }, newText: change.newText };
}

/** Applies edits to a text (used by tests and by callers without an editor); edits must not overlap. */
export function applyAltTextEdits(text: string, edits: readonly AltTextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) {
    out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
  }
  return out;
}
