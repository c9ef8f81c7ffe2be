// Writing results into the workspace through vscode.workspace.fs and Uris only, so it works in
// Remote-SSH, WSL, containers and Codespaces. Each image is buffered, written under a temporary
// name in the output folder, then renamed without overwrite: a reader never sees a partial file,
// and an existing file is never replaced (a counter is added instead).
import * as vscode from 'vscode';
import type { ImageSink } from '../ideogram';
import { UserFacingError } from '../errors';
import { candidateName, normalizeOutputFolder } from './naming';

const MAX_COLLISION_ATTEMPTS = 1000;

/** The workspace folder results are saved into: given, else the active file's, else the only one, else the user picks. */
export async function chooseWorkspaceFolder(preferred?: vscode.WorkspaceFolder, nearUri?: vscode.Uri): Promise<vscode.WorkspaceFolder> {
  if (preferred) return preferred;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    throw new UserFacingError(vscode.l10n.t('Open a folder or workspace first: images are saved into it.'));
  }
  const hint = nearUri ?? vscode.window.activeTextEditor?.document.uri ?? activeTabUri();
  const owner = hint ? vscode.workspace.getWorkspaceFolder(hint) : undefined;
  if (owner) return owner;
  if (folders.length === 1) return folders[0];
  const picked = await vscode.window.showWorkspaceFolderPick({
    placeHolder: vscode.l10n.t('Which folder should the images be saved in?'),
    ignoreFocusOut: true,
  });
  if (!picked) throw new vscode.CancellationError();
  return picked;
}

// The image preview is a custom editor, not a text editor: its Uri comes from the tab.
function activeTabUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input && typeof input === 'object' && 'uri' in input && input.uri instanceof vscode.Uri ? input.uri : undefined;
}

/** The output folder Uri inside a workspace folder, from the `ideogram.outputFolder` setting. */
export function outputFolderUri(folder: vscode.WorkspaceFolder, setting: string): vscode.Uri {
  const segments = normalizeOutputFolder(setting);
  if (!segments) {
    throw new UserFacingError(
      vscode.l10n.t('ideogram.outputFolder must be a path inside the workspace folder (no absolute path, no "..").'),
      'ideogram.outputFolder',
    );
  }
  return segments.length ? vscode.Uri.joinPath(folder.uri, ...segments) : folder.uri;
}

/** Workspace-relative path with '/', prefixed by the folder name in a multi-root workspace. */
export function workspaceRelativePath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function isFileExists(err: unknown): boolean {
  return err instanceof vscode.FileSystemError && (err.code === 'FileExists' || /exists/i.test(err.message));
}

/** A committed image: where it is and the bytes written (kept for size and hashing without re-reading). */
export interface CommittedImage { uri: vscode.Uri; baseName: string; fileName: string; data: Uint8Array }

/**
 * ImageSink backed by workspace.fs: buffers one image, then on commit writes a temporary file in
 * the output folder and renames it to `<base>[-n].<ext>`, choosing n so that neither the image nor
 * its `<base>[-n].json` sidecar exists yet.
 */
export class WorkspaceImageSink implements ImageSink {
  private chunks: Uint8Array[] = [];
  private size = 0;
  private tempUri: vscode.Uri | undefined;
  /** Set after commit. */
  committed: CommittedImage | undefined;

  constructor(private readonly folder: vscode.Uri, private readonly baseName: string) {}

  async write(chunk: Uint8Array): Promise<void> {
    this.chunks.push(chunk);
    this.size += chunk.byteLength;
  }

  async commit(type: { mime: string; ext: string }): Promise<string> {
    const data = new Uint8Array(this.size);
    let offset = 0;
    for (const chunk of this.chunks) { data.set(chunk, offset); offset += chunk.byteLength; }
    this.chunks = [];
    await vscode.workspace.fs.createDirectory(this.folder);
    const random = Math.random().toString(36).slice(2, 10);
    // Dot-prefixed and .part so watchers and the Studio's history ignore it until the rename.
    this.tempUri = vscode.Uri.joinPath(this.folder, `.${this.baseName}.${random}.part`);
    await vscode.workspace.fs.writeFile(this.tempUri, data);
    for (let attempt = 0; attempt < MAX_COLLISION_ATTEMPTS; attempt++) {
      const base = candidateName(this.baseName, attempt);
      const fileName = `${base}.${type.ext}`;
      const target = vscode.Uri.joinPath(this.folder, fileName);
      if (await exists(vscode.Uri.joinPath(this.folder, `${base}.json`)) || await exists(target)) continue;
      try {
        await vscode.workspace.fs.rename(this.tempUri, target, { overwrite: false });
      } catch (err) {
        if (isFileExists(err)) continue; // lost a race with another writer: next counter
        throw err;
      }
      this.tempUri = undefined;
      this.committed = { uri: target, baseName: base, fileName, data };
      return target.toString();
    }
    throw new UserFacingError(vscode.l10n.t('Could not find a free file name for {0} in the output folder.', this.baseName));
  }

  async abort(): Promise<void> {
    this.chunks = [];
    const temp = this.tempUri;
    this.tempUri = undefined;
    if (temp) await deleteQuietly(temp);
  }
}

/** Deletes a file, ignoring "not found" and similar (used for cleanup only). */
export async function deleteQuietly(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.workspace.fs.delete(uri, { useTrash: false });
  } catch {
    // Already gone or never written: nothing to clean up.
  }
}

/** Writes a sidecar without overwriting (its name was reserved when the image was committed). */
export async function writeNewTextFile(uri: vscode.Uri, text: string): Promise<void> {
  const folder = vscode.Uri.joinPath(uri, '..');
  const temp = vscode.Uri.joinPath(folder, `.${uri.path.split('/').pop() ?? 'sidecar'}.${Math.random().toString(36).slice(2, 10)}.part`);
  await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(text));
  try {
    await vscode.workspace.fs.rename(temp, uri, { overwrite: false });
  } catch (err) {
    await deleteQuietly(temp);
    throw err;
  }
}
