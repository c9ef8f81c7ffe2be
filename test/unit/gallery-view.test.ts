// The Gallery view's host on the vscode stand-in, with the test playing the webview's script:
// pages of the output folder's results with the total, search and filters, live updates from the
// file-system watcher (the stand-in's is Node's recursive fs.watch on the real folder), missing
// images, delete with Undo, and ids from the (untrusted) webview that name nothing the gallery holds.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import type { URI } from 'vscode-uri';
import type { GalleryItem, GalleryPageMessage } from '../../src/common/galleryProtocol';
import { activateForTest, type ActivatedExtension } from '../support/vscode/activate';
import { vscodeStandIn } from '../support/vscode/standIn';
import type { StandInWebviewView } from '../support/vscode/window';
import { waitUntilEquals } from '../support/wait';

type Posted = { type?: string; [key: string]: unknown };

function nextPost(view: StandInWebviewView, type: string, from = view.webview.posted.length): Promise<Posted> {
  const already = view.webview.posted.slice(from).find((m) => m.type === type);
  if (already) return Promise.resolve(already);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`the host posted no ${type}; it posted ${view.webview.posted.slice(from).map((m) => m.type).join(', ')}`));
    }, 15_000);
    const subscription = view.webview.onDidPost((message) => {
      if ((message as Posted).type !== type) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(message as Posted);
    });
  });
}

let requestId = 0;

/** The webview asks for a page; resolves with the host's answer. */
async function query(view: StandInWebviewView, filters: { text?: string; operations?: string[]; offset?: number; limit?: number } = {}): Promise<GalleryPageMessage> {
  const id = ++requestId;
  const from = view.webview.posted.length;
  view.webview.send({ type: 'query', requestId: id, text: filters.text ?? '', operations: filters.operations ?? [], models: [], offset: filters.offset ?? 0, limit: filters.limit ?? 50 });
  for (;;) {
    const page = await nextPost(view, 'page', from) as unknown as GalleryPageMessage;
    if (page.requestId === id) return page;
  }
}

async function openGallery(): Promise<StandInWebviewView> {
  const view = await vscodeStandIn.window.showView('ideogram.gallery');
  view.webview.send({ type: 'ready' });
  await nextPost(view, 'init', 0);
  return view;
}

const prompts = (page: GalleryPageMessage): string[] => page.items.map((item: GalleryItem) => item.prompt);

