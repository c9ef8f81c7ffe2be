import * as vscode from 'vscode';
import type { IdeogramServices } from '../../common/vscode/services';

/** The walkthrough id in package.json (contributes.walkthroughs). */
const walkthroughId = 'gettingStarted';
const shownKey = 'ideogram.walkthroughShown';

/**
 * Opens the Getting Started walkthrough beside the editors the first time the extension runs, when
 * the user keeps VS Code's "open walkthroughs on install" preference on. VS Code itself only does
 * this for an install made inside a running window; an install from the command line (as
 * `npm run demo` and `code --install-extension` do) would otherwise leave a newcomer without it.
 */
export function openWalkthroughOnFirstRun(context: vscode.ExtensionContext, services: IdeogramServices): void {
  if (context.globalState.get<boolean>(shownKey)) return;
  if (!vscode.workspace.getConfiguration('workbench.welcomePage.walkthroughs').get<boolean>('openOnInstall', true)) return;
  void context.globalState.update(shownKey, true).then(
    () => vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${walkthroughId}`, true),
  ).then(undefined, (err: unknown) => services.log.warn(`Could not open the walkthrough: ${err instanceof Error ? err.message : String(err)}`));
}
