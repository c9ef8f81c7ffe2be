// "Describe Image": one or many images (in parallel within the in-flight limit), then one quick
// pick of all descriptions with item buttons: Copy, Insert at cursor, Write as alt text, Generate from
// this, Remix with this, Open in Studio; the pick's title bar opens the image in the Studio's describe mode.
import * as vscode from 'vscode';
import { registerCommand } from '../../common/vscode/commands';
import type { IdeogramServices } from '../../common/vscode/services';
import { isCancellation } from '../../common/vscode/errorBoundary';
import { writeAltTextForImage } from '../../altText/vscode/writeAltText';
import { resolveImages } from './args';
import { askForGenerateRequest, runGenerate } from './generate';
import { askForRemix, runRemix } from './imageCommands';
import { openInStudio, openInStudioButton } from './openInStudio';
import { withOperationProgress } from './results';

/** What ideogram.describe returns for each image. */
export interface DescribeCommandResult { uri: vscode.Uri; descriptions: string[]; error?: string }

/** Registers ideogram.describe; returns one entry per image (descriptions, or the error text). */
export function registerDescribe(context: vscode.ExtensionContext, services: IdeogramServices): vscode.Disposable {
  return registerCommand(services.boundary, 'ideogram.describe', vscode.l10n.t('Describe'), async (first?: unknown, second?: unknown): Promise<DescribeCommandResult[] | undefined> => {
    const images = await resolveImages(first, second, true);
    if (images.length === 0) return undefined;
    const items = await services.boundary.run(vscode.l10n.t('Describe'), () =>
      withOperationProgress(images.length === 1 ? vscode.l10n.t('Ideogram: describing 1 image') : vscode.l10n.t('Ideogram: describing {0} images', images.length), (opts) => services.images.describe(images, opts)));
    if (!items) return undefined;
    const results = items.map((item) => ({
      uri: item.uri,
      descriptions: item.descriptions,
      ...(item.error ? { error: services.log.redact(item.error instanceof Error ? item.error.message : String(item.error)) } : {}),
    }));
    for (const r of results) if (r.error) services.log.warn(`Describe ${vscode.workspace.asRelativePath(r.uri)}: ${r.error}`);
    // Not awaited: the command returns its result at once; the pick stays for the user.
    void showDescriptions(context, services, results).catch((err: unknown) => services.boundary.showOperationError(err));
    return results;
  });
}

interface DescriptionItem extends vscode.QuickPickItem { text?: string; image: vscode.Uri }

/** Shows every description in one quick pick with actions as item buttons; Enter copies. */
export async function showDescriptions(context: vscode.ExtensionContext, services: IdeogramServices, results: DescribeCommandResult[]): Promise<void> {
  const editor = services.lastTextEditor();
  const copy = { iconPath: new vscode.ThemeIcon('copy'), tooltip: vscode.l10n.t('Copy') };
  const insert = { iconPath: new vscode.ThemeIcon('insert'), tooltip: vscode.l10n.t('Insert at Cursor') };
  const generate = { iconPath: new vscode.ThemeIcon('sparkle'), tooltip: vscode.l10n.t('Generate from This') };
  const remix = { iconPath: new vscode.ThemeIcon('wand'), tooltip: vscode.l10n.t('Remix with This') };
  const altText = { iconPath: new vscode.ThemeIcon('symbol-text'), tooltip: vscode.l10n.t('Write as Alt Text') };
  const studio = { iconPath: new vscode.ThemeIcon('window'), tooltip: vscode.l10n.t('Open in Studio with This Prompt') };
  const buttons = editor ? [copy, insert, altText, generate, remix, studio] : [copy, generate, remix, studio];
  // Title bar: the described image in the Studio's describe mode (the active row's image when several).
  const studioImage = openInStudioButton();
  const items: DescriptionItem[] = [];
  for (const result of results) {
    const name = vscode.workspace.asRelativePath(result.uri);
    if (results.length > 1) items.push({ label: name, kind: vscode.QuickPickItemKind.Separator, image: result.uri });
    if (result.error) items.push({ label: `$(error) ${result.error}`, image: result.uri });
    else if (result.descriptions.length === 0) items.push({ label: vscode.l10n.t('(no description returned)'), image: result.uri });
    for (const text of result.descriptions) items.push({ label: text, detail: results.length > 1 ? undefined : name, text, image: result.uri, buttons });
  }

  const pick = vscode.window.createQuickPick<DescriptionItem>();
  pick.title = vscode.l10n.t('Ideogram: Descriptions');
  pick.placeholder = vscode.l10n.t('Enter copies a description; the buttons insert it, generate from it or remix with it');
  pick.buttons = [studioImage];
  pick.items = items;
  pick.matchOnDetail = true;
  pick.ignoreFocusOut = true;
  const act = async (button: vscode.QuickInputButton, item: DescriptionItem): Promise<void> => {
    const text = item.text;
    if (!text) return;
    if (button === copy) {
      await vscode.env.clipboard.writeText(text);
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Description copied'), 2000);
      return;
    }
    pick.hide();
    if (button === insert && editor) {
      const shown = await vscode.window.showTextDocument(editor.document, editor.viewColumn);
      await services.insertText(text, shown);
    } else if (button === altText && editor) {
      // Alt text at this image's reference(s) in that document (src/altText/vscode/writeAltText.ts).
      const shown = await vscode.window.showTextDocument(editor.document, editor.viewColumn);
      await writeAltTextForImage(item.image, text, shown);
    } else if (button === generate) {
      const request = await askForGenerateRequest(context, services, { prompt: text });
      if (request) await runGenerate(context, services, request);
    } else if (button === remix) {
      const request = await askForRemix(services, item.image, { prompt: text });
      if (request) await runRemix(services, request, [item.image]);
    } else if (button === studio) {
      await openInStudio(item.image, 'generate', text);
    }
  };
  const guard = (p: Promise<void>): void => {
    void p.catch(async (err: unknown) => { if (!isCancellation(err)) await services.boundary.showOperationError(err); });
  };
  pick.onDidTriggerItemButton((e) => guard(act(e.button, e.item)));
  pick.onDidTriggerButton((button) => {
    if (button !== studioImage) return;
    const image = pick.activeItems[0]?.image ?? results[0]?.uri;
    pick.hide();
    guard(openInStudio(image, 'describe'));
  });
  pick.onDidAccept(() => {
    const item = pick.selectedItems[0];
    if (item?.text) guard(act(copy, item));
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
}
