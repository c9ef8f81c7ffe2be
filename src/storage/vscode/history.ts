// History = the sidecars in the output folder. Parsed sidecars are cached by modification time,
// so paging through thousands of entries re-reads only what changed.
import * as vscode from 'vscode';
import { redactStrings } from '../../common/redact';
import { pageHistory, parseSidecar, type Sidecar } from '../../common/sidecar';
import { imagePathForSidecar, isSidecarName } from '../../common/sidecarLocation';

/** One earlier result. */
export interface HistoryEntry {
  sidecar: Sidecar;
  sidecarUri: vscode.Uri;
  /** The image file beside the sidecar. */
  imageUri: vscode.Uri;
}

/** A page of history, newest first. */
export interface HistoryPage { entries: HistoryEntry[]; total: number }

/** Which page, and the words to look for (in prompt, model, file name). */
export interface HistoryQuery { offset?: number; limit?: number; query?: string }

// Keyed by mtime and size: a sidecar's name is first claimed by an empty file (nodeFileStorage.ts),
// which the finished sidecar may replace within the same millisecond.
const cache = new Map<string, { mtime: number; size: number; sidecar: Sidecar | undefined }>();
const READ_CONCURRENCY = 32;

/**
 * Reads the sidecars in `outputFolder`, newest first, filtered by `query`. Every field of the page's
 * sidecars goes through `redact`: a sidecar written before keys were redacted from them (or by
 * hand) must not bring a key into the Studio.
 */
export async function readHistory(outputFolder: vscode.Uri, options: HistoryQuery, redact: (text: string) => string): Promise<HistoryPage> {
  let listing: [string, vscode.FileType][];
  try {
    listing = await vscode.workspace.fs.readDirectory(outputFolder);
  } catch {
    return { entries: [], total: 0 }; // nothing generated yet
  }
  const sidecarNames = listing.filter(([name, type]) => type === vscode.FileType.File && isSidecarName(name)).map(([name]) => name);
  const records: { location: HistoryEntry; sidecar: Sidecar }[] = [];
  for (let i = 0; i < sidecarNames.length; i += READ_CONCURRENCY) {
    await Promise.all(sidecarNames.slice(i, i + READ_CONCURRENCY).map(async (name) => {
      const sidecarUri = vscode.Uri.joinPath(outputFolder, name);
      const sidecar = await readSidecarCached(sidecarUri);
      if (!sidecar) return;
      const imageUri = vscode.Uri.joinPath(outputFolder, imagePathForSidecar(sidecar.file));
      records.push({ location: { sidecar, sidecarUri, imageUri }, sidecar });
    }));
  }
  const page = pageHistory(records, options);
  return { entries: page.entries.map((r) => ({ ...r.location, sidecar: redactStrings(r.location.sidecar, redact) })), total: page.total };
}

async function readSidecarCached(uri: vscode.Uri): Promise<Sidecar | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    const key = uri.toString();
    const hit = cache.get(key);
    if (hit && hit.mtime === stat.mtime && hit.size === stat.size) return hit.sidecar;
    const sidecar = parseSidecar(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    cache.set(key, { mtime: stat.mtime, size: stat.size, sidecar });
    return sidecar;
  } catch {
    return undefined;
  }
}
