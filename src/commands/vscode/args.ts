// Arguments of the image commands: the explorer passes (clicked, allSelected), the image preview's
// title passes its Uri, keybindings/tasks/other extensions pass a Uri, a Uri[], a path string or an
// http(s) link to a hosted image.
import * as vscode from 'vscode';
import { isHttpUrl } from '../../common/provider';
import { IMAGE_GLOB, IMAGE_SEARCH_EXCLUDE_GLOB, isImagePath, outputFolderUri, workspaceRelativePath } from '../../common/vscode/workspace';
import type { IdeogramServices } from '../../common/vscode/services';
import { isHostedImageUri } from '../../common/vscode/inputImage';

function toUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value !== '') {
    // A Uri string ("file:///…", "vscode-remote://…") or a workspace-relative / absolute path.
    if (/^[a-z][a-z0-9+.-]+:\/\//i.test(value)) return vscode.Uri.parse(value);
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (value.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(value) || !folder) return vscode.Uri.file(value);
    return vscode.Uri.joinPath(folder.uri, ...value.split(/[\\/]/));
  }
  // Uri-shaped objects that crossed a serialisation boundary (e.g. from a webview or a task).
  if (value && typeof value === 'object' && 'scheme' in value && 'path' in value) return vscode.Uri.from(value as vscode.Uri);
  return undefined;
}

/** The images a command should work on from its (first, second) arguments; duplicates removed. */
export function imageUrisFromArgs(first: unknown, second: unknown): vscode.Uri[] {
  // The explorer's second argument is every selected item, which includes the clicked one.
  const raw = Array.isArray(second) && second.length > 0 ? second : Array.isArray(first) ? first : [first];
  const seen = new Set<string>();
  const uris: vscode.Uri[] = [];
  for (const value of raw) {
    const uri = toUri(value);
    if (uri && !seen.has(uri.toString())) { seen.add(uri.toString()); uris.push(uri); }
  }
  return uris;
}

/** True for file names the image commands accept. */
export function isImageUri(uri: vscode.Uri): boolean {
  return isImagePath(uri.path);
}

// A hosted image's link need not end in .png (CDNs use ids and queries): its content is checked instead.
const isInputImage = (uri: vscode.Uri): boolean => isHostedImageUri(uri) || isImageUri(uri);

/** The image shown in the active editor tab (image preview or a text editor on an image path), if any. */
export function activeImageUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputText) {
    return isImageUri(input.uri) ? input.uri : undefined;
  }
  return undefined;
}

/**
 * Images from the arguments (files or http(s) links), else the active image, else the user's choice
 * in a quick pick of the workspace's images (pickWorkspaceImage); [] when the user cancels.
 */
export async function resolveImages(services: IdeogramServices, first: unknown, second: unknown, canSelectMany: boolean, fromUrlLabel?: string): Promise<vscode.Uri[]> {
  const fromArgs = imageUrisFromArgs(first, second).filter(isInputImage);
  if (fromArgs.length > 0) return fromArgs;
  const active = activeImageUri();
  if (active) return [active];
  return pickWorkspaceImage(services, canSelectMany, fromUrlLabel);
}

// Enough for a pick (a workspace with more images is searched by typing, or browsed).
const MAX_PICKED_FILES = 500;

type ImageChoice = vscode.QuickPickItem & { choice: 'image' | 'link' | 'browse' | 'separator'; uri?: vscode.Uri };

// The workspace's images with their modification times, newest first ([0] for those that cannot be read).
async function recentImages(): Promise<{ uri: vscode.Uri; mtime: number }[]> {
  const files = await vscode.workspace.findFiles(IMAGE_GLOB, IMAGE_SEARCH_EXCLUDE_GLOB, MAX_PICKED_FILES);
  const dated = await Promise.all(files.map(async (uri) => ({ uri, mtime: await vscode.workspace.fs.stat(uri).then((s) => s.mtime, () => 0) })));
  return dated.sort((a, b) => b.mtime - a.mtime || a.uri.path.localeCompare(b.uri.path));
}

