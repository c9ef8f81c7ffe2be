// Puts the Studio into the state a README screenshot should show: a prompt in the form and a
// finished generate (against the local server) with its thumbnails in the results grid.
import type { Page } from 'playwright-core';
import { webviewFrame } from './workbench';

/** The prompt the screenshots show. */
export const SHOWCASE_PROMPT = 'A paper lighthouse on a calm sea at dusk, flat illustration, soft pastel colours';

/** Runs one generate of `numImages` from the open Studio and waits until every thumbnail has loaded. */
export async function generateInStudio(page: Page, numImages = 4): Promise<void> {
  const frame = webviewFrame(page);
  await frame.locator('#prompt textarea').fill(SHOWCASE_PROMPT);
  await frame.locator('#num-images input').fill(String(numImages));
  await frame.locator('#run').click();
  const thumbs = frame.locator('#results .result-thumb');
  await thumbs.nth(numImages - 1).waitFor({ state: 'visible', timeout: 60_000 });
  // Thumbnails load lazily through asWebviewUri; a half-loaded grid would be captured blank.
  for (let i = 0; i < numImages; i++) {
    await thumbs.nth(i).evaluate((image) => {
      const img = image as unknown as { complete: boolean; naturalWidth: number; decode(): Promise<void> };
      return img.complete && img.naturalWidth > 0 ? undefined : img.decode();
    }, undefined, { timeout: 30_000 });
  }
}
