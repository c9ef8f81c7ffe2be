// The candidates of a `srcset` attribute (`hero.png 1x, hero@2x.png 2x` or `a.png 480w, b.png 960w`),
// split as HTML's "parse a srcset attribute" does: a URL runs to the next whitespace (trailing commas
// end it), its descriptors to the next comma outside parentheses. Descriptors are kept as written.

const isSpace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f';

/** One candidate: its URL as written, where it is in the value, and its descriptor (`2x`, `480w`). */
export interface SrcsetCandidate {
  url: string;
  start: number;
  end: number;
  descriptor?: string;
}

/** The candidates of a srcset value, in order (one pass over the value). */
export function srcsetCandidates(value: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && (isSpace(value[i]) || value[i] === ',')) i++;
    if (i >= value.length) break;
    const start = i;
    while (i < value.length && !isSpace(value[i])) i++;
    let end = i;
    let descriptor: string | undefined;
    if (value[end - 1] === ',') {
      while (end > start && value[end - 1] === ',') end--; // `a.png,b.png`: the comma ends the candidate
    } else {
      const descriptorStart = i;
      let depth = 0;
      for (; i < value.length && !(value[i] === ',' && depth === 0); i++) {
        if (value[i] === '(') depth++;
        else if (value[i] === ')' && depth > 0) depth--;
      }
      descriptor = value.slice(descriptorStart, i).trim() || undefined;
    }
    if (end > start) candidates.push({ url: value.slice(start, end), start, end, ...(descriptor === undefined ? {} : { descriptor }) });
  }
  return candidates;
}
