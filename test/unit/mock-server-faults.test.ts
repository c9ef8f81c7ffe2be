// Each fault mode of the local server does what it says, for `count` requests, then stops.
import { strict as assert } from 'node:assert';
import { PNG } from 'pngjs';
import { startMockServer, type MockServer } from '../../tools/mock-server';

const relayHeaders = { Authorization: 'Bearer test-key', 'Content-Type': 'application/json' };
const officialHeaders = { 'Api-Key': 'test-key', 'Content-Type': 'application/json' };

describe('mock server: fault modes', () => {
  let server: MockServer;
  before(async () => { server = await startMockServer(); });
  after(async () => { await server.close(); });
  beforeEach(() => server.reset());

  const generate = (headers: Record<string, string> = relayHeaders, path = '/ideogram/generate'): Promise<Response> =>
    fetch(server.baseUrl + path, { method: 'POST', headers, body: JSON.stringify({ image_request: { prompt: 'fault test', aspect_ratio: 'ASPECT_1_1' } }) });

  /** The fault in force, as the control route reports it. */
  async function currentFault(): Promise<{ mode: string }> {
    return await (await fetch(server.baseUrl + '/__mock/fault')).json() as { mode: string };
  }

  async function imageUrl(): Promise<string> {
    const res = await generate();
    assert.equal(res.status, 200);
    const url = ((await res.json()) as { data: { url: string }[] }).data[0].url;
    assert.ok(url);
    return url;
  }

  it('latency: delays the next `count` answers, then answers promptly', async () => {
    server.setFault({ mode: 'latency', latencyMs: 600, count: 1 });
    const t = Date.now();
    assert.equal((await generate()).status, 200);
    assert.ok(Date.now() - t >= 580, 'delayed');
    // "Promptly" by the fault's state, not by a clock: the one delayed answer used it up.
    assert.equal((await currentFault()).mode, 'none');
    assert.equal((await generate()).status, 200);
  });

  it('rate-limit-burst: 429 with Retry-After in each dialect, then normal', async () => {
    server.setFault({ mode: 'rate-limit-burst', count: 2, retryAfterSeconds: 3 });
    const relay = await generate();
    assert.equal(relay.status, 429);
    assert.equal(relay.headers.get('retry-after'), '3');
    assert.deepEqual(((await relay.json()) as { error: { type: string } }).error.type, 'rate_limit_error');
    const official = await generate(officialHeaders, '/generate');
    assert.equal(official.status, 429);
    assert.equal(((await official.json()) as { reject_reason: string }).reject_reason, 'inflight_limit');
    assert.equal((await generate()).status, 200);
    assert.equal(server.stats().rateLimited, 2);
  });

  it('rate-limit-burst without retryAfterSeconds sends no Retry-After', async () => {
    server.setFault({ mode: 'rate-limit-burst', count: 1 });
    const res = await generate();
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), null);
  });

  it('server-error: 500 by default, or the given 502/503, with an error body', async () => {
    server.setFault({ mode: 'server-error', count: 1 });
    const res = await generate(officialHeaders, '/generate');
    assert.equal(res.status, 500);
    assert.equal(typeof ((await res.json()) as { error: unknown }).error, 'string');
    server.setFault({ mode: 'server-error', status: 502, count: 1 });
    const relay = await generate();
    assert.equal(relay.status, 502);
    assert.equal(((await relay.json()) as { error: { type: string } }).error.type, 'server_error');
    assert.equal((await generate()).status, 200);
  });

  it('connection-reset: the socket is destroyed without an answer', async () => {
    server.setFault({ mode: 'connection-reset', count: 1 });
    await assert.rejects(generate(), TypeError);
    assert.equal((await generate()).status, 200);
  });

  it('truncated-body: Content-Length promises more than arrives', async () => {
    server.setFault({ mode: 'truncated-body', count: 1 });
    const res = await generate();
    assert.equal(res.status, 200);
    await assert.rejects(res.text());
    assert.equal((await generate()).status, 200);
  });

  it('invalid-json: 200 with application/json that does not parse', async () => {
    server.setFault({ mode: 'invalid-json', count: 1 });
    const res = await generate();
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json');
    await assert.rejects(res.json(), SyntaxError);
  });

  it('html-error: an HTML page with 502 by default, or 200 when asked', async () => {
    server.setFault({ mode: 'html-error', count: 1 });
    const res = await generate();
    assert.equal(res.status, 502);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await res.text(), /<html>/);
    server.setFault({ mode: 'html-error', status: 200, count: 1 });
    const ok = await generate();
    assert.equal(ok.status, 200);
    assert.match(await ok.text(), /502 Bad Gateway/);
  });

  it('unsafe-result: is_image_safe false and url null', async () => {
    server.setFault({ mode: 'unsafe-result', count: 1 });
    const res = await fetch(`${server.baseUrl}/generate`, { method: 'POST', headers: officialHeaders, body: JSON.stringify({ image_request: { prompt: 'x', num_images: 2 } }) });
    const body = (await res.json()) as { data: { url: string | null; is_image_safe: boolean }[] };
    assert.deepEqual(body.data.map((d) => [d.url, d.is_image_safe]), [[null, false], [null, false]]);
  });

  it('expired-url: image URLs answer 403 (or the given 404); API calls are unaffected', async () => {
    const url = await imageUrl();
    server.setFault({ mode: 'expired-url', count: 2 });
    assert.equal((await generate()).status, 200, 'image faults do not touch API calls');
    assert.equal((await fetch(url)).status, 403);
    assert.equal((await fetch(url)).status, 403);
    assert.equal((await fetch(url)).status, 200);
    server.setFault({ mode: 'expired-url', status: 404, count: 1 });
    assert.equal((await fetch(url)).status, 404);
  });

  it('slow-download: image bytes trickle, so a client can give up mid-body; then downloads are normal', async () => {
    const url = await imageUrl();
    // One piece, then a minute per piece: the first read can only be part of the image, whatever the load.
    server.setFault({ mode: 'slow-download', latencyMs: 60_000, count: 1 });
    const controller = new AbortController();
    const res = await fetch(url, { signal: controller.signal });
    assert.equal(res.status, 200, 'headers arrive before the body');
    const reader = res.body!.getReader();
    const first = await reader.read();
    assert.ok(first.value && first.value.length < Number(res.headers.get('content-length')), 'only part of the image');
    controller.abort();
    await assert.rejects(reader.read(), /abort/i);
    assert.equal((await currentFault()).mode, 'none', 'the fault was used up');
    PNG.sync.read(Buffer.from(await (await fetch(url)).arrayBuffer()));
  });

  it('slow-download still delivers the whole, decodable image to a patient client', async () => {
    const url = await imageUrl();
    server.setFault({ mode: 'slow-download', latencyMs: 20, count: 1 });
    const t = Date.now();
    const png = PNG.sync.read(Buffer.from(await (await fetch(url)).arrayBuffer()));
    assert.equal(png.width, 1024);
    assert.ok(Date.now() - t >= 300, 'about 20 pieces 20 ms apart');
  });

  it("target 'images' points truncated-body and connection-reset at downloads", async () => {
    const url = await imageUrl();
    server.setFault({ mode: 'truncated-body', target: 'images', count: 1 });
    assert.equal((await generate()).status, 200);
    const res = await fetch(url);
    await assert.rejects(res.arrayBuffer());
    server.setFault({ mode: 'connection-reset', target: 'images', count: 1 });
    await assert.rejects(fetch(url));
    assert.equal((await fetch(url)).status, 200);
  });

  it('without count a fault lasts until changed; invalid settings are refused', async () => {
    server.setFault({ mode: 'server-error' });
    assert.equal((await generate()).status, 500);
    assert.equal((await generate()).status, 500);
    server.setFault({ mode: 'none' });
    assert.equal((await generate()).status, 200);
    assert.throws(() => server.setFault({ mode: 'nope' as 'none' }), /mode must be one of/);
  });

  it('faults apply after the key check, so a wrong key still gets 401', async () => {
    server.setFault({ mode: 'server-error', count: 1 });
    const res = await generate({ Authorization: 'Bearer wrong', 'Content-Type': 'application/json' });
    assert.equal(res.status, 401);
    assert.equal((await generate()).status, 500, 'the fault was not used up by the rejected request');
  });
});
