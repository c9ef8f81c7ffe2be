// The palette's short generate flow, the memory of last choices the palette and the Studio share,
// "Generate Again with Last Settings", and money made visible (the billed count and estimate in
// every confirmation, the question above the threshold, the window's total in the status bar),
// on the vscode stand-in against the local server.
import { strict as assert } from 'node:assert';
import { readFileSync, utimesSync } from 'node:fs';
import * as path from 'node:path';
import type { URI } from 'vscode-uri';
import { DEFAULT_FORM } from '../../src/common/studioForm';
import { trackApiKeyContext } from '../../src/common/vscode/apiKeyContext';
import { ApiKeyStore } from '../../src/common/vscode/secrets';
import { createExtensionContext } from '../support/vscode/context';
import { imageRequestOf } from '../support/server/imageRequest';
import { activateForTest, UNIT_API_KEY, type ActivatedExtension } from '../support/vscode/activate';
import { vscodeStandIn } from '../support/vscode/standIn';
import { quickInputSteps as step, type QuickPickItemLike, type StandInInputBox, type StandInQuickPick, type StandInWebviewPanel } from '../support/vscode/window';
import { waitUntilEquals } from '../support/wait';

type Posted = { type?: string; [key: string]: unknown };

async function readyStudio(ext: ActivatedExtension): Promise<StandInWebviewPanel> {
  await ext.run('ideogram.openStudio');
  const panel = vscodeStandIn.window.panels.at(-1)!;
  panel.webview.send({ type: 'ready' });
  await waitUntilEquals('the Studio init', () => Promise.resolve(panel.webview.posted.some((m) => (m as Posted).type === 'init')), true);
  return panel;
}

function initOf(panel: StandInWebviewPanel): Posted {
  return panel.webview.posted.find((m) => (m as Posted).type === 'init') as Posted;
}

