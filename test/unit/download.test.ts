// Downloads: streamed to a temp file, checked to be an image, renamed without overwriting; on any
// error or cancel nothing partial remains in the folder.
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { createNodeFileSink } from '../../src/storage/node/fileSink';
import { downloadAll, downloadImage } from '../../src/ideogram';
import { IdeogramError, type IdeogramErrorKind } from '../../src/common/errors';
import { sniffImageType } from '../../src/common/imageType';
import { startMockServer, type MockServer } from '../../tools/mock-server';
import { makeClient, rejection, tempDir, TEST_KEY } from './clientTestHelpers';

describe('downloads', () => {
  let server: MockServer;
  let folder: ReturnType<typeof tempDir>;
  let urls: string[];

  before(async () => {
    server = await startMockServer({ key: TEST_KEY, imageBytes: 200_000 });
    const { client } = makeClient(server);
    const result = await client.generate({ prompt: 'download me', num_images: 4, seed: 7 });
    urls = result.images.map((i) => i.url ?? '');
  });
  after(() => server.close());
  beforeEach(() => {
    server.reset();
    folder = tempDir('ideogram-download-');
  });
  afterEach(() => folder.cleanup());

  async function expectFailure(fn: () => Promise<unknown>, kind: IdeogramErrorKind): Promise<IdeogramError> {
    const err = await rejection(fn);
    assert.ok(err instanceof IdeogramError, String(err));
    assert.equal(err.kind, kind, err.message);
    assert.deepEqual(folder.files(), [], 'no partial file may remain');
    return err;
  }

  it('streams an image to <baseName>.<ext> with no temp file left', async () => {
    const saved = await downloadImage(urls[0], createNodeFileSink(folder.dir, 'cat'));
    assert.equal(saved.path, path.join(folder.dir, 'cat.png'));
    assert.equal(saved.mime, 'image/png');
    assert.deepEqual(folder.files(), ['cat.png']);
    const bytes = readFileSync(saved.path);
    assert.equal(bytes.length, saved.bytes);
    assert.ok(bytes.length >= 190_000);
    assert.equal(sniffImageType(bytes)?.ext, 'png');
  });

  it('creates the folder and never overwrites: -1, -2 …, also for parallel writers', async () => {
    const sub = path.join(folder.dir, 'out', 'nested');
    writeFileSync(path.join(folder.dir, 'dup.png'), 'existing');
    const first = await downloadImage(urls[0], createNodeFileSink(folder.dir, 'dup'));
    assert.equal(path.basename(first.path), 'dup-1.png');
    assert.equal(readFileSync(path.join(folder.dir, 'dup.png'), 'utf8'), 'existing');
    const parallel = await Promise.all(urls.map((url) => downloadImage(url, createNodeFileSink(sub, 'same'))));
    assert.deepEqual(parallel.map((p) => path.basename(p.path)).sort(), ['same-1.png', 'same-2.png', 'same-3.png', 'same.png']);
  });

  it('a result link that is not http(s) or data: is an unusable link from the provider, not a network failure', async () => {
    for (const [url, scheme] of [['file:///etc/hostname', 'file:'], ['javascript:alert(document.cookie)', 'javascript:'], ['ftp://example.com/a.png', 'ftp:'], ['not a url', '']] as const) {
      const err = await expectFailure(() => downloadImage(url, createNodeFileSink(folder.dir, 'x')), 'invalid-response');
      assert.match(err.message, /^The provider returned an unusable image link/, url);
      assert.ok(scheme === '' || err.message.includes(`(${scheme})`), err.message);
      assert.doesNotMatch(err.message, /connection|network|alert|cookie|hostname/, 'says what is wrong, and shows no more of the link than its scheme');
      assert.equal(err.retryable, false);
      assert.equal(err.settingHint, 'ideogram.baseUrl');
    }
    assert.equal(server.stats().imageDownloads, 0);
  });

  it('a data: result link is accepted on purpose: decoded, checked to be an image, and kept out of messages', async () => {
    const png = readFileSync(path.join(__dirname, '../fixtures/workspace/images/sunset.png'));
    const saved = await downloadImage(`data:image/png;base64,${png.toString('base64')}`, createNodeFileSink(folder.dir, 'inline'));
    assert.deepEqual(folder.files(), ['inline.png']);
    assert.ok(readFileSync(saved.path).equals(png));
    const html = `data:text/html;base64,${Buffer.from('<!DOCTYPE html><html><body>' + 'x'.repeat(5000) + '</body></html>').toString('base64')}`;
    const err = await rejection(() => downloadImage(html, createNodeFileSink(folder.dir, 'page')));
    assert.match(err.message, /did not return a PNG, JPEG or WebP image/);
    assert.ok(err.message.length < 200, `the message quotes the whole data: link: ${err.message.slice(0, 120)}…`);
    assert.deepEqual(folder.files(), ['inline.png']);
  });

  it('a base name cannot escape the folder', async () => {
    const saved = await downloadImage(urls[0], createNodeFileSink(folder.dir, '../../escape'));
    assert.equal(path.dirname(saved.path), folder.dir);
  });

  it('an expired link fails as a download error and leaves nothing', async () => {
    server.setFault({ mode: 'expired-url', count: 1 });
    const err = await expectFailure(() => downloadImage(urls[0], createNodeFileSink(folder.dir, 'gone')), 'download');
    assert.equal(err.status, 403);
    assert.match(err.message, /no longer available/);
  });

  it('a non-image answer is refused by its bytes', async () => {
    const err = await expectFailure(() => downloadImage(`${server.baseUrl}/__mock/stats`, createNodeFileSink(folder.dir, 'page')), 'download');
    assert.match(err.message, /not return a PNG, JPEG or WebP/);
  });

  it('a body larger than maxBytes is abandoned', async () => {
    await expectFailure(() => downloadImage(urls[0], createNodeFileSink(folder.dir, 'big'), { maxBytes: 50_000 }), 'download');
  });

  it('a connection dropped mid-image leaves nothing', async () => {
    server.setFault({ mode: 'truncated-body', target: 'images', count: 1 });
    await expectFailure(() => downloadImage(urls[0], createNodeFileSink(folder.dir, 'cut')), 'download');
  });

  it('cancel mid-download removes the partial file', async () => {
    server.setFault({ mode: 'slow-download', latencyMs: 100 });
    const controller = new AbortController();
    const sink = createNodeFileSink(folder.dir, 'slow');
    const pending = downloadImage(urls[0], sink, { signal: controller.signal });
    // Wait until the temp file really holds data, so the cancel happens mid-write.
    for (let i = 0; i < 50 && !folder.files().some((f) => f.startsWith('.slow.part-')); i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(folder.files().some((f) => f.startsWith('.slow.part-')), 'temp file should exist while downloading');
    controller.abort();
    await expectFailure(() => pending, 'cancelled');
  });

  it('a download slower than timeoutMs stops and leaves nothing', async () => {
    server.setFault({ mode: 'slow-download', latencyMs: 100 });
    await expectFailure(() => downloadImage(urls[0], createNodeFileSink(folder.dir, 'late'), { timeoutMs: 400 }), 'timeout');
  });

  it('a sink that cannot write reports a save failure and is aborted', async () => {
    let aborted = false;
    const err = await expectFailure(() => downloadImage(urls[0], {
      write: () => Promise.reject(Object.assign(new Error('no space'), { code: 'ENOSPC' })),
      commit: () => Promise.resolve('never'),
      abort: () => { aborted = true; return Promise.resolve(); },
    }), 'download');
    assert.match(err.message, /could not be saved \(ENOSPC\)/);
    assert.equal(aborted, true);
  });

  it('downloadAll: one failure does not discard the others; results in input order', async () => {
    server.setFault({ mode: 'expired-url', count: 1 });
    const results = await downloadAll(urls.map((url, i) => ({ url, sink: createNodeFileSink(folder.dir, `img-${i}`) })), { concurrency: 1 });
    assert.deepEqual(results.map((r) => r.ok), [false, true, true, true]);
    assert.equal(results[0].ok ? undefined : results[0].error.kind, 'download');
    assert.deepEqual(folder.files(), ['img-1.png', 'img-2.png', 'img-3.png']);
  });

  it('downloadAll: respects the concurrency cap', async () => {
    server.setFault({ mode: 'latency', latencyMs: 150, target: 'images' });
    const started = Date.now();
    const results = await downloadAll(urls.map((url, i) => ({ url, sink: createNodeFileSink(folder.dir, `c-${i}`) })), { concurrency: 2 });
    assert.ok(results.every((r) => r.ok));
    // 4 images, 2 at a time, 150 ms each: at least two rounds.
    assert.ok(Date.now() - started >= 290, `took ${Date.now() - started} ms`);
  });

  it('downloadAll: cancelling stops every download and leaves no partial files', async () => {
    server.setFault({ mode: 'slow-download', latencyMs: 100 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const results = await downloadAll(urls.map((url, i) => ({ url, sink: createNodeFileSink(folder.dir, `x-${i}`) })), { concurrency: 2, signal: controller.signal });
    assert.deepEqual(results.map((r) => (r.ok ? 'ok' : r.error.kind)), ['cancelled', 'cancelled', 'cancelled', 'cancelled']);
    assert.deepEqual(folder.files(), []);
  });
});
