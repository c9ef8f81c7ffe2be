// The Studio's daily flows as a user meets them (issue 11): no error before the user did anything,
// one message per event where the user is looking, cards with one primary action and a lightbox,
// and a Run button that says how many images it bills.
import { strict as assert } from 'node:assert';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { e2e } from '../support/ui/context';
import { chooseOption, fillPrompt, openStudio, waitFor } from '../support/ui/studio';
import { runCommand } from '../support/ui/workbench';

const SCREENSHOTS = process.env.IDEOGRAM_SCREENSHOTS_DIR ?? path.join('test-results', 'screenshots');

// (Type-checked without the DOM library, hence the structural casts in page code.)
type Box = { getBoundingClientRect(): { top: number; bottom: number } };

const text = async (frame: FrameLocator, selector: string): Promise<string> => ((await frame.locator(selector).first().textContent()) ?? '').trim();

function apiRequests(): number {
  return e2e().mockServer.requests.filter((r) => /\/(generate|remix|upscale|describe)$/.test(r.path)).length;
}

async function runIdle(frame: FrameLocator): Promise<void> {
  await waitFor('Run available again', async () => (await frame.locator('#run').getAttribute('disabled')) === null);
}

// How many cards sit on each row of the results grid, top to bottom.
async function cardsPerRow(frame: FrameLocator): Promise<number[]> {
  const tops = await frame.locator('.result-card').evaluateAll((cards) => cards.map((card) => Math.round((card as unknown as Box).getBoundingClientRect().top)));
  const rows = new Map<number, number>();
  for (const top of tops) rows.set(top, (rows.get(top) ?? 0) + 1);
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, count]) => count);
}

async function focusedLabel(frame: FrameLocator): Promise<string | null> {
  return frame.locator(':root').evaluate(() => {
    const active = (globalThis as unknown as { document: { activeElement: { getAttribute(name: string): string | null } | null } }).document.activeElement;
    return active?.getAttribute('aria-label') ?? null;
  });
}

