// CancellationToken → AbortSignal: the client and the save pipeline take signals; only the VS Code
// side knows tokens.
import type * as vscode from 'vscode';

/** Runs `work` with a signal that aborts when `token` is cancelled (at once if it already is). */
export async function withAbortSignal<T>(token: vscode.CancellationToken | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  if (token?.isCancellationRequested) controller.abort();
  const subscription = token?.onCancellationRequested(() => controller.abort());
  try {
    return await work(controller.signal);
  } finally {
    subscription?.dispose();
  }
}
