// Which save storage an output folder gets. In Remote-SSH, WSL, Dev Containers and Codespaces the
// extension host runs on the remote machine and the workspace folders are `file:` Uris *there*,
// so Node fs on `uri.fsPath` writes on the right machine — and it streams, which workspace.fs
// cannot (its writeFile takes the whole file). Every other scheme (virtual file systems such as
// vscode-vfs, or vscode-remote seen from a UI-side host) is only reachable through workspace.fs.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createNodeFileStorage } from '../node/nodeFileStorage';
import type { SaveStorage, StorageSink } from '../savePipeline';
import { createWorkspaceFsStorage } from './workspaceFsStorage';

/**
 * The storage for `out`, which must stay inside `folder`: streaming Node fs for `file:` folders,
 * buffered workspace.fs otherwise.
 */
export function storageFor(out: vscode.Uri, folder: vscode.WorkspaceFolder): SaveStorage<vscode.Uri> {
  const shownAs = vscode.workspace.asRelativePath(out);
  if (out.scheme !== 'file') return createWorkspaceFsStorage(out, folder.uri, shownAs);
  const local = createNodeFileStorage(out.fsPath, { workspaceFolder: folder.uri.fsPath, shownAs });
  // The pipeline writes flat into `out`: joining the file name keeps Uris exactly as the folder's.
  const toUri = (file: string): vscode.Uri => vscode.Uri.joinPath(out, path.basename(file));
  return {
    prepare: () => local.prepare(),
    createSink(baseName): StorageSink<vscode.Uri> {
      const sink = local.createSink(baseName);
      return {
        get committed() {
          const committed = sink.committed;
          return committed && { ...committed, location: toUri(committed.location) };
        },
        write: (chunk) => sink.write(chunk),
        commit: (type) => sink.commit(type),
        abort: () => sink.abort(),
      };
    },
    writeSidecar: async (image, text) => toUri(await local.writeSidecar({ ...image, location: image.location.fsPath }, text)),
    remove: (uri) => local.remove(uri.fsPath),
  };
}
