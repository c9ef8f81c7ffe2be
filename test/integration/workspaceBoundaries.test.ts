// Issue 10 in the real VS Code: nothing outside the workspace is read or uploaded without the user
// choosing it (the alt-text scan, the describe tool, links committed into the workspace, sidecar
// paths with '\'); the output folder is checked before the paid request; images the API made
// but that could not be saved are saved again without a new request; input images that cannot be
// used say why.
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { IdeogramExtensionApi } from '../../src/extension';
import { uriFromWorkspaceRelativePath } from '../../src/common/vscode/workspace';
import { extension, failingCommand, mockControl, rigEnvironment } from './helpers/rig';

let api: IdeogramExtensionApi;
const folder = (): vscode.WorkspaceFolder => {
  const first = vscode.workspace.workspaceFolders?.[0];
  assert.ok(first, 'the rig opens a workspace folder');
  return first;
};
const root = (): string => folder().uri.fsPath;
const requestsTo = async (route: string): Promise<number> =>
  ((await mockControl('/__mock/requests')) as { path: string }[]).filter((r) => r.path === `/ideogram/${route}`).length;
const resultText = (result: vscode.LanguageModelToolResult) =>
  result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');

// A folder outside the workspace with a private image, and links to it committed into the workspace.
let outside: string;
const privateImage = (): string => path.join(outside, 'private.png');

