// Lint config: typescript-eslint with type information, so floating promises are caught.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const NO_VSCODE = { name: 'vscode', message: 'Only code in a vscode/ folder (or src/extension.ts) may import vscode; pure code goes beside it.' };
// `node:fs`, `fs`, `fs/promises`… and the Node-only libraries the host bundle uses.
const NODE_ONLY = `^(node:.*|(${[...builtinModules, 'undici', 'sharp'].map((m) => m.replace(/[/]/g, '\\/')).join('|')})(\\/.*)?)$`;

// Test code imports one way: the suites (test/*), bench/ and scripts/ use test/support/ (rig, local
// server adapter, harness glue, save adapter, fixtures, UI helpers, vscode stand-in); nothing
// imports bench/ or scripts/, and test/support/ imports no suite. Matched on the specifier, so
// each folder gets the patterns for where its files sit.
const intoBench = { regex: '(^|/)bench(/|$)', message: 'Nothing imports bench/: move what is shared to test/support/.' };
const intoScripts = { regex: '(^|/)scripts(/|$)', message: 'Nothing imports scripts/: move what is shared to test/support/.' };
const intoSuite = { regex: '(^|/)test/(?!support/)', message: 'bench/ and scripts/ import test code from test/support/ only.' };
// From a file `depth` folders below test/, a specifier that climbs exactly to test/ and then goes
// anywhere but support/ reaches a suite (test/unit, test/e2e, test/harness…).
const supportIntoSuite = (depth) => ({
  regex: `^(\\.\\./){${depth}}(?!\\.\\./|support/)`,
  message: 'test/support/ is imported by the suites, never the other way: move the shared part into test/support/.',
});
const testSupportBoundaries = [1, 2, 3, 4].map((depth) => ({
  files: [`test/support/${'*/'.repeat(depth - 1)}*.ts`],
  rules: { 'no-restricted-imports': ['error', { patterns: [intoBench, intoScripts, supportIntoSuite(depth)] }] },
}));

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
    // The folder says whether code may touch the editor: `vscode` only in a vscode/ folder (and the
    // entry point). Everything else is pure and runs in plain Node (unit tests, benchmarks).
    files: ['src/**/*.ts'],
    ignores: ['src/**/vscode/**', 'src/extension.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_VSCODE] }] },
  },
  {
    // The webview bundle and browser-safe src/common run in a browser too: no Node builtins or
    // Node-only libraries (src/common/node/ is the place for pure Node code). No cycles and the
    // direction of the layers are checked by dependency-cruiser (.dependency-cruiser.cjs).
    files: ['src/webview/**/*.ts', 'src/common/**/*.ts'],
    ignores: ['src/common/node/**', 'src/common/vscode/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [NO_VSCODE],
        patterns: [{ regex: NODE_ONLY, message: 'Browser-safe code (src/webview, src/common) imports no Node builtin or Node-only library; put it in src/common/node/ or a feature folder.' }],
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
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/src/**', '**/src'], message: 'tools/mock-server/ must not use the client (src/): validate against tools/mock-server/schemas instead.' },
        { regex: '(^|/)(test|bench|scripts)(/|$)', message: 'tools/mock-server/ is the server itself: the tests, bench and scripts use it, not the other way.' },
      ] }],
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
        // Every command and webview message handler goes through the error boundary (src/common/vscode/commands.ts).
        { selector: "MemberExpression[object.property.name='commands'][property.name='registerCommand']", message: 'Use registerCommand from src/common/vscode/commands.ts: it runs the handler under the error boundary.' },
        { selector: "MemberExpression[property.name='onDidReceiveMessage']", message: 'Use onWebviewMessage from src/common/vscode/commands.ts: it runs the handler under the error boundary.' },
      ],
    },
  },
  {
    files: ['src/webview/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  { files: ['test/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [intoBench, intoScripts] }] } },
  { files: ['bench/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [intoScripts, intoSuite] }] } },
  { files: ['scripts/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [intoBench, intoSuite] }] } },
  // After the test/** block: these replace its patterns for test/support/ with stricter ones.
  ...testSupportBoundaries,
);
