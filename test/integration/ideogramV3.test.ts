// Ideogram 3.0 in the real VS Code: every operation through the extension's API in both request
// forms (ideogram.v3.requestForm), against the local server, which reads each body with the
// vendor's schemas or Crazyrouter's page; results saved with 3.0 sidecars.
import { strict as assert } from 'node:assert';
import { PNG } from 'pngjs';
import * as vscode from 'vscode';
import type { IdeogramExtensionApi } from '../../src/extension';
import { extension, mockControl, rigEnvironment } from './helpers/rig';

const root = (): vscode.Uri => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the rig opened no workspace folder');
  return folder.uri;
};

/** An opaque PNG: grey, or (as a mask) black in the left half and white elsewhere. */
function png(width: number, height: number, mask: boolean): Uint8Array {
  const image = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) {
    const x = i % width;
    const value = mask ? (x < width / 2 ? 0 : 255) : 128;
    image.data.set([value, value, value, 255], i * 4);
  }
  return PNG.sync.write(image);
}

type Sent = { path: string; form?: string; mask?: { editPixels?: number } };

describe('Ideogram 3.0 operations (both request forms)', function () {
  this.timeout(90_000);
  let api: IdeogramExtensionApi;
  const image = vscode.Uri.joinPath(root(), 'images', 'v3-input.png');
  const mask = vscode.Uri.joinPath(root(), 'images', 'v3-mask.png');

  before(async () => {
    api = (await extension().activate()) as IdeogramExtensionApi;
    await vscode.commands.executeCommand('ideogram.setApiKey', rigEnvironment().apiKey);
    await vscode.workspace.fs.writeFile(image, png(64, 48, false));
    await vscode.workspace.fs.writeFile(mask, png(64, 48, true));
  });

  after(async () => {
    await vscode.workspace.getConfiguration('ideogram').update('v3.requestForm', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('ideogram.resetRequestForms');
    await vscode.workspace.fs.delete(image);
    await vscode.workspace.fs.delete(mask);
  });

  const useForm = async (form: string): Promise<void> => {
    await vscode.workspace.getConfiguration('ideogram').update('v3.requestForm', form, vscode.ConfigurationTarget.Global);
    await mockControl('/__mock/reset', {});
  };
  const sidecar = async (uri: vscode.Uri): Promise<Record<string, unknown>> =>
    JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri.with({ path: uri.path.replace(/\.png$/, '.json') })))) as Record<string, unknown>;

  for (const form of ['official', 'crazyrouter-json'] as const) {
    it(`${form}: generate, remix, inpaint, reframe and replace background save results with 3.0 sidecars`, async () => {
      await useForm(form);
      const runs = [
        await api.v3('generate', { prompt: 'a lighthouse', aspect_ratio: '16x9', rendering_speed: 'TURBO' }),
        await api.v3('remix', { prompt: 'in winter', image_weight: 30 }, { image: [image] }),
        await api.v3('inpaint', { prompt: 'a red door' }, { image: [image], mask: [mask] }),
        await api.v3('reframe', { resolution: '1344x768' }, { image: [image] }),
        await api.v3('replace-background', { prompt: 'a beach' }, { image: [image] }),
      ];
      const sent = (await mockControl('/__mock/requests')) as Sent[];
      const edit = form === 'official' ? 'inpaint' : 'edit';
      assert.deepEqual(sent.map((r) => [r.path, r.form]), ['generate', 'remix', edit, 'reframe', 'replace-background'].map((op) => [`/ideogram/v1/ideogram-v3/${op}`, form]));
      assert.equal(sent[2].mask?.editPixels, 32 * 48, 'the mask was sent as painted: black = edit');
      for (const run of runs) {
        assert.equal(run.saved.length, 1);
        const written = await sidecar(run.saved[0].uri);
        assert.equal(written.api_family, 'v3');
        assert.equal(written.request_form, form);
      }
      assert.equal((await sidecar(runs[2].saved[0].uri)).mask, 'images/v3-mask.png');
    });
  }

  it('official: generate transparent; remove background where the provider lacks it says so', async () => {
    await useForm('official');
    const transparent = await api.v3('generate-transparent', { prompt: 'a fox icon', upscale_factor: 'X2' });
    assert.equal(transparent.saved.length, 1);
    await assert.rejects(api.v3('remove-background', {}, { image: [image] }), /does not offer the Ideogram 3\.0 remove background operation/);
  });

  it('crazyrouter-json: what the form cannot carry is refused before sending', async () => {
    await useForm('crazyrouter-json');
    await assert.rejects(api.v3('generate', { prompt: 'x' }, { style_reference_images: [image] }), /cannot carry Style reference images/);
    await assert.rejects(api.v3('generate-transparent', { prompt: 'x' }), /does not offer/);
    assert.deepEqual(await mockControl('/__mock/requests'), []);
  });
});
