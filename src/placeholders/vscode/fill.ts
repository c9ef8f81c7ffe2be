// Filling planned placeholders: each item generated (within the client's in-flight limit, all
// started at once so the limiter keeps it full), fitted to its exact size and format, and written
// exactly at its referenced path — inside the workspace only, atomically, never over a file that
// appeared meanwhile — with its sidecar in the `.ideogram/` folder beside it.
import * as vscode from 'vscode';
import { decodeInfo, fitExactly, IMAGE_FORMATS } from '../../imageOps';
import { IdeogramError } from '../../common/errors';
import { resolve } from '../../common/request/resolve';
import { buildSidecar, parseSidecar, serializeSidecar } from '../../common/sidecar';
import { imagePathForSidecar, sidecarPathForNamedFile } from '../../common/sidecarLocation';
import type { IdeogramSettings } from '../../common/vscode/config';
import type { IdeogramServices } from '../../common/vscode/services';
import { isInsideWorkspace } from '../../common/vscode/workspace';
import { placeholderDraft, placeholderRecord, type PlaceholderItem } from '..';
import { exists, isFileExists, tempUriFor } from '../../storage/vscode/workspaceFsStorage';
import { uriOnSameFileSystem } from './planning';

/** Why an item was not made (nothing was spent on it). */
export type SkipReason = 'exists' | 'appeared' | 'outside-workspace' | 'cancelled';

/** What a batch did, item by item. */
export interface FillSummary {
  /** `sidecarUri` is absent when the sidecar could not be written (the log says why). */
  made: { item: PlaceholderItem; uri: vscode.Uri; sidecarUri?: vscode.Uri }[];
  skipped: { item: PlaceholderItem; reason: SkipReason }[];
  failed: { item: PlaceholderItem; error: unknown }[];
}

/** Options of fillPlaceholders. */
export interface FillOptions {
  settings: IdeogramSettings;
  token?: vscode.CancellationToken;
  /** Called after each item, whatever its outcome. */
  onItemDone?(done: number, total: number): void;
}

/** A file that appeared at the target between the check and the write. */
class TargetAppeared extends Error {}

/** Makes every item; never rejects for one item's failure (it is in `failed`). */
export async function fillPlaceholders(services: IdeogramServices, items: readonly PlaceholderItem[], options: FillOptions): Promise<FillSummary> {
  const summary: FillSummary = { made: [], skipped: [], failed: [] };
  let done = 0;
  await Promise.all(items.map(async (item) => {
    try {
      const outcome = await fillOne(services, item, options);
      if ('reason' in outcome) summary.skipped.push({ item, reason: outcome.reason });
      else summary.made.push({ item, ...outcome });
    } catch (error) {
      if (options.token?.isCancellationRequested || (error instanceof IdeogramError && error.kind === 'cancelled')) summary.skipped.push({ item, reason: 'cancelled' });
      else if (error instanceof TargetAppeared) summary.skipped.push({ item, reason: 'appeared' });
      else {
        summary.failed.push({ item, error });
        services.log.warn(`Placeholder ${item.target}: ${error instanceof Error ? error.message : String(error)}`);
      }
    } finally {
      options.onItemDone?.(++done, items.length);
    }
  }));
  const byTarget = (a: { item: PlaceholderItem }, b: { item: PlaceholderItem }) => a.item.targetPath.localeCompare(b.item.targetPath);
  summary.made.sort(byTarget);
  summary.skipped.sort(byTarget);
  summary.failed.sort(byTarget);
  return summary;
}

