// "Insert into Editor" on any image the workbench shows (the image preview's title bar, the
// explorer's Ideogram menu, the palette while a preview is active): a reference to it in the
// document the user last worked in, which is opened; the alt text is the prompt it was made with.
import * as vscode from 'vscode';
import { registerCommand } from '../../common/vscode/commands';
import { isHostedImageUri } from '../../common/vscode/inputImage';
import { showInformation } from '../../common/vscode/notifications';
import type { IdeogramServices } from '../../common/vscode/services';
import { showTarget, type WriteTarget } from '../../insert/vscode/target';
import { isImageUri, resolveImages } from './args';
import { REFERENCE_LANGUAGES } from '../../insert/reference';
import { referencePlacer } from '../../insert/vscode/insert';
import { promptOf } from './imageCommands';

/** Command id: (Uri | Uri[], Uri[]?) → the text inserted, or undefined. */
export const INSERT_IMAGE_COMMAND = 'ideogram.insertImage';

/** Registers ideogram.insertImage. */
export function registerInsertImage(services: IdeogramServices): vscode.Disposable {
  return registerCommand(services.boundary, INSERT_IMAGE_COMMAND, vscode.l10n.t('Insert into Editor'), async (first?: unknown, second?: unknown): Promise<string | undefined> => {
    // Only files: a reference to a link is the link itself, nothing to resolve.
    const images = (await resolveImages(services, first, second, true)).filter((uri) => !isHostedImageUri(uri));
    if (images.length === 0) return undefined;
    const target = services.writeTargets.lastWorkedIn();
    if (!target) {
      void showInformation(vscode.l10n.t('Open the document to insert {0} into, then try again.', vscode.workspace.asRelativePath(images[0])));
      return undefined;
    }
    return insertImagesInto(services, images, target);
  });
}

/** Inserts references to `images` into the target document, which is shown; returns the text inserted. */
export async function insertImagesInto(services: IdeogramServices, images: readonly vscode.Uri[], target: WriteTarget): Promise<string | undefined> {
  const alts = await Promise.all(images.map(async (uri) => (await promptOf(uri)) ?? altFromFileName(uri)));
  return services.insertImageReferences(images.map((uri, index) => ({ uri, alt: alts[index] })), await showTarget(target));
}

/**
 * Drop and paste of image files (from the explorer, the Studio or the clipboard: a `text/uri-list`)
 * into a Markdown, HTML, JSX, CSS… document: the reference in that syntax, placed like Insert's.
 */
export function registerImageDropAndPaste(): vscode.Disposable[] {
  const kind = vscode.DocumentDropOrPasteEditKind.Empty.append('ideogram', 'imageReference');
  const title = vscode.l10n.t('Insert Image Reference');
  const selector = REFERENCE_LANGUAGES.map((language) => ({ language }));
  return [
    vscode.languages.registerDocumentDropEditProvider(selector, {
      async provideDocumentDropEdits(document, position, dataTransfer, token) {
        const text = await referencesFromTransfer(document, new vscode.Range(position, position), dataTransfer, token);
        return text === undefined ? undefined : new vscode.DocumentDropEdit(text, title, kind);
      },
    }, { providedDropEditKinds: [kind], dropMimeTypes: [URI_LIST] }),
    vscode.languages.registerDocumentPasteEditProvider(selector, {
      async provideDocumentPasteEdits(document, ranges, dataTransfer, _context, token) {
        const range = ranges[0];
        const text = range && await referencesFromTransfer(document, range, dataTransfer, token);
        return text === undefined ? undefined : [new vscode.DocumentPasteEdit(text, title, kind)];
      },
    }, { providedPasteEditKinds: [kind], pasteMimeTypes: [URI_LIST] }),
  ];
}

const URI_LIST = 'text/uri-list';

/** The placed references to the image files of a data transfer's uri-list; undefined when it names none. */
export async function referencesFromTransfer(document: vscode.TextDocument, range: vscode.Range, dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken): Promise<string | undefined> {
  const list = await dataTransfer.get(URI_LIST)?.asString();
  // RFC 2483: one URI a line, `#` lines are comments.
  const images = (list ?? '').split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => { try { return vscode.Uri.parse(line, true); } catch { return undefined; } })
    .filter((uri): uri is vscode.Uri => uri !== undefined && !isHostedImageUri(uri) && isImageUri(uri));
  if (images.length === 0 || token.isCancellationRequested) return undefined;
  const alts = await Promise.all(images.map(async (uri) => (await promptOf(uri)) ?? altFromFileName(uri)));
  const place = await referencePlacer(document, images.map((uri, index) => ({ uri, alt: alts[index] })));
  return token.isCancellationRequested ? undefined : place(range);
}

// Without a sidecar the file name is the best description at hand (`red-fox_2.png` → "red fox 2").
function altFromFileName(uri: vscode.Uri): string {
  const name = uri.path.split('/').pop() ?? '';
  return name.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ').trim();
}
