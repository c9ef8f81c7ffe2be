// Images for the Studio's Ideogram 3.0 tab: workspace files the webview asked to use (as a
// reference or to paint a mask on), accepted by the same check as every Studio image and measured,
// so the slots can show their totals against the API's limits before anything is sent.
import * as vscode from 'vscode';
import type { SizedImageRef } from '../../common/protocol';
import { acceptImageUri, toImageRef } from './images';

/** A workspace image as the 3.0 tab shows it, with its size; undefined when it is not one or cannot be read. */
export async function sizedImageRef(webview: vscode.Webview, uri: vscode.Uri): Promise<SizedImageRef | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return undefined;
    return { ...toImageRef(webview, uri), bytes: stat.size };
  } catch {
    return undefined; // gone or unreadable: the drop is refused like any other bad file
  }
}

/**
 * The dropped URIs (untrusted: from the webview) that are PNG, JPEG or WebP files in the workspace,
 * measured. References are uploaded, so a link to a hosted image is not taken here.
 */
export async function acceptReferenceFiles(webview: vscode.Webview, uris: readonly string[]): Promise<SizedImageRef[]> {
  const accepted = uris.map(acceptImageUri).filter((uri): uri is vscode.Uri => uri !== undefined);
  const sized = await Promise.all(accepted.map((uri) => sizedImageRef(webview, uri)));
  return sized.filter((ref): ref is SizedImageRef => ref !== undefined);
}
