// `npm run test:electron` — the same in-host suite in desktop VS Code through @vscode/test-electron,
// for machines that can download VS Code (Microsoft's update server) or have one installed.
// VSCODE_EXECUTABLE_PATH=/path/to/code uses a local VS Code instead of downloading;
// VSCODE_VERSION picks the downloaded version (default: stable). On Linux without a display run it
// under `xvfb-run -a npm run test:electron`. The extension is loaded from this folder in development
// mode (test-electron's way), not from the .vsix; the code-server launcher covers the .vsix.
// Options: --grep REGEXP.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { harnessEnv } from '../test/support/harness/protocol';
import { parseArgs, stringArg } from '../test/support/rig/args';
import { RigError, reportFatal } from '../test/support/rig/errors';
import { followHarnessEvents, printSummary } from '../test/support/harness/results';
import { buildHarness, harnessDistDir } from '../test/support/harness/build';
import { startRigMockServer } from '../test/support/rig/mockServer';
import { fixturesDir, repoRoot, resultsDir } from '../test/support/rig/paths';
import { cleanupAll, runProcess } from '../test/support/rig/processes';
import { rigApiKey } from '../test/support/rig/session';
import { mockServerSettings, writeUserSettings } from '../test/support/rig/settings';
import { createSampleWorkspace } from '../test/support/rig/workspace';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), []);
  const runDir = path.join(resultsDir, 'electron');
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  const vscodeExecutablePath = await resolveVSCode();

  await runProcess('build (esbuild)', process.execPath, [path.join(repoRoot, 'esbuild.mjs')], { cwd: repoRoot });
  await buildHarness();
  const workspace = createSampleWorkspace(path.join(runDir, 'workspace'));
  const userDataDir = path.join(runDir, 'user-data');
  const mockServer = await startRigMockServer(rigApiKey);
  writeUserSettings(userDataDir, mockServerSettings(mockServer.baseUrl));
  const eventsFile = path.join(runDir, 'events.jsonl');
  const grep = stringArg(args, 'grep');

  const exitCode = await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(harnessDistDir, 'electron.js'),
    launchArgs: [workspace, '--user-data-dir', userDataDir, '--extensions-dir', path.join(runDir, 'extensions'), '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    extensionTestsEnv: {
      IDEOGRAM_API_KEY: rigApiKey,
      [harnessEnv.eventsFile]: eventsFile,
      [harnessEnv.mockUrl]: mockServer.baseUrl,
      [harnessEnv.apiKey]: rigApiKey,
      [harnessEnv.workspace]: workspace,
      [harnessEnv.launcher]: 'electron',
      [harnessEnv.fixtures]: fixturesDir,
      ...(grep ? { [harnessEnv.grep]: grep } : {}),
    },
  }).catch((err: unknown) => {
    throw new RigError(`VS Code at ${vscodeExecutablePath} did not run the tests (on Linux without a display use xvfb-run): ${String(err)}`);
  });
  const outcome = await followHarnessEvents(eventsFile, { timeoutMs: 0, abort: () => undefined });
  return Math.max(printSummary('integration suite (desktop VS Code)', outcome), exitCode === 0 ? 0 : 1);
}

async function resolveVSCode(): Promise<string> {
  const local = process.env.VSCODE_EXECUTABLE_PATH;
  if (local) {
    if (!existsSync(local)) throw new RigError(`VSCODE_EXECUTABLE_PATH=${local} does not exist`);
    return local;
  }
  try {
    return await downloadAndUnzipVSCode({ version: process.env.VSCODE_VERSION ?? 'stable', cachePath: path.join(repoRoot, '.vscode-test') });
  } catch (err) {
    throw new RigError(
      `could not download VS Code for @vscode/test-electron (${err instanceof Error ? err.message : String(err)}).\n` +
      '  This machine probably cannot reach update.code.visualstudio.com. Either set VSCODE_EXECUTABLE_PATH to a local\n' +
      '  VS Code binary, or run the same suite in code-server with `npm run test:integration`.',
    );
  }
}

void main()
  .catch(reportFatal)
  .then(async (code) => {
    await cleanupAll();
    process.exit(code);
  });
