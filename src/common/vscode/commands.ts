// The only way a command or a webview message handler is registered: through the error boundary,
// so none can forget it (as vscode-codeql's command manager does). A failure that escapes a handler
// gets the boundary's one message with its actions; Retry runs the handler again with the same
// arguments; cancellation stays quiet. A lint rule (eslint.config.mjs) forbids registering any
// other way.
import * as vscode from 'vscode';
import type { ErrorBoundary } from './errorBoundary';

/** Registers command `id`; `label` names it in error messages and the log. Resolves what the handler returns (undefined after a failure). */
export function registerCommand(boundary: ErrorBoundary, id: string, label: string, handler: (...args: never[]) => unknown): vscode.Disposable {
  // eslint-disable-next-line no-restricted-syntax -- the one place commands are registered
  return vscode.commands.registerCommand(id, (...args: unknown[]) =>
    boundary.run(label, async () => (handler as (...a: unknown[]) => unknown)(...args)));
}

/** Handles every message a webview sends, each through the boundary; `label` names the view in messages. */
export function onWebviewMessage(boundary: ErrorBoundary, webview: vscode.Webview, label: string, handler: (raw: unknown) => Promise<void> | void): vscode.Disposable {
  // eslint-disable-next-line no-restricted-syntax -- the one place webview messages are received
  return webview.onDidReceiveMessage((raw: unknown) => {
    void boundary.run(label, async () => handler(raw));
  });
}
