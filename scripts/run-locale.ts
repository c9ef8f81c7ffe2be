// `npm run test:locale` — UI tests of the Simplified Chinese UI: code-server (VS Code 1.139.1) started
// with locale zh-cn, the packaged extension installed, Chromium driving it (test/locale/*.test.ts,
// same helpers as test/e2e; a stand-in language pack from test/locale/language-pack). Options: --skip-package (use out/*.vsix from `npm run package`).
// code-server takes its locale from the config file named by CODE_SERVER_CONFIG (the same as --locale).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';
import { setE2eContext } from '../test/support/ui/context';
import { parseArgs } from '../test/support/rig/args';
import { launchChromium } from '../test/support/rig/browser';
import { reportFatal } from '../test/support/rig/errors';
import { withLock } from '../test/support/rig/lock';
import { meaningfulLines } from '../test/support/rig/logFilter';
import { packageExtension, verifyExtensionVsix, vscePackage } from '../test/support/rig/packaging';
import { extensionVsixPath, outDir, repoRoot, resultsDir, rigLockDir } from '../test/support/rig/paths';
import { cleanupAll, onCleanup } from '../test/support/rig/processes';
import { startSession } from '../test/support/rig/session';
import { openWorkbench } from '../test/support/rig/workbench';

const LOCALE = 'zh-cn';

async function run(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), ['skip-package']);
  const started = Date.now();
  const runDir = path.join(resultsDir, 'locale');
  if (args.has('skip-package')) verifyExtensionVsix(extensionVsixPath);
  else await packageExtension();
  // Outside runDir: startSession empties that folder first.
  const configFile = path.join(resultsDir, 'locale-code-server.yaml');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(configFile, `locale: ${LOCALE}\n`);
  // VS Code switches language only when a language pack for it is installed; the real one is on a
  // marketplace these machines cannot reach, so a pack that translates nothing stands in for it.
  const languagePack = path.join(outDir, 'test-language-pack-zh-cn.vsix');
  await vscePackage(path.join(repoRoot, 'test', 'locale', 'language-pack'), languagePack, ['--skip-license']);
  const session = await startSession({
    runDir,
    vsixFiles: [extensionVsixPath, languagePack],
    // Called after the extensions are installed and before code-server starts: the moment to
    // register the language pack, which `--install-extension` does not do by itself.
    env: () => {
      registerLanguagePack(runDir);
      return { CODE_SERVER_CONFIG: configFile };
    },
  });
  const browser = await launchChromium();
  onCleanup(() => browser.close());
  const page = await openWorkbench(browser, session.codeServer.workbenchUrl, path.join(runDir, 'browser-console.log'), session.workspaceDir);
  setE2eContext({ page, workspaceDir: session.workspaceDir, workbenchUrl: session.codeServer.workbenchUrl, mockServer: session.mockServer, apiKey: session.apiKey });

  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 90_000 });
  const dir = path.join(repoRoot, 'test', 'locale');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.test.ts')).sort()) mocha.addFile(path.join(dir, file));
  await mocha.loadFilesAsync();
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  await page.screenshot({ path: path.join(runDir, 'workbench.png') }).catch(() => undefined);
  if (failures > 0) {
    console.log(`\nlocale suite: FAILED; screenshot ${path.relative(repoRoot, path.join(runDir, 'workbench.png'))}`);
    console.log(meaningfulLines(readFileSync(session.codeServer.logFile, 'utf8'), 30).join('\n'));
  } else console.log('\nlocale suite: passed');
  console.log(`rig: locale run took ${Math.round((Date.now() - started) / 1000)} s`);
  return failures > 0 ? 1 : 0;
}

/**
 * Writes <user-data>/languagepacks.json the way VS Code's language pack service would once running:
 * VS Code reads it at start-up to decide that locale zh-cn has a pack (else it falls back to English).
 */
function registerLanguagePack(runDir: string): void {
  const extensionsDir = path.join(runDir, 'extensions');
  const folder = readdirSync(extensionsDir).find((name) => name.startsWith('ideogram-vscode-tests.test-language-pack-zh-cn'));
  if (!folder) throw new Error(`the stand-in language pack was not installed in ${extensionsDir}`);
  const translations = path.join(extensionsDir, folder, 'translations', 'main.i18n.json');
  if (!existsSync(translations)) throw new Error(`${translations} missing`);
  const packs = {
    [LOCALE]: {
      hash: 'ideogram-test-language-pack-0.0.1',
      extensions: [{ extensionIdentifier: { id: 'ideogram-vscode-tests.test-language-pack-zh-cn' }, version: '0.0.1' }],
      translations: { vscode: translations },
      label: '中文(简体)',
    },
  };
  writeFileSync(path.join(runDir, 'user-data', 'languagepacks.json'), JSON.stringify(packs));
}

void withLock(rigLockDir, 'locale UI run', run)
  .catch(reportFatal)
  .then(async (code) => {
    await cleanupAll();
    process.exit(code);
  });
