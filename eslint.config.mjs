// Lint config: typescript-eslint with type information, so floating promises are caught.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', '.vscode-test/**', 'test-results/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      curly: ['error', 'multi-line'],
    },
  },
  {
    // The client must stay usable (and testable) in plain Node: no editor API in it.
    files: ['src/ideogram/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/ideogram/ must not depend on the vscode API.' }] }],
    },
  },
  {
    // Image processing is pure too: bytes in, bytes out; callers do the editor I/O.
    files: ['src/imageOps/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/imageOps/ must not depend on the vscode API.' }] }],
    },
  },
  {
    // The gallery's results index is plain code over an injected file system; only src/gallery/vscode/
    // may adapt it to the editor. The services barrel is barred too: it pulls in vscode.
    files: ['src/gallery/**/*.ts'],
    ignores: ['src/gallery/vscode/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/gallery/ must not depend on the vscode API (adapters go in src/gallery/vscode/).' }],
        patterns: [{ regex: '/services(/index)?$', message: 'Import the pure module (e.g. ../services/sidecar), not the services barrel, which imports vscode.' }],
      }],
    },
  },
  {
    // The placeholders core plans over an injected existence check; only src/placeholders/vscode/
    // may adapt it to the editor (diagnostics, Quick Fix, the command, the review).
    files: ['src/placeholders/**/*.ts'],
    ignores: ['src/placeholders/vscode/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/placeholders/ must not depend on the vscode API (adapters go in src/placeholders/vscode/).' }],
        patterns: [{ regex: '/services(/index)?$', message: 'Import the pure module, not the services barrel, which imports vscode.' }, { regex: '/vscode(/|$)', message: 'Pure code must not import an adapter folder (vscode/).' }],
      }],
    },
  },
  {
    // The local server checks requests against the vendor's schemas; importing the client's rules
    // would make it agree with the client by construction and hide the client's rule bugs.
    files: ['tools/mock-server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/src/**', '**/src'], message: 'tools/mock-server/ must not use the client (src/): validate against tools/mock-server/schemas instead.' }] }],
    },
  },
  {
    // Notifications render markdown links, and messages carry text from outside (server bodies, file
    // names, prompts): src/common/vscode/notifications.ts makes every message plain text, so nothing else shows one.
    files: ['src/**/*.ts'],
    ignores: ['src/common/vscode/notifications.ts'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: 'MemberExpression[property.name=/^show(Error|Warning|Information)Message$/]', message: 'Use showError/showWarning/showInformation from src/common/vscode/notifications.ts: they show the message as plain text.' },
        { selector: "MemberExpression[object.property.name='ProgressLocation'][property.name='Notification']", message: 'Use withNotificationProgress from src/common/vscode/notifications.ts: it shows the title and messages as plain text.' },
      ],
    },
  },
  {
    files: ['src/webview/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
