// Debian's Chromium driven by playwright-core (no browser download needed).
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { RigError } from './errors';

/** The Chromium binary; CHROMIUM_PATH overrides the Debian location. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Running as root needs --no-sandbox; the rest stop Chromium from reaching for a network that is
// closed on these machines (component updates, sync, background fetches), which otherwise costs time.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Launches headless Chromium, or fails saying what is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new RigError(`chromium not found at ${chromiumPath}: apt-get install chromium (or set CHROMIUM_PATH to a Chromium binary)`);
  }
  try {
    // playwright-core's launch makes a fresh --user-data-dir for each browser.
    return await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true, timeout: 60_000 });
  } catch (err) {
    throw new RigError(`chromium at ${chromiumPath} did not start: ${err instanceof Error ? err.message : String(err)}`);
  }
}