async function fillOne(services: IdeogramServices, item: PlaceholderItem, options: FillOptions): Promise<{ uri: vscode.Uri; sidecarUri?: vscode.Uri } | { reason: SkipReason }> {
  const folder = vscode.workspace.workspaceFolders?.find((candidate) => candidate.uri.path === item.workspaceFolderPath);
  if (!folder) return { reason: 'outside-workspace' };
  const target = uriOnSameFileSystem(folder.uri, item.targetPath);
  // Links resolved: a folder on the way that is a link out of the workspace is outside it.
  if (!(await isInsideWorkspace(target))) return { reason: 'outside-workspace' };
  // Checked before the paid request, and again by the write itself (rename without overwrite).
  if (await exists(target)) return { reason: 'exists' };
  if (options.token?.isCancellationRequested) return { reason: 'cancelled' };

  const { settings } = options;
  const request = resolve('generate', placeholderDraft(item), { ...settings.defaults, numImages: 1 });
  const generated = await services.images.generateUnsaved(request as Parameters<typeof services.images.generateUnsaved>[0], { settings, token: options.token });
  const original = await decodeInfo(generated.bytes);
  const bytes = await fitExactly(generated.bytes, { width: item.size.width, height: item.size.height, format: item.format });
  if (options.token?.isCancellationRequested) return { reason: 'cancelled' };

  const fileName = item.targetPath.slice(item.targetPath.lastIndexOf('/') + 1);
  const parent = vscode.Uri.joinPath(target, '..');
  await writeNewFile(target, bytes);
  const sidecar = buildSidecar({
    operation: 'generate', request: { ...request }, image: generated.image, apiCreated: generated.created,
    provider: settings.provider, extensionVersion: services.images.extensionVersion, file: fileName, now: new Date(),
    size: { width: item.size.width, height: item.size.height }, mime: IMAGE_FORMATS[item.format].mime, bytes: bytes.byteLength,
  });
  const sidecarUri = vscode.Uri.joinPath(parent, ...sidecarPathForNamedFile(fileName).split('/'));
  try {
    const other = await otherImagesSidecar(sidecarUri, fileName);
    if (other !== undefined) {
      services.log.warn(`Placeholder ${item.target}: no sidecar written, ${sidecarUri.path.slice(parent.path.length + 1)} describes ${other}`);
      return { uri: target };
    }
    // A sidecar left from an earlier image of the same name is replaced: it described a file that is gone.
    await writeFileAtomically(sidecarUri, new TextEncoder().encode(serializeSidecar({ ...sidecar, placeholder: placeholderRecord(item, original) })), true);
  } catch (error) {
    // The image is made and paid for; a missing sidecar only loses its history.
    services.log.warn(`Placeholder ${item.target}: the sidecar could not be written (${error instanceof Error ? error.message : String(error)})`);
    return { uri: target };
  }
  return { uri: target, sidecarUri };
}

/**
 * The image named by a sidecar already at `sidecarUri` when it is not `fileName`: in the
 * subfolder layout `hero.webp.png`'s sidecar has the path a placeholder `hero.webp` would use, and
 * that result's history must not be lost.
 */
async function otherImagesSidecar(sidecarUri: vscode.Uri, fileName: string): Promise<string | undefined> {
  if (!(await exists(sidecarUri))) return undefined;
  const existing = parseSidecar(new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecarUri)));
  if (!existing) return undefined;
  const image = imagePathForSidecar(existing.file);
  return image === fileName ? undefined : image;
}

/** Writes `bytes` at `uri` only if nothing is there; throws TargetAppeared if a file appeared meanwhile. */
async function writeNewFile(uri: vscode.Uri, bytes: Uint8Array): Promise<void> {
  try {
    await writeFileAtomically(uri, bytes, false);
  } catch (error) {
    if (isFileExists(error)) throw new TargetAppeared();
    throw error;
  }
}

// Written to a dot-prefixed temporary file in the same folder, then renamed: a reader (a dev
// server, the browser) never sees half an image, and rename without overwrite refuses a file
// that appeared meanwhile.
async function writeFileAtomically(uri: vscode.Uri, bytes: Uint8Array, overwrite: boolean): Promise<void> {
  const parent = vscode.Uri.joinPath(uri, '..');
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  await vscode.workspace.fs.createDirectory(parent);
  const temp = tempUriFor(parent, name);
  await vscode.workspace.fs.writeFile(temp, bytes);
  try {
    await vscode.workspace.fs.rename(temp, uri, { overwrite });
  } catch (error) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw error;
  }
}
