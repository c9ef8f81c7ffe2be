// The Studio command and panel lifecycle inside the extension host: one panel however often it is
// opened, arguments accepted as the explorer and other commands pass them, restore is declared.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { extension, rigEnvironment } from './helpers/rig';

function studioTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('ideogram.studio'));
}

async function waitFor(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('Studio panel (in-host)', () => {
  afterEach(async () => {
    for (const tab of studioTabs()) await vscode.window.tabGroups.close(tab);
  });

  it('declares the restore activation event and the Open Studio command', () => {
    const manifest = extension().packageJSON as { activationEvents?: string[]; contributes?: { commands?: { command: string }[] } };
    assert.ok(manifest.activationEvents?.includes('onWebviewPanel:ideogram.studio'));
    assert.ok(manifest.contributes?.commands?.some((c) => c.command === 'ideogram.openStudio'));
  });

  it('opens one panel titled "Ideogram Studio", and reveals it instead of opening a second', async () => {
    await vscode.commands.executeCommand('ideogram.openStudio');
    await waitFor('the Studio tab', () => studioTabs().length === 1);
    assert.equal(studioTabs()[0]!.label, 'Ideogram Studio');
    await vscode.commands.executeCommand('ideogram.openStudio');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(studioTabs().length, 1);
  });

  it('accepts an image Uri with a mode, an explorer (uri, uris[]) call and an options object', async () => {
    const image = vscode.Uri.joinPath(vscode.Uri.file(rigEnvironment().workspace), 'images', 'sunset.png');
    await vscode.commands.executeCommand('ideogram.openStudio', image, 'upscale');
    await waitFor('the Studio tab', () => studioTabs().length === 1);
    await vscode.commands.executeCommand('ideogram.openStudio', image, [image]);
    await vscode.commands.executeCommand('ideogram.openStudio', { uri: image.toString(), mode: 'describe', prompt: 'x' });
    assert.equal(studioTabs().length, 1);
  });
});
