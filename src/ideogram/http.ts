// One HTTP exchange with a deadline and cancellation, and the mapping of low-level failures
// (refused, reset, DNS, timeout, abort) to IdeogramError kinds.
import * as l10n from '@vscode/l10n';
import type { Dispatcher, FormData, Response } from 'undici';
import { IdeogramError, SETTINGS } from '../common/errors';
import { undici } from './undici';

/** Body types the client sends. */
export type RequestBody = string | FormData;

/** A finished API answer with its body read as text. */
export interface HttpAnswer { status: number; headers: Headers | Response['headers']; text: string; bytes: number }

/** A deadline signal plus the caller's signal, and how to tell which one fired. */
export interface Deadline { signal: AbortSignal; timedOut: () => boolean; cancelled: () => boolean; dispose: () => void }

/** Combines the caller's signal with a timeout of `timeoutMs`. */
export function createDeadline(timeoutMs: number, signal?: AbortSignal): Deadline {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new DOMException('timeout', 'TimeoutError')), timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
  return {
    signal: combined,
    timedOut: () => timeout.signal.aborted && !signal?.aborted,
    cancelled: () => signal?.aborted === true,
    dispose: () => clearTimeout(timer),
  };
}

function errorCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Maps a thrown fetch/stream error to an IdeogramError ('cancelled', 'timeout' or 'network'); `what` is already translated. */
export function classifyTransportError(err: unknown, deadline: Deadline, what: string, timeoutMs: number): IdeogramError {
  if (err instanceof IdeogramError) return err;
  if (deadline.cancelled()) return new IdeogramError('cancelled', l10n.t('The {0} was cancelled.', what), { cause: err });
  if (deadline.timedOut()) {
    return new IdeogramError('timeout', l10n.t('The {0} took longer than {1} s and was stopped.', what, Math.round(timeoutMs / 1000)), { cause: err });
  }
  const code = errorCode(err) ?? 'network error';
  const dns = code === 'ENOTFOUND' || code === 'EAI_AGAIN';
  const message = dns
    ? l10n.t('The {0} failed: the server name could not be resolved ({1}). Check your connection, proxy and {2}.', what, code, SETTINGS.baseUrl)
    : l10n.t('The {0} failed: the connection failed ({1}). Check your connection, proxy and {2}.', what, code, SETTINGS.baseUrl);
  return new IdeogramError('network', message, {
    cause: err, retryable: true, settingHint: dns ? SETTINGS.baseUrl : undefined,
  });
}

/** Reads a whole response body, throwing `tooLarge()` (after cancelling the rest) once it exceeds `maxBytes`. */
export async function readBytesCapped(response: Response, maxBytes: number, tooLarge: () => Error): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  if (response.body) {
    for await (const chunk of response.body) {
      bytes += chunk.byteLength;
      if (bytes > maxBytes) {
        await response.body.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(chunk);
    }
  }
  return Buffer.concat(chunks);
}

/** Reads a response body as text, failing once it exceeds `maxBytes` (an API answer is small). */
export async function readTextCapped(response: Response, maxBytes: number): Promise<{ text: string; bytes: number }> {
  const body = await readBytesCapped(response, maxBytes, () => new IdeogramError('invalid-response', l10n.t('The provider\'s answer is larger than {0} MB, which no Ideogram response is. Check {1}.', Math.round(maxBytes / 1024 / 1024), SETTINGS.baseUrl), { settingHint: SETTINGS.baseUrl }));
  return { text: body.toString('utf8'), bytes: body.byteLength };
}

/** Sends one POST and reads the whole answer (within the deadline); redirects are not followed. */
// Following a redirect would resend the key (the Api-Key header survives cross-origin redirects)
// to wherever the Location points; a moved endpoint is reported so the user updates the setting.
export async function postOnce(url: string, headers: Record<string, string>, body: RequestBody, dispatcher: Dispatcher | undefined, signal: AbortSignal): Promise<HttpAnswer> {
  const response = await undici().fetch(url, { method: 'POST', headers, body, signal, dispatcher, redirect: 'manual' });
  const { text, bytes } = await readTextCapped(response, 16 * 1024 * 1024);
  return { status: response.status, headers: response.headers, text, bytes };
}
