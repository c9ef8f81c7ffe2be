// What integration tests know about the environment the rig set up for them.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import manifest from '../../../package.json';
import type { ReportedError } from '../../../src/common/vscode/errorBoundary';
import type { IdeogramExtensionApi } from '../../../src/extension';
import { activeAtStartupKey, harnessEnv } from '../../support/harness/protocol';

/** `publisher.name` of the extension under test. */
export const extensionId = `${manifest.publisher}.${manifest.name}`;

/** The manifest the suite was compiled against (the installed one is `extension().packageJSON`). */
export { manifest };

/** The environment the launcher prepared: local server, key, workspace. */
export interface RigEnvironment {
  mockUrl: string;
  apiKey: string;
  workspace: string;
  launcher: 'code-server' | 'electron';
  /** The repository's test/fixtures folder. */
  fixtures: string;
}

/** Reads the launcher's environment; throws when a variable is missing (tests must not guess). */
export function rigEnvironment(): RigEnvironment {
  const read = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set: run the suite through npm run test:integration`);
    return value;
  };
  return {
    mockUrl: read(harnessEnv.mockUrl),
    apiKey: read(harnessEnv.apiKey),
    workspace: read(harnessEnv.workspace),
    launcher: read(harnessEnv.launcher) === 'electron' ? 'electron' : 'code-server',
    fixtures: read(harnessEnv.fixtures),
  };
}

/** The installed extension under test; throws when it is not installed. */
export function extension(): vscode.Extension<unknown> {
  const found = vscode.extensions.getExtension(extensionId);
  if (!found) throw new Error(`${extensionId} is not installed`);
  return found;
}

/** Extension ids that were already active when the harness started, before any test ran. */
export function activeAtStartup(): string[] {
  const value = (globalThis as Record<string, unknown>)[activeAtStartupKey];
  if (!Array.isArray(value)) throw new Error('the harness did not record the startup state');
  return value as string[];
}

/** Command ids contributed by the installed package.json. */
export function contributedCommands(): string[] {
  const contributes = (extension().packageJSON as { contributes?: { commands?: { command: string }[] } }).contributes;
  return (contributes?.commands ?? []).map((c) => c.command);
}

/** Requests the local server received (over HTTP: it runs in the launcher's process). */
export async function mockRequests(): Promise<{ method: string; path: string; authHeader: string }[]> {
  const response = await fetch(`${rigEnvironment().mockUrl}/__mock/requests`);
  if (!response.ok) throw new Error(`GET /__mock/requests: HTTP ${response.status}`);
  const body = (await response.json()) as unknown;
  return (Array.isArray(body) ? body : (body as { requests: [] }).requests) as { method: string; path: string; authHeader: string }[];
}

/** Polls `check` until it returns a truthy value or `timeoutMs` passes. */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Talks to the local server's control routes (`/__mock/fault`, `/__mock/reset`, `/__mock/requests`…); POSTs `body` when given. */
export async function mockControl(pathName: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${rigEnvironment().mockUrl}${pathName}`, body === undefined ? undefined : {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  assert.ok(response.ok, `${pathName}: HTTP ${response.status}`);
  return response.json();
}

/** Starts a command that will fail, waits for its error report, dismisses the notification, returns both. */
export async function failingCommand(
  api: IdeogramExtensionApi, run: () => Thenable<unknown>, expectKind: ReportedError['kind'], timeoutMs = 30_000,
): Promise<{ report: ReportedError; result: unknown }> {
  let report: ReportedError | undefined;
  const sub = api.onDidReportError((r) => { report = r; });
  try {
    const pending = Promise.resolve(run());
    const got = await waitFor(`an error report of kind ${expectKind}`, () => report, timeoutMs);
    assert.equal(got.kind, expectKind, got.message);
    // Closing the notification resolves it like a dismissal: the command then returns.
    await vscode.commands.executeCommand('notifications.clearAll');
    return { report: got, result: await pending };
  } finally {
    sub.dispose();
  }
}
