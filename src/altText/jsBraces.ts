// Where a JSX attribute expression `{…}` ends: braces nest, and braces inside JS string literals
// do not count. Asked from many openers (`<img {` a hundred thousand times), a plain forward
// scan from each would read the rest of the document each time. So every answer is remembered
// per (offset, lexer state): two scans that reach the same offset in the same state run the same
// way from there on, and each pair is walked at most once per document.

const enum Lexer { Code = 0, Single = 1, Double = 2, Template = 3 }
const STATES = 4;
const NEVER = -1; // in the memo: the group never closes (0 means not known yet)

const QUOTE_STATE: Record<string, Lexer | undefined> = { "'": Lexer.Single, '"': Lexer.Double, '`': Lexer.Template };
const QUOTE_OF: Record<Lexer, string> = { [Lexer.Code]: '', [Lexer.Single]: "'", [Lexer.Double]: '"', [Lexer.Template]: '`' };

/** Finds the `}` that closes a `{` in one text, remembering what every search learnt. */
export class BraceMatcher {
  /** Per (offset, state): the offset after the `}` that closes the innermost group open there, NEVER, or 0 (unknown). */
  private memo: Int32Array | undefined;

  constructor(private readonly text: string) {}

  /** The offset just after the `}` that closes the `{` at `open`, or undefined when it never closes. */
  close(open: number): number | undefined {
    const end = this.groupEnd(open + 1);
    return end === NEVER ? undefined : end;
  }

  /**
   * The end of the group that starts (in code) at `start`. Iterative, with an explicit stack of
   * nested groups: the states walked in each group all share its end, which is written once known.
   */
  private groupEnd(start: number): number {
    const text = this.text;
    const memo = (this.memo ??= new Int32Array((text.length + 1) * STATES));
    const pending: number[] = []; // memo keys waiting for their group's end
    const groupStarts: number[] = [0]; // where each open group's keys begin in `pending`
    let offset = start;
    let state: Lexer = Lexer.Code;
    for (;;) {
      let end = 0;
      if (offset >= text.length) end = NEVER;
      else {
        const key = offset * STATES + state;
        end = memo[key];
        if (end === 0) {
          pending.push(key);
          const ch = text[offset];
          if (state === Lexer.Code) {
            if (ch === '}') end = offset + 1;
            else {
              if (ch === '{') groupStarts.push(pending.length); // a nested group: its own keys follow
              else state = QUOTE_STATE[ch] ?? Lexer.Code;
              offset++;
              continue;
            }
          } else {
            if (ch === '\\') offset += 2;
            else {
              if (ch === QUOTE_OF[state]) state = Lexer.Code;
              offset++;
            }
            continue;
          }
        }
      }
      // The innermost open group ends at `end`: record it for every state walked in it.
      const from = groupStarts.pop() ?? 0;
      for (let k = from; k < pending.length; k++) memo[pending[k]] = end;
      pending.length = from;
      if (groupStarts.length === 0) return end;
      // Back in the enclosing group, which goes on after the nested one (or never closes either).
      if (end === NEVER) continue;
      offset = end;
      state = Lexer.Code;
    }
  }
}
