// activate() on the vscode stand-in: it registers every command and language-model tool the
// manifest contributes and the Studio's serializer, does no other work (nothing sent, shown or
// written), and owns everything it registered: disposing the context leaves nothing behind.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { activateForTest, type ActivatedExtension } from '../support/vscode/activate';
import { vscodeStandIn } from '../support/vscode/standIn';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  activationEvents: string[];
  contributes: { commands: { command: string }[]; languageModelTools: { name: string }[] };
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).sort();
}

describe('activate (vscode stand-in)', () => {
  let ext: ActivatedExtension | undefined;
  afterEach(async () => {
    await ext?.dispose();
    ext = undefined;
  });

  it('registers every contributed command and language-model tool, and the Studio serializer', async () => {
    ext = await activateForTest({ withKey: false });
    const registered = [...vscodeStandIn.commands.registered.keys()];
    for (const { command } of manifest.contributes.commands) assert.ok(registered.includes(command), `${command} is not registered`);
    assert.deepEqual(registered.filter((id) => !id.startsWith('ideogram.')), []);
    assert.deepEqual([...vscodeStandIn.lm.tools.keys()].sort(), manifest.contributes.languageModelTools.map((t) => t.name).sort());
    // The panel restored after a reload activates the extension through this view type.
    const restoredType = manifest.activationEvents.find((e) => e.startsWith('onWebviewPanel:'))?.slice('onWebviewPanel:'.length);
    assert.ok(restoredType);
    assert.ok(vscodeStandIn.window.serializers.has(restoredType), `no serializer for ${restoredType}`);
  });

  it('does no work beyond registering: nothing sent, shown, opened or written', async () => {
    ext = await activateForTest({ withKey: false });
    const before = filesUnder(ext.workspaceDir);
    assert.deepEqual(ext.server.requests, []);
    assert.deepEqual(vscodeStandIn.window.messages, []);
    assert.deepEqual(vscodeStandIn.window.quickInputs, []);
    assert.deepEqual(vscodeStandIn.window.panels, []);
    assert.deepEqual(vscodeStandIn.window.progress, []);
    assert.deepEqual(vscodeStandIn.commands.executed, []);
    assert.deepEqual(filesUnder(ext.workspaceDir), before);
  });


  it('owns what it registered: disposing the context unregisters it all, and a second activation works', async () => {
    ext = await activateForTest({ withKey: false });
    assert.ok(vscodeStandIn.commands.registered.size > 0);
    ext.context.dispose();
    assert.deepEqual([...vscodeStandIn.commands.registered.keys()], []);
    assert.deepEqual([...vscodeStandIn.lm.tools.keys()], []);
    assert.deepEqual([...vscodeStandIn.window.serializers.keys()], []);
    await ext.dispose();
    // The stand-in refuses a second registration of an id, as VS Code does: a leak would throw here.
    ext = await activateForTest();
    const uris = await ext.run<unknown[]>('ideogram.generate', { prompt: 'a lighthouse at dusk' });
    assert.equal(uris.length, 1);
  });
});