describe('workspace boundaries, checks before paying, Save Again (issue 10)', function () {
  this.timeout(90_000);

  before(async () => {
    api = (await extension().activate()) as IdeogramExtensionApi;
    await vscode.commands.executeCommand('ideogram.setApiKey', rigEnvironment().apiKey);
    outside = mkdtempSync(path.join(tmpdir(), 'ideogram-outside-'));
    copyFileSync(path.join(root(), 'images', 'sunset.png'), privateImage());
    mkdirSync(path.join(outside, 'elsewhere'));
    mkdirSync(path.join(root(), 'boundary'), { recursive: true });
    symlinkSync(privateImage(), path.join(root(), 'boundary', 'hero.png'));
  });

  after(async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
    rmSync(path.join(root(), 'boundary'), { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  describe('nothing outside the workspace is read or uploaded without the user choosing it', () => {
    beforeEach(() => mockControl('/__mock/reset', {}));

    it('Find Images Missing Alt Text skips references that resolve outside the workspace, links included, and lists them', async () => {
      const fromDocs = path.relative(path.join(root(), 'boundary'), privateImage()).split(path.sep).join('/');
      const fromRoot = `/${path.relative(root(), privateImage()).split(path.sep).join('/')}`;
      const markdown = path.join(root(), 'boundary', 'doc.md');
      const html = path.join(root(), 'boundary', 'page.html');
      writeFileSync(markdown, `# Doc\n\n![](${fromDocs})\n![](hero.png)\n![](../images/sunset.png)\n`);
      writeFileSync(html, `<!doctype html>\n<img src="${fromRoot}">\n`);
      const result = (await vscode.commands.executeCommand('ideogram.findMissingAltText', {
        apply: false, files: [vscode.Uri.file(markdown), vscode.Uri.file(html)],
      })) as { described: number; fixed: number; skipped: { document: string; src: string; reason: string }[] };
      const outsideSkips = result.skipped.filter((skip) => skip.reason === 'outside the workspace folder').map((skip) => skip.src).sort();
      assert.deepEqual(outsideSkips, [fromDocs, fromRoot, 'hero.png'].sort(), JSON.stringify(result.skipped));
      assert.equal(result.described, 1, 'only the image inside the workspace is described');
      assert.equal(result.fixed, 1);
      assert.equal(await requestsTo('describe'), 1, 'nothing outside the workspace was uploaded');
    });

    it('the describe tool refuses a committed link to a file outside the workspace, and sends nothing', async () => {
      const result = resultText(await vscode.lm.invokeTool('ideogram_describeImage', { input: { path: 'boundary/hero.png' }, toolInvocationToken: undefined }, new vscode.CancellationTokenSource().token));
      assert.match(result, /^Error: boundary\/hero\.png is a link to a file outside the workspace; it was not read or sent/);
      assert.equal(await requestsTo('describe'), 0);
    });

    it('a sidecar\'s source_image is split on \\ as well as /, and never leaves the workspace folder', () => {
      assert.equal(uriFromWorkspaceRelativePath('a\\..\\..\\x.png'), undefined);
      assert.equal(uriFromWorkspaceRelativePath('images/../../x.png'), undefined);
      assert.equal(uriFromWorkspaceRelativePath('images\\sunset.png')?.toString(), vscode.Uri.joinPath(folder().uri, 'images', 'sunset.png').toString());
    });
  });

  describe('the output folder is checked before the paid request', () => {
    const config = () => vscode.workspace.getConfiguration('ideogram', folder().uri);
    beforeEach(() => mockControl('/__mock/reset', {}));
    afterEach(async () => {
      await config().update('outputFolder', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      rmSync(path.join(root(), 'linked-out'), { force: true });
      rmSync(path.join(root(), 'blocked-out'), { force: true });
    });

    it('a committed link to a folder outside the workspace is refused, naming ideogram.outputFolder; nothing is sent or written', async () => {
      symlinkSync(path.join(outside, 'elsewhere'), path.join(root(), 'linked-out'));
      await config().update('outputFolder', 'linked-out', vscode.ConfigurationTarget.WorkspaceFolder);
      const { report, result } = await failingCommand(api, () => vscode.commands.executeCommand('ideogram.generate', { prompt: 'a harbour' }), 'user');
      assert.equal(result, undefined);
      assert.match(report.message, /^The output folder linked-out leads outside the workspace folder .*ideogram\.outputFolder/);
      assert.equal(report.settingHint, 'ideogram.outputFolder');
      assert.deepEqual(report.actions, ['Open Settings', 'Show Log'], 'no Retry: nothing was sent');
      assert.equal(await requestsTo('generate'), 0, 'nothing was sent');
      assert.deepEqual(readdirSync(path.join(outside, 'elsewhere')), [], 'nothing was written outside');
    });

    it('a file where the output folder should be is refused before the request', async () => {
      writeFileSync(path.join(root(), 'blocked-out'), 'a file, not a folder');
      await config().update('outputFolder', 'blocked-out', vscode.ConfigurationTarget.WorkspaceFolder);
      await assert.rejects(api.generate({ prompt: 'a harbour' }, { folder: folder() }), (err: Error & { settingHint?: string }) =>
        /^The output folder blocked-out is a file, not a folder\. Nothing was sent\./.test(err.message) && err.settingHint === 'ideogram.outputFolder');
      assert.equal(await requestsTo('generate'), 0);
    });
  });

  describe('images made but not saved are saved again without a new request', () => {
    const output = (): string => path.join(root(), 'assets', 'ideogram');
    const names = (): string[] => { try { return readdirSync(output()).sort(); } catch { return []; } };
    beforeEach(() => mockControl('/__mock/reset', {}));
    afterEach(() => mockControl('/__mock/fault', { mode: 'none' }));

    it('a download that fails after the API answered offers Save Again (and Retry: the failure was not local), and writes nothing', async () => {
      const before = names();
      await mockControl('/__mock/fault', { mode: 'connection-reset', target: 'images', count: 1 });
      const { report, result } = await failingCommand(api, () => vscode.commands.executeCommand('ideogram.generate', { prompt: 'a lost kite', num_images: 1 }), 'unsaved');
      assert.equal(result, undefined);
      assert.match(report.message, /^Ideogram made 1 image, but it could not be saved: .*"Save Again" downloads it again, without a new request\.$/);
      assert.deepEqual(report.actions, ['Save Again', 'Retry', 'Show Log']);
      assert.deepEqual(names(), before);
    });

    it('remix of two images whose downloads both fail offers one Save Again for both', async () => {
      await mockControl('/__mock/fault', { mode: 'connection-reset', target: 'images', count: 2 });
      const images = ['sunset.png', 'forest.jpg'].map((name) => vscode.Uri.joinPath(folder().uri, 'images', name));
      const { report } = await failingCommand(api, () => vscode.commands.executeCommand('ideogram.remix', images[0], images, { prompt: 'in autumn', image_weight: 50 }), 'unsaved');
      assert.match(report.message, /^Ideogram made 2 images, but they could not be saved/);
      assert.deepEqual(report.actions, ['Save Again', 'Retry', 'Show Log']);
      assert.equal(await requestsTo('remix'), 2);
    });

    it('saveAgain on the error downloads the same links into the output folder, with no new API request', async () => {
      await mockControl('/__mock/fault', { mode: 'connection-reset', target: 'images', count: 1 });
      const failure = await api.generate({ prompt: 'a found kite', num_images: 1, seed: 4242 }, { folder: folder() }).then(
        () => assert.fail('the download should fail'), (err: unknown) => err as Error & { unsaved?: { count: number; saveAgain(): Promise<{ saved: { uri: vscode.Uri }[] }> } });
      assert.equal(failure.name, 'UnsavedImagesError', failure.message);
      assert.equal(failure.unsaved?.count, 1);
      const again = await failure.unsaved.saveAgain();
      assert.equal(again.saved.length, 1);
      assert.match(path.basename(again.saved[0].uri.fsPath), /^a-found-kite-4242\.png$/);
      assert.ok(names().includes(path.basename(again.saved[0].uri.fsPath).replace(/\.png$/, '.json')), 'with its sidecar');
      assert.equal(await requestsTo('generate'), 1, 'Save Again sent no new request');
    });
  });

  describe('input images that cannot be used say why', () => {
    before(() => {
      mkdirSync(path.join(root(), 'boundary', 'folder.png'), { recursive: true });
      writeFileSync(path.join(root(), 'boundary', 'empty.png'), '');
    });

    for (const [name, expected] of [
      ['missing.png', /^missing\.png was not found\.$/],
      ['folder.png', /^folder\.png is a folder, not an image\.$/],
      ['empty.png', /^empty\.png is empty \(0 bytes\), not an image\.$/],
    ] as const) {
      it(`${name}: ${expected.source}`, async () => {
        await assert.rejects(api.describe([vscode.Uri.file(path.join(root(), 'boundary', name))]), (err: Error) => expected.test(err.message));
      });
    }
  });
});
