// Just enough of the `vscode` module for the extension's error boundary (src/errors.ts), key store
// (src/secrets.ts) and log (src/log.ts) to run in plain Node, so the fault suite can check which
// action each failure offers and what reaches the log. Messages resolve to "dismissed"; everything
// not listed here is absent on purpose, so a new dependency fails loudly.
import Module from 'node:module';

class EventEmitter<T> {
  private listeners: ((value: T) => void)[] = [];
  readonly event = (listener: (value: T) => void): { dispose(): void } => {
    this.listeners.push(listener);
    return { dispose: () => { this.listeners = this.listeners.filter((l) => l !== listener); } };
  };
  fire(value: T): void { for (const listener of this.listeners) listener(value); }
  dispose(): void { this.listeners = []; }
}

class CancellationTokenSource {
  readonly token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };
  cancel(): void { this.token.isCancellationRequested = true; }
  dispose(): void {}
}

/** Every line written to an output channel, in order (the log's redaction is checked on them). */
export const outputLines: string[] = [];

function createOutputChannel(): Record<string, unknown> {
  const write = (line: string): void => { outputLines.push(line); };
  return { info: write, warn: write, error: write, show: () => undefined, dispose: () => undefined };
}

const standIn = {
  EventEmitter,
  CancellationTokenSource,
  CancellationError: class CancellationError extends Error {},
  l10n: { t: (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])) },
  window: { showErrorMessage: () => Promise.resolve(undefined), showWarningMessage: () => Promise.resolve(undefined), createOutputChannel },
};

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;
const loader = Module as unknown as { _load: Load };
const originalLoad = loader._load;

const hooked: Load = function (this: unknown, request, parent, isMain) {
  return request === 'vscode' ? standIn : originalLoad.call(this, request, parent, isMain);
};

/** Makes `require('vscode')` return the stand-in (idempotent; also done on import). */
export function installVscodeStandIn(): void {
  loader._load = hooked;
}

installVscodeStandIn();
