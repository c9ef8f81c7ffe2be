// The packaged extension is installed, stays dormant until one of its own events, and registers
// every command its package.json contributes.
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { activeAtStartup, contributedCommands, extension, extensionId, rigEnvironment } from './helpers/rig';

describe('extension under test', () => {
  it('is installed from the packaged .vsix with its bundles', () => {
    const ext = extension();
    const main = (ext.packageJSON as { main: string }).main;
    assert.ok(existsSync(path.join(ext.extensionPath, main)), `main ${main} missing in ${ext.extensionPath}`);
    assert.ok(existsSync(path.join(ext.extensionPath, 'dist', 'webview.js')), 'dist/webview.js missing');
    if (rigEnvironment().launcher === 'code-server') {
      // Installed with --install-extension, so no sources travel with it.
      assert.ok(!existsSync(path.join(ext.extensionPath, 'src')), 'src/ was packaged');
      assert.ok(!existsSync(path.join(ext.extensionPath, 'node_modules')), 'node_modules/ was packaged');
    }
  });

  it('does not activate on startup, only on its own events', () => {
    const events = ((extension().packageJSON as { activationEvents?: string[] }).activationEvents ?? []);
    assert.deepEqual(events.filter((e) => e === '*' || e === 'onStartupFinished'), [], 'eager activation events');
    assert.ok(!activeAtStartup().includes(extensionId), `${extensionId} was active before any test ran`);
  });

  it('activates when one of its commands runs (ideogram.showLog)', async () => {
    await vscode.commands.executeCommand('ideogram.showLog');
    assert.equal(extension().isActive, true);
  });

  it('registers every command contributed in package.json', async () => {
    await extension().activate();
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = contributedCommands();
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    assert.deepEqual(contributed.filter((id) => !registered.has(id)), [], 'contributed but not registered');
  });
});

describe('configuration', () => {
  it('reads the settings the rig wrote (local server, bearer auth)', () => {
    const config = vscode.workspace.getConfiguration('ideogram');
    assert.equal(config.get('provider'), 'custom');
    assert.equal(config.get('baseUrl'), rigEnvironment().mockUrl);
    assert.equal(config.get('pathPrefix'), '/ideogram');
    assert.equal(config.get('authStyle'), 'bearer');
  });

  it('opened the sample workspace', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1);
    assert.equal(folders[0]?.uri.fsPath, rigEnvironment().workspace);
  });
});
