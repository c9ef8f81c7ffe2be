// "Ideogram: Find Images Missing Alt Text": scan the workspace's Markdown, HTML, JSX/TSX and Vue
// files, describe each referenced image once (within the in-flight limit, cancellable), and offer
// every fix as one WorkspaceEdit in VS Code's refactor preview, every fix ticked: Apply writes what
// the preview shows, and the user unticks what they do not want.
import * as vscode from 'vscode';
import { registerCommand } from '../../common/vscode/commands';
import { showInformation, withNotificationProgress } from '../../common/vscode/notifications';
import { altTextEdit, findMissingAltText, type ImageReference } from '..';
import type { IdeogramServices } from '../../common/vscode/services';
import { isImagePath, isInsideWorkspace } from '../../common/vscode/workspace';
import { ALT_TEXT_EXCLUDE_GLOB, ALT_TEXT_FILE_GLOB, documentSyntax, imageUriFor, readDocumentText, scanContextFor, toRange } from './documents';

/** Command id of the workspace scan. */
export const FIND_MISSING_ALT_TEXT_COMMAND = 'ideogram.findMissingAltText';


/** Options of the command (for tests and other extensions). */
export interface FindMissingAltTextOptions {
  /** false: return the edit without applying it (tests apply it themselves; the preview needs a user). Default true. */
  apply?: boolean;
  /** Limit the scan to these documents instead of the whole workspace. */
  files?: vscode.Uri[];
}

/** What the command found and did. */
export interface FindMissingAltTextResult {
  /** Documents scanned. */
  scanned: number;
  /** References with missing or empty alt text (local images only). */
  missing: number;
  /** Distinct images sent to describe. */
  described: number;
  /** References that got an edit. */
  fixed: number;
  /**
   * References skipped: image outside the workspace folders (links resolved; never read or
   * uploaded), not found, not PNG/JPEG/WebP, or describe failed for it.
   */
  skipped: { document: string; src: string; reason: string }[];
  /** The edit: the alt-text changes (when applied, also the marker that opens the preview; see reviewInPreview). */
  edit: vscode.WorkspaceEdit;
  /** Whether the user accepted the edit (false when not applied). */
  applied: boolean;
}

interface Found { document: vscode.Uri; text: string; reference: ImageReference; image?: vscode.Uri }

/** Runs the scan with progress; undefined when cancelled. */
export async function findAndFixMissingAltText(services: IdeogramServices, options: FindMissingAltTextOptions = {}): Promise<FindMissingAltTextResult | undefined> {
  const outcome = await withNotificationProgress(
    { title: vscode.l10n.t('Ideogram: alt text'), cancellable: true },
    (progress, token) => scanAndDescribe(services, options, token, (message) => progress.report(message)),
  );
  if (!outcome) return undefined;
  const result: FindMissingAltTextResult = { ...outcome, applied: false };
  if (result.fixed === 0) {
    void showInformation(withSkipped(result.missing === 0
      ? (result.scanned === 1 ? vscode.l10n.t('No images with missing alt text in 1 file.') : vscode.l10n.t('No images with missing alt text in {0} files.', result.scanned))
      : (result.missing === 1 ? vscode.l10n.t('Found 1 image with missing alt text, but it could not be described. See the log for details.') : vscode.l10n.t('Found {0} images with missing alt text, but none could be described. See the log for details.', result.missing)), result.skipped));
    return result;
  }
  if (options.apply !== false) {
    reviewInPreview(result.edit, files(result.edit)[0]);
    result.applied = await vscode.workspace.applyEdit(result.edit, { isRefactoring: true });
    if (result.applied) void showInformation(withSkipped(vscode.l10n.t('Alt text written for {0} image reference(s).', result.fixed), result.skipped));
    else if (result.skipped.length > 0) void showInformation(withSkipped('', result.skipped));
  }
  return result;
}

/**
 * Makes VS Code open the refactor preview with every alt-text change ticked. The preview opens only
 * for an edit with an entry that needs confirmation, and it leaves exactly those entries unticked
 * (so marking the changes themselves made Apply write nothing). The one such entry is a "create
 * this existing file, if missing" that the preview does not list and that changes nothing.
 */
function reviewInPreview(edit: vscode.WorkspaceEdit, anyDocument: vscode.Uri | undefined): void {
  if (!anyDocument) return;
  edit.createFile(anyDocument, { ignoreIfExists: true }, { needsConfirmation: true, label: vscode.l10n.t('Review the alt text') });
}

function files(edit: vscode.WorkspaceEdit): vscode.Uri[] {
  return edit.entries().map(([uri]) => uri);
}

// The result message lists a few skipped references by name; the log has all of them.
const SKIPPED_SHOWN = 5;

/** `message`, followed by the references that were skipped and why. */
function withSkipped(message: string, skipped: FindMissingAltTextResult['skipped']): string {
  if (skipped.length === 0) return message;
  const shown = skipped.slice(0, SKIPPED_SHOWN).map((s) => vscode.l10n.t('{0} in {1} ({2})', s.src, s.document, s.reason));
  const more = skipped.length > SKIPPED_SHOWN ? ` ${vscode.l10n.t('and {0} more (see the log)', skipped.length - SKIPPED_SHOWN)}` : '';
  return `${message} ${vscode.l10n.t('Skipped {0}: {1}', skipped.length, shown.join('; '))}${more}`.trim();
}

