// The gallery webview's only channel to the extension host, typed with the gallery protocol.
import type { GalleryState, GalleryWebviewMessage } from '../../common/galleryProtocol';
import { vscodeApi as api } from '../vscodeApi';

/** Sends one protocol message to the host. */
export function post(message: GalleryWebviewMessage): void {
  api.postMessage(message);
}

/** Keeps the search and filters across a hide or reload of the view. */
export function saveState(state: GalleryState): void {
  api.setState(state);
}

/** The state saved earlier (validated by the caller). */
export function loadState(): unknown {
  return api.getState();
}
