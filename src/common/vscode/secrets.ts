// The API key lives only in SecretStorage (OS keychain), with the IDEOGRAM_API_KEY environment
// variable as a fallback for CI and containers. It is never written to settings or files.
import * as vscode from 'vscode';

const SECRET_KEY = 'ideogram.apiKey';
/** Environment variable read when no key is stored. */
export const API_KEY_ENV = 'IDEOGRAM_API_KEY';

/**
 * The key from the environment, trimmed: CI secrets and `export` lines often end with a newline.
 * Trimmed here, where it is read, so the key the client sends and the one the log redacts are the same.
 */
export function apiKeyFromEnvironment(): string | undefined {
  return process.env[API_KEY_ENV]?.trim() || undefined;
}

/** Why a key is rejected before it is stored; undefined when it looks usable. */
export function apiKeyShapeProblem(key: string): string | undefined {
  if (key.trim() === '') return vscode.l10n.t('The API key is empty.');
  if (/\s/.test(key)) return vscode.l10n.t('An API key has no spaces or line breaks; check what was pasted.');
  if (key.length < 8) return vscode.l10n.t('That is too short to be an API key.');
  return undefined;
}

/** Reads, stores and clears the key; remembers every key seen so the log can redact it. */
export class ApiKeyStore implements vscode.Disposable {
  private readonly seen = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;
  /** Fires after the stored key was set or cleared (in this window or another). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly secrets: vscode.SecretStorage) {
    const fromEnv = apiKeyFromEnvironment();
    if (fromEnv) this.seen.add(fromEnv);
    this.subscription = secrets.onDidChange((e) => { if (e.key === SECRET_KEY) this.changed.fire(); });
  }

  /** The stored key, else the environment variable, else undefined; trimmed, as it is sent. */
  async get(): Promise<string | undefined> {
    const stored = (await this.secrets.get(SECRET_KEY))?.trim();
    const key = stored || apiKeyFromEnvironment();
    if (key) this.seen.add(key);
    return key;
  }

  /** Stores a key after the shape check; throws with a readable message when it is unusable. */
  async set(key: string): Promise<void> {
    const trimmed = key.trim();
    const problem = apiKeyShapeProblem(trimmed);
    if (problem) throw new Error(problem);
    this.seen.add(trimmed);
    await this.secrets.store(SECRET_KEY, trimmed);
    this.changed.fire();
  }

  /** Removes the stored key (the environment variable, if any, still applies). */
  async clear(): Promise<void> {
    await this.secrets.delete(SECRET_KEY);
    this.changed.fire();
  }

  /** Asks for the key in a password box that survives focus loss; true when one was stored. */
  async promptAndStore(): Promise<boolean> {
    const key = await vscode.window.showInputBox({
      title: vscode.l10n.t('Ideogram API Key'),
      prompt: vscode.l10n.t('Paste your API key. It is kept in the system keychain (VS Code SecretStorage), never in settings.'),
      password: true,
      ignoreFocusOut: true,
      validateInput: (value) => (value === '' ? undefined : apiKeyShapeProblem(value.trim()) ?? undefined),
    });
    if (key === undefined || key.trim() === '') return false;
    await this.set(key);
    return true;
  }

  /** Every key seen in this session (stored, typed or from the environment): the log redacts them all. */
  knownSecrets(): readonly string[] {
    return [...this.seen];
  }

  /** Resolves with true as soon as a key becomes available, or false when the token is cancelled. */
  waitForKey(token: vscode.CancellationToken): Promise<boolean> {
    return new Promise((resolve) => {
      const done = (value: boolean): void => { listener.dispose(); cancel.dispose(); resolve(value); };
      const listener = this.onDidChange(() => { void this.get().then((k) => { if (k) done(true); }); });
      const cancel = token.onCancellationRequested(() => done(false));
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
