// An ExtensionContext for the extension under test in plain Node: the repository as the extension
// folder (its package.json, media/ and dist/), in-memory secrets and mementos, and a temp folder
// for logs and storage. Disposing it disposes every subscription, as deactivation does.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { URI } from 'vscode-uri';
import { EventEmitter, Uri } from './basics';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** vscode.Memento over a Map. */
class Memento {
  private readonly values = new Map<string, unknown>();
  get<T>(key: string, fallback?: T): T | undefined {
    return this.values.has(key) ? this.values.get(key) as T : fallback;
  }
  update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, structuredClone(value));
    return Promise.resolve();
  }
}

/** vscode.SecretStorage in memory; `onDidChange` fires as VS Code's does, also for changes made by the test. */
export class StandInSecrets {
  private readonly values = new Map<string, string>();
  private readonly changed = new EventEmitter<{ key: string }>();
  readonly onDidChange = this.changed.event;
  get(key: string): Promise<string | undefined> { return Promise.resolve(this.values.get(key)); }
  store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
    this.changed.fire({ key });
    return Promise.resolve();
  }
  delete(key: string): Promise<void> {
    if (this.values.delete(key)) this.changed.fire({ key });
    return Promise.resolve();
  }
  keys(): Promise<string[]> { return Promise.resolve([...this.values.keys()]); }
}

/** The context handed to activate(), and what a test needs to end the activation. */
export interface StandInExtensionContext {
  subscriptions: { dispose(): unknown }[];
  secrets: StandInSecrets;
  globalState: Memento;
  extensionUri: URI;
  extension: { id: string; extensionUri: URI; packageJSON: Record<string, unknown> };
  logUri: URI;
  storageUri: URI;
  /** Disposes every subscription (last first) and removes the temp folder; throws if a subscription's dispose failed. */
  dispose(): void;
}

/** A fresh context for one activation. */
export function createExtensionContext(): StandInExtensionContext {
  const dir = mkdtempSync(path.join(tmpdir(), 'ideogram-context-'));
  const packageJSON = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
  const extensionUri = Uri.file(repoRoot);
  const subscriptions: { dispose(): unknown }[] = [];
  return {
    subscriptions,
    secrets: new StandInSecrets(),
    globalState: new Memento(),
    extensionUri,
    extension: { id: `${String(packageJSON.publisher)}.${String(packageJSON.name)}`, extensionUri, packageJSON },
    logUri: Uri.file(path.join(dir, 'log')),
    storageUri: Uri.file(path.join(dir, 'workspaceStorage')),
    dispose: () => {
      // Every subscription is disposed even when one throws; the failures are reported together.
      const failures: unknown[] = [];
      for (const subscription of subscriptions.splice(0).reverse()) {
        try {
          subscription.dispose();
        } catch (err) {
          failures.push(err);
        }
      }
      rmSync(dir, { recursive: true, force: true });
      if (failures.length) throw new AggregateError(failures, `${failures.length} subscription(s) failed to dispose`);
    },
  };
}
