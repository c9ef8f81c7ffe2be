// The sample workspace (test/fixtures/workspace) copied to a fresh folder, so tests can write into it.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { fixtureWorkspaceDir } from './paths';

/** Replaces `dir` with a fresh copy of the sample workspace; returns `dir`. */
export function createSampleWorkspace(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  cpSync(fixtureWorkspaceDir, dir, { recursive: true });
  return dir;
}

/** Creates the sample workspace in `dir` only when it does not exist (the demo keeps what you made). */
export function ensureSampleWorkspace(dir: string): string {
  return existsSync(dir) ? dir : createSampleWorkspace(dir);
}
