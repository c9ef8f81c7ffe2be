// The Studio's panel host on the vscode stand-in, with the test playing the webview's script:
// the webview's options and CSP, host messages queued until `ready`, every webview message
// validated (the webview is untrusted input), runs against the local server, actions only on
// files the panel showed, and the panel restored from validated state after a reload.
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { URI } from 'vscode-uri';
import { DEFAULT_FORM } from '../../src/common/studioForm';
import { Uri } from '../support/vscode/basics';
import { activateForTest, type ActivatedExtension } from '../support/vscode/activate';
import { vscodeStandIn } from '../support/vscode/standIn';
import { StandInWebviewPanel } from '../support/vscode/window';
import { waitUntilEquals } from '../support/wait';

type Posted = { type?: string; [key: string]: unknown };

/** Runs the Studio's command and returns its panel (the one panel the stand-in created). */
async function openStudio(ext: ActivatedExtension, ...args: unknown[]): Promise<StandInWebviewPanel> {
  await ext.run('ideogram.openStudio', ...args);
  const panel = vscodeStandIn.window.panels.at(-1);
  assert.ok(panel, 'the Studio opened no panel');
  return panel;
}

/** Resolves with the first message of `type` the host posts from now on (or already posted after `from`). */
function nextPost(panel: StandInWebviewPanel, type: string, from = panel.webview.posted.length): Promise<Posted> {
  const already = panel.webview.posted.slice(from).find((m) => m.type === type);
  if (already) return Promise.resolve(already);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`the host posted no ${type}; it posted ${panel.webview.posted.slice(from).map((m) => m.type).join(', ')}`));
    }, 15_000);
    const subscription = panel.webview.onDidPost((message) => {
      if ((message as Posted).type !== type) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(message as Posted);
    });
  });
}

function types(panel: StandInWebviewPanel): (string | undefined)[] {
  return panel.webview.posted.map((m) => m.type);
}

/** A Studio panel whose webview has said `ready`. */
async function readyStudio(ext: ActivatedExtension): Promise<StandInWebviewPanel> {
  const panel = await openStudio(ext);
  panel.webview.send({ type: 'ready' });
  await nextPost(panel, 'init', 0);
  return panel;
}

