// What bench (g) and its child agree on: the workload's sizes and the report's shape.

/** Sizes and rounds of section (g). */
export const GALLERY_BENCH = { small: 2_000, large: 20_000, openRounds: 7, queryRuns: 41, changeRuns: 31, formatRounds: 5 } as const;

/** Medians (ms) of opening one folder. */
export interface OpenFigures { firstPageMs: number; reconciledMs: number; longestBlockMs: number }

/** What the child reports (ms unless named otherwise). */
export interface GalleryChildReport {
  node: string;
  cold: Record<'small' | 'large' | 'largeSubfolder', OpenFigures>;
  warm: Record<'small' | 'large' | 'largeSubfolder', OpenFigures>;
  query: Record<'firstPage' | 'oneWord' | 'twoWords' | 'noMatch' | 'filter' | 'dateRange' | 'nextPage' | 'oldFirstPage' | 'oldSearch', number> & { oneWordTotal: number };
  change: { createdMs: number; writeToQueryableMs: number; deletedMs: number };
  /** Write of a new result → the index's onDidChange with it queryable, through Node's fs.watch. */
  watcher: { medianMs: number; maxMs: number };
  save: { flushMs: number; fileBytes: number };
  heap: { warmIndexBytes: number; coldIndexBytes: number; parsedSidecarsBytes: number };
  /** The search design not taken: a lower-cased copy of each entry's searchable text, matched with includes. */
  lowerCopy: { oneWordMs: number; heapBytes: number };
  formats: Record<'v8' | 'json' | 'jsonLines', { decodeMs: number; encodeMs: number; bytes: number }>;
  fileCalls: { slicedStatMs: number; promiseStatMs: number; slicedReadMs: number; promiseReadMs: number };
}
