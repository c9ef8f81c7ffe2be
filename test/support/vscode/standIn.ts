// A small `vscode` module for running the extension's VS Code adapters in plain Node (commands,
// the Studio panel host, ImageService, the error boundary, the key store and log): `require('vscode')`
// returns it once this module is loaded (mocha loads it first through register.ts). It records
// what the extension shows and lets a test play the user (`vscodeStandIn.window.user`), the
// settings, the workspace folders and the webview. What the extension does not use is absent on
// purpose, so a new dependency on the editor fails loudly here instead of being faked by accident.
import Module from 'node:module';
import {
  CancellationError, CancellationTokenSource, CodeAction, CodeActionKind, Diagnostic, Disposable, enums, EventEmitter, FilePermission, FileSystemError, FileType, formatMessage,
  LanguageModelDataPart, LanguageModelTextPart, LanguageModelToolResult, MarkdownString, Position, Range, RelativePattern, TabInputCustom, TabInputText, ThemeIcon, Uri,
} from './basics';
import { backButton, StandInWindow } from './window';
import { createWorkspaceApi, StandInWorkspace } from './workspace';

/** A command the extension ran that it did not register (vscode.open, revealInExplorer…). */
export interface ExecutedCommand { command: string; args: unknown[] }

class StandInCommands {
  readonly registered = new Map<string, (...args: unknown[]) => unknown>();
  /** Built-in commands the extension executed, in order. */
  readonly executed: ExecutedCommand[] = [];

  reset(): void {
    this.registered.clear();
    this.executed.length = 0;
  }

  api(): Record<string, unknown> {
    return {
      registerCommand: (id: string, handler: (...args: unknown[]) => unknown, thisArg?: unknown) => {
        // VS Code refuses a second registration of an id; so does the stand-in.
        if (this.registered.has(id)) throw new Error(`command '${id}' already exists`);
        this.registered.set(id, thisArg === undefined ? handler : handler.bind(thisArg));
        return new Disposable(() => this.registered.delete(id));
      },
      executeCommand: async (id: string, ...args: unknown[]) => {
        const handler = this.registered.get(id);
        if (handler) return handler(...args);
        this.executed.push({ command: id, args });
        return undefined;
      },
    };
  }
}

/** What the extension wrote to the clipboard, and the UI language. */
class StandInEnv {
  clipboard = '';
  language = 'en';
  reset(): void {
    this.clipboard = '';
    this.language = 'en';
  }
  api(): Record<string, unknown> {
    const language = (): string => this.language;
    return {
      get language() { return language(); },
      clipboard: {
        writeText: (text: string) => { this.clipboard = text; return Promise.resolve(); },
      },
    };
  }
}

class StandInLanguageModels {
  readonly tools = new Map<string, unknown>();
  reset(): void { this.tools.clear(); }
  api(): Record<string, unknown> {
    return {
      registerTool: (name: string, tool: unknown) => {
        if (this.tools.has(name)) throw new Error(`tool '${name}' is already registered`);
        this.tools.set(name, tool);
        return new Disposable(() => this.tools.delete(name));
      },
    };
  }
}

/** The drop/paste edit providers, the diagnostics (by document Uri string) and the code action providers the extension registered. */
class StandInLanguages {
  readonly dropProviders: unknown[] = [];
  readonly pasteProviders: unknown[] = [];
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly codeActionProviders: { selector: unknown; provider: unknown }[] = [];
  reset(): void {
    this.dropProviders.length = 0;
    this.pasteProviders.length = 0;
    this.diagnostics.clear();
    this.codeActionProviders.length = 0;
  }
  api(): Record<string, unknown> {
    const register = (list: unknown[]) => (_selector: unknown, provider: unknown) => {
      list.push(provider);
      return new Disposable(() => list.splice(list.indexOf(provider), 1));
    };
    return {
      registerDocumentDropEditProvider: register(this.dropProviders),
      registerDocumentPasteEditProvider: register(this.pasteProviders),
      createDiagnosticCollection: (name?: string) => ({
        name,
        set: (uri: { toString(): string }, diagnostics: Diagnostic[]) => { this.diagnostics.set(uri.toString(), [...diagnostics]); },
        delete: (uri: { toString(): string }) => { this.diagnostics.delete(uri.toString()); },
        get: (uri: { toString(): string }) => this.diagnostics.get(uri.toString()),
        dispose: () => this.diagnostics.clear(),
      }),
      registerCodeActionsProvider: (selector: unknown, provider: unknown) => {
        const entry = { selector, provider };
        this.codeActionProviders.push(entry);
        return new Disposable(() => this.codeActionProviders.splice(this.codeActionProviders.indexOf(entry), 1));
      },
    };
  }
}

/** VS Code's hierarchical edit kind (`a.b.c`), as far as the extension builds one. */
class DocumentDropOrPasteEditKind {
  static readonly Empty = new DocumentDropOrPasteEditKind('');
  private constructor(readonly value: string) {}
  append(...parts: string[]): DocumentDropOrPasteEditKind {
    return new DocumentDropOrPasteEditKind([this.value, ...parts].filter(Boolean).join('.'));
  }
}

const languages = new StandInLanguages();
const workspace = new StandInWorkspace();
const window = new StandInWindow();
const commands = new StandInCommands();
const env = new StandInEnv();
const lm = new StandInLanguageModels();

/** The test-facing side of the stand-in: state to set up, UI to inspect, a user to script. */
export const vscodeStandIn = {
  workspace,
  window,
  commands,
  env,
  lm,
  languages,
  /** Back to an empty workspace, default settings, a user who dismisses everything, nothing recorded. */
  reset(): void {
    workspace.reset();
    window.reset();
    commands.reset();
    env.reset();
    lm.reset();
    languages.reset();
  },
};

/** Every line written to an output channel, in order (the log's redaction is checked on them). */
export const outputLines = window.outputLines;

const l10n = {
  bundle: undefined,
  uri: undefined,
  t: (first: string | { message: string; args?: unknown[] | Record<string, unknown> }, ...args: unknown[]): string => {
    if (typeof first === 'string') return formatMessage(first, args);
    const given = first.args;
    return formatMessage(first.message, Array.isArray(given) ? given : given ? [given] : []);
  },
};

/** The module `require('vscode')` returns. */
const standIn = {
  version: '1.99.0',
  Disposable,
  EventEmitter,
  CancellationTokenSource,
  CancellationError,
  Uri,
  FileType,
  FilePermission,
  FileSystemError,
  Position,
  Range,
  Diagnostic,
  CodeAction,
  CodeActionKind,
  RelativePattern,
  ThemeIcon,
  MarkdownString,
  TabInputText,
  TabInputCustom,
  LanguageModelDataPart,
  LanguageModelTextPart,
  LanguageModelToolResult,
  DocumentDropOrPasteEditKind,
  ...enums,
  QuickInputButtons: { Back: backButton },
  l10n,
  env: env.api(),
  commands: commands.api(),
  window: window.api(),
  workspace: createWorkspaceApi(workspace),
  lm: lm.api(),
  languages: languages.api(),
};

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;
const loader = Module as unknown as { _load: Load };
const originalLoad = loader._load;

const hooked: Load = function (this: unknown, request, parent, isMain) {
  return request === 'vscode' ? standIn : originalLoad.call(this, request, parent, isMain);
};

/** Makes `require('vscode')` return the stand-in (idempotent; also done on import). */
export function installVscodeStandIn(): void {
  loader._load = hooked;
}

installVscodeStandIn();
