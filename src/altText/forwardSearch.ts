// `indexOf` for scanners that move forwards: the answer of the last search is kept, so asking again
// from a later point that the last search already passed costs nothing. However many places a
// crafted document asks from, each character is read once per searched string.

/** Finds the next occurrence of one string, remembering the last search. */
export class ForwardSearch {
  private lastFrom = Number.POSITIVE_INFINITY;
  private lastFound = -1;

  constructor(private readonly text: string, private readonly needle: string) {}

  /** The offset of the first occurrence at or after `from`, or -1. */
  from(from: number): number {
    // The last search from `lastFrom` found `lastFound` (or nothing): any `from` in between has the same answer.
    if (from >= this.lastFrom && (this.lastFound < 0 || from <= this.lastFound)) return this.lastFound;
    this.lastFrom = from;
    this.lastFound = this.text.indexOf(this.needle, from);
    return this.lastFound;
  }
}

/** The same for a global regular expression (with no lookbehind): the next match at or after a point, remembering the last search. */
export class ForwardMatch {
  private lastFrom = Number.POSITIVE_INFINITY;
  private lastFound: RegExpExecArray | null = null;

  constructor(private readonly text: string, private readonly pattern: RegExp) {
    if (!pattern.global) throw new Error('ForwardMatch needs a global pattern');
  }

  /** The first match starting at or after `from`, or null. */
  from(from: number): RegExpExecArray | null {
    if (from >= this.lastFrom && (this.lastFound === null || from <= this.lastFound.index)) return this.lastFound;
    this.lastFrom = from;
    this.pattern.lastIndex = from;
    this.lastFound = this.pattern.exec(this.text);
    return this.lastFound;
  }
}
