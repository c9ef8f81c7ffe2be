// The import rules ESLint cannot see (it checks one file at a time): no cycles, and the layers of
// src/ point one way. Run by `npm run lint` after ESLint. The folder says what a module may touch:
//   src/common/          pure and browser-safe: imports only src/common (not its node/ or vscode/)
//   src/common/node/     pure Node: src/common
//   src/ideogram/        the HTTP client (Node): src/common, src/common/node
//   src/webview/         the browser bundle: src/common (browser-safe part) and itself
//   **/vscode/**         adapters: anything; nothing pure imports them
// Which modules may import `vscode` or Node builtins is ESLint's rule (eslint.config.mjs).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle makes load order matter and layers meaningless; move the shared part down.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'pure-never-imports-adapters',
      severity: 'error',
      comment: 'Code outside a vscode/ folder is pure: it may not import an adapter (which imports vscode).',
      from: { path: '^src/', pathNot: ['/vscode/', '^src/extension\\.ts$'] },
      to: { path: '^src/.*/vscode/' },
    },
    {
      name: 'common-is-the-base',
      severity: 'error',
      comment: 'src/common is the lowest layer: its pure part imports only src/common.',
      from: { path: '^src/common/', pathNot: '^src/common/vscode/' },
      to: { path: '^src/', pathNot: '^src/common/' },
    },
    {
      name: 'browser-safe-common',
      severity: 'error',
      comment: 'src/common outside node/ and vscode/ is bundled into the webview: no Node-only modules.',
      from: { path: '^src/common/', pathNot: '^src/common/(node|vscode)/' },
      to: { path: '^src/common/(node|vscode)/' },
    },
    {
      name: 'webview-imports-common',
      severity: 'error',
      comment: 'The webview is a browser bundle: besides itself it imports only browser-safe src/common.',
      from: { path: '^src/webview/' },
      to: { path: '^src/', pathNot: ['^src/webview/', '^src/common/'] },
    },
    {
      name: 'client-knows-no-features',
      severity: 'error',
      comment: 'src/ideogram is the HTTP client, also usable as a library: it imports only src/common.',
      from: { path: '^src/ideogram/' },
      to: { path: '^src/', pathNot: ['^src/ideogram/', '^src/common/'] },
    },
    {
      name: 'src-never-imports-tests',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench|scripts|tools)/' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|out)/' },
    includeOnly: '^src/',
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
