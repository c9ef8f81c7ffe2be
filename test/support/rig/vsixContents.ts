// What may and must be inside the packaged extension. The tests install the .vsix, so a wrong
// .vscodeignore would already break them when it drops a bundle; this check catches the other
// direction — shipping sources, tests, source maps or node_modules — which would pass silently.

/** The parts of package.json that decide which files must ship. */
export interface ManifestFiles {
  main?: string;
  browser?: string;
  icon?: string;
  l10n?: string;
}

const forbidden: { pattern: RegExp; why: string }[] = [
  { pattern: /(^|\/)node_modules\//, why: 'node_modules (the bundles already contain dependencies)' },
  { pattern: /\.map$/, why: 'a source map' },
  { pattern: /\.(ts|tsx|mts|cts)$/, why: 'TypeScript source' },
  { pattern: /^extension\/(src|test|tools|scripts|bench|out|test-results|\.cache|\.vscode-test|\.ci|\.github|\.vscode)\//, why: 'a development folder' },
  { pattern: /^extension\/(tsconfig[^/]*\.json|esbuild\.mjs|eslint\.config\.mjs|package-lock\.json|\.vscodeignore|\.gitignore)$/, why: 'a build or tooling file' },
  { pattern: /\.vsix$/, why: 'another package' },
  { pattern: /\.node$/, why: 'a native binary (one .vsix serves every platform: the image library is WebAssembly)' },
  { pattern: /^extension\/media\/screenshots\//, why: 'a README screenshot (never loaded by the extension)' },
];

// Bundles the host bundle requires lazily (esbuild.mjs builds them beside it): nothing fails at
// activation when one is missing, only the first feature that needs it, so they are checked here.
const LAZY_BUNDLES = ['extension/dist/undici.js', 'extension/dist/sharp.js', 'extension/dist/sharp-wasm32.js'];
const LIBVIPS_WASM = /^extension\/dist\/sharp-wasm32-[^/]+\.wasm$/;

/** Problems with a .vsix's entry list; empty when it ships exactly what runs. */
export function checkVsixEntries(entries: readonly string[], manifest: ManifestFiles): string[] {
  const problems: string[] = [];
  for (const entry of entries) {
    const rule = forbidden.find(({ pattern }) => pattern.test(entry));
    if (rule) problems.push(`${entry} must not be packaged: ${rule.why}`);
  }
  const required = ['extension/package.json', 'extension/dist/webview.js', 'extension/dist/gallery.js', ...LAZY_BUNDLES];
  for (const declared of [manifest.main, manifest.browser, manifest.icon]) {
    if (declared) required.push(toEntry(withJsExtension(declared, declared === manifest.icon)));
  }
  for (const file of required) {
    if (!entries.includes(file)) problems.push(`${file} is missing from the package`);
  }
  if (!entries.some((entry) => LIBVIPS_WASM.test(entry))) problems.push('the libvips WebAssembly file (dist/sharp-wasm32-*.wasm) is missing from the package');
  const l10nFolder = manifest.l10n;
  if (l10nFolder && !entries.some((entry) => entry.startsWith(`${toEntry(l10nFolder)}/`))) {
    problems.push(`the l10n folder ${l10nFolder} declared in package.json is not packaged`);
  }
  return problems;
}

function withJsExtension(file: string, isAsset: boolean): string {
  return isAsset || /\.[cm]?js$/.test(file) ? file : `${file}.js`;
}

function toEntry(manifestPath: string): string {
  return `extension/${manifestPath.replace(/^\.\//, '').replace(/\/$/, '')}`;
}
