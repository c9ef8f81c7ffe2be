// The value types and small classes of the `vscode` module, as the extension uses them: events,
// disposables, cancellation, Uri (VS Code's own implementation, from vscode-uri), enums and the
// plain data classes. Behaviour follows VS Code's where the extension relies on it.
import { URI, Utils } from 'vscode-uri';

/** vscode.Disposable. */
export class Disposable {
  private done = false;
  constructor(private readonly callOnDispose: () => unknown) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => { for (const item of items) item.dispose(); });
  }
  dispose(): void {
    if (this.done) return;
    this.done = true;
    this.callOnDispose();
  }
}

/** vscode.Event: subscribe with a listener, get a disposable back. */
export type Event<T> = (listener: (value: T) => unknown, thisArgs?: unknown, disposables?: { dispose(): unknown }[]) => Disposable;

/** vscode.EventEmitter: listeners run in order, synchronously, as VS Code's do. */
export class EventEmitter<T> {
  private listeners: ((value: T) => unknown)[] = [];
  readonly event: Event<T> = (listener, thisArgs, disposables) => {
    const bound = thisArgs === undefined ? listener : listener.bind(thisArgs);
    this.listeners.push(bound);
    const subscription = new Disposable(() => { this.listeners = this.listeners.filter((l) => l !== bound); });
    disposables?.push(subscription);
    return subscription;
  };
  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }
  dispose(): void {
    this.listeners = [];
  }
}

/** vscode.CancellationToken. */
export interface CancellationToken { readonly isCancellationRequested: boolean; readonly onCancellationRequested: Event<void> }

/** vscode.CancellationTokenSource: cancel() fires the token's event once. */
export class CancellationTokenSource {
  private readonly emitter = new EventEmitter<void>();
  private cancelled = false;
  readonly token: CancellationToken;
  constructor() {
    const isCancelled = (): boolean => this.cancelled;
    this.token = {
      get isCancellationRequested() { return isCancelled(); },
      onCancellationRequested: (listener, thisArgs, disposables) => {
        // As in VS Code: a listener added after cancel() runs at once.
        if (this.cancelled) {
          setImmediate(() => (thisArgs === undefined ? listener() : listener.call(thisArgs)));
          return new Disposable(() => undefined);
        }
        return this.emitter.event(listener, thisArgs, disposables);
      },
    };
  }
  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.emitter.fire();
  }
  dispose(): void {
    this.emitter.dispose();
  }
}

/** vscode.CancellationError. */
export class CancellationError extends Error {
  constructor() {
    super('Canceled');
    this.name = 'Canceled';
  }
}

/**
 * vscode.Uri. `instanceof` accepts every vscode-uri URI (its factories return an internal
 * subclass), and joinPath is VS Code's addition.
 */
export class Uri extends URI {
  static joinPath(base: URI, ...segments: string[]): URI {
    return Utils.joinPath(base, ...segments);
  }
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof URI;
  }
}

/** vscode.FileType. */
export const FileType = { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 } as const;

/** vscode.FilePermission. */
export const FilePermission = { Readonly: 1 } as const;

/** vscode.FileSystemError, with VS Code's codes (the extension reads `code`). */
export class FileSystemError extends Error {
  constructor(message: string, readonly code = 'Unknown') {
    super(message);
    this.name = `${code} (FileSystemError)`;
  }
  static FileNotFound(what?: unknown): FileSystemError { return new FileSystemError(`${String(what)} not found`, 'FileNotFound'); }
  static FileExists(what?: unknown): FileSystemError { return new FileSystemError(`${String(what)} exists`, 'FileExists'); }
  static FileIsADirectory(what?: unknown): FileSystemError { return new FileSystemError(`${String(what)} is a directory`, 'FileIsADirectory'); }
  static FileNotADirectory(what?: unknown): FileSystemError { return new FileSystemError(`${String(what)} is not a directory`, 'FileNotADirectory'); }
  static NoPermissions(what?: unknown): FileSystemError { return new FileSystemError(`${String(what)}: no permissions`, 'NoPermissions'); }
  static Unavailable(what?: unknown): FileSystemError { return new FileSystemError(`${String(what)} unavailable`, 'Unavailable'); }
}

