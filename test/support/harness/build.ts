// Builds the in-host test harness (test/harness) and compiles the integration tests into it.
// Each test/integration/*.test.ts becomes its own CommonJS bundle in test/harness/dist/tests/,
// with `vscode` left external so it resolves to the real API inside the extension host.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { RigError } from '../rig/errors';
import { vscePackage } from '../rig/packaging';
import { harnessVsixPath, repoRoot } from '../rig/paths';

const harnessDir = path.join(repoRoot, 'test', 'harness');
const integrationDir = path.join(repoRoot, 'test', 'integration');

/** Compiled suite folder; the electron entry point lives next to it. */
export const harnessDistDir = path.join(harnessDir, 'dist');

/** Bundles the harness, its electron entry point and every integration test file. */
export async function buildHarness(): Promise<void> {
  const testFiles = readdirSync(integrationDir).filter((f) => f.endsWith('.test.ts')).map((f) => path.join(integrationDir, f));
  if (testFiles.length === 0) throw new RigError(`no test files in ${integrationDir}`);
  rmSync(harnessDistDir, { recursive: true, force: true });
  const common: esbuild.BuildOptions = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // sharp (loaded lazily by src/imageOps, which the tools reach) has native bindings esbuild cannot
    // bundle: a test that makes a thumbnail loads it from node_modules.
    external: ['vscode', 'sharp'],
    logLevel: 'warning',
    // Keeps mocha's optional lazy requires (reporters, watch mode) from breaking the bundle.
    logOverride: { 'require-resolve-not-external': 'silent', 'unsupported-require-call': 'silent' },
  };
  await esbuild.build({
    ...common,
    entryPoints: { extension: path.join(harnessDir, 'src', 'extension.ts'), electron: path.join(harnessDir, 'src', 'electronEntry.ts') },
    outdir: harnessDistDir,
  });
  await esbuild.build({ ...common, entryPoints: testFiles, outdir: path.join(harnessDistDir, 'tests') });
}

/** Builds and packages the harness as out/ideogram-test-harness.vsix. */
export async function packageHarness(): Promise<string> {
  await buildHarness();
  await vscePackage(harnessDir, harnessVsixPath, ['--skip-license']);
  return harnessVsixPath;
}
