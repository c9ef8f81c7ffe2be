// The extension activated on the vscode stand-in, as the rig sets it up in code-server: pointed at
// the local Ideogram-compatible server (same settings), a fresh copy of the sample workspace, and
// the key set through the extension's own command. For unit tests of commands, the Studio panel
// host, ImageService and the error boundary over real HTTP on loopback.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
// The stand-in first: src/extension imports vscode at load.
import { vscodeStandIn } from './standIn';
import { activate, type IdeogramExtensionApi } from '../../../src/extension';
import { startMockServer, type MockServer, type MockServerOptions } from '../../../tools/mock-server';
import { mockServerSettings, quietWorkbench } from '../rig/settings';
import { createSampleWorkspace } from '../rig/workspace';
import type { URI } from 'vscode-uri';
import { Uri } from './basics';
import { createExtensionContext, type StandInExtensionContext } from './context';

/** The key the local server accepts in these tests. */
export const UNIT_API_KEY = 'sk-unit-tier-SECRET-4b8e1f';

const KEY_ENV = 'IDEOGRAM_API_KEY';

/** How to set up the activation. */
export interface ActivationOptions {
  /** Store the key before the test (default true); false leaves the extension without one. */
  withKey?: boolean;
  /** Extra settings by full id, on top of the ones pointing at the local server. */
  settings?: Record<string, unknown>;
  /** Options for the local server (the key is always UNIT_API_KEY). */
  server?: Omit<MockServerOptions, 'key'>;
  /** Open no workspace folder (default: a fresh copy of test/fixtures/workspace). */
  noWorkspace?: boolean;
}

/** An activated extension; dispose() (idempotent) deactivates it and stops the server. */
export interface ActivatedExtension {
  api: IdeogramExtensionApi;
  context: StandInExtensionContext;
  server: MockServer;
  /** The workspace folder on disk ('' with noWorkspace). */
  workspaceDir: string;
  /** Runs a command by id, as the palette, a menu or another extension does, and returns its result. */
  run<T = unknown>(command: string, ...args: unknown[]): Promise<T>;
  /** The Uri of a picture of the sample workspace (images/<name>). */
  workspaceImage(name: string): URI;
  /** The file names in the default output folder (assets/ideogram), sorted; [] when it does not exist. */
  outputFiles(): string[];
  dispose(): Promise<void>;
}

/** Resets the stand-in, starts the local server and activates the extension. */
export async function activateForTest(options: ActivationOptions = {}): Promise<ActivatedExtension> {
  vscodeStandIn.reset();
  // A key in the developer's environment would stand in for a missing one.
  const savedEnvKey = process.env[KEY_ENV];
  delete process.env[KEY_ENV];
  const server = await startMockServer({ ...options.server, port: 0, key: UNIT_API_KEY });
  const root = mkdtempSync(path.join(tmpdir(), 'ideogram-unit-'));
  const context = createExtensionContext();
  // Whatever happens (a failed activation, a subscription that fails to dispose), the server is
  // closed and the folders and environment restored, so a failing test cannot hang the run.
  let cleaned = false;
  const cleanUp = async (): Promise<void> => {
    if (cleaned) return;
    cleaned = true;
    try {
      context.dispose();
    } finally {
      await server.close();
      rmSync(root, { recursive: true, force: true });
      if (savedEnvKey === undefined) delete process.env[KEY_ENV];
      else process.env[KEY_ENV] = savedEnvKey;
    }
  };
  try {
    const workspaceDir = options.noWorkspace ? '' : createSampleWorkspace(path.join(root, 'workspace'));
    if (workspaceDir) vscodeStandIn.workspace.setFolders([workspaceDir]);
    vscodeStandIn.workspace.setSettings({ ...quietWorkbench, ...mockServerSettings(server.baseUrl), ...options.settings });
    const api = activate(context as never);
    const run = <T>(command: string, ...args: unknown[]): Promise<T> => runCommand(command, args) as Promise<T>;
    if (options.withKey ?? true) await run('ideogram.setApiKey', UNIT_API_KEY);
    const outputDir = path.join(workspaceDir, 'assets', 'ideogram');
    return {
      api, context, server, workspaceDir, run, dispose: cleanUp,
      workspaceImage: (name) => Uri.file(path.join(workspaceDir, 'images', name)),
      outputFiles: () => (existsSync(outputDir) ? readdirSync(outputDir).sort() : []),
    };
  } catch (err) {
    await cleanUp();
    throw err;
  }
}

function runCommand(command: string, args: unknown[]): Promise<unknown> {
  const handler = vscodeStandIn.commands.registered.get(command);
  if (!handler) return Promise.reject(new Error(`command '${command}' is not registered`));
  return Promise.resolve(handler(...args));
}
