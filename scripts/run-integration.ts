// `npm run test:integration` — the in-host suite inside code-server (VS Code 1.139.1), driven by
// headless Chromium. Options: --skip-package (use out/*.vsix as built by `npm run package`),
// --grep REGEXP, --timeout-ms N (whole run, default 600000), --keep-open (leave it running for a look).
//
// Adding a test: drop a file `test/integration/<topic>.test.ts` (top level of that folder) with
// mocha `describe`/`it` blocks; `import * as vscode from 'vscode'` works as in any extension.
// Helpers in test/integration/helpers/rig.ts give the local server URL, the test key, the workspace
// folder and the extension under test. Each file is bundled on its own with esbuild into the
// harness extension (test/harness), which runs them in file-name order inside the extension host.
// Nothing to register: the next run picks the file up. Results, logs and a workbench screenshot
// land in test-results/integration/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { harnessEnv } from '../test/support/harness/protocol';
import { parseArgs, stringArg } from '../test/support/rig/args';
import { launchChromium } from '../test/support/rig/browser';
import { reportFatal } from '../test/support/rig/errors';
import { followHarnessEvents, printSummary } from '../test/support/harness/results';
import { packageHarness } from '../test/support/harness/build';
import { meaningfulLines } from '../test/support/rig/logFilter';
import { packageExtension, verifyExtensionVsix } from '../test/support/rig/packaging';
import { withLock } from '../test/support/rig/lock';
import { extensionVsixPath, fixturesDir, rigLockDir, resultsDir } from '../test/support/rig/paths';
import { cleanupAll, exitAfter, onCleanup } from '../test/support/rig/processes';
import { rigApiKey, startSession } from '../test/support/rig/session';
import { openWorkbench } from '../test/support/rig/workbench';

async function main(): Promise<number> {
  // One rig run at a time in this working tree: they share out/*.vsix and test-results/.
  return withLock(rigLockDir, 'rig test run', run);
}

async function run(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), ['skip-package', 'keep-open']);
  const started = Date.now();
  // Hard stop for hangs before the suite starts (install, packaging, startup); the suite has its own limit.
  if (!args.has('keep-open')) exitAfter(Number(stringArg(args, 'timeout-ms') ?? 600_000) + 15 * 60_000, 'the integration run');
  const runDir = path.join(resultsDir, 'integration');
  if (args.has('skip-package')) verifyExtensionVsix(extensionVsixPath);
  else await packageExtension();
  const harnessVsix = await packageHarness();

  const eventsFile = path.join(runDir, 'events.jsonl');
  const grep = stringArg(args, 'grep');
  const session = await startSession({
    runDir,
    vsixFiles: [extensionVsixPath, harnessVsix],
    env: ({ mockUrl, workspace }) => ({
      [harnessEnv.eventsFile]: eventsFile,
      [harnessEnv.mockUrl]: mockUrl,
      [harnessEnv.apiKey]: rigApiKey,
      [harnessEnv.workspace]: workspace,
      [harnessEnv.launcher]: 'code-server',
      [harnessEnv.fixtures]: fixturesDir,
      ...(grep ? { [harnessEnv.grep]: grep } : {}),
    }),
  });
  console.log(`rig: code-server up at ${session.codeServer.workbenchUrl} (${Math.round((Date.now() - started) / 1000)} s)`);

  // The extension host starts when a workbench connects; onStartupFinished then starts the harness.
  const browser = await launchChromium();
  onCleanup(() => browser.close());
  const page = await openWorkbench(browser, session.codeServer.workbenchUrl, path.join(runDir, 'browser-console.log'));
  const outcome = await followHarnessEvents(eventsFile, {
    timeoutMs: Number(stringArg(args, 'timeout-ms') ?? 600_000),
    abort: () => (session.codeServer.process.child.exitCode !== null ? 'code-server exited' : undefined),
  });
  await page.screenshot({ path: path.join(runDir, 'workbench.png') }).catch(() => undefined);
  const exitCode = printSummary('integration suite (code-server)', outcome);
  if (exitCode !== 0) {
    console.log(`\nrig: code-server log without known noise (full log: ${session.codeServer.logFile}):`);
    console.log(meaningfulLines(readFileSync(session.codeServer.logFile, 'utf8'), 40).join('\n'));
    console.log(`rig: screenshot: ${path.join(runDir, 'workbench.png')}`);
  }
  console.log(`rig: integration run took ${Math.round((Date.now() - started) / 1000)} s`);
  if (args.has('keep-open')) {
    console.log(`rig: --keep-open: ${session.codeServer.workbenchUrl} stays up until Ctrl+C`);
    await new Promise(() => undefined);
  }
  return exitCode;
}

void main()
  .catch(reportFatal)
  .then(async (code) => {
    await cleanupAll();
    process.exit(code);
  });
