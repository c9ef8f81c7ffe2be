// "Describe Image": one or many images (in parallel within the in-flight limit), then one quick
// pick of all descriptions with item buttons: Copy, Insert at cursor, Write as alt text, Generate from
// this, Remix with this, Open in Studio; the pick's title bar opens the image in the Studio's describe mode.
import * as vscode from 'vscode';
import { registerCommand } from '../../common/vscode/commands';
import type { IdeogramServices } from '../../common/vscode/services';
import { isCancellation } from '../../common/vscode/errorBoundary';
import { writeAltTextInTarget } from '../../altText/vscode/writeAltText';
import { showTarget, targetName } from '../../insert/vscode/target';
import { resolveImages } from './args';
import { askForGenerateRequest, runGenerate } from './generate';
import { askForRemix, runRemix } from './imageCommands';
import { openInStudio, openInStudioButton } from './openInStudio';
import { withOperationProgress } from './results';
import { insertImagesInto } from './insertImage';

/** What ideogram.describe returns for each image. */
export interface DescribeCommandResult { uri: vscode.Uri; descriptions: string[]; error?: string }

/** Registers ideogram.describe; returns one entry per image (descriptions, or the error text). */
export function registerDescribe(context: vscode.ExtensionContext, services: IdeogramServices): vscode.Disposable {
  return registerCommand(services.boundary, 'ideogram.describe', vscode.l10n.t('Describe'), async (first?: unknown, second?: unknown): Promise<DescribeCommandResult[] | undefined> => {
    const images = await resolveImages(services, first, second, true);
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
  // Decided once, when the descriptions are shown, and named on the buttons.
  const target = services.writeTargets.lastWorkedIn();
  const copy = { iconPath: new vscode.ThemeIcon('copy'), tooltip: vscode.l10n.t('Copy') };
  const insert = { iconPath: new vscode.ThemeIcon('insert'), tooltip: target ? vscode.l10n.t('Insert into {0}', targetName(target)) : '' };
  const generate = { iconPath: new vscode.ThemeIcon('sparkle'), tooltip: vscode.l10n.t('Generate from This') };
  const remix = { iconPath: new vscode.ThemeIcon('wand'), tooltip: vscode.l10n.t('Remix with This') };
  // Without a document worked in, the alt text goes to a workspace document that shows the image.
  const altText = { iconPath: new vscode.ThemeIcon('symbol-text'), tooltip: target
    ? vscode.l10n.t('Write as Alt Text in {0}', targetName(target))
    : vscode.l10n.t('Write as Alt Text in a document that shows the image') };
  const studio = { iconPath: new vscode.ThemeIcon('window'), tooltip: vscode.l10n.t('Open in Studio with This Prompt') };
  const buttons = target ? [copy, insert, altText, generate, remix, studio] : [copy, altText, generate, remix, studio];
  // Title bar: the described image in the Studio's describe mode (the active row's image when several).
  const studioImage = openInStudioButton();
  const insertImage = target && { iconPath: new vscode.ThemeIcon('file-media'), tooltip: vscode.l10n.t('Insert the Image into {0}', targetName(target)) };
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
  pick.buttons = insertImage ? [insertImage, studioImage] : [studioImage];
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
    if (button === insert && target) {
      await services.insertText(text, await showTarget(target));
    } else if (button === altText) {
      // Alt text at this image's reference(s) in the target document (src/altText/vscode/writeAltText.ts).
      await writeAltTextInTarget(target ? { resolve: () => Promise.resolve(target) } : services.writeTargets, item.image, text);
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
    const image = pick.activeItems[0]?.image ?? results[0]?.uri;
    if (button === studioImage) {
      pick.hide();
      guard(openInStudio(image, 'describe'));
    } else if (button === insertImage && target && image) {
      pick.hide();
      guard(insertImagesInto(services, [image], target).then(() => undefined));
    }
  });
  pick.onDidAccept(() => {
    const item = pick.selectedItems[0];
    if (item?.text) guard(act(copy, item));
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
}
