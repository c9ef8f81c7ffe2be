// Delete from the gallery: each result's image and sidecar go to the trash, and the notification
// offers Undo. Undo writes the files back from copies read before the delete (the trash has no API
// to restore from), so it works on every file system; the copies are held only while the
// notification is open. Undo never overwrites: a name taken again meanwhile is left alone and said.
// A file system without a trash (code-server's remote files, as the e2e test met it) refuses the
// first delete; then the user is asked before anything is deleted permanently.
import * as vscode from 'vscode';
import { showInformation, showWarning } from '../../common/vscode/notifications';
import { exists } from '../../storage/vscode/workspaceFsStorage';
import type { ResultsIndex } from '../resultsIndex';
import type { FoundEntry } from './gallerySources';

// A file to delete, its bytes for Undo, and the index to tell: events for the extension's own
// workspace.fs deletes did not reach its file-system watcher in code-server (the e2e test showed
// it), so the index hears of them here, as it would from the watcher (a repeated event is harmless).
interface HeldFile { uri: vscode.Uri; bytes: Uint8Array; index: ResultsIndex }

// VS Code's words when a file system provider has no trash ("… via trash because provider does not support it").
function refusesTrash(err: unknown): boolean {
  return err instanceof Error && /\btrash\b/i.test(err.message);
}

/** Deletes the results' images and sidecars (to the trash) and offers Undo. */
export async function deleteWithUndo(found: readonly FoundEntry[], notice: (message: string) => void): Promise<void> {
  // Read everything first: if any read fails, nothing has been deleted yet.
  const held: HeldFile[] = [];
  for (const { imageUri, sidecarUri, entry, source } of found) {
    if (!entry.missingImage) held.push({ uri: imageUri, bytes: await vscode.workspace.fs.readFile(imageUri), index: source.index });
    held.push({ uri: sidecarUri, bytes: await vscode.workspace.fs.readFile(sidecarUri), index: source.index });
  }
  let useTrash = true;
  try {
    await vscode.workspace.fs.delete(held[0]!.uri, { useTrash });
  } catch (err) {
    if (!refusesTrash(err)) throw err;
    const permanently = vscode.l10n.t('Delete Permanently');
    const answer = await showWarning(vscode.l10n.t('This folder has no trash. Delete {0} result(s) permanently? Undo in the next notification restores them while it is open.', found.length), { modal: true }, permanently);
    if (answer !== permanently) return;
    useTrash = false;
    await vscode.workspace.fs.delete(held[0]!.uri, { useTrash });
  }
  const deleted: HeldFile[] = [held[0]!];
  void held[0]!.index.applyChange(held[0]!.uri.fsPath, 'deleted');
  try {
    for (const file of held.slice(1)) {
      await vscode.workspace.fs.delete(file.uri, { useTrash });
      deleted.push(file);
      void file.index.applyChange(file.uri.fsPath, 'deleted');
    }
  } finally {
    if (deleted.length < held.length) {
      // A failure half-way: put back what went, so a result is never left half deleted.
      await restore(deleted);
    }
  }
  const undo = vscode.l10n.t('Undo');
  const done = useTrash ? vscode.l10n.t('Deleted {0} result(s) (moved to the trash).', found.length) : vscode.l10n.t('Deleted {0} result(s).', found.length);
  if (await showInformation(done, undo) !== undo) return;
  const skipped = await restore(deleted);
  if (skipped.length > 0) {
    void showWarning(vscode.l10n.t('Not restored, a file of that name exists again: {0}', skipped.map((uri) => vscode.workspace.asRelativePath(uri)).join(', ')));
  } else {
    notice(vscode.l10n.t('Restored {0} result(s).', found.length));
  }
}

// Writes the files back, images before sidecars (the order they were saved in); returns those skipped.
async function restore(files: readonly HeldFile[]): Promise<vscode.Uri[]> {
  const skipped: vscode.Uri[] = [];
  for (const file of files) {
    if (await exists(file.uri)) skipped.push(file.uri);
    else {
      await vscode.workspace.fs.writeFile(file.uri, file.bytes);
      void file.index.applyChange(file.uri.fsPath, 'created');
    }
  }
  return skipped;
}
