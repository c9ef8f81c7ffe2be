// Builds the bundles: the extension host (cjs/node), undici on its own beside it, and the Studio
// webview script (iife/browser).
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';

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

const builds = [
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    plugins: [undiciBeside],
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
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview.js',
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
