// Small timing helpers. These machines are shared and noisy, so every figure is a median of
// several runs, and competing variants run interleaved so they share the same noise.
import { performance } from 'node:perf_hooks';

/** Median of a non-empty list (mean of the two middle values for even lengths). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `fn` and returns its result with the wall time in milliseconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/**
 * Runs each variant `rounds` times, rotating the order every round (A B C, B C A, C A B …) so no
 * variant always goes first or last, and returns the wall times per variant.
 */
export async function interleave<K extends string>(rounds: number, variants: Record<K, () => Promise<unknown>>): Promise<Record<K, number[]>> {
  const names = Object.keys(variants) as K[];
  const times = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length];
      times[name].push((await timed(variants[name])).ms);
    }
  }
  return times;
}

/** Megabytes (2^20 bytes) with one decimal. */
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Milliseconds without decimals. */
export const ms = (value: number): string => `${Math.round(value)} ms`;

/** A ratio with two decimals and a ×. */
export const ratio = (value: number): string => `${value.toFixed(2)}×`;
