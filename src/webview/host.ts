// The webview's only channel to the extension host, typed with the shared protocol.
import type { PersistedState, WebviewMessage } from '../common/protocol';
import { vscodeApi as api } from './vscodeApi';

/** Sends one protocol message to the host. */
export function post(message: WebviewMessage): void {
  api.postMessage(message);
}

/** Saves what the serializer hands back after a window reload. */
export function saveState(state: PersistedState): void {
  api.setState(state);
}

/** The state saved before a reload inside the same session (validated by the caller). */
export function loadState(): unknown {
  return api.getState();
}
