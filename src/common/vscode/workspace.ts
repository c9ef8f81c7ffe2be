// Where results go in the workspace: which workspace folder, the output folder inside it, and
// workspace-relative paths. The writing itself is the save pipeline's (savePipeline.ts) with a
// storage chosen per folder scheme (storageFor.ts).
import { posix } from 'node:path';
import * as vscode from 'vscode';
import { UserFacingError } from '../userFacingError';
import { isPathInside, realPathInside } from '../node/containment';
import { workspaceRelativeSegments } from '../workspacePath';

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
  const segments = workspaceRelativeSegments(setting);
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

/**
 * The inverse of workspaceRelativePath: in a multi-root workspace the first segment names the
 * folder. Undefined when no folder matches or the path tries to leave its folder.
 */
export function uriFromWorkspaceRelativePath(relativePath: string): vscode.Uri | undefined {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const segments = workspaceRelativeSegments(relativePath);
  if (!segments) return undefined;
  if (folders.length > 1) {
    const folder = folders.find((f) => f.name === segments[0]);
    return folder && segments.length > 1 ? vscode.Uri.joinPath(folder.uri, ...segments.slice(1)) : undefined;
  }
  return folders[0] && segments.length ? vscode.Uri.joinPath(folders[0].uri, ...segments) : undefined;
}

/**
 * True when `uri` lies inside a workspace folder once links are resolved, so it may be read or
 * uploaded without the user choosing it (a committed link such as `hero.png -> ../../private.png`
 * is outside). Other file systems than `file:` cannot say where a link points: there the path is
 * compared as written.
 */
export async function isInsideWorkspace(uri: vscode.Uri): Promise<boolean> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (folder.uri.scheme !== uri.scheme || folder.uri.authority !== uri.authority) continue;
    if (uri.scheme !== 'file') {
      if (isPathInside(folder.uri.path, uri.path, posix)) return true;
      continue;
    }
    try {
      if ((await realPathInside(folder.uri.fsPath, uri.fsPath)).inside) return true;
    } catch {
      // A path that cannot be resolved (a link cycle, no permission) is not known to be inside.
    }
  }
  return false;
}

/** A findFiles glob of the images the commands and the Studio accept. */
export const IMAGE_GLOB = '**/*.{png,PNG,jpg,JPG,jpeg,JPEG,webp,WEBP}';

/** Folders no image search looks into (dependencies, build output, Git). */
export const IMAGE_SEARCH_EXCLUDE_GLOB = '{**/node_modules/**,**/.git/**,**/dist/**,**/out/**}';

/** True when the path ends like an image the API accepts (PNG, JPEG, WebP). */
export function isImagePath(path: string): boolean {
  return /\.(png|jpe?g|webp)$/i.test(path);
}

/** Deletes a file, ignoring "not found" and similar (used for cleanup only). */
export async function deleteQuietly(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.workspace.fs.delete(uri, { useTrash: false });
  } catch {
    // Already gone or never written: nothing to clean up.
  }
}
