// "Insert into Editor" on any image the workbench shows (the image preview's title bar, the
// explorer's Ideogram menu, the palette while a preview is active): a reference to it in the
// document the user last worked in, which is opened; the alt text is the prompt it was made with.
import * as vscode from 'vscode';
import { registerCommand } from '../../common/vscode/commands';
import { isHostedImageUri } from '../../common/vscode/inputImage';
import { showInformation } from '../../common/vscode/notifications';
import type { IdeogramServices } from '../../common/vscode/services';
import { showTarget, type WriteTarget } from '../../insert/vscode/target';
import { resolveImages } from './args';
import { promptOf } from './imageCommands';

/** Command id: (Uri | Uri[], Uri[]?) → the text inserted, or undefined. */
export const INSERT_IMAGE_COMMAND = 'ideogram.insertImage';

/** Registers ideogram.insertImage. */
export function registerInsertImage(services: IdeogramServices): vscode.Disposable {
  return registerCommand(services.boundary, INSERT_IMAGE_COMMAND, vscode.l10n.t('Insert into Editor'), async (first?: unknown, second?: unknown): Promise<string | undefined> => {
    // Only files: a reference to a link is the link itself, nothing to resolve.
    const images = (await resolveImages(first, second, true)).filter((uri) => !isHostedImageUri(uri));
    if (images.length === 0) return undefined;
    const target = services.writeTargets.lastWorkedIn();
    if (!target) {
      void showInformation(vscode.l10n.t('Open the document to insert {0} into, then try again.', vscode.workspace.asRelativePath(images[0])));
      return undefined;
    }
    return insertImagesInto(services, images, target);
  });
}

/** Inserts references to `images` into the target document, which is shown; returns the text inserted. */
export async function insertImagesInto(services: IdeogramServices, images: readonly vscode.Uri[], target: WriteTarget): Promise<string | undefined> {
  const alts = await Promise.all(images.map(async (uri) => (await promptOf(uri)) ?? altFromFileName(uri)));
  return services.insertImageReferences(images.map((uri, index) => ({ uri, alt: alts[index] })), await showTarget(target));
}

// Without a sidecar the file name is the best description at hand (`red-fox_2.png` → "red fox 2").
function altFromFileName(uri: vscode.Uri): string {
  const name = uri.path.split('/').pop() ?? '';
  return name.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ').trim();
}
