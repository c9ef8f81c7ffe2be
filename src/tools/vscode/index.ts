// Registers the language model tools (declared in package.json `contributes.languageModelTools`).
import * as vscode from 'vscode';
import type { IdeogramServices } from '../../common/vscode/services';
import { DescribeImageTool } from './describeTool';
import { GenerateImageTool } from './generateTool';
import { DESCRIBE_TOOL_NAME, GENERATE_TOOL_NAME } from '../toolInput';

export { DescribeImageTool, GenerateImageTool };
export { DESCRIBE_TOOL_NAME, GENERATE_TOOL_NAME } from '../toolInput';

/** Registers the generate and describe tools for chat agents; hosts without the lm API skip it quietly. */
export function registerLanguageModelTools(context: vscode.ExtensionContext, services: IdeogramServices): void {
  // Older or trimmed hosts (some web builds) have no vscode.lm.registerTool.
  if (typeof vscode.lm?.registerTool !== 'function') {
    services.log.info('Language model tools are not available in this host; skipped.');
    return;
  }
  context.subscriptions.push(
    vscode.lm.registerTool(GENERATE_TOOL_NAME, new GenerateImageTool(services)),
    vscode.lm.registerTool(DESCRIBE_TOOL_NAME, new DescribeImageTool(services)),
  );
}
