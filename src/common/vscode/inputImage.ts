// Input images of remix/upscale/describe, checked (type by content, size) before any upload.
// `file:` images are handed to the client as a path, which streams them from disk; other schemes
// can only be read whole through workspace.fs (see storageFor.ts for why `file:` is right remotely).
import { open } from 'node:fs/promises';
import * as vscode from 'vscode';
import { MAX_IMAGE_BYTES, SNIFF_BYTES, sniffImageType } from '../imageType';
import { urlForLog } from '../provider';
import type { ImageInput } from '../../ideogram';
import { UserFacingError } from '../userFacingError';
import { workspaceRelativePath } from './workspace';

async function readHead(file: string): Promise<{ head: Uint8Array; size: number }> {
  const handle = await open(file, 'r');
  try {
    const info = await handle.stat();
    // Linux opens a folder for reading; say what it is rather than failing on the read.
    if (info.isDirectory()) throw Object.assign(new Error(`${file} is a directory`), { code: 'EISDIR' });
    const { size } = info;
    const head = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
    return { head: head.subarray(0, bytesRead), size };
  } finally {
    await handle.close();
  }
}

// Why an input image could not be read, in the user's terms (Node fs codes for `file:`,
// FileSystemError codes through workspace.fs).
function unreadable(name: string, err: unknown): string {
  const code = err instanceof vscode.FileSystemError ? err.code : (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
    case 'FileNotFound':
      return vscode.l10n.t('{0} was not found.', name);
    case 'EISDIR':
    case 'FileIsADirectory':
      return vscode.l10n.t('{0} is a folder, not an image.', name);
    case 'EACCES':
    case 'EPERM':
    case 'NoPermissions':
      return vscode.l10n.t('Could not read {0}: permission denied.', name);
    default:
      return vscode.l10n.t('Could not read {0} ({1}).', name, code ?? String(err));
  }
}

/** True for an image given as an http(s) link rather than a file. */
export function isHostedImageUri(uri: vscode.Uri): boolean {
  return uri.scheme === 'https' || uri.scheme === 'http';
}

/** How a source image is recorded: workspace-relative for a file, the link without its query (signed links carry secrets there) for a hosted one. */
export function sourceImageLabel(uri: vscode.Uri): string {
  return isHostedImageUri(uri) ? urlForLog(uri.toString(true)) : workspaceRelativePath(uri);
}

/**
 * Checks an input image and returns it as the client takes it: a path for `file:`, bytes for
 * other file systems, the link for a hosted image (the client sends it, or downloads it for an upload).
 */
export async function readInputImage(uri: vscode.Uri): Promise<ImageInput> {
  if (isHostedImageUri(uri)) return { kind: 'url', url: uri.toString(true) };
  const name = uri.path.split('/').pop() ?? 'image';
  let head: Uint8Array;
  let size: number;
  let data: Uint8Array | undefined;
  try {
    if (uri.scheme === 'file') {
      ({ head, size } = await readHead(uri.fsPath));
    } else {
      data = await vscode.workspace.fs.readFile(uri);
      head = data;
      size = data.byteLength;
    }
  } catch (err) {
    throw new UserFacingError(unreadable(name, err));
  }
  if (size === 0) throw new UserFacingError(vscode.l10n.t('{0} is empty (0 bytes), not an image.', name));
  if (!sniffImageType(head)) throw new UserFacingError(vscode.l10n.t('{0} is not a PNG, JPEG or WebP image.', name));
  if (size > MAX_IMAGE_BYTES) {
    throw new UserFacingError(vscode.l10n.t('{0} is {1} MB; Ideogram accepts images of at most 10 MB.', name, (size / 1048576).toFixed(1)));
  }
  return data ? { kind: 'bytes', data, name } : { kind: 'file', path: uri.fsPath };
}
