// The client (src/ideogram) cannot import `vscode`, so its messages are translated through
// @vscode/l10n. This hands it the bundle VS Code already loaded for the extension; in English
// there is none and the client's source strings are used as they are.
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

/** Makes the client's messages use the UI language; cheap (no file reads), so fine in activate. */
export function localizeClientMessages(): void {
  const bundle = vscode.l10n.bundle;
  if (bundle) l10n.config({ contents: bundle });
}