describe('daily flows: palette, shared last choices, money (vscode stand-in, local server)', () => {
  let ext: ActivatedExtension;
  afterEach(() => ext.dispose());

  describe('palette generate in two keystrokes', () => {
    it('one screen shows the remembered settings and the billed count; typing and Enter generates', async () => {
      ext = await activateForTest({ settings: { 'ideogram.defaults.aspectRatio': 'ASPECT_16_9', 'ideogram.defaults.numImages': 2 } });
      vscodeStandIn.window.answerQuickInputs(step.enter('a kite over the dunes'));
      const uris = await ext.run<URI[]>('ideogram.generate');
      assert.equal(vscodeStandIn.window.quickInputs.length, 1, 'one screen');
      const screen = vscodeStandIn.window.quickInputs[0] as StandInInputBox;
      assert.equal(screen.stepText, undefined);
      assert.match(screen.prompt ?? '', /V_2 · 16:9 \(landscape\) · Auto style · magic prompt Auto · 2 images billed · about \$0\.16/);
      assert.ok(screen.buttons.some((b) => b.tooltip === 'Change settings…'), 'the Change settings… button');
      const sent = imageRequestOf(ext.server.requests[0]);
      assert.deepEqual([sent.prompt, sent.aspect_ratio, sent.num_images], ['a kite over the dunes', 'ASPECT_16_9', 2]);
      assert.equal(uris.length, 2);
    });

    it('"Change settings…" opens the steps; Back from the first returns to the prompt screen with the text kept; the review shows the prompt', async () => {
      ext = await activateForTest();
      let review: StandInQuickPick | undefined;
      vscodeStandIn.window.answerQuickInputs(
        (input) => { input.type('a tin robot'); input.press('Change settings…'); },
        step.press('Back'),
        (input) => { assert.equal(input.value, 'a tin robot', 'the typed prompt is kept'); input.press('Change settings…'); },
        step.acceptActive(), step.pick('3:2 (landscape)'), step.pick('3D render'), step.pick('Off'), step.pick('1'),
        (input) => { review = input as StandInQuickPick; (input as StandInQuickPick).pick('Generate'); },
      );
      await ext.run<URI[]>('ideogram.generate');
      const kinds = vscodeStandIn.window.quickInputs.map((input) => input.stepText);
      assert.deepEqual(kinds, [undefined, '2/7', undefined, '2/7', '3/7', '4/7', '5/7', '6/7', '7/7']);
      assert.ok(review, 'the review step');
      assert.deepEqual(review.items.find((i) => i.label === 'Prompt')?.description, 'a tin robot', 'the review shows the prompt');
      const sent = imageRequestOf(ext.server.requests[0]);
      assert.deepEqual([sent.prompt, sent.aspect_ratio, sent.style_type, sent.magic_prompt_option], ['a tin robot', 'ASPECT_3_2', 'RENDER_3D', 'OFF']);
    });

    it('the model step lists "Ideogram 3.0" beside the legacy models; its speed step (priced per speed) leads to the 3.0 generate route', async () => {
      ext = await activateForTest();
      let models: StandInQuickPick | undefined;
      let speeds: StandInQuickPick | undefined;
      let styles: StandInQuickPick | undefined;
      let review: StandInQuickPick | undefined;
      vscodeStandIn.window.answerQuickInputs(
        (input) => { input.type('a paper lantern festival'); input.press('Change settings…'); },
        (input) => { models = input as StandInQuickPick; models.pick('Ideogram 3.0'); },
        (input) => { speeds = input as StandInQuickPick; speeds.pick('Turbo'); },
        step.pick('16:9 (landscape)'),
        (input) => { styles = input as StandInQuickPick; styles.pick('Design'); },
        step.pick('Off'), step.pick('2'),
        (input) => { review = input as StandInQuickPick; review.pick('Generate'); },
      );
      const uris = await ext.run<URI[]>('ideogram.generate');
      assert.deepEqual(models?.items.map((i) => i.label), ['V_1', 'V_1_TURBO', 'V_2', 'V_2_TURBO', 'V_2A', 'V_2A_TURBO', 'V_3', 'Ideogram 3.0']);
      assert.deepEqual(speeds?.items.map((i) => i.label), ['Flash', 'Turbo', 'Balanced', 'Default', 'Quality']);
      assert.equal(speeds?.items.find((i) => i.label === 'Quality')?.description, '1 image billed · about $0.09');
      assert.ok(!styles?.items.some((i) => i.label === '3D render'), '3.0 is not offered the legacy-only styles');
      assert.match(review?.items[0].detail ?? '', /^Ideogram 3\.0 · Turbo speed · 16:9 \(landscape\) · Design style · magic prompt Off · 2 images billed · about \$0\.06$/);
      assert.deepEqual(ext.server.requests.map((r) => r.path), ['/ideogram/v1/ideogram-v3/generate'], 'the relay prefix, then the 3.0 route');
      const sent = ext.server.requests[0].fields ?? {};
      assert.deepEqual(
        [sent.prompt, sent.rendering_speed, sent.aspect_ratio, sent.style_type, sent.magic_prompt, sent.num_images, 'model' in sent],
        ['a paper lantern festival', 'TURBO', '16x9', 'DESIGN', 'OFF', '2', false],
      );
      assert.equal(uris.length, 2);
      // The shared memory keeps legacy choices: the next prompt screen starts from the legacy model.
      vscodeStandIn.window.answerQuickInputs(step.dismiss());
      await ext.run('ideogram.generate');
      assert.match((vscodeStandIn.window.quickInputs.at(-1) as StandInInputBox).prompt ?? '', /^Enter to generate: V_2 · /);
    });

    it('labels values for people in the steps: aspect shapes, "3D render", Auto/On/Off, palette presets with their colours', async () => {
      ext = await activateForTest();
      let palette: StandInQuickPick | undefined;
      vscodeStandIn.window.answerQuickInputs(
        (input) => { input.type('a lantern'); input.press('Change settings…'); },
        step.acceptActive(), step.acceptActive(), step.acceptActive(), step.acceptActive(), step.acceptActive(),
        step.pick('Colour palette'),
        (input) => { palette = input as StandInQuickPick; input.hide(); },
      );
      await ext.run('ideogram.generate');
      const [, , aspect, style, magic] = vscodeStandIn.window.quickInputs as StandInQuickPick[];
      assert.ok(aspect.items.some((i) => i.label === '16:9 (landscape)'));
      assert.ok(aspect.items.some((i) => i.label === '9:16 (portrait)'));
      assert.ok(style.items.some((i) => i.label === '3D render'));
      assert.deepEqual(magic.items.map((i) => i.label), ['Auto', 'On', 'Off']);
      const ember = palette?.items.find((i) => i.label === 'Ember');
      assert.match(ember?.description ?? '', /^#[0-9A-F]{6}( #[0-9A-F]{6})+$/);
      assert.deepEqual(ext.server.requests, [], 'nothing sent');
    });
  });

  describe('one memory of last choices', () => {
    it('what the palette used is what the Studio starts with', async () => {
      ext = await activateForTest();
      vscodeStandIn.window.answerQuickInputs(
        (input) => { input.type('a canal at dusk'); input.press('Change settings…'); },
        step.pick('V_2_TURBO'), step.pick('16:9 (landscape)'), step.acceptActive(), step.acceptActive(), step.pick('3'), step.pick('Generate'),
      );
      await ext.run('ideogram.generate');
      const defaults = initOf(await readyStudio(ext)).defaults as Record<string, unknown>;
      assert.deepEqual([defaults.model, defaults.aspectRatio, defaults.numImages], ['V_2_TURBO', 'ASPECT_16_9', 3]);
    });

    it('what the Studio ran is what the palette shows next, and what "Generate Again" sends (new seed)', async () => {
      ext = await activateForTest();
      const panel = await readyStudio(ext);
      panel.webview.send({ type: 'run', form: { ...DEFAULT_FORM, prompt: 'a glass whale', aspectRatio: 'ASPECT_2_3', seed: '7', randomSeed: false } });
      await waitUntilEquals('the Studio run', () => Promise.resolve(panel.webview.posted.some((m) => (m as Posted).type === 'runFinished')), true);
      vscodeStandIn.window.answerQuickInputs(step.dismiss());
      await ext.run('ideogram.generate');
      assert.match((vscodeStandIn.window.quickInputs.at(-1) as StandInInputBox).prompt ?? '', /2:3 \(portrait\)/);
      await ext.run('ideogram.generateAgain');
      const again = imageRequestOf(ext.server.requests.at(-1)!);
      assert.deepEqual([again.prompt, again.aspect_ratio, 'seed' in again], ['a glass whale', 'ASPECT_2_3', false]);
    });
  });

  describe('a quick pick of workspace images', () => {
    it('Describe with no image lists the output folder\'s results on top, then the workspace\'s images most recent first, Browse… last', async () => {
      ext = await activateForTest();
      const [result] = await ext.run<URI[]>('ideogram.generate', { prompt: 'a heron', num_images: 1 });
      // forest.jpg becomes the most recently changed workspace image.
      const later = new Date(Date.now() + 60_000);
      utimesSync(ext.workspaceImage('forest.jpg').fsPath, later, later);
      const asked: QuickPickItemLike[][] = [];
      vscodeStandIn.window.user.quickPick = (items) => { asked.push(items); return items.find((i) => i.label === 'sunset.png'); };
      const described = await ext.run<{ uri: URI }[]>('ideogram.describe');
      assert.equal(asked.length, 1);
      const labels = asked[0].map((i) => i.label);
      assert.deepEqual(labels.slice(0, 4), ['Ideogram results', path.basename(result.fsPath), 'Workspace images', 'forest.jpg']);
      assert.deepEqual(labels.slice(4, 6).sort(), ['logo.webp', 'sunset.png']);
      assert.equal(labels.at(-1), '$(folder-opened) Browse…');
      assert.equal(asked[0][1].description, 'assets/ideogram');
      assert.equal(described[0].uri.toString(), ext.workspaceImage('sunset.png').toString());
      assert.deepEqual(ext.server.requests.map((r) => r.path), ['/ideogram/generate', '/ideogram/describe']);
    });

    it('Remix offers the link entry before Browse…; Browse… opens the file dialog', async () => {
      ext = await activateForTest();
      let dialogs = 0;
      vscodeStandIn.window.user.openDialog = () => { dialogs++; return undefined; };
      vscodeStandIn.window.user.quickPick = (items) => {
        assert.deepEqual(items.slice(-2).map((i) => i.label), ['$(link) Remix Image from URL…', '$(folder-opened) Browse…']);
        return items.at(-1);
      };
      assert.equal(await ext.run('ideogram.remix'), undefined);
      assert.equal(dialogs, 1);
      assert.deepEqual(ext.server.requests, []);
    });
  });

  describe('money is visible', () => {
    it('above the threshold the action asks first, with the count and the estimate; dismissing sends nothing', async () => {
      ext = await activateForTest();
      assert.equal(await ext.run('ideogram.generate', { prompt: 'a fox', num_images: 5, model: 'V_2' }), undefined);
      const [asked] = vscodeStandIn.window.messages;
      assert.equal(asked?.modal, true);
      assert.match(asked.message, /more than 4 images/);
      assert.match(asked.detail ?? '', /5 images billed · about \$0\.40/);
      assert.deepEqual(ext.server.requests, []);
      vscodeStandIn.window.user.message = () => 'Continue';
      const uris = await ext.run<URI[]>('ideogram.generate', { prompt: 'a fox', num_images: 5, model: 'V_2' });
      assert.equal(uris.length, 5);
    });

    it('at or below the threshold nothing is asked; the setting moves the threshold; the Studio asks too', async () => {
      ext = await activateForTest({ settings: { 'ideogram.confirmAboveImages': 1 } });
      await ext.run('ideogram.generate', { prompt: 'a fox', num_images: 1 });
      assert.deepEqual(vscodeStandIn.window.messages.filter((m) => m.modal), []);
      const panel = await readyStudio(ext);
      panel.webview.send({ type: 'run', form: { ...DEFAULT_FORM, prompt: 'two foxes', numImages: 2 } });
      await waitUntilEquals('the Studio asks', () => Promise.resolve(vscodeStandIn.window.messages.filter((m) => m.modal).length), 1);
      await waitUntilEquals('the Studio says nothing was sent', () => Promise.resolve(panel.webview.posted.some((m) => (m as Posted).type === 'notice')), true);
      assert.equal(ext.server.requests.length, 1, 'only the first generate');
    });

    it('the window\'s running total is in a status bar item\'s tooltip, priced from the settings\' table', async () => {
      ext = await activateForTest({ settings: { 'ideogram.prices': { 'generate:V_2_TURBO': 0.5 } } });
      const item = vscodeStandIn.window.statusBarItems.find((i) => i.id === 'ideogram.spending');
      assert.ok(item, 'the status bar item');
      assert.equal(item.visible, false, 'hidden until something is billed');
      await ext.run('ideogram.generate', { prompt: 'a fox', num_images: 2, model: 'V_2_TURBO' });
      await ext.run('ideogram.generate', { prompt: 'a fox', num_images: 1, model: 'V_2' });
      assert.equal(item.visible, true);
      assert.match(item.tooltip ?? '', /3 images billed, about \$1\.08/);
    });
  });

  describe('first run', () => {
    const contextValues = (): unknown[] => vscodeStandIn.commands.executed.filter((c) => c.command === 'setContext' && c.args[0] === 'ideogram.apiKeyAvailable').map((c) => c.args[1]);

    it('the walkthrough\'s key step completes when a key is available, from the keychain or IDEOGRAM_API_KEY', async () => {
      const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { activationEvents: string[]; contributes: { walkthroughs: { id: string; steps: { id: string; completionEvents: string[] }[] }[] } };
      const walkthrough = manifest.contributes.walkthroughs[0];
      assert.ok(manifest.activationEvents.includes(`onWalkthrough:${walkthrough.id}`), 'opening the walkthrough activates the extension');
      assert.ok(walkthrough.steps.find((st) => st.id === 'setApiKey')?.completionEvents.includes('onContext:ideogram.apiKeyAvailable'));
      ext = await activateForTest({ withKey: false });
      await waitUntilEquals('no key at activation', () => Promise.resolve(contextValues().at(-1)), false);
      await ext.run('ideogram.setApiKey', UNIT_API_KEY);
      await waitUntilEquals('a stored key', () => Promise.resolve(contextValues().at(-1)), true);
      // A key from the environment only (the demo's and CI's case), seen by a fresh activation's tracker.
      process.env.IDEOGRAM_API_KEY = 'sk-from-the-environment-0001';
      vscodeStandIn.commands.executed.length = 0;
      const fresh = createExtensionContext(); // an empty keychain
      const tracker = trackApiKeyContext(new ApiKeyStore(fresh.secrets as never));
      try {
        await waitUntilEquals('a key from the environment', () => Promise.resolve(contextValues().at(-1)), true);
      } finally {
        tracker.dispose();
        fresh.dispose();
      }
    });
  });
});
