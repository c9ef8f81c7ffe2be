// Child processes started by the rig. Each runs in its own process group (detached) so that stopping
// it also stops what it spawned (code-server forks an extension host, file watchers, a pty host).
// Every group and every registered cleanup is torn down on normal exit, on failure, on timeout and on
// Ctrl+C, so a run never leaves a code-server or a mock server behind.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';
import { RigError } from './errors';

/** A long-running child the rig started. */
export interface ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** Resolves with the exit code (or null when killed by a signal). */
  readonly exited: Promise<number | null>;
  /** Everything the process printed so far (also written to its log file). */
  output(): string;
  /** SIGTERM to the whole process group, SIGKILL after a grace period. */
  stop(): Promise<void>;
}

/** Options for {@link startProcess} and {@link runProcess}. */
export interface ProcessOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** When set, stdout and stderr are appended to this file. */
  logFile?: string;
  /** Called with each line printed (stdout and stderr). */
  onLine?: (line: string) => void;
}

const running = new Set<ManagedProcess>();
const cleanups: (() => Promise<void> | void)[] = [];
let handlersInstalled = false;

/** Starts a child in its own process group and tracks it until it exits or is stopped. */
export function startProcess(name: string, command: string, args: string[], options: ProcessOptions = {}): ManagedProcess {
  installExitHandlers();
  const spawnOptions: SpawnOptions = {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true, // own process group: kill(-pid) reaches the grandchildren too
    stdio: ['ignore', 'pipe', 'pipe'],
  };
  const child = spawn(command, args, spawnOptions);
  let log: WriteStream | undefined;
  if (options.logFile) {
    mkdirSync(path.dirname(options.logFile), { recursive: true });
    log = createWriteStream(options.logFile, { flags: 'a' });
  }
  let buffer = '';
  let pending = '';
  const onData = (chunk: Buffer): void => {
    const text = chunk.toString('utf8');
    buffer += text;
    if (buffer.length > 2_000_000) buffer = buffer.slice(-1_000_000);
    log?.write(text);
    if (options.onLine) {
      pending += text;
      const lines = pending.split(/\r?\n/);
      pending = lines.pop() ?? '';
      for (const line of lines) options.onLine(line);
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);

  const exited = new Promise<number | null>((resolve) => {
    child.on('error', (err) => {
      buffer += `\n[${name}] failed to start: ${err.message}\n`;
      resolve(-1);
    });
    child.on('exit', (code) => resolve(code));
  });
  const managed: ManagedProcess = {
    name,
    child,
    exited,
    output: () => buffer,
    stop: async () => {
      killGroup(child, 'SIGTERM');
      const stopped = await Promise.race([exited.then(() => true), delay(5000).then(() => false)]);
      if (!stopped) killGroup(child, 'SIGKILL');
      // The leader may be gone while its group lives on (e.g. an extension host): sweep it too.
      killGroup(child, 'SIGKILL');
      await Promise.race([exited, delay(2000)]);
      log?.end();
    },
  };
  running.add(managed);
  void exited.then(() => {
    if (options.onLine && pending) options.onLine(pending);
    running.delete(managed);
  });
  return managed;
}

/** Runs a command to completion (tracked like {@link startProcess}); rejects with its output tail on failure. */
export async function runProcess(name: string, command: string, args: string[], options: ProcessOptions = {}): Promise<string> {
  const proc = startProcess(name, command, args, options);
  const code = await proc.exited;
  if (code !== 0) {
    const tail = proc.output().split('\n').slice(-40).join('\n');
    throw new RigError(`${name} failed (exit code ${String(code)}):\n${tail}`);
  }
  return proc.output();
}

/** Registers teardown work (closing a browser, a mock server) that runs before process groups are killed. */
export function onCleanup(fn: () => Promise<void> | void): void {
  installExitHandlers();
  cleanups.unshift(fn); // last registered, first run: a browser closes before the server it talks to
}

/** Runs registered cleanups, then stops every process still running. Safe to call more than once. */
export async function cleanupAll(): Promise<void> {
  const pendingCleanups = cleanups.splice(0);
  for (const fn of pendingCleanups) {
    try {
      await Promise.race([fn(), delay(10_000)]);
    } catch (err) {
      console.error('rig: cleanup failed:', err);
    }
  }
  await Promise.all([...running].map((proc) => proc.stop()));
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const onSignal = (signal: NodeJS.Signals): void => {
    console.error(`\nrig: ${signal} received, stopping everything the rig started…`);
    void cleanupAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  // Last resort when the rig exits without cleaning up (an uncaught error): no orphan groups.
  process.on('exit', () => {
    for (const proc of running) killGroup(proc.child, 'SIGKILL');
  });
}

/** Ends the whole run with exit code 1 (after cleanup) when it is still going after `ms`. */
export function exitAfter(ms: number, what: string): void {
  setTimeout(() => {
    console.error(`\nrig: ${what} still running after ${Math.round(ms / 60_000)} min: stopping everything (hard timeout)`);
    void cleanupAll().finally(() => process.exit(1));
  }, ms).unref(); // does not by itself keep the process alive
}

/** Resolves after `ms` milliseconds. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
