// `npm run demo` — a working VS Code with the extension, no API key, no internet: installs Node 24 +
// code-server when missing, builds and packages the extension, starts the local Ideogram-compatible
// server and code-server (settings pointing at the server, a key for it in IDEOGRAM_API_KEY), opens
// .cache/demo-workspace (sample images + README, kept between runs) and prints the URL. The first start
// shows the workspace's README and the extension's walkthrough (see demoSettings).
// Runs until Ctrl+C. Options:
//   --screenshot FILE   capture the workbench headlessly (with the Studio panel open when the
//                       extension contributes ideogram.openStudio, after one generate so its
//                       results grid has thumbnails) at 1280×800 and exit
//   --theme light|dark  VS Code's default light or dark theme (default: dark)
//   --port N            code-server port (default 8080, or a free one when 8080 is taken)
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { paletteTitle } from '../test/support/ui/manifest';
import { runCommand } from '../test/support/ui/workbench';
import { parseArgs, stringArg } from '../test/support/rig/args';
import { launchChromium } from '../test/support/rig/browser';
import { freePort } from '../test/support/rig/codeServer';
import { RigError, reportFatal } from '../test/support/rig/errors';
import { packageExtension } from '../test/support/rig/packaging';
import { withLock } from '../test/support/rig/lock';
import { cacheDir, extensionVsixPath, rigLockDir } from '../test/support/rig/paths';
import { cleanupAll, delay, onCleanup } from '../test/support/rig/processes';
import { startSession, type Session } from '../test/support/rig/session';
import { demoSettings } from '../test/support/rig/settings';
import { generateInStudio } from '../test/support/ui/studioShowcase';
import { openWorkbench } from '../test/support/rig/workbench';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), []);
  const screenshot = stringArg(args, 'screenshot');
  const theme = stringArg(args, 'theme') ?? 'dark';
  if (theme !== 'light' && theme !== 'dark') throw new RigError(`--theme must be light or dark, not "${theme}"`);
  await withLock(rigLockDir, 'rig run (packaging)', packageExtension);
  const session = await startSession({
    runDir: path.join(cacheDir, 'demo-run'),
    workspaceDir: path.join(cacheDir, 'demo-workspace'),
    keepWorkspace: true,
    vsixFiles: [extensionVsixPath],
    codeServerPort: await demoPort(stringArg(args, 'port')),
    extraSettings: demoSettings(theme, !screenshot),
  });
  if (screenshot) return captureWorkbench(session, path.resolve(screenshot));

  console.log(`
Ideogram demo is running — open this in a browser:

  ${session.codeServer.workbenchUrl}

  workspace:      ${session.workspaceDir}
  local server:   ${session.mockServer.baseUrl} (accepts the key in IDEOGRAM_API_KEY; no internet needed)
  code-server log ${session.codeServer.logFile}

Press Ctrl+C to stop.`);
  await new Promise(() => undefined); // the rig's SIGINT handler stops everything and exits
  return 0;
}

async function captureWorkbench(session: Session, file: string): Promise<number> {
  const browser = await launchChromium();
  onCleanup(() => browser.close());
  const page = await openWorkbench(browser, session.codeServer.workbenchUrl, path.join(session.runDir, 'browser-console.log'));
  await page.setViewportSize({ width: 1280, height: 800 }); // README-sized
  const studioTitle = paletteTitle('ideogram.openStudio');
  if (studioTitle) {
    // Without the explorer the Studio is wide enough for its two columns and a grid of thumbnails.
    await runCommand(page, 'View: Close Primary Side Bar');
    await runCommand(page, studioTitle);
    await page.locator('iframe.webview.ready').first().waitFor({ state: 'visible', timeout: 30_000 });
    await generateInStudio(page, 3); // one full row of cards at 1280 px
    await delay(1000); // let the last layout and hover effects settle
  } else {
    console.log('rig: ideogram.openStudio is not contributed yet: capturing the workbench without the Studio panel');
  }
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  console.log(`rig: screenshot saved to ${file}`);
  return 0;
}

async function demoPort(requested: string | undefined): Promise<number> {
  if (requested) return Number(requested);
  const isFree = await new Promise<boolean>((resolve) => {
    import('node:net').then(({ createServer }) => {
      const server = createServer().once('error', () => resolve(false)).listen(8080, '127.0.0.1', () => server.close(() => resolve(true)));
    }, () => resolve(false));
  });
  return isFree ? 8080 : freePort();
}

void main()
  .catch(reportFatal)
  .then(async (code) => {
    await cleanupAll();
    process.exit(code);
  });