async function scanAndDescribe(
  services: IdeogramServices,
  options: FindMissingAltTextOptions,
  token: vscode.CancellationToken,
  report: (message: string) => void,
): Promise<Omit<FindMissingAltTextResult, 'applied'> | undefined> {
  report(vscode.l10n.t('Looking for documents…'));
  const files = options.files ?? (await vscode.workspace.findFiles(ALT_TEXT_FILE_GLOB, ALT_TEXT_EXCLUDE_GLOB, undefined, token));
  const found: Found[] = [];
  const skipped: FindMissingAltTextResult['skipped'] = [];
  let scanned = 0;
  for (const document of files) {
    // Give the extension host a turn between documents, so a click on Cancel is handled: an
    // open document is read without any await that would, and a workspace can hold thousands.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (token.isCancellationRequested) return undefined;
    const syntax = documentSyntax({ languageId: vscode.workspace.textDocuments.find((d) => d.uri.toString() === document.toString())?.languageId, uri: document });
    if (!syntax) continue;
    let text: string;
    try {
      text = await readDocumentText(document);
    } catch {
      services.log.warn(`Alt text scan: could not read ${vscode.workspace.asRelativePath(document)}`);
      continue;
    }
    scanned++;
    const includeEmptyAttributes = services.settings(document).fillEmptyAltText;
    for (const reference of findMissingAltText(text, syntax, scanContextFor(document), { includeEmptyAttributes })) {
      found.push({ document, text, reference, image: reference.resolvedPath ? imageUriFor(document, reference.resolvedPath) : undefined });
    }
  }

  // Describe each image once, however many documents reference it; never one outside the
  // workspace (`![](../../../Pictures/passport.png)`, or a link to it): nobody chose to upload that.
  const images = new Map<string, vscode.Uri>();
  for (const item of found) {
    const reason = await skipReason(item.image);
    if (reason) {
      skipped.push({ document: vscode.workspace.asRelativePath(item.document), src: item.reference.src, reason });
      item.image = undefined;
    } else if (item.image) images.set(item.image.toString(), item.image);
  }
  if (token.isCancellationRequested) return undefined;

  const descriptions = new Map<string, string>();
  if (images.size > 0) {
    report(images.size === 1 ? vscode.l10n.t('Describing 1 image…') : vscode.l10n.t('Describing {0} images…', images.size));
    // One describe call: the service runs them in parallel within the in-flight limit.
    const items = await services.images.describe([...images.values()], { token, onProgress: report });
    for (const item of items) {
      const first = item.descriptions.find((text) => text.trim() !== '');
      if (first) descriptions.set(item.uri.toString(), first);
      else services.log.warn(`Alt text: no description for ${vscode.workspace.asRelativePath(item.uri)}${item.error ? `: ${item.error instanceof Error ? item.error.message : String(item.error)}` : ''}`);
    }
  }

  const edit = new vscode.WorkspaceEdit();
  let fixed = 0;
  for (const item of found) {
    if (!item.image) continue;
    const description = descriptions.get(item.image.toString());
    const change = description ? altTextEdit(item.text, item.reference, description) : undefined;
    if (!change) {
      skipped.push({ document: vscode.workspace.asRelativePath(item.document), src: item.reference.src, reason: vscode.l10n.t('no description') });
      continue;
    }
    edit.replace(item.document, toRange(change.range), change.newText, {
      needsConfirmation: false,
      label: vscode.l10n.t('Alt text for {0}', vscode.workspace.asRelativePath(item.image)),
      description: description,
    });
    fixed++;
  }
  for (const skip of skipped) services.log.info(`Alt text: skipped ${skip.src} in ${skip.document} (${skip.reason})`);
  return { scanned, missing: found.length, described: descriptions.size, fixed, skipped, edit };
}

/** Why a referenced image is not described, or undefined when it can be. */
async function skipReason(image: vscode.Uri | undefined): Promise<string | undefined> {
  if (!image) return vscode.l10n.t('path cannot be resolved');
  if (!(await isInsideWorkspace(image))) return vscode.l10n.t('outside the workspace folder');
  return isImagePath(image.path) ? missingReason(image) : vscode.l10n.t('not a PNG, JPEG or WebP image');
}

/** Why an image cannot be described, or undefined when it exists. */
async function missingReason(image: vscode.Uri): Promise<string | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(image);
    return stat.type & vscode.FileType.File ? undefined : vscode.l10n.t('not a file');
  } catch {
    return vscode.l10n.t('file not found');
  }
}

/** Registers ideogram.findMissingAltText; returns the result (or undefined when cancelled or failed). */
export function registerFindMissingAltText(services: IdeogramServices): vscode.Disposable {
  return registerCommand(services.boundary, FIND_MISSING_ALT_TEXT_COMMAND, vscode.l10n.t('Find Images Missing Alt Text'), (options?: FindMissingAltTextOptions) =>
    findAndFixMissingAltText(services, options && typeof options === 'object' && !(options instanceof vscode.Uri) ? options : {}));
}
