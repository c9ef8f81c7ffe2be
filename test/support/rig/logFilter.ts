// code-server and the workbench log failed look-ups of Microsoft and Open VSX hosts (telemetry,
// gallery, update checks) and a missing code-server-ipc.sock: harmless on a machine that only reaches
// the npm registry (see shared/notes/real-vscode.md). They are hidden from what the rig prints so the
// lines that matter stand out; the full logs are still written to test-results/.

const noisePatterns: RegExp[] = [
  /code-server-ipc\.sock/,
  /open-vsx\.org|openvsx/i,
  /marketplace\.visualstudio\.com|gallery\.vsassets\.io|vscode-cdn\.net|vscode-unpkg\.net/i,
  /(update|default|main|mobile)\.code\.visualstudio\.com|az764295\.vo\.msecnd\.net/i,
  /dc\.services\.visualstudio\.com|mobile\.events\.data\.microsoft\.com|js\.monitor\.azure\.com/i,
  /ENOTFOUND|EAI_AGAIN|getaddrinfo/,
  /Failed to fetch|net::ERR_(NAME_NOT_RESOLVED|INTERNET_DISCONNECTED|CONNECTION_REFUSED|TUNNEL_CONNECTION_FAILED|PROXY_CONNECTION_FAILED)/,
  /Error while getting the latest version|Failed to get latest release|update check/i,
  /Unable to (read|fetch) (extensions? )?(gallery|control manifest)|extensionsControlManifest|Error while fetching extensions|queryGallery/i,
  /vsda(_bg\.wasm|\.js)/, // a Microsoft-only signing module code-server does not ship
  /^\s*$/,
];

/** True when a log line is known, harmless noise of an offline code-server. */
export function isLogNoise(line: string): boolean {
  return noisePatterns.some((pattern) => pattern.test(line));
}

/** The lines of a log that are not noise, at most `limit` from the end. */
export function meaningfulLines(text: string, limit = 60): string[] {
  return text.split(/\r?\n/).filter((line) => !isLogNoise(line)).slice(-limit);
}
