// Starts ./serverChild.ts and talks to it over the server's HTTP control routes.
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import type { FaultSettings, MockServerOptions, MockServerStats, RecordedRequest } from '../../../tools/mock-server';

/** A local server running in a child process. */
export interface RemoteServer {
  baseUrl: string;
  setFault(fault: FaultSettings): Promise<void>;
  stats(): Promise<MockServerStats>;
  requests(): Promise<RecordedRequest[]>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

const CHILD = path.join(__dirname, 'serverChild.ts');

async function control(baseUrl: string, route: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${baseUrl}/__mock/${route}`, body === undefined ? {} : {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`bench server: /__mock/${route} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** Forks the server (loopback only) and resolves once it listens; rejects if it dies first. */
export function startServerProcess(options: MockServerOptions): Promise<RemoteServer> {
  const child: ChildProcess = fork(CHILD, [JSON.stringify(options)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    const failed = (reason: string): void => reject(new Error(`bench server did not start: ${reason}`));
    child.once('error', (err) => failed(err.message));
    child.once('exit', (code) => failed(`exited with ${code}`));
    child.once('message', (message) => {
      child.removeAllListeners('exit');
      const { baseUrl } = message as { baseUrl: string };
      resolve({
        baseUrl,
        setFault: async (fault) => { await control(baseUrl, 'fault', fault); },
        stats: async () => (await control(baseUrl, 'stats')) as MockServerStats,
        requests: async () => (await control(baseUrl, 'requests')) as RecordedRequest[],
        reset: async () => { await control(baseUrl, 'reset', {}); },
        close: () => new Promise<void>((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', () => done());
          child.disconnect();
        }),
      });
    });
  });
}
