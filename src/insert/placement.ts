// Where an inserted image reference sits relative to the text around the cursor: a reference is
// never glued onto a word or onto a line's markup (`![fox](a.png)# Notes` destroys a heading).
// Pure (no vscode): the caller supplies the line around the insertion point.
import type { ReferenceFormat } from './reference';

/** The text around one insertion point (a cursor, or a selection being replaced). */
export interface InsertionSurroundings {
  /** The line's text before the insertion point. */
  before: string;
  /** The line's text after the insertion point (after the selection's end). */
  after: string;
  /** The text of the next line, or undefined on the last line. */
  nextLine: string | undefined;
  /** The document's line break (`\n` or `\r\n`). */
  eol: string;
}

const WORD_END = /[\p{L}\p{N}_]$/u;
const WORD_START = /^[\p{L}\p{N}_]/u;
// Formats that are elements of their own: alone on a line unless the cursor is inside a sentence.
const BLOCK_FORMATS: ReadonlySet<ReferenceFormat> = new Set(['markdown', 'html', 'jsx']);

/**
 * The text to insert for `references` (already formatted) so that none is joined to its
 * neighbours. Markdown/HTML/JSX go on their own line when the cursor is at the start or end of a
 * line's text or on an empty line (block context), and between spaces inside a sentence (inline
 * context); CSS values and plain paths only get a space where they would touch a word.
 */
export function placeReferences(references: readonly string[], format: ReferenceFormat, around: InsertionSurroundings): string {
  const hasBefore = around.before.trim() !== '';
  const hasAfter = around.after.trim() !== '';
  if (!BLOCK_FORMATS.has(format)) {
    const text = references.join(' ');
    return `${WORD_END.test(around.before) ? ' ' : ''}${text}${WORD_START.test(around.after) ? ' ' : ''}`;
  }
  if (hasBefore && hasAfter) {
    // Inside a sentence: an inline image between spaces.
    const text = references.join(' ');
    return `${/\s$/u.test(around.before) ? '' : ' '}${text}${/^\s/u.test(around.after) ? '' : ' '}`;
  }
  // New lines take the line's indentation (a cursor in the indentation keeps the text's own).
  const indent = hasBefore ? (/^\s*/u.exec(around.before)?.[0] ?? '') : around.before;
  const text = references.join(around.eol + indent);
  // In Markdown, an `<img>` alone on a line opens an HTML block that swallows the lines after
  // it up to a blank line (CommonMark "HTML blocks", kind 7): keep a blank line after it.
  const blankAfter = format === 'markdown' && references.some((r) => r.startsWith('<')) ? around.eol : '';
  let tail = '';
  if (hasAfter) tail = around.eol + blankAfter + indent;
  else if (around.nextLine !== undefined && around.nextLine.trim() !== '') tail = blankAfter;
  // Text before the cursor on this line: the reference starts a new line.
  const head = hasBefore ? around.eol + indent : '';
  return head + text + tail;
}
