// The sample workspace (test/fixtures/workspace) copied to a fresh folder, so tests can write into it.
import { cpSync, rmSync } from 'node:fs';
import { fixtureWorkspaceDir } from './paths';

/** Replaces `dir` with a fresh copy of the sample workspace; returns `dir`. */
export function createSampleWorkspace(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  cpSync(fixtureWorkspaceDir, dir, { recursive: true });
  return dir;
}

/**
 * Creates the sample workspace in `dir`, or adds the sample files it lacks: the demo keeps what you
 * made (and changed) there, and an older demo workspace still gains the samples added since.
 */
export function ensureSampleWorkspace(dir: string): string {
  cpSync(fixtureWorkspaceDir, dir, { recursive: true, force: false });
  return dir;
}
