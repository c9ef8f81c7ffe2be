// "Write as alt text": puts a description into the alt text of an image's reference(s) in the
// active document. The user asked for it explicitly, so it edits the editor directly (one undo
// step); replacing an alt text that already says something is confirmed first.
import * as vscode from 'vscode';
import { registerCommand } from '../../common/vscode/commands';
import type { ErrorBoundary } from '../../common/vscode/errorBoundary';
import { showInformation, showWarning } from '../../common/vscode/notifications';
import { planAltTextForImage } from '..';
import { documentSyntax, pathsIgnoreCase, scanContextFor, toRange } from './documents';
import { showTarget, type WriteTargetTracker } from '../../insert/vscode/target';

/** Command id: (imageUri, description) → number of references written. */
export const WRITE_ALT_TEXT_COMMAND = 'ideogram.writeAltText';

/**
 * Writes `description` as the alt text of `image` where the given (or active) editor's document
 * references it; returns how many references were written (0 when none, with a message why).
 */
export async function writeAltTextForImage(image: vscode.Uri, description: string, editor = vscode.window.activeTextEditor): Promise<number> {
  const name = vscode.workspace.asRelativePath(image);
  if (!editor) {
    void showInformation(vscode.l10n.t('Open the document that shows {0} to write its alt text.', name));
    return 0;
  }
  const document = editor.document;
  const syntax = documentSyntax(document);
  if (!syntax) {
    void showInformation(vscode.l10n.t('Alt text can be written in Markdown, HTML, JSX/TSX and Vue documents.'));
    return 0;
  }
  const sameFileSystem = document.uri.scheme === image.scheme && document.uri.authority === image.authority;
  const plan = sameFileSystem
    ? planAltTextForImage(document.getText(), syntax, scanContextFor(document.uri), image.path, description, {
      cursorOffset: document.offsetAt(editor.selection.active),
      ignoreCase: pathsIgnoreCase(image),
    })
    : { edits: [], references: [], replacesExisting: false };
  if (plan.edits.length === 0) {
    void showInformation(vscode.l10n.t('{0} does not reference {1}.', vscode.workspace.asRelativePath(document.uri), name));
    return 0;
  }
  if (plan.replacesExisting) {
    const replace = vscode.l10n.t('Replace');
    const choice = await showWarning(
      vscode.l10n.t('Replace the existing alt text of {0}?', name), { modal: true }, replace);
    if (choice !== replace) return 0;
  }
  const applied = await editor.edit((builder) => {
    for (const edit of plan.edits) builder.replace(toRange(edit.range), edit.newText);
  });
  return applied ? plan.edits.length : 0;
}

/**
 * Writes `description` as the alt text of `image` in the target document (the last one the user
 * worked in, else one that references the image), opening it; returns the document and how many
 * references were written, or undefined when there is no document (the user is told).
 */
export async function writeAltTextInTarget(
  targets: Pick<WriteTargetTracker, 'resolve'>,
  image: vscode.Uri,
  description: string,
  options: { preserveFocus?: boolean } = {},
): Promise<{ document: vscode.Uri; written: number } | undefined> {
  const target = await targets.resolve(image);
  if (!target) {
    void showInformation(vscode.l10n.t('No open or workspace document shows {0}: open the one that should get its alt text.', vscode.workspace.asRelativePath(image)));
    return undefined;
  }
  const editor = await showTarget(target, options);
  return { document: editor.document.uri, written: await writeAltTextForImage(image, description, editor) };
}

/** Registers ideogram.writeAltText (not in the palette: the Describe result and the Studio call it with arguments). */
export function registerWriteAltText(boundary: ErrorBoundary, targets: WriteTargetTracker): vscode.Disposable {
  return registerCommand(boundary, WRITE_ALT_TEXT_COMMAND, vscode.l10n.t('Write as Alt Text'), async (image: unknown, description: unknown): Promise<number> => {
    // The Studio sends Uri strings; the Describe result passes a Uri.
    const uri = typeof image === 'string' ? vscode.Uri.parse(image) : image;
    if (!(uri instanceof vscode.Uri) || typeof description !== 'string') return 0;
    // A quick pick or the Studio panel has focus when this runs: the target is decided without it.
    return (await writeAltTextInTarget(targets, uri, description))?.written ?? 0;
  });
}
