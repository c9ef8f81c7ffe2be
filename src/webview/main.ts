// Studio webview entry. The host queues its messages until this `ready` arrives.
const vscodeApi = acquireVsCodeApi();
vscodeApi.postMessage({ type: 'ready' });

declare function acquireVsCodeApi(): { postMessage(message: unknown): void; getState(): unknown; setState(state: unknown): void };
