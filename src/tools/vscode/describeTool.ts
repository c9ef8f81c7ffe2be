// The "describe an image" language model tool: a chat agent gets descriptions (e.g. for alt text)
// of an image in the workspace. Describing reads a file the user already has, so no confirmation.
import * as vscode from 'vscode';
import { isCancellation } from '../../common/vscode/errorBoundary';
import { isInsideWorkspace, workspaceRelativePath } from '../../common/vscode/workspace';
import { textResult, type ToolServices } from './generateTool';
import { invalidInputText, parseDescribeInput, type DescribeToolInput } from '../toolInput';
import { toolErrorText } from '../toolErrors';

/** Input of the describe tool (see DESCRIBE_TOOL_INPUT_SCHEMA). */
export type DescribeToolRawInput = Record<string, unknown>;

/**
 * The workspace file a relative path names: in a multi-root workspace the first segment may be a
 * folder's name; otherwise the first folder holding the file wins. Undefined when none has it.
 */
export async function findWorkspaceFile(segments: readonly string[]): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const candidates: vscode.Uri[] = [];
  const named = folders.find((folder) => folder.name === segments[0]);
  if (named && folders.length > 1 && segments.length > 1) candidates.push(vscode.Uri.joinPath(named.uri, ...segments.slice(1)));
  for (const folder of folders) candidates.push(vscode.Uri.joinPath(folder.uri, ...segments));
  for (const uri of candidates) {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type & vscode.FileType.File) return uri;
    } catch {
      // not in this folder; try the next
    }
  }
  return undefined;
}

/** Describes one workspace image for a chat agent. */
export class DescribeImageTool implements vscode.LanguageModelTool<DescribeToolRawInput> {
  constructor(private readonly services: ToolServices) {}

  /** Shows which image is being described. */
  prepareInvocation(options: vscode.LanguageModelToolInvocationPrepareOptions<DescribeToolRawInput>): vscode.PreparedToolInvocation {
    const path = typeof options.input.path === 'string' ? options.input.path : '';
    return { invocationMessage: vscode.l10n.t('Describing {0} with Ideogram', path) };
  }

  /** Returns the descriptions as text, or a clear error for the model. */
  async invoke(options: vscode.LanguageModelToolInvocationOptions<DescribeToolRawInput>, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
    const checked = parseDescribeInput(options.input);
    if (!checked.ok) return textResult(invalidInputText(checked.issues));
    return this.describe(checked.value, token);
  }

  private async describe(input: DescribeToolInput, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
    const uri = await findWorkspaceFile(input.segments);
    if (!uri) return textResult(`Error: no file ${input.segments.join('/')} in the workspace. Use a workspace-relative path of an existing image.`);
    // A committed link (`assets/hero.png -> ../../private.png`) must not upload what it points to.
    if (!(await isInsideWorkspace(uri))) {
      return textResult(`Error: ${input.segments.join('/')} is a link to a file outside the workspace; it was not read or sent. Only images inside the workspace can be described.`);
    }
    try {
      const [item] = await this.services.images.describe([uri], { token, describe_model_version: input.describe_model_version });
      if (item.error !== undefined) throw item.error;
      const relative = workspaceRelativePath(uri);
      if (item.descriptions.length === 0) return textResult(`Ideogram returned no description for ${relative}.`);
      // English, for the model (see generateTool.ts).
      return textResult([`Descriptions of ${relative}:`, ...item.descriptions.map((text, index) => `${index + 1}. ${text}`)].join('\n'));
    } catch (err) {
      if (isCancellation(err)) throw new vscode.CancellationError();
      this.services.log.warn(`Language model tool describe failed: ${err instanceof Error ? err.message : String(err)}`);
      return textResult(toolErrorText(err, (text) => this.services.log.redact(text)));
    }
  }
}
