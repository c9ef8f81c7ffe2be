// Long loops over thousands of files run in slices of a few milliseconds with a yield to the event
// loop between them, so the extension host keeps answering (typing, other extensions) while the
// gallery reads 20,000 sidecars. Synchronous file calls in slices measured 2-5× faster than one
// promise per file with 32 in flight (bench section g: stat 0.38-0.48×, read 0.19-0.32× the time):
// the thread-pool round trip costs more than a small file's stat or read.
import { performance } from 'node:perf_hooks';

/** How long one slice may run before yielding. */
export const SLICE_MS = 8;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** `map` over `items`, yielding to the event loop whenever a slice has run for SLICE_MS. */
export async function mapInSlices<T, R>(items: readonly T[], fn: (item: T, index: number) => R): Promise<R[]> {
  const results = new Array<R>(items.length);
  let sliceStart = performance.now();
  for (let i = 0; i < items.length; i++) {
    results[i] = fn(items[i], i);
    if (performance.now() - sliceStart >= SLICE_MS) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  }
  return results;
}
