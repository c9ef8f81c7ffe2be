// The VS Code side of placeholders (issue 15): diagnostics with a Quick Fix, and the batch command.
import * as vscode from 'vscode';
import type { IdeogramServices } from '../../common/vscode/services';
import { registerPlaceholderCommands } from './commands';
import { PlaceholderDiagnostics } from './diagnostics';
import { FillMissingImagesTool } from './fillTool';
import { FILL_TOOL_NAME } from '../tool';

export { GENERATE_MISSING_IMAGES_COMMAND, GENERATE_PLACEHOLDER_COMMAND, generateMissingImages, type GenerateMissingImagesOptions, type GenerateMissingImagesResult } from './commands';
export { fillPlaceholders, type FillSummary } from './fill';

/** Registers the diagnostics, the Quick Fix, both commands and the "fill missing images" language model tool. */
export function registerPlaceholders(context: vscode.ExtensionContext, services: IdeogramServices): void {
  context.subscriptions.push(new PlaceholderDiagnostics(services), registerPlaceholderCommands(services));
  // Hosts without the lm API (some web builds) get no tool, as for the other tools.
  if (typeof vscode.lm?.registerTool === 'function') context.subscriptions.push(vscode.lm.registerTool(FILL_TOOL_NAME, new FillMissingImagesTool(services)));
}
