// Result downloads: each image URL is streamed into a sink (the storage's: src/storage) that
// commits it only when complete and proven to be an image. Any error or cancel aborts the sink,
// so a folder never holds a half-written image. No file writing here.
import * as l10n from '@vscode/l10n';
import type { Dispatcher } from 'undici';
import { urlForLog } from '../common/provider';
import { IdeogramError, SETTINGS } from '../common/errors';
import { classifyTransportError, createDeadline } from './http';
import { SNIFF_BYTES, sniffImageType } from '../common/imageType';
import { undici } from './undici';

/** Where one downloaded image goes. */
export interface ImageSink {
  write(chunk: Uint8Array): Promise<void>;
  /** Finalises (rename into place, never overwrite); returns the final path or URI string. */
  commit(type: { mime: string; ext: string }): Promise<string>;
  /** Removes whatever was written so far. */
  abort(): Promise<void>;
}

/** Options of downloadImage. */
export interface DownloadOptions {
  signal?: AbortSignal;
  dispatcher?: Dispatcher;
  /** Deadline for the whole download (default 120 s). */
  timeoutMs?: number;
  /** Largest accepted image (default 64 MB); bigger answers are abandoned. */
  maxBytes?: number;
}

/** A completed download. */
export interface DownloadedImage { path: string; bytes: number; mime: string }

/** Default deadline of one download. */
export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 120_000;
/** Default size cap of one download (upscaled PNGs are large, but not this large). */
export const DEFAULT_DOWNLOAD_MAX_BYTES = 64 * 1024 * 1024;

function downloadError(message: string, status?: number): IdeogramError {
  return new IdeogramError('download', message, { status });
}

// Disk problems (full disk, permissions) must not be reported as network failures.
async function toSink<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new IdeogramError('download', l10n.t('The image could not be saved ({0}).', code), { cause: err });
  }
}

/**
 * Result links we download: http(s), and data: on purpose, since relays may inline an image as a
 * data: URL; its bytes are checked and capped like any download and no network is involved. Any
 * other scheme (file:, javascript:, ftp:) is the provider's mistake and is never fetched.
 */
const RESULT_URL_SCHEMES = ['https:', 'http:', 'data:'];

function checkResultUrl(url: string): void {
  let scheme = '';
  try {
    scheme = new URL(url).protocol;
  } catch {
    // Not a URL at all: reported below without its text.
  }
  if (RESULT_URL_SCHEMES.includes(scheme)) return;
  // Only the scheme is shown: the rest of a link from outside is neither needed nor safe to echo.
  throw new IdeogramError('invalid-response', scheme
    ? l10n.t('The provider returned an unusable image link ({0}); only http(s) and data: links can be downloaded. Check {1}.', scheme, SETTINGS.baseUrl)
    : l10n.t('The provider returned an unusable image link (not a URL). Check {0}.', SETTINGS.baseUrl), { settingHint: SETTINGS.baseUrl });
}

/** Streams `url` into `sink`; checks it is a PNG/JPEG/WebP by its bytes; aborts the sink on any failure. */
export async function downloadImage(url: string, sink: ImageSink, options: DownloadOptions = {}): Promise<DownloadedImage> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_DOWNLOAD_MAX_BYTES;
  const deadline = createDeadline(timeoutMs, options.signal);
  const shownUrl = urlForLog(url);
  try {
    checkResultUrl(url);
    const response = await undici().fetch(url, { signal: deadline.signal, dispatcher: options.dispatcher, headers: { accept: 'image/*' } });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      const expired = [401, 403, 404, 410].includes(response.status);
      throw downloadError(expired
        ? l10n.t('The image link {0} is no longer available ({1}); result links expire, so generate again.', shownUrl, response.status)
        : l10n.t('Downloading {0} failed ({1}).', shownUrl, response.status), response.status);
    }
    if (!response.body) throw downloadError(l10n.t('Downloading {0} returned no data.', shownUrl));
    let bytes = 0;
    let head: Uint8Array = new Uint8Array(0);
    let type: ReturnType<typeof sniffImageType>;
    for await (const chunk of response.body) {
      bytes += chunk.byteLength;
      if (bytes > maxBytes) throw downloadError(l10n.t('The image at {0} is larger than {1} MB; stopped.', shownUrl, Math.round(maxBytes / 1024 / 1024)));
      if (!type) {
        // Hold back the first bytes until we know they are an image, so nothing else is written.
        head = Buffer.concat([head, chunk]);
        if (head.byteLength < SNIFF_BYTES) continue;
        type = sniffImageType(head);
        if (!type) throw downloadError(l10n.t('{0} did not return a PNG, JPEG or WebP image.', shownUrl));
        await toSink(() => sink.write(head));
        continue;
      }
      await toSink(() => sink.write(chunk));
    }
    if (!type) {
      type = sniffImageType(head);
      if (!type) throw downloadError(l10n.t('{0} did not return a PNG, JPEG or WebP image.', shownUrl));
      await toSink(() => sink.write(head));
    }
    const finalType = type;
    const finalPath = await toSink(() => sink.commit(finalType));
    return { path: finalPath, bytes, mime: type.mime };
  } catch (err) {
    await sink.abort().catch(() => undefined);
    if (err instanceof IdeogramError) throw err;
    const error = classifyTransportError(err, deadline, l10n.t('download of {0}', shownUrl), timeoutMs);
    // A dropped connection mid-image is a failed download, not a failed API call.
    throw error.kind === 'network' ? new IdeogramError('download', error.message, { cause: err, retryable: true }) : error;
  } finally {
    deadline.dispose();
  }
}

/** Per-image outcome of downloadAll. */
export type DownloadOutcome =
  | { ok: true; url: string; image: DownloadedImage }
  | { ok: false; url: string; error: IdeogramError };

/** Options of downloadAll. */
export interface DownloadAllOptions extends DownloadOptions {
  /** Downloads at once (default 4). */
  concurrency?: number;
}

/**
 * Downloads several images in parallel, at most `concurrency` at a time.
 * Policy: images are independent. One failure removes only that image's partial file and never
 * discards images that already succeeded or are still downloading. Cancelling `signal` stops
 * every running and queued download (each removes its own partial file); completed files stay.
 * Results are returned in input order; this function itself never rejects.
 */
export async function downloadAll(items: readonly { url: string; sink: ImageSink }[], options: DownloadAllOptions = {}): Promise<DownloadOutcome[]> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  const results: DownloadOutcome[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      const { url, sink } = items[index];
      if (options.signal?.aborted) {
        await sink.abort().catch(() => undefined);
        results[index] = { ok: false, url, error: new IdeogramError('cancelled', l10n.t('The download was cancelled.')) };
        continue;
      }
      try {
        results[index] = { ok: true, url, image: await downloadImage(url, sink, options) };
      } catch (err) {
        const error = err instanceof IdeogramError ? err : new IdeogramError('download', String(err), { cause: err });
        results[index] = { ok: false, url, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
