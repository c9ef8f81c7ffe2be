// The VS Code side of placeholders (issue 15): diagnostics with a Quick Fix, and the batch command.
import type * as vscode from 'vscode';
import type { IdeogramServices } from '../../common/vscode/services';
import { registerPlaceholderCommands } from './commands';
import { PlaceholderDiagnostics } from './diagnostics';

export { GENERATE_MISSING_IMAGES_COMMAND, GENERATE_PLACEHOLDER_COMMAND, generateMissingImages, type GenerateMissingImagesOptions, type GenerateMissingImagesResult } from './commands';
export { fillPlaceholders, type FillSummary } from './fill';

/** Registers the diagnostics, the Quick Fix and both commands. */
export function registerPlaceholders(context: vscode.ExtensionContext, services: IdeogramServices): void {
  context.subscriptions.push(new PlaceholderDiagnostics(services), registerPlaceholderCommands(services));
}