describe('Studio panel host (vscode stand-in, local server)', () => {
  let ext: ActivatedExtension;
  afterEach(() => ext.dispose());

  it('opens one panel: scripts on, resources only from dist/, media/ and the workspace, a CSP with a fresh nonce; opening again reveals it', async () => {
    ext = await activateForTest();
    const panel = await openStudio(ext);
    assert.equal(panel.viewType, 'ideogram.studio');
    assert.equal(panel.webview.options.enableScripts, true);
    const roots = (panel.webview.options.localResourceRoots as URI[]).map((uri) => uri.fsPath);
    assert.deepEqual(roots, [path.resolve('dist'), path.resolve('media'), ext.workspaceDir]);
    const nonce = /<script nonce="([^"]+)"/.exec(panel.webview.html)?.[1];
    assert.ok(nonce && nonce.length >= 16, 'a script nonce');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(panel.webview.html)?.[1] ?? '';
    assert.match(csp, new RegExp(`script-src 'nonce-${nonce}'`));
    assert.match(csp, /default-src 'none'/);
    await openStudio(ext);
    assert.equal(vscodeStandIn.window.panels.length, 1);
    assert.equal(panel.reveals, 1);
  });

  it('queues what the host posts until the webview says ready, then sends init first; a reloaded webview gets init again', async () => {
    ext = await activateForTest();
    const panel = await openStudio(ext);
    await ext.run('ideogram.openStudio', { uri: ext.workspaceImage('sunset.png').toString(), mode: 'upscale' });
    panel.webview.send({ type: 'copyText', text: 'hello' });
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(types(panel), [], 'nothing before ready');
    panel.webview.send({ type: 'ready' });
    const setForm = await nextPost(panel, 'setForm', 0);
    await nextPost(panel, 'notice', 0);
    assert.equal(types(panel)[0], 'init');
    assert.deepEqual(types(panel).slice(1).sort(), ['notice', 'setForm']);
    assert.equal((setForm.form as { mode?: string }).mode, 'upscale');
    assert.equal((setForm.reference as { label?: string }).label, 'images/sunset.png');
    const count = panel.webview.posted.length;
    panel.webview.send({ type: 'ready' });
    await nextPost(panel, 'init', count);
  });

  it('ignores messages that do not match the contract, and logs their type only', async () => {
    ext = await activateForTest();
    const panel = await readyStudio(ext);
    const posted = panel.webview.posted.length;
    const invalid: unknown[] = [
      { type: 'run' },
      { type: 'copyText', text: 'sk-not-for-the-log', extra: true },
      'a bare string',
      { type: 'fileAction', action: 'delete', uri: 'file:///etc/passwd' },
      { type: 'history', query: '', offset: -1, limit: 10 },
      { type: 'no such message', payload: 'sk-not-for-the-log' },
    ];
    for (const message of invalid) panel.webview.send(message);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(panel.webview.posted.length, posted, 'no answer to an invalid message');
    assert.equal(vscodeStandIn.env.clipboard, '');
    // (Activation sets the walkthrough's key context; nothing else may run.)
    assert.deepEqual(vscodeStandIn.commands.executed.filter((c) => c.command !== 'setContext'), []);
    const ignored = vscodeStandIn.window.outputLines.filter((line) => line.includes('ignored an invalid message'));
    assert.equal(ignored.length, invalid.length);
    assert.ok(!vscodeStandIn.window.outputLines.some((line) => line.includes('sk-not-for-the-log') || line.includes('passwd')));
  });

  it('runs a generate form against the local server and shows the saved images as the run\'s results', async () => {
    ext = await activateForTest();
    const panel = await readyStudio(ext);
    const from = panel.webview.posted.length;
    panel.webview.send({ type: 'run', form: { ...DEFAULT_FORM, prompt: 'a paper crane', numImages: 2 } });
    const finished = await nextPost(panel, 'runFinished', from);
    const started = await nextPost(panel, 'runStarted', from);
    assert.equal(finished.runId, started.runId);
    assert.ok(types(panel).slice(from).includes('progress'));
    const results = finished.results as { uri: string; src: string; label: string; prompt: string }[];
    assert.equal(results.length, 2);
    for (const result of results) {
      assert.ok(existsSync(Uri.parse(result.uri).fsPath), result.uri);
      assert.equal(result.src, panel.webview.asWebviewUri(Uri.parse(result.uri)).toString());
      assert.match(result.label, /^assets\/ideogram\//);
      assert.equal(result.prompt, 'a paper crane');
    }
    assert.equal((ext.server.requests[0]?.json as { image_request: { num_images: number } }).image_request.num_images, 2);
  });

  it('refuses a second run while one is in progress; Cancel ends the first with nothing written', async () => {
    ext = await activateForTest({ server: { latencyMs: 5000 } });
    const panel = await readyStudio(ext);
    const from = panel.webview.posted.length;
    panel.webview.send({ type: 'run', form: { ...DEFAULT_FORM, prompt: 'a slow crane' } });
    await nextPost(panel, 'runStarted', from);
    await waitUntilEquals('the first run at the server', () => Promise.resolve(ext.server.requests.length), 1);
    panel.webview.send({ type: 'run', form: { ...DEFAULT_FORM, prompt: 'another crane' } });
    const notice = await nextPost(panel, 'notice', from);
    assert.equal(notice.message, 'A run is already in progress.');
    panel.webview.send({ type: 'cancel' });
    await nextPost(panel, 'runCancelled', from);
    assert.equal(ext.server.requests.length, 1);
    assert.deepEqual(ext.outputFiles(), []);
  });

  it('reports a failed run inline, with nothing written', async () => {
    ext = await activateForTest();
    const panel = await readyStudio(ext);
    const from = panel.webview.posted.length;
    // The local server's safety check refuses this word (422), as Ideogram's filter would.
    panel.webview.send({ type: 'run', form: { ...DEFAULT_FORM, prompt: 'a forbidden crane' } });
    const failed = await nextPost(panel, 'runFailed', from);
    assert.match(String(failed.message), /safety filter/);
    assert.deepEqual(failed.actions, ['Show Log'], 'the error message\'s actions come with it');
    assert.deepEqual(vscodeStandIn.window.messages, [], 'no notification repeats it');
    assert.deepEqual(ext.outputFiles(), []);
    panel.webview.send({ type: 'errorAction', runId: failed.runId, action: undefined });
  });

  it('Retry in the inline error runs the same form again', async () => {
    ext = await activateForTest();
    const panel = await readyStudio(ext);
    // Outlasts the client's own retries, so the user is asked.
    ext.server.setFault({ mode: 'server-error', status: 503 });
    const from = panel.webview.posted.length;
    panel.webview.send({ type: 'run', form: { ...DEFAULT_FORM, prompt: 'a crane worth a retry' } });
    const failed = await nextPost(panel, 'runFailed', from);
    assert.ok((failed.actions as string[]).includes('Retry'), String(failed.actions));
    ext.server.setFault({ mode: 'none' });
    const before = ext.server.requests.length;
    const again = panel.webview.posted.length;
    panel.webview.send({ type: 'errorAction', runId: failed.runId, action: 'Retry' });
    const finished = await nextPost(panel, 'runFinished', again);
    assert.equal((finished.results as unknown[]).length, 1);
    assert.equal(ext.server.requests.slice(before).filter((r) => r.path.endsWith('/generate')).length, 1);
    assert.deepEqual(vscodeStandIn.window.messages, []);
  });

  it('acts only on files it showed: Open on a result opens it, on any other file nothing happens', async () => {
    ext = await activateForTest();
    const panel = await readyStudio(ext);
    panel.webview.send({ type: 'run', form: { ...DEFAULT_FORM, prompt: 'a crane' } });
    const [result] = (await nextPost(panel, 'runFinished')).results as { uri: string }[];
    panel.webview.send({ type: 'fileAction', action: 'open', uri: ext.workspaceImage('sunset.png').toString() });
    panel.webview.send({ type: 'fileAction', action: 'open', uri: result.uri });
    const opened = (): string[] => vscodeStandIn.commands.executed.filter((c) => c.command === 'vscode.open').map((c) => String(c.args[0]));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(opened(), [result.uri]);
    assert.ok(vscodeStandIn.window.outputLines.some((line) => line.includes('did not show')));
  });

  it('copies text to the clipboard; takes a dropped workspace image as reference and refuses anything else', async () => {
    ext = await activateForTest();
    const panel = await readyStudio(ext);
    let from = panel.webview.posted.length;
    panel.webview.send({ type: 'copyText', text: 'a crane, origami' });
    assert.equal((await nextPost(panel, 'notice', from)).message, 'Copied.');
    assert.equal(vscodeStandIn.env.clipboard, 'a crane, origami');
    from = panel.webview.posted.length;
    panel.webview.send({ type: 'dropUris', uris: [Uri.file(path.join(ext.workspaceDir, 'README.md')).toString()] });
    assert.match(String((await nextPost(panel, 'notice', from)).message), /^Drop a PNG, JPEG or WebP file/);
    panel.webview.send({ type: 'dropUris', uris: [Uri.file('/elsewhere/outside.png').toString(), ext.workspaceImage('forest.jpg').toString()] });
    const reference = (await nextPost(panel, 'setReference', from)).reference as { label: string };
    assert.equal(reference.label, 'images/forest.jpg');
  });

  it('searches the workspace images and pages the history of what was saved', async () => {
    ext = await activateForTest();
    const panel = await readyStudio(ext);
    let from = panel.webview.posted.length;
    panel.webview.send({ type: 'searchImages', query: 'sun' });
    const found = await nextPost(panel, 'workspaceImages', from);
    assert.deepEqual((found.images as { label: string }[]).map((i) => i.label), ['images/sunset.png']);
    panel.webview.send({ type: 'run', form: { ...DEFAULT_FORM, prompt: 'a crane', numImages: 2 } });
    await nextPost(panel, 'runFinished', from);
    from = panel.webview.posted.length;
    panel.webview.send({ type: 'history', query: 'crane', offset: 0, limit: 1 });
    const { page } = await nextPost(panel, 'history', from) as { page: { total: number; entries: { prompt: string }[] } };
    assert.deepEqual([page.total, page.entries.length, page.entries[0]?.prompt], [2, 1, 'a crane']);
  });

  it('closing the panel cancels its run: nothing is written', async () => {
    ext = await activateForTest({ server: { latencyMs: 1500 } });
    const panel = await readyStudio(ext);
    panel.webview.send({ type: 'run', form: { ...DEFAULT_FORM, prompt: 'a crane' } });
    await waitUntilEquals('the run at the server', () => Promise.resolve(ext.server.requests.length), 1);
    panel.dispose();
    // The client logs each request when it ends: here, aborted before the server's answer.
    const ended = (): boolean => vscodeStandIn.window.outputLines.some((line) => line.startsWith('POST ') && line.includes('/ideogram/generate'));
    await waitUntilEquals('the request ended', () => Promise.resolve(ended()), true);
    assert.match(vscodeStandIn.window.outputLines.find((line) => line.startsWith('POST ')) ?? '', /no response/);
    assert.deepEqual(ext.outputFiles(), []);
    await openStudio(ext);
    assert.equal(vscodeStandIn.window.panels.length, 2, 'a closed Studio opens anew');
  });

  it('after a reload, restores the panel from its state only as far as the state is valid', async () => {
    ext = await activateForTest();
    const serializer = vscodeStandIn.window.serializers.get('ideogram.studio');
    assert.ok(serializer);
    // What VS Code does after a reload: a new panel, handed to the serializer with the saved state.
    const restore = async (state: unknown): Promise<Posted> => {
      const panel = new StandInWebviewPanel('ideogram.studio', 'Ideogram Studio', 1, {});
      await serializer.deserializeWebviewPanel(panel, state);
      panel.webview.send({ type: 'ready' });
      return nextPost(panel, 'init', 0);
    };
    const good = await restore({ form: { ...DEFAULT_FORM, mode: 'remix', prompt: 'kept' }, reference: ext.workspaceImage('logo.webp').toString() });
    assert.deepEqual([(good.form as { prompt?: string }).prompt, (good.reference as { label?: string }).label], ['kept', 'images/logo.webp']);
    const bad = await restore({ form: { mode: 'format-disk' }, reference: 'javascript:alert(1)' });
    assert.deepEqual([bad.form && (bad.form as { prompt?: string }).prompt, bad.reference], [undefined, undefined]);
    const outside = await restore({ reference: Uri.file('/etc/outside.png').toString() });
    assert.equal(outside.reference, undefined);
  });
});
