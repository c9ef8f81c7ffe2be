// Input images for remix/upscale/describe: checked by content and size before anything is sent,
// then turned into a multipart file part (streamed from disk), a URL or a data: URL. A hosted
// image (an http(s) link) is sent as the link with the url transport; the others upload it, so it
// is downloaded first (bounded, checked, cancellable, through the client's proxy).
import { openAsBlob } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import type { Dispatcher } from 'undici';
import { urlForLog, type ImageTransport } from '../common/provider';
import { IdeogramError, SETTINGS } from '../common/errors';
import { classifyTransportError, createDeadline, readBytesCapped } from './http';
import { MAX_IMAGE_BYTES, SNIFF_BYTES, sniffImageType, type ImageType } from '../common/imageType';
import { undici } from './undici';

/** An image to send: a local file (streamed), bytes already in memory, or a hosted URL. */
export type ImageInput =
  | { kind: 'file'; path: string }
  | { kind: 'bytes'; data: Uint8Array; name: string }
  | { kind: 'url'; url: string };

/** A checked input image, ready to be encoded for one transport. */
export type PreparedImage =
  | { kind: 'blob'; type: ImageType; size: number; filename: string; blob: () => Promise<Blob>; bytes: () => Promise<Uint8Array> }
  | { kind: 'url'; url: string };

function invalid(message: string, settingHint?: string, cause?: unknown): IdeogramError {
  return new IdeogramError('invalid-request', message, { settingHint, cause, issues: [{ field: 'image_file', message }] });
}

// The part's file name must agree with its content: relays and the API may trust the extension.
function fileNameFor(name: string, type: ImageType): string {
  const base = path.basename(name || 'image').replace(/\.[^.]*$/, '') || 'image';
  return `${base}.${type.ext}`;
}

// `name` is the file's base name, shown in the message.
function checkSize(size: number, name: string): void {
  if (size > MAX_IMAGE_BYTES) {
    throw invalid(l10n.t('The image {0} is {1} MB; Ideogram accepts images of at most 10 MB.', name, (size / 1024 / 1024).toFixed(1)));
  }
  if (size === 0) throw invalid(l10n.t('The image {0} is empty.', name));
}

function checkType(head: Uint8Array, name: string): ImageType {
  const type = sniffImageType(head);
  if (!type) throw invalid(l10n.t('The image {0} is not a PNG, JPEG or WebP image (checked by its content).', name));
  return type;
}

async function readHead(filePath: string): Promise<Uint8Array> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function prepareFile(filePath: string): Promise<PreparedImage> {
  const name = path.basename(filePath);
  let size: number;
  let head: Uint8Array;
  try {
    const info = await stat(filePath);
    if (!info.isFile()) throw invalid(l10n.t('The image {0} is not a file.', name));
    size = info.size;
    checkSize(size, name);
    head = await readHead(filePath);
  } catch (err) {
    if (err instanceof IdeogramError) throw err;
    throw invalid(l10n.t('The image {0} cannot be read ({1}).', name, (err as NodeJS.ErrnoException).code ?? 'error'), undefined, err);
  }
  const type = checkType(head, name);
  return {
    kind: 'blob', type, size, filename: fileNameFor(filePath, type),
    // openAsBlob reads lazily, so a multipart upload streams from disk instead of buffering the file.
    blob: () => openAsBlob(filePath, { type: type.mime }) as Promise<Blob>,
    bytes: async () => new Uint8Array(await readFile(filePath)),
  };
}

// `shown` names the image in messages (the file's base name, or a downloaded image's link).
function prepareBytes(data: Uint8Array, name: string, shown = path.basename(name || 'image')): PreparedImage {
  checkSize(data.byteLength, shown);
  const type = checkType(data.subarray(0, SNIFF_BYTES), shown);
  return {
    kind: 'blob', type, size: data.byteLength, filename: fileNameFor(name, type),
    blob: () => Promise.resolve(new Blob([data], { type: type.mime })),
    bytes: () => Promise.resolve(data),
  };
}

function checkedUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid(l10n.t('The image URL is not a valid URL.'));
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw invalid(l10n.t('The image URL must start with https://.'));
  return parsed;
}

/** How a hosted image is fetched when the transport uploads it: the client's proxy, its deadline and the caller's cancel. */
export interface HostedImageFetch { dispatcher?: Dispatcher; signal?: AbortSignal; timeoutMs: number }

// The link's last path segment names the upload (its extension is corrected from the content).
function nameFromUrl(url: URL): string {
  const last = url.pathname.split('/').filter(Boolean).pop() ?? '';
  try {
    return decodeURIComponent(last) || 'image';
  } catch {
    return last || 'image';
  }
}

async function downloadHostedImage(url: URL, fetchOptions: HostedImageFetch): Promise<PreparedImage> {
  const shown = urlForLog(url.toString());
  const tooLarge = (): IdeogramError => invalid(l10n.t('The image at {0} is larger than 10 MB; Ideogram accepts images of at most 10 MB.', shown));
  const deadline = createDeadline(fetchOptions.timeoutMs, fetchOptions.signal);
  try {
    const response = await undici().fetch(url, { signal: deadline.signal, dispatcher: fetchOptions.dispatcher, headers: { accept: 'image/png, image/jpeg, image/webp' } });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw invalid(l10n.t('The image at {0} could not be downloaded ({1}).', shown, response.status));
    }
    // A declared size over the limit is refused before its body is read.
    if (Number(response.headers.get('content-length') ?? 0) > MAX_IMAGE_BYTES) {
      await response.body?.cancel().catch(() => undefined);
      throw tooLarge();
    }
    const bytes = await readBytesCapped(response, MAX_IMAGE_BYTES, tooLarge);
    return prepareBytes(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), nameFromUrl(url), shown);
  } catch (err) {
    if (err instanceof IdeogramError) throw err;
    const error = classifyTransportError(err, deadline, l10n.t('download of {0}', shown), fetchOptions.timeoutMs);
    if (error.kind !== 'network') throw error;
    // The link is the user's, not the provider's: point at it rather than at ideogram.baseUrl.
    throw new IdeogramError('network', l10n.t('The image at {0} could not be downloaded: the connection failed. Check the link, your connection and proxy.', shown), { cause: err });
  } finally {
    deadline.dispose();
  }
}

/**
 * Checks an input image (type by content, at most 10 MB, matches the transport) without sending
 * anything to the provider. A hosted image is sent as its link with the url transport; with the
 * others it is downloaded here (through `fetchOptions`) and uploaded like a local file.
 */
export async function prepareImage(input: ImageInput, transport: ImageTransport, fetchOptions: HostedImageFetch): Promise<PreparedImage> {
  if (input.kind === 'url') {
    const url = checkedUrl(input.url);
    return transport === 'url' ? { kind: 'url', url: url.toString() } : downloadHostedImage(url, fetchOptions);
  }
  if (transport === 'url') {
    throw invalid(l10n.t('{0} is url, which sends a link to an image that is already hosted; for a local image choose multipart or data-url.', SETTINGS.imageTransport), SETTINGS.imageTransport);
  }
  return input.kind === 'file' ? prepareFile(input.path) : prepareBytes(input.data, input.name);
}

/** Encodes a prepared image as a base64 `data:` URL (the data-url transport). */
export async function toDataUrl(image: Extract<PreparedImage, { kind: 'blob' }>): Promise<string> {
  const bytes = await image.bytes();
  return `data:${image.type.mime};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`;
}
