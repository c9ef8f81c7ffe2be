import { strict as assert } from 'node:assert';
import * as esbuild from 'esbuild';

// The webview bundle imports the client's pure modules: this proves they stay browser-safe
// (esbuild fails on Node built-ins for platform "browser") and that the bundle stays lean.
describe('Studio webview bundle', function () {
  this.timeout(60_000);

  it('builds for the browser without Node modules, eval or network APIs, under 300 KB minified', async () => {
    const result = await esbuild.build({
      entryPoints: ['src/webview/main.ts'], bundle: true, minify: true, write: false,
      platform: 'browser', format: 'iife', target: 'es2022', logLevel: 'silent', metafile: true,
    });
    const code = result.outputFiles[0]!.text;
    assert.ok(code.length < 300_000, `webview.js is ${code.length} bytes`);
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(!inputs.some((i) => /^node:|src\/(services|studio|commands)\/|src\/ideogram\/(client|download|index)/.test(i)), inputs.join('\n'));
    assert.doesNotMatch(code, /\bfetch\(|XMLHttpRequest|WebSocket/);
  });
});
