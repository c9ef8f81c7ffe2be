// What the user sees after an image operation: progress while it runs, then one message with
// Open / Reveal in Explorer / Insert into editor (and how many images the safety filter blocked;
// images that could not be saved get "Save Again", which needs no new request).
import * as vscode from 'vscode';
import { showInformation, showWarning, withNotificationProgress } from '../../common/vscode/notifications';
import type { IdeogramServices, OperationOptions, OperationResult } from '../../common/vscode/services';

/** Runs an operation under a cancellable progress notification; cancel aborts HTTP and downloads. */
export function withOperationProgress<T>(title: string, work: (opts: OperationOptions) => Promise<T>): Promise<T> {
  return Promise.resolve(withNotificationProgress(
    { title, cancellable: true },
    (progress, token) => work({ token, onProgress: (message) => progress.report(message) }),
  ));
}

/** Shows the outcome of a save without waiting for the user (commands return at once); `label` names the operation in errors. */
export function announceResult(services: IdeogramServices, result: OperationResult, alt: string, label: string): void {
  void showResultMessage(services, result, alt, label).catch((err: unknown) => services.boundary.showOperationError(err));
}

async function showResultMessage(services: IdeogramServices, result: OperationResult, alt: string, label: string): Promise<void> {
  const count = result.saved.length;
  const blockedNote = result.blocked > 0
    ? ' ' + (result.blocked === 1 ? vscode.l10n.t('1 image was blocked by the safety filter and not saved.') : vscode.l10n.t('{0} images were blocked by the safety filter and not saved.', result.blocked)) : '';
  const failedNote = result.failed > 0
    ? ' ' + (result.failed === 1 ? vscode.l10n.t('1 image could not be downloaded (see the log).') : vscode.l10n.t('{0} images could not be downloaded (see the log).', result.failed)) : '';
  if (count === 0) {
    void showWarning(vscode.l10n.t('No image was saved.') + blockedNote + failedNote);
    return;
  }
  const first = result.saved[0];
  const message = count === 1
    ? vscode.l10n.t('Saved {0}.', first.relativePath)
    : vscode.l10n.t('Saved {0} images in {1}.', count, vscode.workspace.asRelativePath(result.outputFolder));
  const open = vscode.l10n.t('Open');
  const reveal = vscode.l10n.t('Reveal in Explorer');
  const insert = vscode.l10n.t('Insert into Editor');
  const saveAgain = vscode.l10n.t('Save Again');
  // Capture the editor now: clicking the notification must not change where the reference goes.
  const editor = services.lastTextEditor();
  const actions = [open, reveal, ...(editor ? [insert] : []), ...(result.unsaved ? [saveAgain] : [])];
  const choice = await (result.blocked > 0 || result.failed > 0 ? showWarning : showInformation)(message + blockedNote + failedNote, ...actions);
  if (choice === open) {
    for (const saved of result.saved) await vscode.commands.executeCommand('vscode.open', saved.uri, { preview: count === 1 });
  } else if (choice === reveal) {
    await vscode.commands.executeCommand('revealInExplorer', first.uri);
  } else if (choice === insert && editor) {
    const shown = await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    await services.insertImageReferences(result.saved.map((s) => ({ uri: s.uri, alt, size: s.size })), shown);
  } else if (choice === saveAgain && result.unsaved) {
    const unsaved = result.unsaved;
    const again = await services.boundary.run(label, () => withOperationProgress(
      unsaved.count === 1 ? vscode.l10n.t('Ideogram: saving 1 image again') : vscode.l10n.t('Ideogram: saving {0} images again', unsaved.count), (opts) => services.images.saveAgain(unsaved, opts)));
    if (again) announceResult(services, again, alt, label);
  }
}
