// The Ideogram 3.0 commands and ImageService.v3 on the vscode stand-in against the local server:
// results and sidecars on disk (family, endpoint, form, fields, source), the auto form's fallback
// remembered in globalState and reset by its command, and local refusals before anything is sent.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { activateForTest, type ActivatedExtension } from '../support/vscode/activate';

describe('ImageService: Ideogram 3.0 (vscode stand-in, local server)', function () {
  this.timeout(30_000);
  let ext: ActivatedExtension;
  afterEach(() => ext.dispose());

  const sidecarOf = (uri: { fsPath: string }): Record<string, unknown> =>
    JSON.parse(readFileSync(uri.fsPath.replace(/\.png$/, '.json'), 'utf8')) as Record<string, unknown>;

  it('extends an image to the resolution asked for and records the 3.0 request in its sidecar', async () => {
    ext = await activateForTest({ settings: { 'ideogram.v3.requestForm': 'official' } });
    const saved = await ext.run<{ fsPath: string }[]>('ideogram.v3.reframe', ext.workspaceImage('sunset.png'), { resolution: '1312x736' });
    assert.equal(saved.length, 1);
    const png = PNG.sync.read(readFileSync(saved[0].fsPath));
    assert.deepEqual([png.width, png.height], [1312, 736]);
    const sidecar = sidecarOf(saved[0]);
    assert.deepEqual(
      [sidecar.operation, sidecar.api_family, sidecar.endpoint, sidecar.request_form, sidecar.source_image, sidecar.parameters],
      ['reframe', 'v3', 'v1/ideogram-v3/reframe', 'official', 'images/sunset.png', { resolution: '1312x736' }],
    );
    assert.deepEqual(ext.server.requests.map((r) => r.path), ['/ideogram/v1/ideogram-v3/reframe']);
  });

  it('removes and replaces backgrounds, and makes transparent images with alpha (official paths)', async () => {
    ext = await activateForTest({ settings: { 'ideogram.pathPrefix': '', 'ideogram.authStyle': 'api-key' } });
    const removed = await ext.run<{ fsPath: string }[]>('ideogram.v3.removeBackground', ext.workspaceImage('sunset.png'), {});
    assert.equal(PNG.sync.read(readFileSync(removed[0].fsPath)).data[3], 0, 'the corner is transparent');
    const replaced = await ext.run<{ fsPath: string }[]>('ideogram.v3.replaceBackground', ext.workspaceImage('sunset.png'), { prompt: 'a beach' });
    assert.equal(sidecarOf(replaced[0]).prompt, 'a beach');
    const transparent = await ext.run<{ fsPath: string }[]>('ideogram.v3.generateTransparent', { prompt: 'a fox icon', rendering_speed: 'TURBO' });
    const sidecar = sidecarOf(transparent[0]);
    assert.deepEqual([sidecar.operation, sidecar.endpoint], ['generate-transparent', 'v1/ideogram-v3/generate-transparent']);
    assert.equal(PNG.sync.read(readFileSync(transparent[0].fsPath)).data[3], 0);
    assert.deepEqual(ext.server.requests.map((r) => r.path), ['/v1/remove-background', '/v1/ideogram-v3/replace-background', '/v1/ideogram-v3/generate-transparent']);
  });

  it('a relay without remove-background: the 404 says the provider does not offer it, nothing is written', async () => {
    ext = await activateForTest();
    await assert.rejects(ext.api.v3('remove-background', {}, { image: [ext.workspaceImage('sunset.png')] }), /does not offer the Ideogram 3\.0 remove background operation \(404/);
    assert.deepEqual(ext.outputFiles(), []);
  });

  it('auto falls back to the JSON form once, remembers it per base URL, and the reset command forgets it', async () => {
    ext = await activateForTest({ server: { forms: { official: false, 'crazyrouter-json': true } } });
    await ext.run('ideogram.v3.reframe', ext.workspaceImage('sunset.png'), { resolution: '1024x1024' });
    assert.deepEqual(ext.server.requests.map((r) => r.contentType.split(';')[0]), ['multipart/form-data', 'application/json']);
    const remembered = ext.context.globalState.get<Record<string, string>>('ideogram.v3.rememberedForms') ?? {};
    assert.deepEqual(Object.values(remembered), ['crazyrouter-json']);
    assert.ok(!JSON.stringify(remembered).includes('SECRET'));
    await ext.run('ideogram.v3.reframe', ext.workspaceImage('sunset.png'), { resolution: '1024x1024' });
    assert.equal(ext.server.requests.length, 3, 'the remembered JSON form goes first');
    assert.equal(await ext.run('ideogram.resetRequestForms'), 1);
    assert.equal(ext.context.globalState.get('ideogram.v3.rememberedForms'), undefined);
  });

  it('refuses FLASH for transparent images and a reference the JSON form cannot carry before sending anything', async () => {
    ext = await activateForTest({ settings: { 'ideogram.v3.requestForm': 'crazyrouter-json' } });
    await assert.rejects(ext.api.v3('generate-transparent', { prompt: 'icon', rendering_speed: 'FLASH' }), /FLASH/);
    await assert.rejects(ext.api.v3('generate', { prompt: 'x' }, { style_reference_images: [ext.workspaceImage('sunset.png')] }), /cannot carry Style reference images/);
    assert.equal(ext.server.requests.length, 0);
  });
});
