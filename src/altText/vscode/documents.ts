// Reading documents for the alt-text scanner: the editor's text when a document is open (it may
// hold unsaved changes the edits must fit), else the file's bytes through workspace.fs.
import * as vscode from 'vscode';
import { syntaxForFileName, syntaxForLanguageId, type ReferenceSyntax, type ScanContext } from '..';

/** Files the alt-text scan reads. */
export const ALT_TEXT_FILE_GLOB = '**/*.{md,markdown,html,htm,jsx,tsx,vue}';
/** Dependencies and build output are not the user's sources; their alt text is not theirs to fix. */
export const ALT_TEXT_EXCLUDE_GLOB = '**/{node_modules,.git,dist,out,build,.next,.nuxt,coverage}/**';

/** The current text of a document: the open editor's buffer if any, else the file on disk. */
export async function readDocumentText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) return open.getText();
  return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
}

/** The scanner syntax of a document, by language id first, then by file extension. */
export function documentSyntax(document: { languageId?: string; uri: vscode.Uri }): ReferenceSyntax | undefined {
  return (document.languageId ? syntaxForLanguageId(document.languageId) : undefined) ?? syntaxForFileName(document.uri.path);
}

/** Where a document lives, for resolving relative image paths (URI paths are POSIX on every platform). */
export function scanContextFor(uri: vscode.Uri): ScanContext {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return { documentPath: uri.path, ...(folder ? { workspaceFolderPath: folder.uri.path } : {}) };
}

/** The Uri of a resolved image path on the same file system as the document. */
export function imageUriFor(documentUri: vscode.Uri, resolvedPath: string): vscode.Uri {
  return documentUri.with({ path: resolvedPath, query: '', fragment: '' });
}

/** True when paths on this file system are compared ignoring case (Windows and macOS defaults). */
export function pathsIgnoreCase(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' && process.platform !== 'linux';
}

/** Converts a scanner range into a vscode.Range. */
export function toRange(range: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}
