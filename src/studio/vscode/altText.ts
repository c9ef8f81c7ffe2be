// "Write as alt text" from the Studio's describe results. The panel has focus when the button is
// clicked, so the target is decided without it (src/insert/vscode/target.ts) and shown beside the
// panel without taking the focus: the user stays in the Studio and sees the change in the editor.
import * as vscode from 'vscode';
import { writeAltTextInTarget } from '../../altText/vscode';
import type { IdeogramServices } from '../../common/vscode/services';

/** Writes `description` as the alt text of `image` in the target document; returns a status line for the panel. */
export async function writeStudioAltText(services: IdeogramServices, image: vscode.Uri, description: string): Promise<string | undefined> {
  const result = await writeAltTextInTarget(services.writeTargets, image, description, { preserveFocus: true });
  // When nothing was written, the user has already been told why (or declined to replace).
  return result && result.written > 0 ? vscode.l10n.t('Wrote the alt text in {0}.', vscode.workspace.asRelativePath(result.document)) : undefined;
}
