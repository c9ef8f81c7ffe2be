// Offsets → line/character, counting line breaks the way VS Code does (\r\n, \n and a lone \r).
import type { TextPosition, TextRange, OffsetSpan } from './types';

/** Converts string offsets of one text into zero-based line/character positions. */
export class PositionMapper {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      } else if (ch === 10 /* \n */) {
        this.lineStarts.push(i + 1);
      }
    }
  }

  /** The position of one offset. */
  position(offset: number): TextPosition {
    // Binary search for the last line starting at or before the offset.
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - this.lineStarts[low] };
  }

  /** The range of one span. */
  range(span: OffsetSpan): TextRange {
    return { start: this.position(span.start), end: this.position(span.end) };
  }
}

/**
 * The position of `offset`, counted forwards from a known `from` position at `fromOffset` (same line
 * breaks as {@link PositionMapper}). Costs the distance only, so positions inside one reference do
 * not need a map of the whole document.
 */
export function positionAfter(text: string, fromOffset: number, from: TextPosition, offset: number): TextPosition {
  let { line, character } = from;
  for (let i = fromOffset; i < offset; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 /* \n */ || (ch === 13 /* \r */ && text.charCodeAt(i + 1) !== 10)) {
      line++;
      character = 0;
    } else if (ch === 13 && i + 1 < offset) {
      i++; // \r\n is one break
      line++;
      character = 0;
    } else character++; // (an offset between \r and \n stays on the \r's line, as in PositionMapper)
  }
  return { line, character };
}