describe('Gallery view host (vscode stand-in, local server)', () => {
  let ext: ActivatedExtension;
  afterEach(() => ext.dispose());

  it('serves its page with a strict CSP and only the extension and workspace as resource roots', async () => {
    ext = await activateForTest();
    const view = await vscodeStandIn.window.showView('ideogram.gallery');
    assert.equal(view.webview.options.enableScripts, true);
    const roots = (view.webview.options.localResourceRoots as URI[]).map((uri) => uri.fsPath);
    assert.deepEqual(roots, [path.resolve('dist'), path.resolve('media'), ext.workspaceDir]);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(view.webview.html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-[^']{16,}'/);
    assert.match(view.webview.html, /dist\/gallery\.js/);
  });

  it('shows every result newest first with the total, and a new one without a refresh', async () => {
    ext = await activateForTest();
    await ext.run('ideogram.generate', { prompt: 'a red kite', num_images: 2 });
    const view = await openGallery();
    const first = await query(view);
    assert.equal(first.total, 2);
    assert.deepEqual(prompts(first), ['a red kite', 'a red kite']);
    assert.ok(first.items.every((item) => !item.missing && item.src.startsWith('https://') && item.imageUri.startsWith('file://')));

    const changed = view.webview.posted.length;
    await ext.run('ideogram.generate', { prompt: 'a blue boat', num_images: 1 });
    await nextPost(view, 'changed', changed);
    await waitUntilEquals('results after the second run', async () => (await query(view)).total, 3);
    assert.deepEqual(prompts(await query(view)), ['a blue boat', 'a red kite', 'a red kite']);
    assert.deepEqual(prompts(await query(view, { offset: 1, limit: 1 })), ['a red kite']);
  });

  it('narrows by search words and by operation', async () => {
    ext = await activateForTest();
    await ext.run('ideogram.generate', { prompt: 'a red kite', num_images: 1 });
    await ext.run('ideogram.generate', { prompt: 'a blue boat', num_images: 1 });
    const view = await openGallery();
    assert.deepEqual(prompts(await query(view, { text: 'BOAT' })), ['a blue boat']);
    assert.equal((await query(view, { text: 'boat kite' })).total, 0);
    assert.equal((await query(view, { operations: ['upscale'] })).total, 0);
    assert.equal((await query(view, { operations: ['generate'] })).total, 2);
  });

  it('shows a result whose image was deleted by hand as missing, with nothing to load', async () => {
    ext = await activateForTest();
    await ext.run('ideogram.generate', { prompt: 'a red kite', num_images: 1 });
    const view = await openGallery();
    const [item] = (await query(view)).items;
    assert.ok(item);
    rmSync(new URL(item.imageUri));
    await waitUntilEquals('the item is missing', async () => (await query(view)).items[0]?.missing, true);
    assert.equal((await query(view)).items[0]?.src, '');
  });

  it('deletes image and sidecar, and Undo in the notification puts both back (asking first where there is no trash)', async () => {
    ext = await activateForTest();
    await ext.run('ideogram.generate', { prompt: 'a red kite', num_images: 1 });
    const before = ext.outputFiles();
    assert.equal(before.length, 2, `image and sidecar: ${before.join(', ')}`);
    const view = await openGallery();
    const [item] = (await query(view)).items;
    assert.ok(item);
    let release: (answer: string | undefined) => void = () => undefined;
    vscodeStandIn.window.user.message = (shown) => {
      if (shown.modal) return 'Delete Permanently'; // the stand-in's files, like code-server's, have no trash
      return shown.items.includes('Undo') ? new Promise((resolve) => { release = resolve; }) : undefined;
    };
    view.webview.send({ type: 'action', action: 'delete', ids: [item.id] });
    await waitUntilEquals('files after the delete', async () => ext.outputFiles().length, 0);
    await waitUntilEquals('results after the delete', async () => (await query(view)).total, 0);
    release('Undo');
    await waitUntilEquals('files after Undo', async () => ext.outputFiles().join(','), before.join(','));
    await waitUntilEquals('results after Undo', async () => (await query(view)).total, 1);
  });

  it('deletes nothing when the user does not confirm a permanent delete', async () => {
    ext = await activateForTest();
    await ext.run('ideogram.generate', { prompt: 'a red kite', num_images: 1 });
    const before = ext.outputFiles();
    const view = await openGallery();
    const [item] = (await query(view)).items;
    assert.ok(item);
    view.webview.send({ type: 'action', action: 'delete', ids: [item.id] });
    await waitUntilEquals('the permanent-delete question', async () => vscodeStandIn.window.messages.filter((m) => m.modal).length, 1);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(ext.outputFiles(), before);
    assert.equal((await query(view)).total, 1);
  });

  it('ignores ids that name no result it holds, and messages that are not its own', async () => {
    ext = await activateForTest();
    await ext.run('ideogram.generate', { prompt: 'a red kite', num_images: 1 });
    const view = await openGallery();
    const outside = new URL('file:///etc/hostname').toString();
    const readme = new URL(`file://${path.join(ext.workspaceDir, 'README.md')}`).toString();
    for (const id of [outside, readme, 'not a uri']) view.webview.send({ type: 'action', action: 'delete', ids: [id] });
    view.webview.send({ type: 'action', action: 'rm -rf', ids: [readme] });
    view.webview.send({ type: 'query', requestId: 1, text: 'x'.repeat(201), operations: [], models: [], offset: 0, limit: 50 });
    await waitUntilEquals('warnings logged', async () => vscodeStandIn.window.outputLines.filter((line) => line.startsWith('Gallery: ignored')).length, 5);
    assert.ok(existsSync(path.join(ext.workspaceDir, 'README.md')));
    assert.equal(readdirSync(path.join(ext.workspaceDir, 'assets', 'ideogram')).length, 2);
    assert.equal(vscodeStandIn.window.messages.filter((m) => m.items.includes('Undo')).length, 0, 'nothing was offered to undo');
  });
});
