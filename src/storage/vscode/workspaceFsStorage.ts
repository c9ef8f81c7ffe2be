// Save storage through vscode.workspace.fs, for output folders that are not `file:` on the
// extension host (virtual file systems such as vscode-vfs, or vscode-remote when the extension
// runs on the UI side). workspace.fs can only write a whole file at once, so each image is
// buffered here: the only option on those schemes. It is written under a temporary name in the
// output folder, then renamed without overwrite, so a reader never sees a partial file and an
// existing file is never replaced (a counter is added instead).
import { posix } from 'node:path';
import * as vscode from 'vscode';
import { deleteQuietly } from '../../common/vscode/workspace';
import { isPathInside } from '../../common/node/containment';
import { sidecarPathForStem } from '../../common/sidecarLocation';
import { commitUnderFreeName } from '../freeName';
import { outputFolderError } from '../outputFolderProblems';
import type { SaveStorage, StorageSink, StoredImage } from '../savePipeline';

// The sidecar of the image named `<stem>.<ext>` in `folder` (common/sidecarLocation.ts).
const sidecarUri = (folder: vscode.Uri, stem: string): vscode.Uri => vscode.Uri.joinPath(folder, ...sidecarPathForStem(stem, 'beside').split('/'));

/** Whether something exists at `uri` (any file system). */
export async function exists(uri: vscode.Uri): Promise<boolean> {
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

// Dot-prefixed and .part so watchers and the Studio's history ignore it until the rename.
function tempUriFor(folder: vscode.Uri, name: string): vscode.Uri {
  return vscode.Uri.joinPath(folder, `.${name}.${Math.random().toString(36).slice(2, 10)}.part`);
}

/**
 * ImageSink backed by workspace.fs: buffers one image, then on commit writes a temporary file in
 * the output folder and renames it to `<base>[-n].<ext>`, choosing n so that neither the image nor
 * its `<base>[-n].json` sidecar exists yet.
 */
class WorkspaceImageSink implements StorageSink<vscode.Uri> {
  private chunks: Uint8Array[] = [];
  private size = 0;
  private tempUri: vscode.Uri | undefined;
  committed: StoredImage<vscode.Uri> | undefined;

  constructor(private readonly folder: vscode.Uri, private readonly baseName: string) {}

  async write(chunk: Uint8Array): Promise<void> {
    this.chunks.push(chunk);
    this.size += chunk.byteLength;
  }

  async commit(type: { mime: string; ext: string }): Promise<string> {
    const data = Buffer.concat(this.chunks, this.size);
    this.chunks = [];
    await vscode.workspace.fs.createDirectory(this.folder);
    this.tempUri = tempUriFor(this.folder, this.baseName);
    await vscode.workspace.fs.writeFile(this.tempUri, data);
    const temp = this.tempUri;
    // workspace.fs has no exclusive create: the sidecar's name counts as free when nothing is
    // there, and rename refuses to overwrite, so a writer that won a race moves us to the next counter.
    const { stem, fileName } = await commitUnderFreeName(this.baseName, type.ext, {
      claimSidecar: async (candidate) => !(await exists(sidecarUri(this.folder, candidate))),
      placeImage: async (name) => {
        const target = vscode.Uri.joinPath(this.folder, name);
        if (await exists(target)) return false;
        try {
          await vscode.workspace.fs.rename(temp, target, { overwrite: false });
          return true;
        } catch (err) {
          if (isFileExists(err)) return false;
          throw err;
        }
      },
      releaseSidecar: () => Promise.resolve(),
    });
    this.tempUri = undefined;
    const target = vscode.Uri.joinPath(this.folder, fileName);
    this.committed = { location: target, stem, fileName };
    return target.toString();
  }

  async abort(): Promise<void> {
    this.chunks = [];
    const temp = this.tempUri;
    this.tempUri = undefined;
    if (temp) await deleteQuietly(temp);
  }
}

/**
 * Storage writing into `folder` through workspace.fs; locations are Uris. `workspaceFolder` and
 * `shownAs` are for prepare's check and messages.
 */
export function createWorkspaceFsStorage(folder: vscode.Uri, workspaceFolder: vscode.Uri, shownAs: string): SaveStorage<vscode.Uri> {
  return {
    prepare: () => checkFolder(folder, workspaceFolder, shownAs),
    createSink: (baseName) => new WorkspaceImageSink(folder, baseName),
    // The sidecar's name was checked free when the image was committed; rename refuses to replace
    // it all the same, in case another writer took it since.
    async writeSidecar(image, text) {
      const target = sidecarUri(folder, image.stem);
      const temp = tempUriFor(folder, sidecarPathForStem(image.stem, 'beside'));
      await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(text));
      try {
        await vscode.workspace.fs.rename(temp, target, { overwrite: false });
      } catch (err) {
        await deleteQuietly(temp);
        throw err;
      }
      return target;
    },
    remove: deleteQuietly,
  };
}

// Before the paid request, as the Node storage checks (nodeFileStorage.ts): workspace.fs cannot
// resolve links, so containment is checked on the path (the setting's own check already keeps it
// inside); the deepest existing part of the path must be a folder on a writable file system.
async function checkFolder(folder: vscode.Uri, workspaceFolder: vscode.Uri, shown: string): Promise<void> {
  if (!isPathInside(workspaceFolder.path, folder.path, posix)) throw outputFolderError(shown, { kind: 'outside', realPath: folder.path });
  let existing = folder;
  for (;;) {
    let info: vscode.FileStat;
    try {
      info = await vscode.workspace.fs.stat(existing);
    } catch (err) {
      const parent = vscode.Uri.joinPath(existing, '..');
      if (!(err instanceof vscode.FileSystemError) || err.code !== 'FileNotFound' || parent.path === existing.path) throw err;
      existing = parent;
      continue;
    }
    if (!(info.type & vscode.FileType.Directory)) {
      throw outputFolderError(shown, existing.path === folder.path ? { kind: 'file' } : { kind: 'parent-is-file', parent: vscode.workspace.asRelativePath(existing) });
    }
    if (vscode.workspace.fs.isWritableFileSystem(existing.scheme) === false || (info.permissions ?? 0) & vscode.FilePermission.Readonly) {
      throw outputFolderError(shown, { kind: 'not-writable', code: 'read-only' });
    }
    return;
  }
}
