import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';

const buildWebview = (external: string[] = []) => esbuild.build({
  entryPoints: ['src/webview/main.ts'], bundle: true, minify: true, write: false, external,
  platform: 'browser', format: 'iife', target: 'es2022', logLevel: 'silent', metafile: true,
});

// The webview bundle imports the client's pure modules: this proves they stay browser-safe
// (esbuild fails on Node built-ins for platform "browser") and that the bundle stays lean.
describe('Studio webview bundle', function () {
  this.timeout(60_000);

  // 320 KB since the Ideogram 3.0 tab mounted the mask editor and reference slots (311 KB measured).
  it('builds for the browser without Node modules or eval, under 320 KB minified', async () => {
    const result = await buildWebview();
    const code = result.outputFiles[0]!.text;
    assert.ok(code.length < 320_000, `webview.js is ${code.length} bytes`);
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(!inputs.some((i) => /^node:|src\/(services|studio|commands)\/|src\/ideogram\/(client|download|index)/.test(i)), inputs.join('\n'));
    // @vscode/l10n's browser build, not its Node build (which reads files).
    assert.ok(inputs.some((i) => i.endsWith('@vscode/l10n/dist/browser.js')), inputs.join('\n'));
  });

  it('has no network APIs (apart from @vscode/l10n loading a bundle by URL, which the webview never asks for)', async () => {
    // @vscode/l10n can fetch a bundle from a URL (`config({ uri })`); the webview only passes the
    // bundle's contents from the host, and the CSP (default-src 'none') would block a fetch anyway.
    const result = await buildWebview(['@vscode/l10n']);
    assert.doesNotMatch(result.outputFiles[0]!.text, /\bfetch\(|XMLHttpRequest|WebSocket/);
    const main = readFileSync('src/webview/main.ts', 'utf8');
    const configs = [...main.matchAll(/l10n\.config\(([^)]*)\)/g)].map((m) => m[1]);
    assert.ok(configs.length > 0 && configs.every((arg) => /^\{\s*contents:/.test(arg)), `l10n.config calls: ${configs.join(' | ')}`);
  });
});