describe('Ideogram Studio: daily flows', function () {
  this.timeout(120_000);
  let frame: FrameLocator;

  before(async () => {
    const { page } = e2e();
    e2e().mockServer.reset();
    await runCommand(page, 'View: Close All Editors');
    frame = await openStudio(page);
    await frame.locator('#mode-generate[aria-selected="true"]').waitFor();
  });

  after(async () => {
    const { page } = e2e();
    e2e().mockServer.setFault({ mode: 'none' });
    await page.setViewportSize({ width: 1280, height: 800 });
    await runCommand(page, 'View: Close All Editors').catch(() => undefined);
  });

  it('opens without an error; a field shows its error once edited, every field once Run is pressed', async () => {
    assert.equal(await text(frame, '#prompt-error'), '', 'no "Prompt is empty" before the user typed');
    assert.equal(await text(frame, '#form-error'), '');
    // Choosing custom colours is no mistake: the error may come once a colour could have been added.
    await chooseOption(frame, 'palette', 'Custom colours');
    await frame.locator('#add-swatch').waitFor({ state: 'visible' });
    assert.equal(await text(frame, '#palette-error'), '', 'no palette error before a colour could be added');
    // Run shows every field's problem and sends nothing.
    const before = apiRequests();
    await frame.locator('#run').click();
    await waitFor('the prompt\'s error after Run', async () => /empty/i.test(await text(frame, '#prompt-error')));
    assert.notEqual(await text(frame, '#palette-error'), '', 'the palette says what is missing after Run');
    assert.equal(apiRequests(), before, 'nothing reached the server');
    await frame.locator('#add-swatch').click();
    await waitFor('the palette error gone', async () => (await text(frame, '#palette-error')) === '');
    await chooseOption(frame, 'palette', 'None');
    // Typing fixes the prompt's error as it goes.
    await fillPrompt(frame, 'a paper crane');
    await waitFor('the prompt error gone', async () => (await text(frame, '#prompt-error')) === '');
  });

  it('the Run button says how many images a click bills', async () => {
    await frame.locator('#num-images input').fill('4');
    await waitFor('"Generate 4 images"', async () => (await text(frame, '#run')) === 'Generate 4 images');
    await frame.locator('#num-images input').fill('1');
    await waitFor('"Generate 1 image"', async () => (await text(frame, '#run')) === 'Generate 1 image');
    await frame.locator('#mode-remix').click();
    await waitFor('"Remix into 1 image"', async () => (await text(frame, '#run')) === 'Remix into 1 image');
    await frame.locator('#mode-describe').click();
    await waitFor('"Describe"', async () => (await text(frame, '#run')) === 'Describe');
    await frame.locator('#mode-generate').click();
  });

  it('four results: one Insert, named icon buttons, "Again" says it spends, and a full grid wide and docked', async () => {
    const { page } = e2e();
    await fillPrompt(frame, 'four paper cranes');
    await frame.locator('#num-images input').fill('4');
    await frame.locator('#run').click();
    await frame.locator('.result-card').nth(3).waitFor({ state: 'visible', timeout: 60_000 });
    await runIdle(frame);
    const card = frame.locator('.result-card').first();
    assert.deepEqual(await card.locator('vscode-button').evaluateAll((buttons) => buttons.map((b) => (b as unknown as { textContent: string }).textContent.trim())), ['Insert'],
      'a card has one text button: Insert');
    const icons = await card.locator('.icon-button').evaluateAll((buttons) => buttons.map((b) => {
      const button = b as unknown as { getAttribute(name: string): string | null };
      return { title: button.getAttribute('title'), name: button.getAttribute('aria-label') };
    }));
    assert.ok(icons.length >= 4, 'the other actions are icon buttons');
    for (const { title, name } of icons) assert.ok(title && title === name, `an icon button has a tooltip that is its name (${title})`);
    assert.equal(await card.locator('[data-action="again"]').getAttribute('title'), 'Again (same seed): generates 4 new images');
    // Every row full at any width (2×2 or 4×1 wide, a column when docked narrow); never 3 + 1.
    const full = async () => {
      const rows = await cardsPerRow(frame);
      return rows.length > 0 && rows.every((count) => count === rows[0]) && rows.reduce((a, b) => a + b) === 4;
    };
    // On one line: every item starts above the bottom of every other (they are centred, not top-aligned).
    const oneLine = async () => {
      const boxes = await card.locator('.actions > *').evaluateAll((items) => items.map((item) => (item as unknown as Box).getBoundingClientRect()));
      return Math.max(...boxes.map((b) => b.top)) < Math.min(...boxes.map((b) => b.bottom));
    };
    for (const width of [1600, 1024, 640]) {
      await page.setViewportSize({ width, height: 900 });
      await waitFor(`a full grid at ${width} px`, full, 10_000);
      // Insert and the icon buttons share one line while a card has its room (not in the narrowest dock).
      if (width >= 1024) assert.ok(await oneLine(), `the card's actions on one line at ${width} px`);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SCREENSHOTS, `studio-results-${width}.png`) });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('the thumbnail opens a lightbox: arrows step, Escape closes, the focus returns to the card', async () => {
    const labels = await frame.locator('.result-card .image-label').allTextContents();
    await frame.locator('.result-card').nth(1).locator('.thumb-button').click();
    const lightbox = frame.locator('#lightbox');
    await lightbox.waitFor({ state: 'visible' });
    const caption = () => text(frame, '#lightbox-caption');
    assert.ok((await caption()).startsWith(labels[1]!), 'shows the clicked result');
    assert.equal(await text(frame, '#lightbox-position'), '2 of 4');
    await frame.locator('#lightbox').press('ArrowRight');
    await waitFor('the third result', async () => (await caption()).startsWith(labels[2]!));
    await frame.locator('#lightbox').press('ArrowLeft');
    await frame.locator('#lightbox').press('ArrowLeft');
    await waitFor('the first result', async () => (await caption()).startsWith(labels[0]!));
    type Img = { complete: boolean; naturalWidth: number };
    await waitFor('the large image loaded', () => frame.locator('.lightbox-image').evaluate((image) => (image as unknown as Img).complete && (image as unknown as Img).naturalWidth > 0));
    mkdirSync(SCREENSHOTS, { recursive: true });
    await e2e().page.screenshot({ path: path.join(SCREENSHOTS, 'studio-lightbox.png') });
    await frame.locator('#lightbox').press('Escape');
    await lightbox.waitFor({ state: 'hidden' });
    await waitFor('the focus on the first card\'s thumbnail', async () => (await focusedLabel(frame)) === `View larger: ${labels[0]}`);
  });

  it('a failed run is reported once, inline with its actions, never also as a notification', async () => {
    const { page, mockServer } = e2e();
    await frame.locator('#num-images input').fill('1');
    mockServer.setFault({ mode: 'server-error', status: 422, count: 1 });
    await fillPrompt(frame, 'a prompt the safety filter refuses');
    await frame.locator('#run').click();
    await frame.locator('#run-error').waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await text(frame, '#run-error-text'), /safety filter/);
    // The boundary asks for the answer inline; on old code it showed the same text as a toast at once.
    await runCommand(page, 'Notifications: Show Notifications');
    try {
      assert.equal(await page.locator('.notifications-center .notification-list-item', { hasText: 'safety filter' }).count(), 0, 'no notification repeats the inline error');
    } finally {
      await runCommand(page, 'Notifications: Hide Notifications');
    }
    await frame.locator('#run-error-dismiss').click();
    await frame.locator('#run-error').waitFor({ state: 'hidden' });
    // A failure worth retrying offers Retry right there, which sends the same form again.
    // (The client retries a 503 itself a few times first: the fault outlasts those, then clears.)
    mockServer.setFault({ mode: 'server-error', status: 503 });
    await fillPrompt(frame, 'a crane worth a retry');
    await frame.locator('#run').click();
    const retry = frame.locator('#run-error [data-error-action="Retry"]');
    await retry.waitFor({ state: 'visible', timeout: 60_000 });
    mockServer.setFault({ mode: 'none' });
    await retry.click();
    await frame.locator('.result-card', { hasText: 'a crane worth a retry' }).waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await frame.locator('#run-error').isVisible(), false);
  });

  it('the status line under Run does not outlive its event', async () => {
    await runIdle(frame);
    await frame.locator('.result-card').first().locator('[data-action="copyPrompt"]').click();
    await waitFor('"Copied."', async () => (await text(frame, '#status')) === 'Copied.');
    await fillPrompt(frame, 'the next idea');
    await waitFor('the notice cleared once the user moved on', async () => (await text(frame, '#status')) === '');
  });
});
