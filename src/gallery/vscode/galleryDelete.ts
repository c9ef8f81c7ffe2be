// Delete from the gallery: each result's image and sidecar go to the trash, and the notification
// offers Undo. Undo writes the files back from copies read before the delete (the trash has no API
// to restore from), so it works on every file system; the copies are held only while the
// notification is open. Undo never overwrites: a name taken again meanwhile is left alone and said.
import * as vscode from 'vscode';
import { showInformation, showWarning } from '../../common/vscode/notifications';
import type { FoundEntry } from './gallerySources';

interface HeldFile { uri: vscode.Uri; bytes: Uint8Array }

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Deletes the results' images and sidecars (to the trash) and offers Undo. */
export async function deleteWithUndo(found: readonly FoundEntry[], notice: (message: string) => void): Promise<void> {
  // Read everything first: if any read fails, nothing has been deleted yet.
  const held: HeldFile[] = [];
  for (const { imageUri, sidecarUri, entry } of found) {
    if (!entry.missingImage) held.push({ uri: imageUri, bytes: await vscode.workspace.fs.readFile(imageUri) });
    held.push({ uri: sidecarUri, bytes: await vscode.workspace.fs.readFile(sidecarUri) });
  }
  const deleted: HeldFile[] = [];
  try {
    for (const file of held) {
      await vscode.workspace.fs.delete(file.uri, { useTrash: true });
      deleted.push(file);
    }
  } finally {
    if (deleted.length < held.length && deleted.length > 0) {
      // A failure half-way: put back what went, so a result is never left half deleted.
      await restore(deleted);
    }
  }
  const undo = vscode.l10n.t('Undo');
  const answer = await showInformation(vscode.l10n.t('Deleted {0} result(s) (moved to the trash).', found.length), undo);
  if (answer !== undo) return;
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
    else await vscode.workspace.fs.writeFile(file.uri, file.bytes);
  }
  return skipped;
}
