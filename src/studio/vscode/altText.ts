// "Write as alt text" from the Studio's describe results. The panel has focus when the button is
// clicked, so the target is the last active text editor (never the panel), kept in the background:
// the user stays in the Studio and sees the change in the editor beside it.
import * as vscode from 'vscode';
import { showInformation } from '../../common/vscode/notifications';
import { writeAltTextForImage } from '../../altText/vscode';
import type { IdeogramServices } from '../../common/vscode/services';

/** Writes `description` as the alt text of `image` in the last text editor; returns a status line for the panel. */
export async function writeStudioAltText(services: IdeogramServices, image: vscode.Uri, description: string): Promise<string | undefined> {
  // lastTextEditor() only returns editors that are still shown, so editing it needs no showTextDocument.
  const editor = services.lastTextEditor();
  if (!editor) {
    const message = vscode.l10n.t('Open the document that shows {0} to write its alt text.', vscode.workspace.asRelativePath(image));
    void showInformation(message);
    return message;
  }
  const written = await writeAltTextForImage(image, description, editor);
  // When nothing was written, writeAltTextForImage has already said why (or the user declined to replace).
  return written > 0 ? vscode.l10n.t('Wrote the alt text in {0}.', vscode.workspace.asRelativePath(editor.document.uri)) : undefined;
}
