// `npm run test:e2e` — UI tests: mocha + playwright-core driving Debian's Chromium against
// code-server with the packaged extension installed. Options: --skip-package (use the .vsix from
// `npm run package`), --grep REGEXP, --timeout-ms N (whole run, default 1800000), --screenshots DIR (a screenshot after every test; failures are
// always captured in test-results/e2e/failures/), --keep-open (leave it running after the tests).
//
// Adding a test: drop `test/e2e/<topic>.test.ts` with mocha `describe`/`it`; get the page, the
// workspace folder and the local server with `e2e()` from test/support/ui/context.ts, and drive the
// UI with test/support/ui/workbench.ts (runCommand, answerInputBox, pickQuickPickItem,
// explorerContextMenu, webviewFrame, waitForNotification) and test/support/ui/files.ts (waitForWorkspaceFile).
// All files share one code-server and one page, run in file-name order; leave the UI as you found
// it (close what you opened). Nothing to register.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';
import type { Page } from 'playwright-core';
import { setE2eContext } from '../test/support/ui/context';
import { dismissTransientUi } from '../test/support/ui/workbench';
import { parseArgs, stringArg } from '../test/support/rig/args';
import { launchChromium } from '../test/support/rig/browser';
import { reportFatal } from '../test/support/rig/errors';
import { meaningfulLines } from '../test/support/rig/logFilter';
import { packageExtension, verifyExtensionVsix } from '../test/support/rig/packaging';
import { withLock } from '../test/support/rig/lock';
import { extensionVsixPath, rigLockDir, repoRoot, resultsDir } from '../test/support/rig/paths';
import { cleanupAll, exitAfter, onCleanup } from '../test/support/rig/processes';
import { startSession } from '../test/support/rig/session';
import { openWorkbench } from '../test/support/rig/workbench';

const e2eDir = path.join(repoRoot, 'test', 'e2e');

async function main(): Promise<number> {
  // One rig run at a time in this working tree: they share out/*.vsix and test-results/.
  return withLock(rigLockDir, 'rig test run', run);
}

async function run(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), ['skip-package', 'keep-open']);
  const started = Date.now();
  if (!args.has('keep-open')) exitAfter(Number(stringArg(args, 'timeout-ms') ?? 30 * 60_000), 'the e2e run');
  const runDir = path.join(resultsDir, 'e2e');
  const failuresDir = path.join(resultsDir, 'e2e-failures');
  const screenshotsArg = stringArg(args, 'screenshots');
  const grep = stringArg(args, 'grep');
  const screenshotsDir = screenshotsArg ? path.resolve(screenshotsArg) : undefined;
  rmSync(failuresDir, { recursive: true, force: true });

  if (args.has('skip-package')) verifyExtensionVsix(extensionVsixPath);
  else await packageExtension();
  const session = await startSession({ runDir, vsixFiles: [extensionVsixPath] });
  const browser = await launchChromium();
  onCleanup(() => browser.close());
  const page = await openWorkbench(browser, session.codeServer.workbenchUrl, path.join(runDir, 'browser-console.log'), session.workspaceDir);
  console.log(`rig: workbench ready at ${session.codeServer.workbenchUrl} (${Math.round((Date.now() - started) / 1000)} s)`);
  setE2eContext({ page, workspaceDir: session.workspaceDir, workbenchUrl: session.codeServer.workbenchUrl, mockServer: session.mockServer, apiKey: session.apiKey });

  const failed: string[] = [];
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    timeout: 60_000,
    // A regular expression, as in the integration launcher ("Studio|palette" selects both).
    ...(grep ? { grep: new RegExp(grep) } : {}),
    rootHooks: {
      async afterEach(this: Mocha.Context) {
        const test = this.currentTest;
        if (!test) return;
        const name = `${fileNameFor(test.titlePath())}.png`;
        if (test.state === 'failed') await capture(page, path.join(failuresDir, name));
        if (screenshotsDir) await capture(page, path.join(screenshotsDir, name));
        await dismissTransientUi(page);
      },
    },
  });
  for (const file of readdirSync(e2eDir).filter((f) => f.endsWith('.test.ts')).sort()) mocha.addFile(path.join(e2eDir, file));
  await mocha.loadFilesAsync();
  let passes = 0;
  const hookCaptures: Promise<void>[] = [];
  const failures = await new Promise<number>((resolve) => {
    mocha.run(resolve)
      .on('pass', () => passes++)
      .on('fail', (runnable) => {
        failed.push(runnable.fullTitle());
        // afterEach does not run for a failed before/after hook: capture it here (best effort, async).
        // (mocha's types say 'test', but hook failures arrive here too, with type 'hook')
        if ((runnable.type as string) === 'hook') hookCaptures.push(capture(page, path.join(failuresDir, `${fileNameFor(runnable.titlePath())}.png`)));
      });
  });
  await Promise.all(hookCaptures);

  if (failures > 0) {
    console.log(`\ne2e suite: FAILED (${failed.join('; ') || `${failures} failure(s)`})`);
    console.log(`rig: failure screenshots in ${path.relative(repoRoot, failuresDir)}/`);
    console.log(`rig: code-server log without known noise (full log: ${session.codeServer.logFile}):`);
    console.log(meaningfulLines(readFileSync(session.codeServer.logFile, 'utf8'), 30).join('\n'));
  } else if (passes === 0) {
    console.log(`\ne2e suite: FAILED: no test ran${grep ? ` (nothing matches --grep ${grep})` : ''}`);
  } else {
    console.log('\ne2e suite: passed');
  }
  if (screenshotsDir) console.log(`rig: screenshots in ${screenshotsDir}`);
  console.log(`rig: e2e run took ${Math.round((Date.now() - started) / 1000)} s`);
  if (args.has('keep-open')) {
    console.log(`rig: --keep-open: ${session.codeServer.workbenchUrl} stays up until Ctrl+C`);
    await new Promise(() => undefined);
  }
  return failures > 0 || passes === 0 ? 1 : 0;
}

function fileNameFor(titlePath: string[]): string {
  return titlePath.join(' - ').replace(/[^\w.-]+/g, '_').slice(0, 150);
}

async function capture(page: Page, file: string): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file }).catch((err: unknown) => console.error(`rig: screenshot ${file} failed:`, err));
}

void main()
  .catch(reportFatal)
  .then(async (code) => {
    await cleanupAll();
    process.exit(code);
  });
