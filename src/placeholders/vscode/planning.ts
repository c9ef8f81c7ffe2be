// Planning placeholders in the editor: documents (open buffers or files) in, the pure planner's
// plan out, with existence asked through workspace.fs and the options taken from the settings.
import * as vscode from 'vscode';
import { scanFileGlob, scanSyntaxFor } from '../../altText';
import { pathsIgnoreCase, readDocumentText } from '../../altText/vscode/documents';
import { ASPECT_RATIOS } from '../../common/request/legacy';
import type { IdeogramSettings } from '../../common/vscode/config';
import { exists } from '../../storage/vscode/workspaceFsStorage';
import { generationShapes, planPlaceholders, type PlaceholderDocument, type PlaceholderOptions, type PlaceholderPlan } from '..';

// Dependencies and build output are not the user's pages.
const EXCLUDE_GLOB = '**/{node_modules,.git,dist,out,build,.next,.nuxt,.svelte-kit,coverage}/**';

/** Most documents one command plans (a monorepo's generated docs would otherwise be read whole). */
const MAX_DOCUMENTS = 5000;

/** The legacy models' shapes (3.0's and its transparent generation come with issue 14). */
export const LEGACY_SHAPES = generationShapes(ASPECT_RATIOS);

/** The planner's document for a buffer or file; undefined when the scanner does not read its kind. */
export function placeholderDocument(uri: vscode.Uri, text: string, languageId?: string): PlaceholderDocument | undefined {
  const syntax = scanSyntaxFor(uri.path, languageId);
  if (!syntax) return undefined;
  return { path: uri.path, text, syntax, workspaceFolderPath: vscode.workspace.getWorkspaceFolder(uri)?.uri.path };
}

/** The planner's options from the settings; existence on `near`'s file system. */
export function planOptions(settings: IdeogramSettings, near: vscode.Uri): PlaceholderOptions {
  return {
    exists: (path) => exists(uriOnSameFileSystem(near, path)),
    generationShapes: LEGACY_SHAPES,
    publicFolders: settings.placeholders.publicFolders,
    defaultSize: settings.placeholders.defaultSize,
    style: settings.placeholders.style || undefined,
    transparentAvailable: false,
    ignoreCase: pathsIgnoreCase(near),
  };
}

/** The Uri of a planned absolute path on the file system of `near`. */
export function uriOnSameFileSystem(near: vscode.Uri, path: string): vscode.Uri {
  return near.with({ path, query: '', fragment: '' });
}

/** Plans placeholders for the pages in `folder` (or the whole workspace); open documents are read from their buffers. */
export async function planWorkspace(settings: IdeogramSettings, folder: vscode.Uri | undefined, token?: vscode.CancellationToken): Promise<{ plan: PlaceholderPlan; scanned: number }> {
  const include = folder ? new vscode.RelativePattern(folder, scanFileGlob()) : scanFileGlob();
  const files = await vscode.workspace.findFiles(include, EXCLUDE_GLOB, MAX_DOCUMENTS, token);
  const documents: PlaceholderDocument[] = [];
  for (const uri of files) {
    if (token?.isCancellationRequested) break;
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    let text: string;
    try {
      text = await readDocumentText(uri);
    } catch {
      continue; // gone or unreadable since it was listed: nothing to plan there
    }
    const document = placeholderDocument(uri, text, open?.languageId);
    if (document) documents.push(document);
  }
  const near = files[0] ?? folder ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!near) return { plan: { items: [], ignored: [] }, scanned: 0 };
  return { plan: await planPlaceholders(documents, planOptions(settings, near)), scanned: documents.length };
}
