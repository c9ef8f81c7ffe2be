// The error boundary as a user meets it: a command fails, one message says why with the actions
// that fix it, and each action does what it says (Retry and Set API Key run the same request
// again, Open Settings opens the setting at fault, Show Log reveals the log). Cancelling is quiet,
// no command rejects to its caller, and no message carries the key or a clickable link. Driven
// through the commands on the vscode stand-in against the local server.
import { strict as assert } from 'node:assert';
import type { URI } from 'vscode-uri';
import { imageRequestOf } from '../support/server/imageRequest';
import { activateForTest, UNIT_API_KEY, type ActivatedExtension } from '../support/vscode/activate';
import { vscodeStandIn } from '../support/vscode/standIn';
import type { ShownMessage } from '../support/vscode/window';
import { waitUntilEquals } from '../support/wait';

/** The one message a failed command showed (more than one is a defect too). */
function theMessage(): ShownMessage {
  assert.equal(vscodeStandIn.window.messages.length, 1, JSON.stringify(vscodeStandIn.window.messages));
  return vscodeStandIn.window.messages[0];
}

const generate = (ext: ActivatedExtension, request: Record<string, unknown> = { prompt: 'a kite over the sea' }): Promise<URI[] | undefined> =>
  ext.run<URI[] | undefined>('ideogram.generate', request);

