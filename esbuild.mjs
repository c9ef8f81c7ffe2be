// Builds the bundles: the extension host (cjs/node), undici and the image library on their own
// beside it, and the Studio and Gallery webview scripts (iife/browser).
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as esbuild from 'esbuild';

const require = createRequire(import.meta.url);

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'info',
  legalComments: 'none',
};

// undici is half the host bundle and only needed for the first HTTP call (src/ideogram/undici.ts
// requires it lazily). Kept out of dist/extension.js, it costs neither parse nor evaluation time
// at activation; the lazy require loads dist/undici.js beside it instead.
const undiciBeside = {
  name: 'undici-beside',
  setup(build) {
    build.onResolve({ filter: /^undici$/ }, () => ({ path: './undici.js', external: true }));
  },
};

// The image library (src/imageOps) is sharp's JavaScript with its WebAssembly libvips: one .vsix
// for every platform, no native binary. Like undici it is required lazily (src/imageOps/engine.ts)
// and built beside the host bundle: dist/sharp.js (sharp's JS) loads dist/sharp-wasm32.js (the
// Emscripten glue + its runtime), which reads the .wasm beside it and starts its pthread workers
// from its own file, so that file must stay a separate, unbundled-into-anything-else script.
const sharpBeside = {
  name: 'sharp-beside',
  setup(build) {
    build.onResolve({ filter: /^sharp$/ }, () => ({ path: './sharp.js', external: true }));
  },
};

const SHARP_WASM_ENTRY = require.resolve('@img/sharp-wasm32/sharp.node');
const SHARP_WASM_FILE = require('node:fs').readdirSync(path.join(path.dirname(SHARP_WASM_ENTRY), 'lib')).find((f) => f.endsWith('.wasm'));

// sharp looks for a native binding per platform first and falls back to @img/sharp-wasm32. The
// native ones are never shipped, so they resolve to a module that throws (sharp catches that and
// moves on) instead of whatever a parent folder's node_modules might happen to hold. Its lookups
// of a locally compiled binding are template-literal requires, which esbuild would try to expand
// as file globs: those become a throw too (and the build fails if sharp stops having them, so a
// changed loader is looked at rather than bundled blindly).
const LOCAL_BUILD_REQUIRE = /require\(`\.\.\/src\/build\/Release\/[^`]*`\)/g;
const sharpWasmOnly = {
  name: 'sharp-wasm-only',
  setup(build) {
    build.onLoad({ filter: /[\\/]sharp[\\/]dist[\\/]sharp\.cjs$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const patched = source.replace(LOCAL_BUILD_REQUIRE, "(() => { throw new Error('local sharp builds are not shipped'); })()");
      if (patched === source) throw new Error(`${args.path}: sharp's loader changed (no local-build require found); review sharpWasmOnly in esbuild.mjs`);
      return { contents: patched, loader: 'js' };
    });
    build.onResolve({ filter: /^@img\/sharp-wasm32\/sharp\.node$/ }, () => ({ path: './sharp-wasm32.js', external: true }));
    build.onResolve({ filter: /^@img\/sharp-[^/]+\/sharp\.node$|\.node$/ }, (args) => ({ path: args.path, namespace: 'native-not-shipped' }));
    build.onLoad({ filter: /.*/, namespace: 'native-not-shipped' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path}: native bindings are not shipped, the WebAssembly build is used`)});`,
    }));
  },
};

const builds = [
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    plugins: [undiciBeside, sharpBeside],
  },
  {
    ...common,
    entryPoints: [createRequire(import.meta.url).resolve('undici')],
    outfile: 'dist/undici.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  {
    ...common,
    entryPoints: [require.resolve('sharp')],
    outfile: 'dist/sharp.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [sharpWasmOnly],
  },
  {
    ...common,
    entryPoints: [SHARP_WASM_ENTRY],
    outfile: 'dist/sharp-wasm32.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  {
    ...common,
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  {
    ...common,
    entryPoints: ['src/webview/gallery/main.ts'],
    outfile: 'dist/gallery.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
// The glue finds the .wasm by its versioned file name beside itself.
await mkdir('dist', { recursive: true });
await copyFile(path.join(path.dirname(SHARP_WASM_ENTRY), 'lib', SHARP_WASM_FILE), path.join('dist', SHARP_WASM_FILE));
