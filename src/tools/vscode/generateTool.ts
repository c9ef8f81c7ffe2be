// The "generate an image" language model tool: a chat agent makes placeholder art through the same
// ImageService as the commands, so settings, output folder, naming and sidecars are the user's own.
import * as vscode from 'vscode';
import { modelLabel, valueLabel } from '../../common/request/labels';
import { V3_DEFAULTS, V3_MODEL } from '../../common/request/v3';
import { billedV3, billingSummary, type BilledImages } from '../../common/vscode/spending';
import { IdeogramError, UnsavedImagesError } from '../../common/errors';
import { isCancellation } from '../../common/vscode/errorBoundary';
import type { IdeogramServices, OperationResult } from '../../common/vscode/services';
import { workspaceRelativePath } from '../../common/vscode/workspace';
import { buildGenerateToolRequest, invalidInputText, type GenerateDefaults, type GenerateToolRequest } from '../toolInput';
import { toolErrorText } from '../toolErrors';
import { smallImageParts } from './toolImages';

/** Input of the generate tool (the API's own field names; see GENERATE_TOOL_INPUT_SCHEMA). */
export type GenerateToolInput = Record<string, unknown>;

/**
 * What the tools use of the extension's services: narrow, so the in-host tests can build a tool
 * over the extension's exported operations (a confirmation dialog needs a person to click it).
 */
export interface ToolServices {
  settings: IdeogramServices['settings'];
  images: Pick<IdeogramServices['images'], 'generate' | 'describe' | 'v3'>;
  log: Pick<IdeogramServices['log'], 'warn' | 'redact'>;
  boundary: Pick<IdeogramServices['boundary'], 'showOperationError' | 'recover'>;
}

/** Generates images into the workspace on behalf of a chat agent, after the user confirms. */
export class GenerateImageTool implements vscode.LanguageModelTool<GenerateToolInput> {
  constructor(private readonly services: ToolServices) {}

  private defaults(): GenerateDefaults {
    return this.services.settings().defaults;
  }

  /** Asks the user first: every call spends their credits. */
  prepareInvocation(options: vscode.LanguageModelToolInvocationPrepareOptions<GenerateToolInput>): vscode.PreparedToolInvocation {
    const checked = buildGenerateToolRequest(options.input, this.defaults());
    if (!checked.ok) {
      // Nothing will be sent, so there is nothing to confirm; invoke() reports the problems.
      return { invocationMessage: vscode.l10n.t('Checking the image request') };
    }
    const { request } = checked.value;
    const count = request.num_images ?? 1;
    const message = new vscode.MarkdownString();
    message.appendMarkdown(`**${vscode.l10n.t('Prompt')}:** `).appendText(request.prompt ?? '');
    message.appendMarkdown(`\n\n**${vscode.l10n.t('Model')}:** `).appendText(modelText(checked.value));
    // The count and the estimate from the price table, as in every confirmation.
    message.appendMarkdown(`\n\n**${vscode.l10n.t('Number of images')}:** `).appendText(billingSummary(this.services.settings(), billed(checked.value)));
    message.appendMarkdown(`\n\n${vscode.l10n.t('The images are billed to your Ideogram account and saved in the workspace.')}`);
    return {
      invocationMessage: count === 1 ? vscode.l10n.t('Generating 1 image with Ideogram') : vscode.l10n.t('Generating {0} images with Ideogram', count),
      confirmationMessages: { title: count === 1 ? vscode.l10n.t('Generate 1 image with Ideogram?') : vscode.l10n.t('Generate {0} images with Ideogram?', count), message },
    };
  }

  /** Generates and saves; the result lists the saved workspace-relative paths for the model. */
  async invoke(options: vscode.LanguageModelToolInvocationOptions<GenerateToolInput>, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
    const checked = buildGenerateToolRequest(options.input, this.defaults());
    if (!checked.ok) return textResult(invalidInputText(checked.issues));
    const run = (opts: { token?: vscode.CancellationToken }): Promise<OperationResult> => (checked.value.family === 'v3'
      ? this.services.images.v3(checked.value.mode, checked.value.request, {}, opts)
      : this.services.images.generate(checked.value.request, opts));
    try {
      const result = await run({ token });
      const images = await smallImageParts(result.saved, (message) => this.services.log.warn(message));
      return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(describeSaved(result, modelForModel(checked.value), images.length > 0)), ...images]);
    } catch (err) {
      if (isCancellation(err)) throw new vscode.CancellationError();
      if (err instanceof UnsavedImagesError) {
        // Paid for but not saved: the user can save them (no new request) or retry, without blocking the chat.
        void this.services.boundary.recover(err, vscode.l10n.t('Generate Image'), () => run({}));
      } else if (err instanceof IdeogramError && (err.kind === 'missing-key' || err.kind === 'auth')) {
        // The user (not only the model) must act: offer "Set API Key" without blocking the chat.
        void this.services.boundary.showOperationError(err, vscode.l10n.t('Generate Image'));
      } else {
        this.services.log.warn(`Language model tool generate failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      return textResult(toolErrorText(err, (text) => this.services.log.redact(text)));
    }
  }
}

/** What the request bills: a legacy model's price, or 3.0's by speed and transparency. */
function billed(tool: GenerateToolRequest): BilledImages {
  const count = tool.request.num_images ?? 1;
  return tool.family === 'v3' ? billedV3(count, tool.request.rendering_speed, tool.mode === 'generate-transparent') : { count, model: tool.request.model };
}

/** The model line of the confirmation: "V_2", or "Ideogram 3.0 · Turbo speed · transparent". */
function modelText(tool: GenerateToolRequest): string {
  if (tool.family === 'legacy') return tool.request.model ?? '';
  return [
    modelLabel(V3_MODEL),
    vscode.l10n.t('{0} speed', valueLabel(tool.request.rendering_speed ?? V3_DEFAULTS.rendering_speed)),
    tool.mode === 'generate-transparent' ? vscode.l10n.t('transparent background') : undefined,
  ].filter(Boolean).join(' · ');
}

// The model's own words for what made the images (English: the result is for the model).
function modelForModel(tool: GenerateToolRequest): string {
  if (tool.family === 'legacy') return tool.request.model ?? '';
  return `${V3_MODEL} (Ideogram 3.0 ${tool.mode}, rendering speed ${tool.request.rendering_speed ?? V3_DEFAULTS.rendering_speed})`;
}

// Tool results are read by the language model, not shown as UI, so they stay in English
// (the model answers the user in their own language).
function describeSaved(result: OperationResult, model: string, withImages: boolean): string {
  const lines = [`Images generated with Ideogram model ${model} and saved: ${result.saved.length} (workspace-relative paths):`];
  for (const image of result.saved) {
    const details = [
      image.size ? `${image.size.width}x${image.size.height}` : undefined,
      image.sidecar.seed !== undefined ? `seed ${String(image.sidecar.seed)}` : undefined,
      `sidecar ${workspaceRelativePath(image.sidecarUri)}`,
    ].filter(Boolean);
    lines.push(`- ${image.relativePath} (${details.join(', ')})`);
  }
  // The result text is for the model, so it stays English (not vscode.l10n).
  if (result.blocked > 0) lines.push(`Images blocked by Ideogram's safety filter (nothing was saved for them): ${result.blocked}.`);
  if (result.failed > 0) lines.push(`Images that could not be downloaded: ${result.failed}.`);
  if (withImages) lines.push('Small copies of the saved images follow, in the same order, so you can check them.');
  lines.push('Reference an image from a document with a path relative to that document.');
  return lines.join('\n');
}

/** A tool result of one text part. */
export function textResult(text: string): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
}