describe('error boundary (commands on the vscode stand-in, local server)', () => {
  let ext: ActivatedExtension;
  afterEach(() => ext.dispose());

  describe('one message per failure, with the actions that fix it', () => {
    it('no key: a warning offering Set API Key (nothing sent)', async () => {
      ext = await activateForTest({ withKey: false });
      assert.equal(await generate(ext), undefined);
      const shown = theMessage();
      assert.deepEqual([shown.severity, shown.items], ['warning', ['Set API Key']]);
      assert.match(shown.message, /No Ideogram API key is set/);
      assert.deepEqual(ext.server.requests, []);
    });

    it('a rejected key: Set API Key and Show Log, no Retry', async () => {
      ext = await activateForTest({ withKey: false });
      await ext.run('ideogram.setApiKey', 'sk-wrong-key-0000');
      assert.equal(await generate(ext), undefined);
      const shown = theMessage();
      assert.equal(shown.severity, 'error');
      assert.ok(shown.items.includes('Set API Key') && shown.items.includes('Show Log') && !shown.items.includes('Retry'), shown.items.join());
    });

    it('rate-limited after the client\'s own retries: Retry and Show Log', async () => {
      ext = await activateForTest();
      ext.server.setFault({ mode: 'rate-limit-burst', retryAfterSeconds: 0 });
      assert.equal(await generate(ext), undefined);
      assert.deepEqual(theMessage().items, ['Retry', 'Show Log']);
    });

    it('refused by the safety filter: says so, offers only Show Log', async () => {
      ext = await activateForTest();
      assert.equal(await generate(ext, { prompt: 'a forbidden kite' }), undefined);
      const shown = theMessage();
      assert.match(shown.message, /safety filter/);
      assert.deepEqual(shown.items, ['Show Log']);
    });

    it('an invalid request: names the problem, sends nothing, offers no Retry', async () => {
      ext = await activateForTest();
      assert.equal(await generate(ext, { prompt: 'a kite', num_images: 9 }), undefined);
      const shown = theMessage();
      assert.match(shown.message, /^The request is not valid: .*at most 8/);
      assert.deepEqual(shown.items, ['Show Log']);
      assert.deepEqual(ext.server.requests, []);
    });
  });

  describe('each action does what it says', () => {
    it('Retry sends exactly the same request again and the command returns its images', async () => {
      ext = await activateForTest();
      ext.server.setFault({ mode: 'rate-limit-burst', retryAfterSeconds: 0 });
      vscodeStandIn.window.user.message = (shown) => {
        ext.server.setFault({ mode: 'none' });
        return shown.items.includes('Retry') ? 'Retry' : undefined;
      };
      const uris = await generate(ext, { prompt: 'a kite', num_images: 2, model: 'V_2_TURBO' });
      assert.equal(uris?.length, 2);
      const bodies = ext.server.requests.map((r) => JSON.stringify(imageRequestOf(r)));
      assert.ok(bodies.length >= 2);
      assert.equal(new Set(bodies).size, 1, `every attempt sent the same request: ${bodies.join('\n')}`);
    });

    it('Set API Key asks for the key in a password box, then runs the same request', async () => {
      ext = await activateForTest({ withKey: false });
      vscodeStandIn.window.user.message = () => 'Set API Key';
      let password: boolean | undefined;
      vscodeStandIn.window.user.inputBox = (options) => {
        password = (options as { password?: boolean }).password;
        return UNIT_API_KEY;
      };
      const uris = await generate(ext, { prompt: 'a kite', num_images: 1 });
      assert.equal(password, true);
      assert.equal(uris?.length, 1);
      assert.equal(ext.server.requests.length, 1);
    });

    it('a key set elsewhere while the warning is open continues the operation', async () => {
      ext = await activateForTest({ withKey: false });
      vscodeStandIn.window.user.message = () => {
        void ext.run('ideogram.setApiKey', UNIT_API_KEY);
        return new Promise<undefined>(() => undefined); // the warning stays open
      };
      const uris = await generate(ext, { prompt: 'a kite', num_images: 1 });
      assert.equal(uris?.length, 1);
    });

    it('Open Settings opens the setting at fault: the output folder, or the path prefix when the server has no such route', async () => {
      ext = await activateForTest({ settings: { 'ideogram.outputFolder': '../outside' } });
      vscodeStandIn.window.user.message = () => 'Open Settings';
      assert.equal(await generate(ext), undefined);
      vscodeStandIn.workspace.setSettings({ 'ideogram.outputFolder': undefined, 'ideogram.pathPrefix': '/no-such-prefix' });
      assert.equal(await generate(ext), undefined);
      const opened = vscodeStandIn.commands.executed.filter((c) => c.command === 'workbench.action.openSettings').map((c) => c.args[0]);
      assert.deepEqual(opened, ['ideogram.outputFolder', 'ideogram.pathPrefix']);
      assert.deepEqual(vscodeStandIn.window.messages.map((m) => m.items), [['Open Settings', 'Show Log'], ['Open Settings', 'Show Log']]);
    });

    it('Show Log reveals the Ideogram log, which has the failure in it', async () => {
      ext = await activateForTest();
      vscodeStandIn.window.user.message = () => 'Show Log';
      assert.equal(await generate(ext, { prompt: 'a forbidden kite' }), undefined);
      assert.deepEqual(vscodeStandIn.window.revealedChannels, ['Ideogram']);
      assert.ok(vscodeStandIn.window.channelLines.get('Ideogram')?.some((line) => line.startsWith('[error]') && line.includes('safety')));
    });
  });

  it('cancelling is quiet: no message, the command returns nothing', async () => {
    ext = await activateForTest({ server: { latencyMs: 5000 } });
    const pending = generate(ext);
    await waitUntilEquals('the request at the server', () => Promise.resolve(ext.server.requests.length), 1);
    const [progress] = vscodeStandIn.window.progress;
    assert.equal(progress?.cancellable, true);
    progress.cancel();
    assert.equal(await pending, undefined);
    assert.deepEqual(vscodeStandIn.window.messages, []);
  });

  it('a server\'s error text reaches the message as plain text, without the key', async () => {
    ext = await activateForTest();
    ext.server.setFault({ mode: 'server-error', status: 400, message: `Bad key ${UNIT_API_KEY}: see [settings](command:workbench.action.openSettings)` });
    assert.equal(await generate(ext), undefined);
    const shown = theMessage();
    assert.ok(!shown.message.includes(UNIT_API_KEY), shown.message);
    assert.ok(!shown.message.includes('](command:'), `a link: ${shown.message}`);
    assert.ok(!vscodeStandIn.window.outputLines.some((line) => line.includes(UNIT_API_KEY)), 'the key in the log');
  });

  it('no command rejects to its caller, whatever it is given, when the user dismisses everything', async () => {
    ext = await activateForTest();
    const hostile: unknown[][] = [[], [42], [{ prompt: '' }], [{ prompt: 42 }], ['no/such/file.png', { prompt: 'x' }], [{ scheme: 'file' }], [null, null, null]];
    const failures: string[] = [];
    for (const command of [...vscodeStandIn.commands.registered.keys()]) {
      if (command === 'ideogram.clearApiKey') continue; // would change the key for the commands after it
      for (const args of hostile) {
        await ext.run(command, ...args).catch((err: unknown) => failures.push(`${command}(${JSON.stringify(args)}): ${String(err)}`));
      }
    }
    assert.deepEqual(failures, []);
  });
});
