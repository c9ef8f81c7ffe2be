// Turning a description into the text edit that writes it as a reference's alt text.
import { escapeHtmlAttribute, escapeMarkdownAlt, jsStringLiteral, normaliseAltText } from './escape';
import { PositionMapper } from './positions';
import type { AltSlot, AltTextEdit, ImageReference, OffsetSpan } from './types';

/** The text that sets `description` as the alt text of one slot (escaped for its syntax); undefined for an empty description. */
export function altTextForSlot(slot: AltSlot, description: string): { span: OffsetSpan; newText: string } | undefined {
  const text = normaliseAltText(description);
  if (text === '') return undefined;
  switch (slot.kind) {
    case 'markdown-brackets':
      return { span: slot.span, newText: escapeMarkdownAlt(text) };
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
  const change = altTextForSlot(reference.slot, description);
  if (!change) return undefined;
  const positions = new PositionMapper(text);
  return { span: change.span, range: positions.range(change.span), newText: change.newText };
}

/** Applies edits to a text (used by tests and by callers without an editor); edits must not overlap. */
export function applyAltTextEdits(text: string, edits: readonly AltTextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.span.start - a.span.start)) {
    out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
  }
  return out;
}
