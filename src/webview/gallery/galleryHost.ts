// The gallery webview's only channel to the extension host, typed with the gallery protocol.
import type { GalleryState, GalleryWebviewMessage } from '../../common/galleryProtocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

// acquireVsCodeApi may be called only once per page.
const api = acquireVsCodeApi();

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
