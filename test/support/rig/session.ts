// One VS Code under test, set up the same way for the integration suite, the UI suite and the demo:
// local server + settings + sample workspace + packaged extension(s) installed + code-server running.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { MockServer } from '../../../tools/mock-server';
import { ensureCodeServer } from './codeServerInstall';
import { installExtensions, startCodeServer, type CodeServerInstance } from './codeServer';
import { startRigMockServer } from './mockServer';
import { mockServerSettings, writeUserSettings } from './settings';
import { createSampleWorkspace, ensureSampleWorkspace } from './workspace';

/** The key the local server accepts and the extension gets through IDEOGRAM_API_KEY. */
export const rigApiKey = 'rig-test-key-0001';

/** Options for {@link startSession}. */
export interface SessionOptions {
  /** Folder for everything of this run (user data, extensions, logs); wiped first. */
  runDir: string;
  /** Where the sample workspace is copied (default runDir/workspace). */
  workspaceDir?: string;
  /** Keep an existing workspaceDir as it is instead of a fresh copy (the demo). */
  keepWorkspace?: boolean;
  vsixFiles: string[];
  /** Extra environment for code-server (and so for the extension host). */
  env?: (context: { mockUrl: string; workspace: string }) => NodeJS.ProcessEnv;
  extraSettings?: Record<string, unknown>;
  codeServerPort?: number;
  mockServerPort?: number;
}

/** A prepared and running VS Code under test. */
export interface Session {
  runDir: string;
  workspaceDir: string;
  userDataDir: string;
  mockServer: MockServer;
  codeServer: CodeServerInstance;
  apiKey: string;
}

/** Prepares everything and starts code-server; everything started is stopped by cleanupAll(). */
export async function startSession(options: SessionOptions): Promise<Session> {
  const install = await ensureCodeServer();
  rmSync(options.runDir, { recursive: true, force: true });
  mkdirSync(options.runDir, { recursive: true });
  const dirs = {
    userDataDir: path.join(options.runDir, 'user-data'),
    extensionsDir: path.join(options.runDir, 'extensions'),
    homeDir: path.join(options.runDir, 'home'),
  };
  const workspaceTarget = options.workspaceDir ?? path.join(options.runDir, 'workspace');
  const workspaceDir = options.keepWorkspace ? ensureSampleWorkspace(workspaceTarget) : createSampleWorkspace(workspaceTarget);
  const mockServer = await startRigMockServer(rigApiKey, options.mockServerPort ?? 0);
  writeUserSettings(dirs.userDataDir, { ...mockServerSettings(mockServer.baseUrl), ...options.extraSettings });
  const logFile = path.join(options.runDir, 'code-server.log');
  await installExtensions(install, dirs, options.vsixFiles, logFile);
  const codeServer = await startCodeServer(install, dirs, {
    workspace: workspaceDir,
    logFile,
    env: { IDEOGRAM_API_KEY: rigApiKey, ...options.env?.({ mockUrl: mockServer.baseUrl, workspace: workspaceDir }) },
    ...(options.codeServerPort ? { port: options.codeServerPort } : {}),
  });
  return { runDir: options.runDir, workspaceDir, userDataDir: dirs.userDataDir, mockServer, codeServer, apiKey: rigApiKey };
}
