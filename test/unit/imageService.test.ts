// ImageService (generate / remix / upscale / describe for every caller) through the extension's
// API on the vscode stand-in, saving into a temp workspace from the local server: what lands on
// disk, what is sent, and that every check that can fail before the paid request does.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PNG } from 'pngjs';
import { CancellationTokenSource } from '../support/vscode/basics';
import { activateForTest, UNIT_API_KEY, type ActivatedExtension } from '../support/vscode/activate';
import { vscodeStandIn } from '../support/vscode/standIn';
import { waitUntilEquals } from '../support/wait';

/** Rejection checks on the properties the boundary reads (kind, settingHint), not on classes. */
function failsWith(expected: { kind?: string; settingHint?: string; message?: RegExp }): (err: unknown) => boolean {
  return (err) => {
    const actual = err as { kind?: string; settingHint?: string; message?: string };
    if (expected.kind !== undefined) assert.equal(actual.kind, expected.kind, actual.message);
    if (expected.settingHint !== undefined) assert.equal(actual.settingHint, expected.settingHint, actual.message);
    if (expected.message) assert.match(actual.message ?? '', expected.message);
    return true;
  };
}

describe('ImageService (through the extension API, vscode stand-in, local server)', () => {
  let ext: ActivatedExtension;
  afterEach(() => ext.dispose());

  it('generate saves every image with its sidecar beside it and reports progress in order', async () => {
    ext = await activateForTest();
    const progress: string[] = [];
    const result = await ext.api.generate({ prompt: 'a red kite over a harbour', num_images: 2, seed: 7 }, { onProgress: (m) => progress.push(m) });
    assert.equal(result.saved.length, 2);
    assert.deepEqual(progress, ['Waiting for Ideogram…', 'Downloading 2 images…', 'Saved 1 of 2', 'Saved 2 of 2']);
    const files = ext.outputFiles();
    assert.equal(files.length, 4);
    for (const saved of result.saved) {
      assert.match(saved.relativePath, /^assets\/ideogram\/[^/]+\.png$/);
      assert.equal(saved.sidecarUri.fsPath, saved.uri.fsPath.replace(/\.png$/, '.json'));
      const sidecar = JSON.parse(readFileSync(saved.sidecarUri.fsPath, 'utf8')) as Record<string, unknown>;
      assert.deepEqual([sidecar.operation, sidecar.prompt, sidecar.file], ['generate', 'a red kite over a harbour', path.basename(saved.uri.fsPath)]);
      const png = PNG.sync.read(readFileSync(saved.uri.fsPath));
      assert.deepEqual([png.width, png.height], [sidecar.width, sidecar.height]);
    }
    assert.deepEqual(result.saved.map((s) => s.sidecar.seed).sort(), [7, 8]);
  });

  it('remix uploads the workspace image and records it as the source', async () => {
    ext = await activateForTest();
    const result = await ext.api.remix({ prompt: 'at night', image_weight: 40, num_images: 1 }, ext.workspaceImage('sunset.png'));
    assert.deepEqual(ext.server.requests.map((r) => [r.path, r.files?.map((f) => f.size)]), [['/ideogram/remix', [6380]]]);
    assert.equal(result.saved[0]?.sidecar.source_image, 'images/sunset.png');
  });

  it('remix and upscale results keep the source image\'s name (sunset-remix-1.png, sunset-upscaled.png)', async () => {
    ext = await activateForTest();
    const remixed = await ext.api.remix({ prompt: 'at night', image_weight: 40, num_images: 2 }, ext.workspaceImage('sunset.png'));
    const upscaled = await ext.api.upscale({}, ext.workspaceImage('sunset.png'));
    assert.deepEqual(remixed.saved.map((s) => path.basename(s.uri.fsPath)), ['sunset-remix-1.png', 'sunset-remix-2.png']);
    assert.deepEqual(upscaled.saved.map((s) => [path.basename(s.uri.fsPath), path.basename(s.sidecarUri.fsPath)]), [['sunset-upscaled.png', 'sunset-upscaled.json']]);
  });

  it('upscale saves the larger image and knows its size', async () => {
    ext = await activateForTest();
    const input = PNG.sync.read(readFileSync(path.join(ext.workspaceDir, 'images', 'sunset.png')));
    const result = await ext.api.upscale({}, ext.workspaceImage('sunset.png'));
    assert.deepEqual(result.saved[0]?.size, { width: input.width * 2, height: input.height * 2 });
  });

  it('describe answers every image; one that cannot be read fails alone', async () => {
    ext = await activateForTest();
    const items = await ext.api.describe([ext.workspaceImage('sunset.png'), ext.workspaceImage('missing.png'), ext.workspaceImage('forest.jpg')]);
    assert.deepEqual(items.map((i) => [path.basename(i.uri.path), i.descriptions.length > 0, i.error !== undefined]),
      [['sunset.png', true, false], ['missing.png', false, true], ['forest.jpg', true, false]]);
    assert.match(String((items[1].error as Error).message), /missing\.png was not found/);
    assert.equal(ext.server.requests.length, 2);
  });

  it('refuses an invalid request before asking for a folder or sending anything', async () => {
    ext = await activateForTest();
    const second = mkdtempSync(path.join(tmpdir(), 'ideogram-second-'));
    try {
      vscodeStandIn.workspace.setFolders([ext.workspaceDir, second]);
      let asked = 0;
      vscodeStandIn.window.user.workspaceFolderPick = () => { asked++; return undefined; };
      await assert.rejects(ext.api.generate({ prompt: 'p', num_images: 9 }), failsWith({ kind: 'invalid-request', message: /at most 8/ }));
      assert.equal(asked, 0);
      assert.deepEqual(ext.server.requests, []);
    } finally {
      rmSync(second, { recursive: true, force: true });
    }
  });

  it('asks which folder to save in when the workspace has several; dismissing sends nothing', async () => {
    ext = await activateForTest();
    const second = mkdtempSync(path.join(tmpdir(), 'ideogram-second-'));
    try {
      vscodeStandIn.workspace.setFolders([ext.workspaceDir, second]);
      const [, secondFolder] = vscodeStandIn.workspace.folders;
      const answers = [undefined, secondFolder];
      vscodeStandIn.window.user.workspaceFolderPick = () => answers.shift();
      await assert.rejects(ext.api.generate({ prompt: 'a kite', num_images: 1 }), (err: Error) => err.name === 'Canceled');
      assert.deepEqual(ext.server.requests, []);
      const result = await ext.api.generate({ prompt: 'a kite', num_images: 1 });
      assert.equal(path.dirname(result.saved[0].uri.fsPath), path.join(second, 'assets', 'ideogram'));
      assert.equal(result.saved[0].relativePath.split('/')[0], path.basename(second), 'a multi-root path names its folder');
    } finally {
      rmSync(second, { recursive: true, force: true });
    }
  });

  it('fails before the request without a workspace folder, or with an output folder outside it', async () => {
    ext = await activateForTest({ noWorkspace: true });
    await assert.rejects(ext.api.generate({ prompt: 'p' }), failsWith({ message: /Open a folder or workspace first/ }));
    await ext.dispose();
    ext = await activateForTest({ settings: { 'ideogram.outputFolder': '../outside' } });
    await assert.rejects(ext.api.generate({ prompt: 'p' }), failsWith({ settingHint: 'ideogram.outputFolder' }));
    assert.deepEqual(ext.server.requests, []);
  });

  it('fails with missing-key and sends nothing when no key is set', async () => {
    ext = await activateForTest({ withKey: false });
    await assert.rejects(ext.api.generate({ prompt: 'p' }), failsWith({ kind: 'missing-key' }));
    assert.deepEqual(ext.server.requests, []);
  });

  it('cancelled while waiting for the answer: rejects as cancelled and leaves no file', async () => {
    ext = await activateForTest({ server: { latencyMs: 5000 } });
    const cancel = new CancellationTokenSource();
    const pending = ext.api.generate({ prompt: 'a slow kite', num_images: 2 }, { token: cancel.token as never });
    await waitUntilEquals('the request at the server', () => Promise.resolve(ext.server.requests.length), 1);
    cancel.cancel();
    await assert.rejects(pending, failsWith({ kind: 'cancelled' }));
    assert.deepEqual(ext.outputFiles(), []);
  });

  it('cancelled while the images download: rejects as cancelled and leaves no partial file', async () => {
    ext = await activateForTest();
    ext.server.setFault({ mode: 'slow-download', latencyMs: 200 });
    const cancel = new CancellationTokenSource();
    const progress: string[] = [];
    const pending = ext.api.generate({ prompt: 'a slow kite', num_images: 2 }, { token: cancel.token as never, onProgress: (m) => progress.push(m) });
    await waitUntilEquals('the downloads', () => Promise.resolve(progress.includes('Downloading 2 images…')), true);
    await waitUntilEquals('a file being written', () => Promise.resolve(ext.outputFiles().length > 0), true);
    cancel.cancel();
    await assert.rejects(pending, failsWith({ kind: 'cancelled' }));
    assert.deepEqual(ext.outputFiles(), [], 'no image, sidecar or temporary file');
  });

  it('writes no key into sidecars or file names, even from a relay that echoes it', async () => {
    ext = await activateForTest();
    ext.server.setFault({ mode: 'echo-key' });
    const result = await ext.api.generate({ prompt: 'a kite', num_images: 1 });
    assert.equal(result.saved.length, 1);
    for (const file of ext.outputFiles()) {
      assert.ok(!file.includes(UNIT_API_KEY), file);
      assert.ok(!readFileSync(path.join(ext.workspaceDir, 'assets', 'ideogram', file)).includes(UNIT_API_KEY), `${file} contains the key`);
    }
  });
});
