// The VS Code side of the alt-text features: the workspace scan command and "write as alt text".
import type * as vscode from 'vscode';
import type { IdeogramServices } from '../../common/vscode/services';
import { registerFindMissingAltText } from './findMissingAltText';
import { registerWriteAltText } from './writeAltText';

export { FIND_MISSING_ALT_TEXT_COMMAND, findAndFixMissingAltText, type FindMissingAltTextOptions, type FindMissingAltTextResult } from './findMissingAltText';
export { WRITE_ALT_TEXT_COMMAND, writeAltTextForImage, writeAltTextInTarget } from './writeAltText';

/** Registers ideogram.findMissingAltText and ideogram.writeAltText. */
export function registerAltTextCommands(context: vscode.ExtensionContext, services: IdeogramServices): void {
  context.subscriptions.push(registerFindMissingAltText(services), registerWriteAltText(services.boundary, services.writeTargets));
}
