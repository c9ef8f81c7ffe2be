// "Set API Key" / "Clear API Key". Set accepts the key as an argument for automation (tests,
// tasks); without one it asks in a password box.
import * as vscode from 'vscode';
import { registerCommand } from '../../common/vscode/commands';
import { showError, showInformation } from '../../common/vscode/notifications';
import type { IdeogramServices } from '../../common/vscode/services';
import { apiKeyFromEnvironment, apiKeyShapeProblem } from '../../common/vscode/secrets';

/** Registers ideogram.setApiKey (returns true when a key was stored) and ideogram.clearApiKey (returns true). */
export function registerApiKeyCommands(services: IdeogramServices): vscode.Disposable[] {
  return [
    registerCommand(services.boundary, 'ideogram.setApiKey', vscode.l10n.t('Set API Key'), async (key?: unknown): Promise<boolean> => {
      if (typeof key === 'string') {
        const problem = apiKeyShapeProblem(key.trim());
        if (problem) {
          void showError(problem);
          return false;
        }
        await services.keys.set(key);
        return true;
      }
      const stored = await services.keys.promptAndStore();
      if (stored) void showInformation(vscode.l10n.t('Ideogram API key saved in the system keychain.'));
      return stored;
    }),
    registerCommand(services.boundary, 'ideogram.clearApiKey', vscode.l10n.t('Clear API Key'), async (): Promise<boolean> => {
      await services.keys.clear();
      const envNote = apiKeyFromEnvironment() ? ' ' + vscode.l10n.t('IDEOGRAM_API_KEY from the environment still applies.') : '';
      void showInformation(vscode.l10n.t('Ideogram API key removed.') + envNote);
      return true;
    }),
  ];
}
