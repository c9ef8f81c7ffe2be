// The image commands inside a real VS Code against the local server: commands run
// with arguments, files and sidecars checked byte for byte, every error path, cancellation,
// collisions, the missing-key flow, and the API key searched for in every output.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { IdeogramExtensionApi } from '../../src/extension';
import type { ReportedError } from '../../src/common/vscode/errorBoundary';
import { extension, failingCommand as rigFailingCommand, mockControl, rigEnvironment, waitFor } from './helpers/rig';

const OUTPUT = 'assets/ideogram';
const WRONG_KEY = 'wrong-key-for-the-401-test-9f3a';
const seenErrorMessages: string[] = [];

let api: IdeogramExtensionApi;
const folder = (): vscode.WorkspaceFolder => {
  const first = vscode.workspace.workspaceFolders?.[0];
  assert.ok(first, 'the rig opens a workspace folder');
  return first;
};
const outputUri = (...parts: string[]): vscode.Uri => vscode.Uri.joinPath(folder().uri, ...OUTPUT.split('/'), ...parts);

async function listOutput(): Promise<string[]> {
  try {
    return (await vscode.workspace.fs.readDirectory(outputUri())).map(([name]) => name).sort();
  } catch {
    return [];
  }
}

async function clearOutput(): Promise<void> {
  try {
    await vscode.workspace.fs.delete(outputUri(), { recursive: true, useTrash: false });
  } catch {
    // not there yet
  }
}

/** Asks the local server directly for the same request, and returns the PNG bytes it serves for it. */
async function servedBytes(request: Record<string, unknown>): Promise<Buffer[]> {
  const response = await fetch(`${rigEnvironment().mockUrl}/ideogram/generate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${rigEnvironment().apiKey}` },
    body: JSON.stringify({ image_request: request }),
  });
  const body = (await response.json()) as { data: { url: string }[] };
  return Promise.all(body.data.map(async (d) => Buffer.from(await (await fetch(d.url)).arrayBuffer())));
}

async function readJson(uri: vscode.Uri): Promise<Record<string, unknown>> {
  return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as Record<string, unknown>;
}

/** failingCommand of the rig, remembering each message for the key-leak test at the end. */
async function failingCommand(run: () => Thenable<unknown>, expectKind: ReportedError['kind'], timeoutMs = 30_000): Promise<{ report: ReportedError; result: unknown }> {
  const failed = await rigFailingCommand(api, run, expectKind, timeoutMs);
  seenErrorMessages.push(failed.report.message);
  return failed;
}

