// `npm run demo`'s first start: a newcomer sees the demo workspace's README and the extension's
// walkthrough, not a blank workbench. Needs its own VS Code (the suite's shared one starts quiet).
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/rig/browser';
import { resultsDir, extensionVsixPath } from '../support/rig/paths';
import { startSession, type Session } from '../support/rig/session';
import { demoSettings } from '../support/rig/settings';
import { openWorkbench } from '../support/rig/workbench';
import { nlsString } from '../support/ui/manifest';

describe('demo start', () => {
  let session: Session | undefined;
  let browser: Browser | undefined;

  after(async () => {
    await browser?.close();
    await session?.codeServer.process.stop();
    await session?.mockServer.close();
  });

  it('opens the workspace README and the Getting Started walkthrough', async function () {
    this.timeout(300_000); // a second code-server starts and installs the extension
    const runDir = path.join(resultsDir, 'e2e-demo-start');
    session = await startSession({ runDir, vsixFiles: [extensionVsixPath], extraSettings: demoSettings('dark') });
    browser = await launchChromium();
    const page = await openWorkbench(browser, session.codeServer.workbenchUrl, path.join(runDir, 'browser-console.log'));
    try {
      await page.locator('.tabs-container .tab').filter({ hasText: '[Preview] README.md' }).waitFor({ state: 'visible', timeout: 60_000 });
      await page.locator('.gettingStartedContainer').getByText(nlsString('walkthrough.title'), { exact: true }).first()
        .waitFor({ state: 'visible', timeout: 60_000 });
    } finally {
      // The runner's failure screenshot shows the suite's shared window, not this one.
      await page.screenshot({ path: path.join(runDir, 'demo-start.png') });
    }
  });
});