// The output folders of the open workspace folders (a folder whose setting is unusable has none).
function outputFolderPaths(services: IdeogramServices): string[] {
  return (vscode.workspace.workspaceFolders ?? []).flatMap((folder) => {
    try {
      return [`${outputFolderUri(folder, services.settings(folder.uri).outputFolder).path}/`];
    } catch {
      return [];
    }
  });
}

/**
 * A quick pick of the workspace's images, most recent first, with the output folder's results on
 * top; "Remix Image from URL…" (given `fromUrlLabel`) and "Browse…" (an open dialog) come last.
 */
export async function pickWorkspaceImage(services: IdeogramServices, canSelectMany: boolean, fromUrlLabel?: string): Promise<vscode.Uri[]> {
  const images = await recentImages();
  const outputs = outputFolderPaths(services);
  const isResult = (uri: vscode.Uri): boolean => outputs.some((prefix) => uri.path.startsWith(prefix));
  const item = (uri: vscode.Uri): ImageChoice => {
    const relative = workspaceRelativePath(uri);
    const slash = relative.lastIndexOf('/');
    // The image itself as the icon: the pick shows a small thumbnail where the editor can.
    return { choice: 'image', uri, label: relative.slice(slash + 1), description: slash > 0 ? relative.slice(0, slash) : undefined, iconPath: uri };
  };
  const separator = (label: string): ImageChoice => ({ choice: 'separator', label, kind: vscode.QuickPickItemKind.Separator });
  const results = images.filter((i) => isResult(i.uri)).map((i) => item(i.uri));
  const others = images.filter((i) => !isResult(i.uri)).map((i) => item(i.uri));
  const items: ImageChoice[] = [
    ...(results.length > 0 ? [separator(vscode.l10n.t('Ideogram results')), ...results] : []),
    ...(others.length > 0 ? [separator(vscode.l10n.t('Workspace images')), ...others] : []),
    separator(''),
    ...(fromUrlLabel ? [{ choice: 'link' as const, label: `$(link) ${fromUrlLabel}` }] : []),
    { choice: 'browse', label: `$(folder-opened) ${vscode.l10n.t('Browse…')}` },
  ];
  const chosen = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Choose an image'),
    placeHolder: vscode.l10n.t('Most recent first; type to filter, or browse for another file'),
    matchOnDescription: true,
  });
  switch (chosen?.choice) {
    case 'image': return chosen.uri ? [chosen.uri] : [];
    case 'link': {
      const link = await askForImageLink(fromUrlLabel ?? '');
      return link ? [link] : [];
    }
    case 'browse': {
      const picked = await vscode.window.showOpenDialog({
        canSelectMany,
        openLabel: vscode.l10n.t('Select'),
        title: vscode.l10n.t('Choose an image'),
        defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
        filters: { [vscode.l10n.t('Images')]: ['png', 'jpg', 'jpeg', 'webp'] },
      });
      return picked ?? [];
    }
    default: return [];
  }
}

/** Asks for the http(s) link of a hosted image; undefined when dismissed. */
export async function askForImageLink(title: string): Promise<vscode.Uri | undefined> {
  const value = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('The http(s) link of a PNG, JPEG or WebP image'),
    placeHolder: 'https://example.com/photo.png',
    ignoreFocusOut: true,
    validateInput: (text) => (isHttpUrl(text) ? undefined : vscode.l10n.t('Enter a link that starts with https:// or http://.')),
  });
  return value === undefined ? undefined : vscode.Uri.parse(value.trim(), true);
}

/** The option object among the arguments (the first plain object that is not a Uri or an array). */
export function optionsFromArgs(...args: unknown[]): Record<string, unknown> | undefined {
  for (const arg of args) {
    if (arg && typeof arg === 'object' && !Array.isArray(arg) && !(arg instanceof vscode.Uri) && !('scheme' in arg && 'path' in arg)) {
      return arg as Record<string, unknown>;
    }
  }
  return undefined;
}
