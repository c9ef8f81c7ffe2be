// Starting code-server (VS Code's server build) for the rig: extensions installed from .vsix files,
// a private user-data dir with settings, loopback only, no auth.
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { envWithoutNpmVariables, type CodeServerInstall } from './codeServerInstall';
import { RigError } from './errors';
import { meaningfulLines } from './logFilter';
import { delay, runProcess, startProcess, type ManagedProcess } from './processes';

/** A running code-server. */
export interface CodeServerInstance {
  port: number;
  /** Workbench URL with the workspace folder opened. */
  workbenchUrl: string;
  logFile: string;
  process: ManagedProcess;
}

/** Where one code-server keeps its state (all inside one run folder). */
export interface CodeServerDirs {
  userDataDir: string;
  extensionsDir: string;
  /** XDG config/data home: keeps code-server's config.yaml out of ~/.config. */
  homeDir: string;
}

/** Installs .vsix files the way a user does: `code-server --install-extension`. */
export async function installExtensions(install: CodeServerInstall, dirs: CodeServerDirs, vsixFiles: string[], logFile: string): Promise<void> {
  const args = [...baseArgs(dirs), ...vsixFiles.flatMap((vsix) => ['--install-extension', vsix])];
  const output = await runProcess('code-server --install-extension', install.codeServerBin, args, { env: codeServerEnv(install, dirs), logFile });
  const failed = output.split('\n').filter((line) => /failed|error/i.test(line) && !/open-vsx|gallery|ENOTFOUND/i.test(line));
  if (failed.length > 0) throw new RigError(`installing ${vsixFiles.map((f) => path.basename(f)).join(', ')} failed:\n${failed.join('\n')}`);
}

/** Starts code-server on a free loopback port and waits until it answers. */
export async function startCodeServer(install: CodeServerInstall, dirs: CodeServerDirs, options: {
  workspace: string; logFile: string; env?: NodeJS.ProcessEnv; port?: number;
}): Promise<CodeServerInstance> {
  const port = options.port ?? (await freePort());
  const args = [
    ...baseArgs(dirs),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    options.workspace,
  ];
  const proc = startProcess('code-server', install.codeServerBin, args, {
    env: { ...codeServerEnv(install, dirs), ...options.env },
    logFile: options.logFile,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) {
      throw new RigError(`code-server exited while starting (log: ${options.logFile}):\n${meaningfulLines(proc.output(), 30).join('\n')}`);
    }
    if (await answers(`${baseUrl}/healthz`)) break;
    if (Date.now() > deadline) throw new RigError(`code-server did not answer on ${baseUrl} within 60 s (log: ${options.logFile})`);
    await delay(250);
  }
  return { port, workbenchUrl: `${baseUrl}/?folder=${encodeURIComponent(options.workspace)}`, logFile: options.logFile, process: proc };
}

function baseArgs(dirs: CodeServerDirs): string[] {
  mkdirSync(dirs.userDataDir, { recursive: true });
  mkdirSync(dirs.extensionsDir, { recursive: true });
  return ['--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir];
}

function codeServerEnv(install: CodeServerInstall, dirs: CodeServerDirs): NodeJS.ProcessEnv {
  return {
    ...envWithoutNpmVariables(),
    PATH: install.pathWithNode24,
    XDG_CONFIG_HOME: path.join(dirs.homeDir, 'config'),
    XDG_DATA_HOME: path.join(dirs.homeDir, 'data'),
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
