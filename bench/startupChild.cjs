// Bench (d), the measured side, in plain CommonJS so no TypeScript loader sits between `require`
// and the clock. Usage: node startupChild.cjs <empty|extension> <module path>
// Prints one JSON line: { ms, requireMs, commands } — the time to require the module and (for
// the extension) call activate, the require part alone, and how many commands were registered.
'use strict';
const Module = require('node:module');
const { performance } = require('node:perf_hooks');

let commands = 0;
const disposable = () => ({ dispose() {} });

// A stand-in for the `vscode` module: every unknown property is a callable, constructible proxy,
// so activate() can register commands, views and listeners without a real editor. The few values
// code reads directly (version, l10n, configuration, registered commands) are real.
function standIn(name) {
  const cache = new Map();
  const special = {
    version: '1.99.0',
    then: undefined, // never look like a promise, or `await vscode.x` would hang
    dispose: () => undefined,
    toString: () => `[vscode stand-in ${name}]`,
  };
  const target = function () {};
  return new Proxy(target, {
    get(_, prop) {
      if (prop === Symbol.toPrimitive) return () => `[vscode stand-in ${name}]`;
      if (prop === Symbol.hasInstance) return () => false;
      if (prop === Symbol.iterator) return function* () {};
      if (typeof prop === 'symbol') return undefined;
      if (prop in special) return special[prop];
      if (!cache.has(prop)) cache.set(prop, standIn(`${name}.${prop}`));
      return cache.get(prop);
    },
    // Activation sets fields of what it created (a status bar item's `name`, `text`): kept, so they
    // never hit the target function's read-only `name` and `length`.
    set(_, prop, value) { cache.set(prop, value); return true; },
    apply() { return standIn(`${name}()`); },
    construct() { return standIn(`new ${name}`); },
  });
}

const vscode = standIn('vscode');
const overrides = {
  commands: { registerCommand: () => { commands++; return disposable(); }, registerTextEditorCommand: () => { commands++; return disposable(); }, executeCommand: async () => undefined, getCommands: async () => [] },
  l10n: { t: (message, ...args) => String(typeof message === 'string' ? message : message.message).replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)])), bundle: undefined, uri: undefined },
  workspace: new Proxy({ getConfiguration: () => ({ get: (_k, d) => d, has: () => false, inspect: () => undefined, update: async () => undefined }), workspaceFolders: undefined, isTrusted: true }, { get: (t, p) => (p in t ? t[p] : vscode.workspace[p]) }),
};
// Bundlers copy a module's own keys (esbuild's __toESM), so the stand-in must list the API's real
// top-level names; they are read from @types/vscode before the clock starts.
const fake = {};
const typings = require('node:fs').readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
for (const [, name] of typings.matchAll(/^\texport (?:declare )?(?:namespace|class|enum|function|const|let|var) (\w+)/gm)) {
  if (!(name in fake)) Object.defineProperty(fake, name, { enumerable: true, get: () => (name in overrides ? overrides[name] : vscode[name]) });
}

const originalLoad = Module._load;
Module._load = function (request, parent, isMain) {
  return request === 'vscode' ? fake : originalLoad.call(this, request, parent, isMain);
};

function context() {
  const memento = () => ({ get: (_k, d) => d, update: async () => undefined, keys: () => [], setKeysForSync: () => undefined });
  return {
    subscriptions: [],
    secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined, onDidChange: () => disposable() },
    globalState: memento(), workspaceState: memento(),
    extension: { id: 'ideogram-vscode.ideogram-vscode', packageJSON: { version: '0.0.0-bench' } },
    extensionUri: vscode.Uri, extensionPath: __dirname, globalStorageUri: vscode.Uri, storageUri: vscode.Uri, logUri: vscode.Uri,
    extensionMode: 1, asAbsolutePath: (p) => p, environmentVariableCollection: vscode.EnvironmentVariableCollection,
  };
}

const [mode, file] = process.argv.slice(2);
const start = performance.now();
const loaded = require(file);
const requireMs = performance.now() - start;
if (mode === 'extension') {
  const result = loaded.activate(context());
  if (result && typeof result.then === 'function') {
    result.then(() => finish(), (err) => { console.error(err); process.exit(1); });
  } else finish();
} else finish();

function finish() {
  const ms = performance.now() - start;
  process.stdout.write(`${JSON.stringify({ ms, requireMs, commands })}\n`);
}
