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
