// "Fill missing images" for chat agents: an agent that just wrote a page makes its images. The
// confirmation lists every file with its size and the number of images (each costs the user);
// the files are made as the command makes them, without its review (the confirmation is it).
import * as vscode from 'vscode';
import type { IdeogramSettings } from '../../common/vscode/config';
import type { IdeogramServices } from '../../common/vscode/services';
import { uriFromWorkspaceRelativePath } from '../../common/vscode/workspace';
import { readFillInput } from '../tool';
import type { PlaceholderItem } from '..';
import { fillPlaceholders, type FillSummary } from './fill';
import { planWorkspace } from './planning';

/** Files listed in the confirmation; the rest are counted. */
const LISTED = 40;

/** Plans and fills the missing images of the workspace (or a folder of it) after the user confirms. */
export class FillMissingImagesTool implements vscode.LanguageModelTool<unknown> {
  constructor(private readonly services: IdeogramServices) {}

  private async plan(input: unknown, token?: vscode.CancellationToken): Promise<{ items: PlaceholderItem[]; settings: IdeogramSettings } | string> {
    const { folder } = readFillInput(input);
    const folderUri = folder === undefined ? undefined : uriFromWorkspaceRelativePath(folder);
    if (folder !== undefined && !folderUri) return `The folder "${folder}" is not in the workspace; nothing was made.`;
    const settings = this.services.settings(folderUri ?? vscode.workspace.workspaceFolders?.[0]?.uri);
    return { items: (await planWorkspace(settings, folderUri, token)).plan.items, settings };
  }

  /** Asks the user first: the list of files and sizes, and the number of images. */
  async prepareInvocation(options: vscode.LanguageModelToolInvocationPrepareOptions<unknown>, token: vscode.CancellationToken): Promise<vscode.PreparedToolInvocation> {
    const planned = await this.plan(options.input, token);
    const items = typeof planned === 'string' ? [] : planned.items;
    if (items.length === 0) return { invocationMessage: vscode.l10n.t('Looking for missing images') };
    const message = new vscode.MarkdownString();
    for (const item of items.slice(0, LISTED)) message.appendMarkdown('- ').appendText(`${item.target} — ${item.size.width}×${item.size.height} ${item.format.toUpperCase()}`).appendMarkdown('\n');
    if (items.length > LISTED) message.appendMarkdown('\n').appendText(vscode.l10n.t('…and {0} more.', items.length - LISTED));
    message.appendMarkdown(`\n\n${vscode.l10n.t('The images are billed to your Ideogram account and written where the pages reference them.')}`);
    return {
      invocationMessage: vscode.l10n.t('Generating {0} missing image(s) with Ideogram', items.length),
      confirmationMessages: { title: vscode.l10n.t('Generate {0} missing image(s) with Ideogram?', items.length), message },
    };
  }

  /** Makes the planned images; the result lists what was made, skipped and failed for the model. */
  async invoke(options: vscode.LanguageModelToolInvocationOptions<unknown>, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
    const planned = await this.plan(options.input, token);
    if (typeof planned === 'string') return textResult(planned);
    if (planned.items.length === 0) return textResult('No missing images: every local image the pages reference exists.');
    const summary = await fillPlaceholders(this.services, planned.items, { settings: planned.settings, token });
    if (token.isCancellationRequested) throw new vscode.CancellationError();
    return textResult(describeSummary(summary, (text) => this.services.log.redact(text)));
  }
}

// Tool results are read by the language model, not shown as UI, so they stay in English.
function describeSummary(summary: FillSummary, redact: (text: string) => string): string {
  const lines = [`Made ${summary.made.length} image(s) at the paths the pages reference (workspace-relative):`];
  for (const { item } of summary.made) lines.push(`- ${item.target} (${item.size.width}x${item.size.height} ${item.format})`);
  for (const { item, reason } of summary.skipped) lines.push(`Skipped ${item.target}: ${reason}`);
  for (const { item, error } of summary.failed) lines.push(`Failed ${item.target}: ${redact(error instanceof Error ? error.message : String(error))}`);
  return lines.join('\n');
}

function textResult(text: string): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
}
