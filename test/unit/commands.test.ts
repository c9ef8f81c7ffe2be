// The commands on the vscode stand-in against the local server: the arguments menus, keybindings
// and other extensions pass (an options object with API field names, a Uri, a workspace path, the
// explorer's clicked + selected items), the palette flow when nothing is given, and the key
// commands. What reaches the server and the disk is checked, not the commands' internals.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { URI } from 'vscode-uri';
import { imageRequestOf } from '../support/server/imageRequest';
import { Uri } from '../support/vscode/basics';
import { activateForTest, UNIT_API_KEY, type ActivatedExtension } from '../support/vscode/activate';
import { vscodeStandIn } from '../support/vscode/standIn';
import { quickInputSteps as step, type QuickPickItemLike, type StandInQuickPick, type StandInWebviewPanel } from '../support/vscode/window';
import { waitUntilEquals } from '../support/wait';

function sidecarOf(uri: URI): Record<string, unknown> {
  return JSON.parse(readFileSync(uri.fsPath.replace(/\.[^.]+$/, '.json'), 'utf8')) as Record<string, unknown>;
}

describe('commands (vscode stand-in, local server)', () => {
  let ext: ActivatedExtension;
  afterEach(() => ext.dispose());

  describe('ideogram.generate', () => {
    it('runs from an options object without any UI: the options, then the settings, reach the server; the images land in the output folder', async () => {
      ext = await activateForTest({ settings: { 'ideogram.defaults.model': 'V_2_TURBO', 'ideogram.defaults.aspectRatio': 'ASPECT_16_9' } });
      vscodeStandIn.workspace.setSettings({ 'ideogram.outputFolder': 'art/generated' }, 'workspace');
      const uris = await ext.run<URI[]>('ideogram.generate', { prompt: 'a paper lighthouse', num_images: 2, seed: 42 });
      assert.deepEqual(vscodeStandIn.window.quickInputs, [], 'no quick input');
      assert.equal(ext.server.requests.length, 1);
      const sent = imageRequestOf(ext.server.requests[0]);
      assert.equal(ext.server.requests[0].path, '/ideogram/generate');
      assert.deepEqual([sent.prompt, sent.num_images, sent.seed, sent.model, sent.aspect_ratio], ['a paper lighthouse', 2, 42, 'V_2_TURBO', 'ASPECT_16_9']);
      assert.equal(uris.length, 2);
      for (const uri of uris) {
        assert.equal(path.dirname(uri.fsPath), path.join(ext.workspaceDir, 'art', 'generated'));
        assert.ok(existsSync(uri.fsPath), uri.fsPath);
        assert.equal(sidecarOf(uri).prompt, 'a paper lighthouse');
      }
      const [saved] = vscodeStandIn.window.messages;
      assert.equal(saved?.severity, 'information');
      assert.match(saved.message, /^Saved 2 images in art\/generated\.$/);
      assert.deepEqual(saved.items, ['Open', 'Reveal in Explorer']);
    });

    it('without arguments asks for the prompt first; dismissing it sends nothing', async () => {
      ext = await activateForTest();
      assert.equal(await ext.run('ideogram.generate'), undefined);
      const [first] = vscodeStandIn.window.quickInputs;
      assert.equal(first?.kind, 'inputBox');
      assert.equal(first.step, undefined, 'one screen, not step 1 of many');
      assert.deepEqual(ext.server.requests, []);
    });

    it('walks the palette steps the model takes (V_1 has no style step) and sends what was picked', async () => {
      ext = await activateForTest();
      vscodeStandIn.window.answerQuickInputs(
        (input) => { input.type('a paper boat'); input.press('Change settings…'); },
        step.pick('V_1'), step.acceptActive(), step.acceptActive(), step.pick('2'), step.pick('Generate'),
      );
      const uris = await ext.run<URI[]>('ideogram.generate');
      const steps = vscodeStandIn.window.quickInputs.map((input) => input.stepText);
      // The prompt screen is step 1 (shown without a count); V_2 (the default) has a style step, so
      // the flow counts 7 steps until V_1 is picked.
      assert.deepEqual(steps, [undefined, '2/7', '3/6', '4/6', '5/6', '6/6']);
      const sent = imageRequestOf(ext.server.requests[0]);
      assert.deepEqual([sent.prompt, sent.model, sent.num_images, 'style_type' in sent], ['a paper boat', 'V_1', 2, false]);
      assert.equal(uris.length, 2);
    });
  });

  describe('ideogram.remix and ideogram.upscale', () => {
    it('take a workspace-relative path and an options object; the image is uploaded and named in the sidecar', async () => {
      ext = await activateForTest();
      const uris = await ext.run<URI[]>('ideogram.remix', 'images/sunset.png', { prompt: 'as a watercolour', image_weight: 30, num_images: 1 });
      const [request] = ext.server.requests;
      assert.equal(request?.path, '/ideogram/remix');
      assert.deepEqual(request.files?.map((f) => [f.field, f.size]), [['image_file', 6380]]);
      const sent = imageRequestOf(request);
      assert.deepEqual([sent.prompt, sent.image_weight], ['as a watercolour', 30]);
      assert.equal(uris.length, 1);
      assert.equal(sidecarOf(uris[0]).source_image, 'images/sunset.png');
    });

    it('take the explorer\'s (clicked, selected) arguments: every selected image, once', async () => {
      ext = await activateForTest();
      const sunset = ext.workspaceImage('sunset.png');
      const forest = ext.workspaceImage('forest.jpg');
      const uris = await ext.run<URI[]>('ideogram.upscale', sunset, [sunset, forest, sunset], {});
      assert.deepEqual(ext.server.requests.map((r) => r.path), ['/ideogram/upscale', '/ideogram/upscale']);
      assert.deepEqual(ext.server.requests.map((r) => r.files?.[0]?.size).sort(), [1205, 6380]);
      assert.equal(uris.length, 2);
    });

    it('ask for an image when the argument is not one, and send nothing when the user dismisses that', async () => {
      ext = await activateForTest();
      const asked: QuickPickItemLike[][] = [];
      vscodeStandIn.window.user.quickPick = (items) => { asked.push(items); return undefined; };
      const readme = Uri.file(path.join(ext.workspaceDir, 'README.md'));
      assert.equal(await ext.run('ideogram.remix', readme, undefined, { prompt: 'x' }), undefined);
      assert.equal(asked.length, 1, 'the file-or-link choice');
      assert.deepEqual(ext.server.requests, []);
    });
  });

  describe('ideogram.describe', () => {
    it('returns the descriptions of the given image and lists them in a quick pick whose Copy button copies one', async () => {
      ext = await activateForTest();
      vscodeStandIn.window.user.quickInput = () => undefined; // leaves the pick open
      const forest = ext.workspaceImage('forest.jpg');
      const results = await ext.run<{ uri: URI; descriptions: string[] }[]>('ideogram.describe', forest);
      assert.equal(results.length, 1);
      assert.equal(results[0].uri.toString(), forest.toString());
      assert.ok(results[0].descriptions.length > 0);
      assert.deepEqual(ext.server.requests.map((r) => r.path), ['/ideogram/describe']);
      // The command returns at once; the pick follows for the user.
      const shownPick = (): StandInQuickPick | undefined => vscodeStandIn.window.quickInputs.find((input): input is StandInQuickPick => input.kind === 'quickPick');
      await waitUntilEquals('the descriptions quick pick', () => Promise.resolve(shownPick() !== undefined), true);
      const pick = shownPick()!;
      assert.deepEqual(pick.items.map((item) => item.label), results[0].descriptions);
      pick.pressItemButton(results[0].descriptions[0], 'Copy');
      await waitUntilEquals('the clipboard', () => Promise.resolve(vscodeStandIn.env.clipboard), results[0].descriptions[0]);
    });
  });

  describe('ideogram.setApiKey and ideogram.clearApiKey', () => {
    it('refuse a malformed key with a message and store nothing', async () => {
      ext = await activateForTest({ withKey: false });
      assert.equal(await ext.run('ideogram.setApiKey', 'sk with spaces'), false);
      assert.equal(vscodeStandIn.window.messages[0]?.severity, 'error');
      assert.equal(await ext.context.secrets.keys().then((keys) => keys.length), 0);
    });

    it('store a key given as argument (used by the next request) and clear it again', async () => {
      ext = await activateForTest({ withKey: false });
      assert.equal(await ext.run('ideogram.setApiKey', `  ${UNIT_API_KEY}\n`), true);
      assert.equal((await ext.run<URI[]>('ideogram.generate', { prompt: 'a kite' })).length, 1);
      assert.equal(ext.server.requests[0]?.authOk, true, 'the trimmed key was sent');
      assert.equal(await ext.run('ideogram.clearApiKey'), true);
      assert.match(vscodeStandIn.window.messages.at(-1)?.message ?? '', /removed/);
      vscodeStandIn.window.messages.length = 0;
      assert.equal(await ext.run('ideogram.generate', { prompt: 'a kite' }), undefined);
      assert.deepEqual(vscodeStandIn.window.messages.map((m) => m.items), [['Set API Key']]);
      assert.equal(ext.server.requests.length, 1, 'nothing sent without a key');
    });
  });

  describe('ideogram.openInStudio', () => {
    it('opens the Studio in remix mode on the clicked image, not the whole selection', async () => {
      ext = await activateForTest();
      const forest = ext.workspaceImage('forest.jpg');
      const logo = ext.workspaceImage('logo.webp');
      await ext.run('ideogram.openInStudio', logo, [forest, logo]);
      const [panel] = vscodeStandIn.window.panels as StandInWebviewPanel[];
      assert.ok(panel, 'a Studio panel');
      panel.webview.send({ type: 'ready' });
      const init = panel.webview.posted.find((m) => m.type === 'init') as { form?: { mode?: string }; reference?: { uri: string; label: string } } | undefined;
      assert.equal(init?.form?.mode, 'remix');
      assert.deepEqual([init?.reference?.uri, init?.reference?.label], [logo.toString(), 'images/logo.webp']);
    });
  });
});
