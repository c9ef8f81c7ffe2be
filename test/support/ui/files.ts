// Checking what lands in the workspace folder on disk.
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** All files under `dir`, as forward-slash paths relative to it. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** Waits until a file whose relative path matches `pattern` exists under `dir`; returns the matches. */
export async function waitForWorkspaceFile(dir: string, pattern: RegExp, timeoutMs = 30_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const matches = listFiles(dir).filter((file) => pattern.test(file));
    if (matches.length > 0) return matches;
    if (Date.now() > deadline) throw new Error(`no file matching ${pattern} appeared in ${dir} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
