// Where the rig keeps things. Everything generated lives in git-ignored folders.
import path from 'node:path';

/** The repository root (test/support/rig/ is three levels below it). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** Cache for Node 24 and code-server; kept between runs, git-ignored. IDEOGRAM_RIG_CACHE moves it. */
export const cacheDir = process.env.IDEOGRAM_RIG_CACHE ?? path.join(repoRoot, '.cache');

/** Packaged .vsix files. */
export const outDir = path.join(repoRoot, 'out');

/** Logs, screenshots and result files of test runs, kept for a person to look at after a failure. */
export const resultsDir = path.join(repoRoot, 'test-results');

/** The packaged extension under test. */
export const extensionVsixPath = path.join(outDir, 'ideogram-vscode.vsix');

/** The packaged in-host test runner (test/harness). */
export const harnessVsixPath = path.join(outDir, 'ideogram-test-harness.vsix');

/** Sample workspace copied fresh for every run (images, README, the alt-text/ examples). */
export const fixtureWorkspaceDir = path.join(repoRoot, 'test', 'fixtures', 'workspace');

/** test/fixtures: the in-host tests get it (harnessEnv.fixtures) to copy a fixture project into the workspace. */
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures');

/** Held while a rig run packages and uses out/ and test-results/ (see lock.ts). */
export const rigLockDir = path.join(resultsDir, '.rig.lock');
