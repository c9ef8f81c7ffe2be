// Retry timing: exponential backoff with jitter so parallel clients do not retry in lockstep,
// but a server's Retry-After wins because it knows when a slot frees up.
import * as l10n from '@vscode/l10n';
import { IdeogramError } from '../common/errors';

/** Longest wait we accept from Retry-After; a longer one is capped. */
export const MAX_RETRY_AFTER_MS = 60_000;
/** Longest computed backoff delay. */
export const MAX_BACKOFF_MS = 30_000;

/** Delay before retry number `attempt` (1 = first retry). */
export function backoffDelay(attempt: number, baseMs: number, retryAfterMs?: number, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, MAX_RETRY_AFTER_MS);
  const exponential = Math.min(baseMs * 2 ** (attempt - 1), MAX_BACKOFF_MS);
  // "Equal jitter": at least half the exponential delay, so retries still spread out over time.
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

/** Waits `ms`, rejecting with a 'cancelled' IdeogramError if `signal` aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new IdeogramError('cancelled', l10n.t('The request was cancelled.')));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new IdeogramError('cancelled', l10n.t('The request was cancelled.')));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
