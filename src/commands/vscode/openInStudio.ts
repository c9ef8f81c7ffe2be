// "Open in Studio" from the image commands: the explorer's and the image preview's Ideogram
// submenu, a title-bar button on the Remix/Upscale quick inputs, and the Describe result. Each hands
// the image (and whatever the user already typed) to the Studio, which takes the work from there.
import * as vscode from 'vscode';
import { registerCommand } from '../../common/vscode/commands';
import type { IdeogramServices } from '../../common/vscode/services';
import { activeImageUri, imageUrisFromArgs, isImageUri } from './args';

/** Command id of the submenu entry (not in the palette: it needs an image). */
export const OPEN_IN_STUDIO_COMMAND = 'ideogram.openInStudio';

// The Studio's own command (src/studio/index.ts); called by id so the commands do not depend on the panel's module.
const OPEN_STUDIO_COMMAND = 'ideogram.openStudio';

/** The Studio modes the commands hand over to. */
export type StudioHandOffMode = 'generate' | 'remix' | 'upscale' | 'describe';

/** Opens (or reveals) the Studio in `mode` with `image` as reference and `prompt` in the form. */
export async function openInStudio(image: vscode.Uri | undefined, mode: StudioHandOffMode, prompt?: string): Promise<void> {
  await vscode.commands.executeCommand(OPEN_STUDIO_COMMAND, { uri: image, mode, ...(prompt ? { prompt } : {}) });
}

/** A quick input title-bar button that hands the current input over to the Studio. */
export function openInStudioButton(): vscode.QuickInputButton {
  return { iconPath: new vscode.ThemeIcon('window'), tooltip: vscode.l10n.t('Open in Studio') };
}

/** Registers ideogram.openInStudio: (clicked, selected) from the explorer, or the preview's Uri. */
export function registerOpenInStudio(services: IdeogramServices): vscode.Disposable {
  return registerCommand(services.boundary, OPEN_IN_STUDIO_COMMAND, vscode.l10n.t('Open in Studio'), async (first?: unknown, second?: unknown) => {
    // The Studio works on one reference image: the clicked one, not the whole selection.
    const image = imageUrisFromArgs(first, undefined).find(isImageUri) ?? imageUrisFromArgs(first, second).find(isImageUri) ?? activeImageUri();
    // Remix is the most common next step for an image the user picked.
    await openInStudio(image, 'remix');
  });
}
