// Ideogram limits images in flight per organisation (default 10), not requests. Counting images
// on our side makes a batch queue here instead of failing with 429 at the provider.
import * as l10n from '@vscode/l10n';
import { IdeogramError } from '../common/errors';

interface Waiter { slots: number; grant: () => void }

/** A FIFO semaphore over image slots; a request larger than the limit runs alone. */
export class InflightLimiter {
  private inflight = 0;
  private readonly queue: Waiter[] = [];

  /** `limit`: images allowed in flight at once (at least 1). */
  constructor(readonly limit: number) {
    if (!Number.isFinite(limit) || limit < 1) throw new RangeError('InflightLimiter limit must be at least 1');
  }

  /** Images currently in flight. */
  get active(): number {
    return this.inflight;
  }

  /** Requests waiting for slots. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Waits for `slots` images' worth of room; resolves to a release function (safe to call twice). */
  acquire(slots: number, signal?: AbortSignal): Promise<() => void> {
    const wanted = Math.max(1, Math.floor(slots));
    if (signal?.aborted) return Promise.reject(cancelled());
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        slots: wanted,
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          this.inflight += wanted;
          let released = false;
          resolve(() => {
            if (released) return;
            released = true;
            this.inflight -= wanted;
            this.pump();
          });
        },
      };
      const onAbort = (): void => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) this.queue.splice(index, 1);
        reject(cancelled());
        // The head may have been blocked behind this waiter's size.
        this.pump();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
      this.pump();
    });
  }

  // Strict FIFO: a small request never overtakes a big one, so big ones cannot starve.
  private pump(): void {
    while (this.queue.length > 0) {
      const head = this.queue[0];
      const fits = this.inflight + head.slots <= this.limit || this.inflight === 0;
      if (!fits) return;
      this.queue.shift();
      head.grant();
    }
  }
}

function cancelled(): IdeogramError {
  return new IdeogramError('cancelled', l10n.t('The request was cancelled while waiting for a free slot.'));
}
