// The page's handle on VS Code's webview API, shared by the Studio's and the Gallery's channels.
// acquireVsCodeApi may be called only once per page: this module calls it when first imported.

/** What acquireVsCodeApi returns. */
export interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The page's one VS Code API object. */
export const vscodeApi: VsCodeApi = acquireVsCodeApi();
