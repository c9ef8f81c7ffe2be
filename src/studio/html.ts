// Builds the Studio's HTML. Pure (no `vscode` import) so the CSP can be unit-tested in plain Node.
import { randomBytes } from 'node:crypto';

/** What the page needs from the host: all URIs already converted with `asWebviewUri`. */
export interface StudioHtmlOptions {
  /** `webview.cspSource`: the only origin for styles, images and fonts. */
  cspSource: string;
  /** A fresh nonce for this render; only the script carrying it may run. */
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** Document title (already localised). */
  title: string;
  /** BCP 47 language of the UI strings, for screen readers. */
  lang: string;
}

/** A new random nonce (base64url, 128 bits) for one render of the page. */
export function createNonce(): string {
  return randomBytes(16).toString('base64url');
}

/** The Content-Security-Policy of the Studio: nothing inline, no network, resources only from the extension. */
export function studioCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
  ].join('; ');
}

const escapeAttr = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The full HTML document of the Studio webview. */
export function buildStudioHtml(options: StudioHtmlOptions): string {
  const csp = studioCsp(options.cspSource, options.nonce);
  // The body is empty on purpose: the script builds the UI once the host's init (form and translation bundle) arrives,
  // so no user text ever goes through HTML string concatenation.
  return `<!DOCTYPE html>
<html lang="${escapeAttr(options.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttr(options.styleUri)}">
<title>${escapeAttr(options.title)}</title>
</head>
<body>
<main id="app" aria-busy="true"></main>
<script nonce="${escapeAttr(options.nonce)}" src="${escapeAttr(options.scriptUri)}"></script>
</body>
</html>`;
}
