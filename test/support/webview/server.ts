// A local page for the mask editor that is the Studio's page in all that matters: the same HTML
// and CSP (src/studio/html.ts, with this server's origin as the webview's cspSource), the
// Studio's stylesheet, and the component bundled the way the webview bundle is (iife, browser).
// Images are served from the same origin, as webview URIs are. No code-server needed.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { buildStudioHtml, createNonce } from '../../../src/studio/html';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The running harness server. */
export interface MaskHarness {
  /** The page holding an empty Studio shell with the component registered. */
  pageUrl: string;
  /** Serves `bytes` at a URL of this origin (like a webview URI) and returns the URL. */
  addImage(name: string, bytes: Uint8Array, contentType?: string): string;
  close(): Promise<void>;
}

/** The page's default script: registers the mask editor. */
const MASK_ENTRY = "import './src/webview/mask/index.ts';";

/**
 * Bundles the page's script as the Studio's webview bundle is built (esbuild.mjs): iife for the
 * browser. `source` is TypeScript whose imports are relative to the repository root.
 */
async function bundleComponent(source: string): Promise<string> {
  const result = await esbuild.build({
    stdin: { contents: source, resolveDir: ROOT, loader: 'ts', sourcefile: 'harness-entry.ts' },
    bundle: true, write: false, platform: 'browser', format: 'iife', target: 'es2022', logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/**
 * Starts the harness on a free loopback port. `entrySource`: the page's script (TypeScript, imports
 * relative to the repository root); default: the mask editor alone.
 */
export async function startMaskHarness(entrySource = MASK_ENTRY): Promise<MaskHarness> {
  const script = await bundleComponent(entrySource);
  const style = readFileSync(path.join(ROOT, 'media/studio.css'));
  const images = new Map<string, { bytes: Uint8Array; contentType: string }>();
  let origin = '';
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    const send = (status: number, contentType: string, body: string | Uint8Array): void => {
      response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (url.pathname === '/') {
      send(200, 'text/html; charset=utf-8', buildStudioHtml({
        cspSource: origin, nonce: createNonce(), scriptUri: `${origin}/mask.js`, styleUri: `${origin}/studio.css`, title: 'Mask editor', lang: 'en',
      }));
    } else if (url.pathname === '/mask.js') {
      send(200, 'text/javascript; charset=utf-8', script);
    } else if (url.pathname === '/studio.css') {
      send(200, 'text/css; charset=utf-8', style);
    } else if (url.pathname === '/favicon.ico') {
      send(204, 'image/x-icon', ''); // the browser asks; a webview never does
    } else if (images.has(url.pathname)) {
      const image = images.get(url.pathname)!;
      send(200, image.contentType, image.bytes);
    } else {
      send(404, 'text/plain', 'not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    pageUrl: `${origin}/`,
    addImage(name, bytes, contentType = 'image/png') {
      const pathname = `/images/${encodeURIComponent(name)}`;
      images.set(pathname, { bytes, contentType });
      return `${origin}${pathname}`;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
