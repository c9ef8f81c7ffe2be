// Shared fixtures for the client's tests: real PNG/JPEG files, a client wired to the local
// server, and a captured request log.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PNG } from 'pngjs';
import { IdeogramClient, InflightLimiter, type ClientOptions, type RequestLogEntry } from '../../src/ideogram';
import { providerDefaults, type ProviderConfig, type ProviderName } from '../../src/common/provider';
import type { MockServer } from '../../tools/mock-server';

/** A key long enough to be redacted and unusual enough to find anywhere it leaks. */
export const TEST_KEY = 'sk-client-test-SECRET-7f3a9c';

/** A real, decodable PNG of the given size. */
export function makePng(width = 8, height = 8): Buffer {
  const png = new PNG({ width, height });
  png.data.fill(200);
  return PNG.sync.write(png);
}

/** Bytes that start like a JPEG (enough for type sniffing). */
export function makeJpeg(): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(64, 1), Buffer.from([0xff, 0xd9])]);
}

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'ideogram-client-'): { dir: string; cleanup: () => void; files: () => string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }), files: () => readdirSync(dir).sort() };
}

/** Writes a file into `dir` and returns its path. */
export function writeFile(dir: string, name: string, data: Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, data);
  return file;
}

/** Provider settings pointing at the local server. */
export function configFor(server: MockServer, provider: ProviderName = 'crazyrouter', overrides: Partial<ProviderConfig> = {}): ProviderConfig {
  return { ...providerDefaults(provider), baseUrl: server.baseUrl, ...overrides };
}

/** A client against the local server with fast retries and a captured request log. */
export function makeClient(server: MockServer, options: Partial<ClientOptions> & { provider?: ProviderName; configOverrides?: Partial<ProviderConfig> } = {}): { client: IdeogramClient; log: RequestLogEntry[] } {
  const log: RequestLogEntry[] = [];
  const { provider, configOverrides, ...rest } = options;
  const client = new IdeogramClient({
    config: configFor(server, provider, configOverrides),
    getApiKey: () => Promise.resolve(TEST_KEY),
    retryBaseDelayMs: 5,
    limiter: new InflightLimiter(10),
    onRequest: (entry) => log.push(entry),
    ...rest,
  });
  return { client, log };
}

/** Runs `fn` and returns the error it rejects with (fails if it resolves). */
export async function rejection(fn: () => Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await fn();
  } catch (err) {
    return err as Error & Record<string, unknown>;
  }
  throw new Error('expected a rejection');
}
