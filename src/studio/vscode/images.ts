// Images the Studio may show or use: workspace search for the reference picker, conversion to
// webview URIs, and the checks on URIs that come back from the (untrusted) webview.
import * as vscode from 'vscode';
import { isHttpUrl, urlForLog } from '../../common/provider';
import { IMAGE_GLOB, IMAGE_SEARCH_EXCLUDE_GLOB, isImagePath, workspaceRelativePath } from '../../common/vscode/workspace';
import { isHostedImageUri } from '../../common/vscode/inputImage';
import type { ImageRef } from '../../common/protocol';

const MAX_FILES = 2000;
const MAX_SHOWN = 60;
const CACHE_MS = 5000;

/** Parses a URI string from the webview and accepts it only for an image file inside an open workspace folder. */
export function acceptImageUri(text: string): vscode.Uri | undefined {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(text, true);
  } catch {
    return undefined;
  }
  if (!isImagePath(uri.path) || !vscode.workspace.getWorkspaceFolder(uri)) return undefined;
  return uri;
}

/**
 * A reference image from the webview: a workspace image (acceptImageUri) or an http(s) link to a
 * hosted one, which the client sends as the link or downloads for an upload.
 */
export function acceptReference(text: string): vscode.Uri | undefined {
  if (isHttpUrl(text)) return vscode.Uri.parse(text.trim(), true);
  return acceptImageUri(text);
}

/**
 * Converts a file to what the webview shows: the URI it sends back, a webview URI, a label. A hosted
 * image has no thumbnail (the webview loads nothing from the network) and is labelled by its link
 * without the query string.
 */
export function toImageRef(webview: vscode.Webview, uri: vscode.Uri): ImageRef {
  if (isHostedImageUri(uri)) return { uri: uri.toString(true), src: '', label: urlForLog(uri.toString(true)) };
  return { uri: uri.toString(), src: webview.asWebviewUri(uri).toString(), label: workspaceRelativePath(uri) };
}

/** Finds workspace images for the picker; the file list is cached briefly so typing stays cheap. */
export class WorkspaceImageIndex {
  private cached: { at: number; files: vscode.Uri[] } | undefined;

  /** Images whose workspace path contains every word of `query`, newest listing first. */
  async search(query: string): Promise<{ uris: vscode.Uri[]; truncated: boolean }> {
    const files = await this.files();
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const matches = files.filter((uri) => {
      const path = workspaceRelativePath(uri).toLowerCase();
      return words.every((word) => path.includes(word));
    });
    return { uris: matches.slice(0, MAX_SHOWN), truncated: matches.length > MAX_SHOWN };
  }

  /** Forgets the cached listing (after new files were saved). */
  invalidate(): void {
    this.cached = undefined;
  }

  private async files(): Promise<vscode.Uri[]> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.files;
    const files = await vscode.workspace.findFiles(IMAGE_GLOB, IMAGE_SEARCH_EXCLUDE_GLOB, MAX_FILES);
    files.sort((a, b) => a.path.localeCompare(b.path));
    this.cached = { at: Date.now(), files };
    return files;
  }
}
