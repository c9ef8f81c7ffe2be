// The document an "Insert" or "Write as alt text" goes into, decided once per action: the text
// editor the user last worked in (remembered even after an image preview hid it), else the
// workspace documents that reference the image (the user picks one if several), else none. The
// callers name it on their buttons and open it when they write.
import * as vscode from 'vscode';
import { findImageReferences } from '../../altText';
import { ALT_TEXT_EXCLUDE_GLOB, ALT_TEXT_FILE_GLOB, documentSyntax, pathsIgnoreCase, readDocumentText, scanContextFor } from '../../altText/vscode/documents';

/** Where a write goes: a document, and the editor it was last shown in (for the cursor and the column). */
export interface WriteTarget {
  uri: vscode.Uri;
  /** The editor the user last worked in, when the target is that document (its selections are where the user left them). */
  editor?: vscode.TextEditor;
}

// Documents the user works in; the Output panel and other internal views are text editors too.
const WORKING_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-userdata', 'vscode-vfs']);

/** Remembers the text editor the user last worked in, including after another editor (an image preview) replaced it. */
export class WriteTargetTracker implements vscode.Disposable {
  private last: vscode.TextEditor | undefined;
  private readonly listener: vscode.Disposable;

  constructor() {
    this.remember(vscode.window.activeTextEditor);
    this.listener = vscode.window.onDidChangeActiveTextEditor((editor) => this.remember(editor));
  }

  private remember(editor: vscode.TextEditor | undefined): void {
    if (editor && WORKING_SCHEMES.has(editor.document.uri.scheme)) this.last = editor;
  }

  /** The last worked-in document, unless it was an untitled one that has been closed since. */
  lastWorkedIn(): WriteTarget | undefined {
    const editor = this.last;
    if (!editor || (editor.document.isClosed && editor.document.isUntitled)) return undefined;
    return { uri: editor.document.uri, editor };
  }

  /**
   * The target for writing about `image`: the last worked-in document, else a workspace document
   * that references `image` (asked when several do); undefined when there is none or the user
   * dismissed the choice.
   */
  async resolve(image?: vscode.Uri): Promise<WriteTarget | undefined> {
    const last = this.lastWorkedIn();
    if (last || !image) return last;
    const documents = await documentsReferencing(image);
    if (documents.length <= 1) return documents[0] && { uri: documents[0] };
    const picked = await vscode.window.showQuickPick(
      documents.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
      { title: vscode.l10n.t('Which document should get the alt text of {0}?', vscode.workspace.asRelativePath(image)), ignoreFocusOut: true },
    );
    return picked && { uri: picked.uri };
  }

  dispose(): void {
    this.listener.dispose();
  }
}

/** The name of a target, for a button or a message. */
export function targetName(target: WriteTarget): string {
  return vscode.workspace.asRelativePath(target.uri);
}

/**
 * Shows the target in an editor and returns it, with the cursor where the user left it: the same
 * editor when still visible, else the document reopened in its last column.
 */
export async function showTarget(target: WriteTarget, options: { preserveFocus?: boolean } = {}): Promise<vscode.TextEditor> {
  const editor = target.editor;
  if (editor && vscode.window.visibleTextEditors.includes(editor)) {
    if (options.preserveFocus) return editor;
    return vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
  }
  const document = editor && !editor.document.isClosed ? editor.document : await vscode.workspace.openTextDocument(target.uri);
  const shown = await vscode.window.showTextDocument(document, {
    viewColumn: editor?.viewColumn ?? vscode.ViewColumn.Active,
    preserveFocus: options.preserveFocus ?? false,
    preview: false,
  });
  if (editor) shown.selections = [...editor.selections];
  return shown;
}

/** Workspace documents (Markdown, HTML, JSX/TSX, Vue) with a reference to `image`. */
async function documentsReferencing(image: vscode.Uri): Promise<vscode.Uri[]> {
  const files = await vscode.workspace.findFiles(ALT_TEXT_FILE_GLOB, ALT_TEXT_EXCLUDE_GLOB);
  const same = pathsIgnoreCase(image) ? (a: string) => a.toLowerCase() === image.path.toLowerCase() : (a: string) => a === image.path;
  const found: vscode.Uri[] = [];
  for (const uri of files) {
    const syntax = documentSyntax({ uri });
    if (!syntax || uri.scheme !== image.scheme || uri.authority !== image.authority) continue;
    let text: string;
    try {
      text = await readDocumentText(uri);
    } catch {
      continue; // unreadable: not a candidate
    }
    if (findImageReferences(text, syntax, scanContextFor(uri)).some((ref) => ref.resolvedPath !== undefined && same(ref.resolvedPath))) found.push(uri);
  }
  return found.sort((a, b) => a.path.localeCompare(b.path));
}
