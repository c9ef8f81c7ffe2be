// The `ideogram.apiKeyAvailable` context key: true while a key is stored or IDEOGRAM_API_KEY is
// set. The walkthrough's "Set your API key" step completes on it (onContext:), so a newcomer whose
// key comes from the environment sees that step done instead of being asked to set one.
import * as vscode from 'vscode';
import type { ApiKeyStore } from './secrets';

/** The context key the walkthrough's key step completes on (package.json completionEvents). */
export const API_KEY_CONTEXT = 'ideogram.apiKeyAvailable';

/** Sets the context key now and whenever the stored key changes. */
export function trackApiKeyContext(keys: ApiKeyStore): vscode.Disposable {
  const update = (): void => {
    void keys.get().then(
      (key) => vscode.commands.executeCommand('setContext', API_KEY_CONTEXT, key !== undefined),
      () => undefined, // an unreadable keychain leaves the step to the Set API Key button
    );
  };
  update();
  return keys.onDidChange(update);
}
