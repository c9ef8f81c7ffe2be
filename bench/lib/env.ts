// What every bench section shares: a key that would be noticed if it leaked, temp folders, and a
// client wired to the local server.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { IdeogramClient, InflightLimiter, type ClientOptions } from '../../src/ideogram';
import { providerDefaults } from '../../src/common/provider';

/** The key the bench's local server accepts (never a real key). */
export const BENCH_KEY = 'sk-bench-local-key-5b1e';

/** A fresh temporary folder; pass it to removeDir when done. */
export function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `ideogram-bench-${prefix}-`));
}

/** Removes a folder made by makeTempDir. */
export function removeDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}

/** A client for the local server, Crazyrouter dialect, with the extension's defaults otherwise. */
export function benchClient(server: { baseUrl: string }, options: Partial<ClientOptions> = {}): IdeogramClient {
  return new IdeogramClient({
    config: { ...providerDefaults('crazyrouter'), baseUrl: server.baseUrl },
    getApiKey: () => Promise.resolve(BENCH_KEY),
    limiter: new InflightLimiter(10),
    ...options,
  });
}
