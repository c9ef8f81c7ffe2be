// What the placeholder-fill bench (k) measures, shared by its parent (bench/placeholderFill.ts) and
// the child process that runs the fills (bench/placeholderFillChild.ts).

/** Settings of the placeholder-fill bench (issue 15). */
export const FILL_BENCH = { images: 20, inflightLimit: 10, latencyMs: 500, runs: 3, width: 400, height: 300 } as const;

/** Figures the child reports: medians of the runs, and what the server saw. */
export interface FillChildReport {
  /** "Generate Missing Images" on a page of `images` missing references, server latency `latencyMs`. */
  elapsedMs: number;
  /** The same with no server latency: the local share (scan, loopback requests, fit + encode, atomic writes). */
  localMs: number;
  /** 429s the server sent during the timed runs with latency. */
  server429s: number;
  /** Images made per run that were not made (failed or skipped), summed; 0 when every run filled every reference. */
  notMade: number;
  /** The most images the server held at once. */
  inflightMax: number;
}
