// What the gallery's buttons and keys do with one result or a selection. Each reuses what exists:
// the image commands (remix, upscale, describe, generate with options), the Studio, src/insert.
// Ids come from the webview: only entries an index holds right now are acted on (GallerySources.find).
import * as vscode from 'vscode';
import type { GalleryAction } from '../../common/galleryProtocol';
import { assertNever } from '../../common/protocol';
import { DEFAULT_FORM, formFromParameters } from '../../common/studioForm';
import { showInformation } from '../../common/vscode/notifications';
import type { IdeogramServices } from '../../common/vscode/services';
import { uriFromWorkspaceRelativePath } from '../../common/vscode/workspace';
import { openStudio } from '../../studio/vscode/index';
import { deleteWithUndo } from './galleryDelete';
import type { FoundEntry } from './gallerySources';

/** How an action talks back to the view (a short note under the toolbar). */
export interface ActionContext {
  context: vscode.ExtensionContext;
  services: IdeogramServices;
  notice(message: string): void;
}

const present = (found: readonly FoundEntry[]): FoundEntry[] => found.filter((f) => !f.entry.missingImage);

/** Runs `action` on the found entries (at least one). */
export async function runGalleryAction(action: GalleryAction, found: readonly FoundEntry[], ctx: ActionContext): Promise<void> {
  const first = found[0]!;
  const images = present(found).map((f) => f.imageUri);
  switch (action) {
    case 'open':
      for (const uri of images) await vscode.commands.executeCommand('vscode.open', uri, { preview: images.length === 1 });
      if (images.length === 0) ctx.notice(vscode.l10n.t('The image of this result is missing.'));
      return;
    case 'reveal':
      await vscode.commands.executeCommand('revealInExplorer', images[0] ?? first.sidecarUri);
      return;
    case 'insert':
      return insert(present(found), ctx);
    case 'copyPrompt':
      await vscode.env.clipboard.writeText(found.map((f) => f.entry.prompt || f.entry.returnedPrompt || '').join('\n'));
      ctx.notice(vscode.l10n.t('Copied.'));
      return;
    case 'copySeed': {
      const seeds = found.flatMap((f) => (f.entry.seed === undefined ? [] : [String(f.entry.seed)]));
      if (seeds.length === 0) {
        ctx.notice(vscode.l10n.t('No seed is recorded for this result.'));
        return;
      }
      await vscode.env.clipboard.writeText(seeds.join('\n'));
      ctx.notice(vscode.l10n.t('Copied.'));
      return;
    }
    case 'againSameSeed':
    case 'againNewSeed':
      return again(first, action === 'againSameSeed', ctx);
    case 'remix':
    case 'upscale':
    case 'describe':
      if (images.length === 0) {
        ctx.notice(vscode.l10n.t('The image of this result is missing.'));
        return;
      }
      // As the explorer calls them: (clicked, all selected).
      await vscode.commands.executeCommand(`ideogram.${action}`, images[0], images);
      return;
    case 'openInStudio':
      return openInStudioWith(first, ctx);
    case 'delete':
      return deleteWithUndo(found, (message) => ctx.notice(message));
    default:
      assertNever(action);
  }
}

async function insert(found: readonly FoundEntry[], ctx: ActionContext): Promise<void> {
  if (found.length === 0) {
    ctx.notice(vscode.l10n.t('The image of this result is missing.'));
    return;
  }
  const editor = ctx.services.lastTextEditor();
  const inserted = await ctx.services.insertImageReferences(found.map(({ imageUri, entry }) => ({
    uri: imageUri,
    alt: entry.prompt || entry.returnedPrompt || '',
    size: entry.width !== undefined && entry.height !== undefined ? { width: entry.width, height: entry.height } : undefined,
  })), editor);
  if (inserted === undefined || !editor) {
    const message = vscode.l10n.t('Open a text editor to insert the image reference into.');
    void showInformation(message);
    ctx.notice(message);
    return;
  }
  ctx.notice(vscode.l10n.t('Inserted into {0}.', vscode.workspace.asRelativePath(editor.document.uri)));
}

// The request the result was made with (API field names, as its sidecar records them).
async function parametersOf(found: FoundEntry): Promise<Record<string, unknown>> {
  const sidecar = await found.source.index.readSidecar(found.entry.id);
  return { ...(sidecar?.parameters ?? {}), prompt: found.entry.prompt };
}

// The source image of a remix/upscale, if it is still in the workspace.
function sourceOf(found: FoundEntry): vscode.Uri | undefined {
  return found.entry.sourceImage === undefined ? undefined : uriFromWorkspaceRelativePath(found.entry.sourceImage);
}

// The same request again through the operation's own command (which validates it before sending):
// with the result's seed, or without one for a new variation.
async function again(found: FoundEntry, sameSeed: boolean, ctx: ActionContext): Promise<void> {
  const parameters = await parametersOf(found);
  delete parameters.seed;
  if (sameSeed && found.entry.seed !== undefined) parameters.seed = found.entry.seed;
  const { operation } = found.entry;
  if (!isLegacyOperation(operation)) {
    ctx.notice(vscode.l10n.t('Run an Ideogram 3.0 result again from its command in the image\'s Ideogram menu.'));
    return;
  }
  if (operation === 'generate') {
    await vscode.commands.executeCommand('ideogram.generate', parameters);
    return;
  }
  const source = sourceOf(found);
  if (!source) {
    ctx.notice(vscode.l10n.t('The source image of this result is no longer in the workspace.'));
    return;
  }
  await vscode.commands.executeCommand(`ideogram.${operation}`, source, parameters);
}

// The Studio, filled with the result's parameters (and its source image for a remix or upscale).
async function openInStudioWith(found: FoundEntry, ctx: ActionContext): Promise<void> {
  const parameters = await parametersOf(found);
  const { operation } = found.entry;
  // A 3.0 result opens the form with its prompt; the Studio's legacy modes are what it can refill.
  const mode = isLegacyOperation(operation) ? operation : 'generate';
  const form = formFromParameters({ ...parameters, seed: found.entry.seed }, { ...DEFAULT_FORM, mode });
  openStudio(ctx.context, ctx.services, { form, reference: mode === 'generate' ? undefined : sourceOf(found) });
}

// The operations the Studio form and the legacy commands take (3.0 results have their own commands).
function isLegacyOperation(operation: string): operation is 'generate' | 'remix' | 'upscale' {
  return operation === 'generate' || operation === 'remix' || operation === 'upscale';
}