describe('image commands', function () {
  this.timeout(90_000);

  before(async () => {
    api = (await extension().activate()) as IdeogramExtensionApi;
    assert.ok(api && typeof api.generate === 'function', 'activate returns the extension API');
    await vscode.commands.executeCommand('ideogram.setApiKey', rigEnvironment().apiKey);
    await clearOutput();
  });

  beforeEach(async () => {
    await mockControl('/__mock/reset', {});
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  it('generate with an options object saves the images the server served, byte for byte, with sidecars', async () => {
    const request = { prompt: 'A red fox in the snow', seed: 1234, num_images: 2, model: 'V_2', aspect_ratio: 'ASPECT_16_9' };
    const uris = (await vscode.commands.executeCommand('ideogram.generate', request)) as vscode.Uri[];
    assert.equal(uris.length, 2);
    // The default template ${slug}-${seed}: the prompt's words first.
    assert.deepEqual(uris.map((u) => path.posix.basename(u.path)), ['a-red-fox-in-the-snow-1234.png', 'a-red-fox-in-the-snow-1235.png']);

    const sent = (await mockControl('/__mock/requests')) as { path: string; json?: { image_request: Record<string, unknown> } }[];
    const generateRequest = sent.find((r) => r.path === '/ideogram/generate');
    assert.ok(generateRequest?.json, 'the server got the generate request');
    // Settings' defaults fill what the caller left out; the caller's fields are sent as given.
    assert.deepEqual(generateRequest.json.image_request, { ...request, style_type: 'AUTO', magic_prompt_option: 'AUTO' });

    const expected = await servedBytes(generateRequest.json.image_request);
    for (const [i, uri] of uris.entries()) {
      const written = Buffer.from(await vscode.workspace.fs.readFile(uri));
      assert.ok(written.equals(expected[i]), `${uri.path} equals the served PNG`);
      const sidecar = await readJson(uri.with({ path: uri.path.replace(/\.png$/, '.json') }));
      assert.equal(sidecar.operation, 'generate');
      assert.equal(sidecar.prompt, request.prompt);
      assert.equal(sidecar.returned_prompt, request.prompt);
      assert.equal(sidecar.model, 'V_2');
      assert.deepEqual(sidecar.parameters, generateRequest.json.image_request);
      assert.equal(sidecar.seed, 1234 + i);
      assert.equal(sidecar.resolution, '1344x768');
      assert.equal(sidecar.is_image_safe, true);
      assert.equal(sidecar.provider, 'custom');
      assert.equal(sidecar.file, path.posix.basename(uri.path));
      assert.equal(sidecar.extension_version, (extension().packageJSON as { version: string }).version);
      assert.equal(sidecar.width, 1344);
      assert.equal(sidecar.height, 768);
      assert.ok(!Number.isNaN(Date.parse(String(sidecar.created_at))));
    }
    assert.ok(!(await listOutput()).some((n) => n.endsWith('.part')), 'no temporary files left');
  });

  it('never overwrites: the same request again adds a counter to image and sidecar', async () => {
    const before = await listOutput();
    const firstBytes = await vscode.workspace.fs.readFile(outputUri(before.find((n) => n.endsWith('1234.png')) as string));
    const uris = (await vscode.commands.executeCommand('ideogram.generate', { prompt: 'A red fox in the snow', seed: 1234, model: 'V_2', aspect_ratio: 'ASPECT_16_9' })) as vscode.Uri[];
    assert.equal(uris.length, 1);
    assert.match(path.posix.basename(uris[0].path), /^a-red-fox-in-the-snow-1234-1\.png$/);
    const after = await listOutput();
    assert.ok(after.includes(path.posix.basename(uris[0].path).replace(/\.png$/, '.json')), 'sidecar with the same counter');
    const original = await vscode.workspace.fs.readFile(outputUri(before.find((n) => n.endsWith('1234.png')) as string));
    assert.ok(Buffer.from(original).equals(Buffer.from(firstBytes)), 'the first file is unchanged');
  });

  it('remix takes (uri, options), uploads the image and records the source image', async () => {
    const [source] = (await listOutput()).filter((n) => n.endsWith('1234.png'));
    const sourceUri = outputUri(source);
    const uris = (await vscode.commands.executeCommand('ideogram.remix', sourceUri, { prompt: 'as a watercolour', image_weight: 30, seed: 5 })) as vscode.Uri[];
    assert.equal(uris.length, 1);
    const sidecar = await readJson(uris[0].with({ path: uris[0].path.replace(/\.png$/, '.json') }));
    assert.equal(sidecar.operation, 'remix');
    assert.equal(sidecar.source_image, `${OUTPUT}/${source}`);
    assert.equal((sidecar.parameters as Record<string, unknown>).image_weight, 30);
    const sent = (await mockControl('/__mock/requests')) as { path: string; files?: { field: string; size: number }[] }[];
    const remix = sent.find((r) => r.path === '/ideogram/remix');
    const sourceSize = (await vscode.workspace.fs.stat(sourceUri)).size;
    assert.deepEqual(remix?.files?.map((f) => [f.field, f.size]), [['image_file', sourceSize]]);
  });

  it('remix and describe take an http(s) image link: uploaded after a download with multipart, sent as the link with url', async () => {
    // A hosted image: one the local server serves, with a query string as signed links have.
    const original = await fetch(`${rigEnvironment().mockUrl}/ideogram/generate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${rigEnvironment().apiKey}` },
      body: JSON.stringify({ image_request: { prompt: 'a hosted original', aspect_ratio: 'ASPECT_3_1', seed: 9 } }),
    });
    const hostedUrl = ((await original.json()) as { data: { url: string }[] }).data[0].url;
    const hostedSize = (await (await fetch(hostedUrl)).arrayBuffer()).byteLength;
    const link = `${hostedUrl}?exp=1&sig=not-for-sidecars`;
    await mockControl('/__mock/reset', {});

    // The rig's transport is multipart: the link, given as a string argument, is downloaded and uploaded.
    const uris = (await vscode.commands.executeCommand('ideogram.remix', link, { prompt: 'from a link', seed: 6 })) as vscode.Uri[];
    assert.equal(uris.length, 1);
    const sidecar = await readJson(uris[0].with({ path: uris[0].path.replace(/\.png$/, '.json') }));
    assert.equal(sidecar.source_image, hostedUrl, 'the link without its query string');
    let sent = (await mockControl('/__mock/requests')) as { path: string; contentType: string; json?: { image_file?: string }; files?: { field: string; size: number }[] }[];
    assert.deepEqual(sent.find((r) => r.path === '/ideogram/remix')?.files?.map((f) => [f.field, f.size]), [['image_file', hostedSize]]);

    await vscode.workspace.getConfiguration('ideogram').update('imageTransport', 'url', vscode.ConfigurationTarget.Global);
    try {
      await mockControl('/__mock/reset', {});
      const results = (await vscode.commands.executeCommand('ideogram.describe', vscode.Uri.parse(link))) as { descriptions: string[] }[];
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.equal(results.length, 1);
      assert.ok(results[0].descriptions.length > 0);
      sent = (await mockControl('/__mock/requests')) as typeof sent;
      assert.deepEqual(sent.map((r) => [r.path, r.contentType.split(';')[0], r.json?.image_file]), [['/ideogram/describe', 'application/json', link]]);
      assert.equal(((await mockControl('/__mock/stats')) as { imageDownloads: number }).imageDownloads, 0, 'the url transport sends the link without downloading it');
    } finally {
      await vscode.workspace.getConfiguration('ideogram').update('imageTransport', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('upscale takes the explorer arguments (clicked, selected) and options', async () => {
    const [source] = (await listOutput()).filter((n) => n.endsWith('1235.png'));
    const sourceUri = outputUri(source);
    const uris = (await vscode.commands.executeCommand('ideogram.upscale', sourceUri, [sourceUri], { resemblance: 60 })) as vscode.Uri[];
    assert.equal(uris.length, 1);
    const sidecar = await readJson(uris[0].with({ path: uris[0].path.replace(/\.png$/, '.json') }));
    assert.equal(sidecar.operation, 'upscale');
    assert.equal(sidecar.upscaled_resolution, '2688x1536');
    assert.equal(sidecar.width, 2688);
  });

  it('describe runs a multi-selection in parallel and returns one entry per image', async () => {
    const images = (await listOutput()).filter((n) => n.endsWith('.png')).slice(0, 2).map((n) => outputUri(n));
    const results = (await vscode.commands.executeCommand('ideogram.describe', images[0], images)) as { uri: vscode.Uri; descriptions: string[] }[];
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.deepEqual(results.map((r) => r.uri.toString()), images.map((u) => u.toString()));
    for (const r of results) assert.ok(r.descriptions.length > 0 && r.descriptions.every((d) => d.length > 0));
    const sent = (await mockControl('/__mock/requests')) as { path: string }[];
    assert.equal(sent.filter((r) => r.path === '/ideogram/describe').length, 2);
  });

  it('a 422 says the safety filter rejected the prompt and writes nothing', async () => {
    const before = await listOutput();
    const { report, result } = await failingCommand(() => vscode.commands.executeCommand('ideogram.generate', { prompt: 'a forbidden picture' }), 'safety');
    assert.equal(result, undefined);
    assert.match(report.message, /safety filter/i);
    assert.ok(report.actions.includes('Show Log'));
    assert.deepEqual(await listOutput(), before);
  });

  it('safety-blocked results are reported and not written', async () => {
    await mockControl('/__mock/fault', { mode: 'unsafe-result', count: 1 });
    const before = await listOutput();
    const uris = (await vscode.commands.executeCommand('ideogram.generate', { prompt: 'harmless', num_images: 2 })) as vscode.Uri[];
    assert.deepEqual(uris, []);
    assert.deepEqual(await listOutput(), before);
  });

  it('a 401 offers Set API Key, and the wrong key appears nowhere', async () => {
    await vscode.commands.executeCommand('ideogram.setApiKey', WRONG_KEY);
    try {
      const { report } = await failingCommand(() => vscode.commands.executeCommand('ideogram.generate', { prompt: 'a cat' }), 'auth');
      assert.ok(report.actions.includes('Set API Key'), report.actions.join());
      assert.ok(!report.message.includes(WRONG_KEY));
    } finally {
      await vscode.commands.executeCommand('ideogram.setApiKey', rigEnvironment().apiKey);
    }
  });

  it('a 500 after the client\'s retries offers Retry and Show Log', async () => {
    await mockControl('/__mock/fault', { mode: 'server-error', status: 500 });
    try {
      const { report } = await failingCommand(() => vscode.commands.executeCommand('ideogram.generate', { prompt: 'a dog' }), 'server', 60_000);
      assert.ok(report.actions.includes('Retry'), report.actions.join());
      assert.ok(report.actions.includes('Show Log'));
    } finally {
      await mockControl('/__mock/fault', { mode: 'none' });
    }
  });

  it('an HTML error page points to Open Settings for the base URL', async () => {
    await mockControl('/__mock/fault', { mode: 'html-error', status: 404, count: 1 });
    const { report } = await failingCommand(() => vscode.commands.executeCommand('ideogram.generate', { prompt: 'a bird' }), 'not-found');
    assert.ok(report.actions.includes('Open Settings'), report.actions.join());
    assert.match(String(report.settingHint), /ideogram\.(baseUrl|pathPrefix)/);
  });

  it('a base URL that is not http(s) is named as such, with Open Settings, and nothing is sent', async () => {
    const config = vscode.workspace.getConfiguration('ideogram');
    const original = config.inspect<string>('baseUrl')?.globalValue;
    await config.update('baseUrl', 'ftp://bob:Hunter2Pass@relay.example', vscode.ConfigurationTarget.Global);
    try {
      const { report } = await failingCommand(() => vscode.commands.executeCommand('ideogram.generate', { prompt: 'a ship' }), 'user');
      assert.match(report.message, /ideogram\.baseUrl is not an http\(s\) URL: ftp:\/\/\[redacted\]@relay\.example/);
      assert.equal(report.settingHint, 'ideogram.baseUrl');
      assert.ok(report.actions.includes('Open Settings'), report.actions.join());
      assert.deepEqual((await mockControl('/__mock/requests')) as unknown[], [], 'nothing was sent');
    } finally {
      await config.update('baseUrl', original, vscode.ConfigurationTarget.Global);
    }
  });

  it('cancelling during the request writes nothing', async () => {
    await mockControl('/__mock/fault', { mode: 'latency', latencyMs: 5000, count: 1 });
    const before = await listOutput();
    const source = new vscode.CancellationTokenSource();
    setTimeout(() => source.cancel(), 500);
    await assert.rejects(api.generate({ prompt: 'slow fox', num_images: 2 }, { token: source.token, folder: folder() }), (err: Error & { kind?: string }) => err.kind === 'cancelled');
    assert.deepEqual(await listOutput(), before);
  });

  it('cancelling during the downloads removes what was already written', async () => {
    await mockControl('/__mock/fault', { mode: 'slow-download', latencyMs: 200, target: 'images' });
    try {
      const before = await listOutput();
      const source = new vscode.CancellationTokenSource();
      setTimeout(() => source.cancel(), 1500);
      await assert.rejects(api.generate({ prompt: 'slow download', num_images: 2 }, { token: source.token, folder: folder() }), (err: Error & { kind?: string }) => err.kind === 'cancelled');
      assert.deepEqual(await listOutput(), before);
    } finally {
      await mockControl('/__mock/fault', { mode: 'none' });
    }
  });

  it('with no key, asks for one and then continues the same operation with the same prompt', async () => {
    const envKey = process.env.IDEOGRAM_API_KEY;
    delete process.env.IDEOGRAM_API_KEY; // the rig's fallback would otherwise supply one
    try {
      await vscode.commands.executeCommand('ideogram.clearApiKey');
      let report: ReportedError | undefined;
      const sub = api.onDidReportError((r) => { report = r; });
      const pending = Promise.resolve(vscode.commands.executeCommand('ideogram.generate', { prompt: 'a lighthouse at dusk', seed: 77 }));
      await waitFor('the missing-key message', () => report);
      sub.dispose();
      assert.equal(report?.kind, 'missing-key');
      assert.ok(report?.actions.includes('Set API Key'));
      assert.deepEqual((await mockControl('/__mock/requests')) as unknown[], [], 'nothing was sent without a key');
      await vscode.commands.executeCommand('ideogram.setApiKey', rigEnvironment().apiKey);
      const uris = (await pending) as vscode.Uri[];
      assert.equal(uris.length, 1);
      const sidecar = await readJson(uris[0].with({ path: uris[0].path.replace(/\.png$/, '.json') }));
      assert.equal(sidecar.prompt, 'a lighthouse at dusk');
      assert.equal(sidecar.seed, 77);
      await vscode.commands.executeCommand('notifications.clearAll');
    } finally {
      if (envKey !== undefined) process.env.IDEOGRAM_API_KEY = envKey;
      await vscode.commands.executeCommand('ideogram.setApiKey', rigEnvironment().apiKey);
    }
  });

  it('a relay that echoes the key: no sidecar, file name or history entry holds it', async () => {
    const key = rigEnvironment().apiKey;
    await mockControl('/__mock/fault', { mode: 'echo-key', count: 1 });
    const result = await api.generate({ prompt: 'an echoing relay', model: 'V_2', seed: 5, num_images: 1 });
    const [saved] = result.saved;
    assert.ok(saved, 'one image saved');
    const sidecarText = new TextDecoder().decode(await vscode.workspace.fs.readFile(saved.sidecarUri));
    assert.ok(!sidecarText.includes(key), `the key is in the sidecar: ${sidecarText}`);
    assert.ok(!saved.relativePath.toLowerCase().includes(key.toLowerCase()), saved.relativePath);
    // The relay did echo it (the test would see it): the sidecar says where, redacted.
    assert.equal((JSON.parse(sidecarText) as { resolution?: string }).resolution, 'Bearer [redacted]');
    // A sidecar that already holds the key (written by an older version, or by hand) is shown without it.
    const old = outputUri('an-old-echo.json');
    await vscode.workspace.fs.writeFile(old, new TextEncoder().encode(JSON.stringify({
      operation: 'generate', prompt: `an old echo ${key}`, parameters: { prompt: `an old echo ${key}` }, style_type: key,
      is_image_safe: true, provider: 'custom', created_at: new Date().toISOString(), extension_version: '0.0.1', file: 'an-old-echo.png',
    })));
    try {
      const page = await api.readHistory(outputUri(), { query: 'old echo' });
      assert.equal(page.entries.length, 1);
      assert.ok(!JSON.stringify(page.entries[0].sidecar).includes(key), JSON.stringify(page.entries[0].sidecar));
      assert.equal(page.entries[0].sidecar.prompt, 'an old echo [redacted]');
    } finally {
      await vscode.workspace.fs.delete(old);
    }
  });

  it('history lists the sidecars newest first and finds them by prompt', async () => {
    const page = await api.readHistory(outputUri(), { limit: 100, query: 'red fox' });
    assert.ok(page.total >= 3, `found ${page.total}`);
    // Found by prompt, or by file name: a remix of a red-fox image is named after it (…-remix-1.png).
    const mentions = (e: (typeof page.entries)[number], term: string) => `${e.sidecar.prompt}\n${e.sidecar.file}`.toLowerCase().includes(term);
    assert.ok(page.entries.every((e) => mentions(e, 'red') && mentions(e, 'fox')), page.entries.map((e) => e.sidecar.file).join(', '));
    assert.ok(page.entries.some((e) => /red fox/i.test(e.sidecar.prompt)));
    const stamps = page.entries.map((e) => e.sidecar.created_at);
    assert.deepEqual([...stamps].sort().reverse(), stamps);
  });

  it('the API keys appear in no log, sidecar or error message', async () => {
    const keys = [rigEnvironment().apiKey, WRONG_KEY];
    const offenders: string[] = [];
    const scan = (file: string): void => {
      const text = readFileSync(file, 'utf8');
      for (const key of keys) if (text.includes(key)) offenders.push(`${file} contains ${key === WRONG_KEY ? 'the wrong key' : 'the key'}`);
    };
    // Every log of this window (the "Ideogram" channel's file included), then every output file.
    const windowLogs = path.dirname(path.dirname(api.logUri.fsPath));
    let logFiles = 0;
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name.endsWith('.log')) { logFiles++; scan(full); }
      }
    };
    walk(windowLogs);
    assert.ok(logFiles > 0, `no log files under ${windowLogs}`);
    const ideogramLog = readLogContaining(windowLogs, 'POST ');
    assert.ok(ideogramLog, 'the Ideogram channel logged the requests');
    for (const name of await listOutput()) scan(outputUri(name).fsPath);
    for (const message of seenErrorMessages) for (const key of keys) if (message.includes(key)) offenders.push(`error message: ${message}`);
    assert.deepEqual(offenders, []);
  });
});

function readLogContaining(dir: string, needle: string): string | undefined {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      const found = readLogContaining(full, needle);
      if (found) return found;
    } else if (/Ideogram/i.test(name) && readFileSync(full, 'utf8').includes(needle)) {
      return full;
    }
  }
  return undefined;
}
