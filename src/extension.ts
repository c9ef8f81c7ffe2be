import * as vscode from 'vscode';

/** Entry point: registers everything and does no other work, so activation stays cheap. */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Ideogram', { log: true });
  context.subscriptions.push(
    log,
    vscode.commands.registerCommand('ideogram.showLog', () => log.show()),
  );
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
