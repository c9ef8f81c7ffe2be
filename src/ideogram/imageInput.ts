// Input images for remix/upscale/describe: checked by content and size before anything is sent,
// then turned into a multipart file part (streamed from disk), a URL or a data: URL.
import { openAsBlob } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import type { ImageTransport } from './dialects';
import { IdeogramError, SETTINGS } from './errors';
import { MAX_IMAGE_BYTES, SNIFF_BYTES, sniffImageType, type ImageType } from './imageType';

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

function prepareBytes(data: Uint8Array, name: string): PreparedImage {
  const shown = path.basename(name || 'image');
  checkSize(data.byteLength, shown);
  const type = checkType(data.subarray(0, SNIFF_BYTES), shown);
  return {
    kind: 'blob', type, size: data.byteLength, filename: fileNameFor(name, type),
    blob: () => Promise.resolve(new Blob([data], { type: type.mime })),
    bytes: () => Promise.resolve(data),
  };
}

function prepareUrl(url: string): PreparedImage {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid(l10n.t('The image URL is not a valid URL.'));
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw invalid(l10n.t('The image URL must start with https://.'));
  return { kind: 'url', url: parsed.toString() };
}

/** Checks an input image (type by content, at most 10 MB, matches the transport) without sending anything. */
export async function prepareImage(input: ImageInput, transport: ImageTransport): Promise<PreparedImage> {
  if (input.kind === 'url') {
    if (transport !== 'url') {
      throw invalid(l10n.t('An image given as a link can only be sent with {0} set to url; download it first or change the setting.', SETTINGS.imageTransport), SETTINGS.imageTransport);
    }
    return prepareUrl(input.url);
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