/** vscode.Position. */
/** vscode.RelativePattern: a glob below a base folder. */
export class RelativePattern {
  readonly baseUri: Uri;
  constructor(base: Uri | { uri: Uri }, readonly pattern: string) {
    this.baseUri = 'uri' in base ? base.uri : base;
  }
}

export class Position {
  constructor(readonly line: number, readonly character: number) {}
}

/** vscode.Range. */
export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(start: Position | number, end: Position | number, endLine?: number, endCharacter?: number) {
    this.start = typeof start === 'number' ? new Position(start, end as number) : start;
    this.end = typeof start === 'number' ? new Position(endLine ?? 0, endCharacter ?? 0) : end as Position;
  }
  isEqual(other: Range): boolean {
    return this.start.line === other.start.line && this.start.character === other.start.character && this.end.line === other.end.line && this.end.character === other.end.character;
  }
}

/** vscode.Diagnostic. */
export class Diagnostic {
  source?: string;
  code?: string | number;
  constructor(readonly range: Range, readonly message: string, readonly severity: number = 0) {}
}

/** vscode.CodeActionKind (the kinds the extension offers). */
export class CodeActionKind {
  static readonly QuickFix = new CodeActionKind('quickfix');
  constructor(readonly value: string) {}
}

/** vscode.CodeAction. */
export class CodeAction {
  diagnostics?: Diagnostic[];
  isPreferred?: boolean;
  command?: { title: string; command: string; arguments?: unknown[] };
  constructor(readonly title: string, readonly kind?: CodeActionKind) {}
}

/** vscode.ThemeIcon. */
export class ThemeIcon {
  constructor(readonly id: string) {}
}

/** vscode.MarkdownString (the text only). */
export class MarkdownString {
  constructor(public value = '') {}
  appendText(text: string): this { this.value += text; return this; }
  appendMarkdown(text: string): this { this.value += text; return this; }
}

/** vscode.TabInputText. */
export class TabInputText {
  constructor(readonly uri: URI) {}
}

/** vscode.TabInputCustom. */
export class TabInputCustom {
  constructor(readonly uri: URI, readonly viewType: string) {}
}

/** vscode.LanguageModelTextPart. */
export class LanguageModelTextPart {
  constructor(readonly value: string) {}
}

/** vscode.LanguageModelDataPart (newer VS Code): bytes for the model, such as an image. */
export class LanguageModelDataPart {
  constructor(readonly data: Uint8Array, readonly mimeType: string) {}
  /** An image part. */
  static image(data: Uint8Array, mimeType: string): LanguageModelDataPart {
    return new LanguageModelDataPart(data, mimeType);
  }
}

/** vscode.LanguageModelToolResult. */
export class LanguageModelToolResult {
  constructor(readonly content: unknown[]) {}
}

/** The enums the extension reads. */
export const enums = {
  ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2, Three: 3 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  QuickPickItemKind: { Separator: -1, Default: 0 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  EndOfLine: { LF: 1, CRLF: 2 },
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
} as const;

/** vscode.l10n.t's placeholder filling ({0}, {1}… and named {name}); English only. */
export function formatMessage(message: string, args: unknown[]): string {
  const named = args.length === 1 && args[0] !== null && typeof args[0] === 'object' ? args[0] as Record<string, unknown> : undefined;
  return message.replace(/\{(\w+)\}/g, (whole, key: string) => {
    if (named) return key in named ? String(named[key]) : whole;
    const index = Number(key);
    return Number.isInteger(index) && index < args.length ? String(args[index]) : whole;
  });
}
