// Error mapping, retries with backoff, timeouts and cancellation: against the local server's fault
// modes over real HTTP, plus the pure mapping for statuses the server does not produce.
import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { backoffDelay, errorFromResponse, extractErrorMessage, IdeogramClient, parseDescribeResult, parseImageResult, parseRetryAfter } from '../../src/ideogram';
import { IdeogramError, type IdeogramErrorKind } from '../../src/common/errors';
import { providerDefaults } from '../../src/common/provider';
import { redactSecrets } from '../../src/common/redact';
import { startMockServer, type MockServer } from '../../tools/mock-server';
import { renderPng } from '../../tools/mock-server/png';
import { makeClient, rejection, TEST_KEY } from './clientTestHelpers';

async function expectKind(fn: () => Promise<unknown>, kind: IdeogramErrorKind): Promise<IdeogramError> {
  const err = await rejection(fn);
  assert.ok(err instanceof IdeogramError, String(err));
  assert.equal(err.kind, kind, err.message);
  assert.ok(!err.message.includes(TEST_KEY));
  return err;
}

describe('client errors: server fault modes', () => {
  let server: MockServer;
  before(async () => { server = await startMockServer({ key: TEST_KEY }); });
  after(() => server.close());
  beforeEach(() => server.reset());

  it('resolution with V_1, which the vendor-schema server caught the client sending, is now refused before sending', async () => {
    const { client } = makeClient(server, { provider: 'ideogram' });
    const err = await expectKind(() => client.generate({ prompt: 'a lighthouse', model: 'V_1', resolution: 'RESOLUTION_1024_1024' }), 'invalid-request');
    assert.equal(err.status, undefined);
    assert.match(err.message, /Resolution is not supported by V_1 models/);
    assert.equal(server.requests.length, 0);
  });

  it('422 safety rejection is never retried', async () => {
    const { client, log } = makeClient(server);
    const err = await expectKind(() => client.generate({ prompt: 'something forbidden' }), 'safety');
    assert.equal(err.status, 422);
    assert.equal(err.retryable, false);
    assert.match(err.message, /safety check/);
    assert.equal(server.requests.length, 1);
    assert.deepEqual(log.map((e) => e.attempt), [1]);
  });

  it('429 burst, then success: retried with backoff and logged per attempt', async () => {
    server.setFault({ mode: 'rate-limit-burst', count: 2 });
    const { client, log } = makeClient(server);
    const result = await client.generate({ prompt: 'x' });
    assert.equal(result.images.length, 1);
    assert.equal(server.requests.length, 3);
    assert.deepEqual(log.map((e) => [e.attempt, e.status]), [[1, 429], [2, 429], [3, 200]]);
    assert.match(log[0].error ?? '', /^rate-limit:/);
  });

  it('429 honours Retry-After (seconds)', async () => {
    server.setFault({ mode: 'rate-limit-burst', count: 1, retryAfterSeconds: 1 });
    const { client } = makeClient(server, { retryBaseDelayMs: 1 });
    const started = Date.now();
    await client.generate({ prompt: 'x' });
    const waited = Date.now() - started;
    assert.ok(waited >= 950, `waited only ${waited} ms`);
    assert.equal(server.requests.length, 2);
  });

  it('429 retries are bounded: gives up after maxRetries', async () => {
    server.setFault({ mode: 'rate-limit-burst' });
    const { client, log } = makeClient(server, { maxRetries: 2 });
    const err = await expectKind(() => client.generate({ prompt: 'x' }), 'rate-limit');
    assert.equal(err.status, 429);
    assert.equal(err.retryable, true);
    assert.equal(server.requests.length, 3);
    assert.equal(log.length, 3);
  });

  it('reads both error body shapes', async () => {
    server.setFault({ mode: 'rate-limit-burst' });
    const official = await expectKind(() => makeClient(server, { provider: 'ideogram', maxRetries: 0 }).client.generate({ prompt: 'x' }), 'rate-limit');
    const relay = await expectKind(() => makeClient(server, { provider: 'crazyrouter', maxRetries: 0 }).client.generate({ prompt: 'x' }), 'rate-limit');
    // {"error":"Rate limit exceeded"} and {"error":{"message":"Rate limit exceeded",…}}
    assert.match(official.message, /Rate limit exceeded/);
    assert.match(relay.message, /Rate limit exceeded/);
  });

  it('5xx is retried a bounded number of times', async () => {
    server.setFault({ mode: 'server-error', count: 1, status: 503 });
    const { client } = makeClient(server);
    await client.generate({ prompt: 'x' });
    assert.equal(server.requests.length, 2);

    server.reset();
    server.setFault({ mode: 'server-error', status: 500 });
    const err = await expectKind(() => makeClient(server, { maxRetries: 1 }).client.generate({ prompt: 'x' }), 'server');
    assert.equal(err.status, 500);
    assert.equal(server.requests.length, 2);
  });

  it('an HTML error page: server error pointing at ideogram.baseUrl', async () => {
    server.setFault({ mode: 'html-error' });
    const err = await expectKind(() => makeClient(server, { maxRetries: 1 }).client.generate({ prompt: 'x' }), 'server');
    assert.equal(err.status, 502);
    assert.equal(err.settingHint, 'ideogram.baseUrl');
    assert.match(err.message, /HTML page/);
    assert.ok(!err.message.includes('<html'));
  });

  it('an HTML page with status 200: invalid response pointing at ideogram.baseUrl', async () => {
    server.setFault({ mode: 'html-error', status: 200, count: 1 });
    const err = await expectKind(() => makeClient(server).client.generate({ prompt: 'x' }), 'invalid-response');
    assert.equal(err.settingHint, 'ideogram.baseUrl');
    assert.match(err.message, /web page/);
    assert.equal(server.requests.length, 1);
  });

  it('invalid JSON: invalid response, not retried', async () => {
    server.setFault({ mode: 'invalid-json', count: 1 });
    const err = await expectKind(() => makeClient(server).client.generate({ prompt: 'x' }), 'invalid-response');
    assert.match(err.message, /not valid JSON/);
    assert.equal(server.requests.length, 1);
  });

  it('connection reset and truncated body: network errors, retried', async () => {
    server.setFault({ mode: 'connection-reset', count: 1 });
    await makeClient(server).client.generate({ prompt: 'x' });
    assert.equal(server.requests.length, 2);

    server.reset();
    server.setFault({ mode: 'truncated-body', count: 1 });
    await makeClient(server).client.generate({ prompt: 'x' });
    assert.equal(server.requests.length, 2);

    server.reset();
    server.setFault({ mode: 'connection-reset' });
    const err = await expectKind(() => makeClient(server, { maxRetries: 1 }).client.generate({ prompt: 'x' }), 'network');
    assert.equal(err.retryable, true);
    assert.equal(server.requests.length, 2);
  });

  it('wrong path prefix: not-found pointing at ideogram.pathPrefix', async () => {
    const { client } = makeClient(server, { provider: 'custom', configOverrides: { pathPrefix: '/v1/images' } });
    const err = await expectKind(() => client.generate({ prompt: 'x' }), 'not-found');
    assert.equal(err.status, 404);
    assert.equal(err.settingHint, 'ideogram.pathPrefix');
  });

  it('the official API with a JSON image transport is refused before sending, naming ideogram.imageTransport', async () => {
    const png = Buffer.from(renderPng(8, 8, 'abcdefabcdef'));
    for (const transport of ['data-url', 'url'] as const) {
      const image = transport === 'url' ? { kind: 'url' as const, url: 'https://example.com/a.png' } : { kind: 'bytes' as const, data: png, name: 'a.png' };
      for (const { client } of [
        makeClient(server, { provider: 'ideogram', configOverrides: { transport } }),
        // A custom provider pointed at api.ideogram.ai is the official API too (refused before any network use).
        makeClient(server, { provider: 'custom', configOverrides: { transport, baseUrl: 'https://api.ideogram.ai' } }),
      ]) {
        for (const run of [() => client.remix({ prompt: 'x' }, image), () => client.upscale({}, image), () => client.describe(image)]) {
          const err = await expectKind(run, 'invalid-request');
          assert.equal(err.settingHint, 'ideogram.imageTransport');
          assert.match(err.message, new RegExp(`only as a file upload; set ideogram\\.imageTransport to multipart \\(now ${transport}\\)`));
        }
      }
    }
    assert.equal(server.requests.length, 0);
  });

  it('a relay on root paths that refuses JSON image bodies (415) gets a message naming ideogram.imageTransport', async () => {
    const { client } = makeClient(server, { provider: 'custom', configOverrides: { transport: 'data-url' } });
    const err = await expectKind(() => client.describe({ kind: 'bytes', data: Buffer.from(renderPng(8, 8, 'abcdefabcdef')), name: 'a.png' }), 'invalid-request');
    assert.equal(err.status, 415);
    assert.equal(err.settingHint, 'ideogram.imageTransport');
    assert.match(err.message, /ideogram\.imageTransport to multipart/);
  });

  it('a 400 about image_file with the url transport points at ideogram.imageTransport', async () => {
    const { client } = makeClient(server, { configOverrides: { transport: 'url' } });
    const err = await expectKind(() => client.describe({ kind: 'url', url: `${server.baseUrl}/images/not-served.png` }), 'invalid-request');
    assert.equal(err.status, 400);
    assert.equal(err.settingHint, 'ideogram.imageTransport');
    assert.match(err.message, /image_file/);
  });

  it('unreachable server: network error', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const { client } = makeClient(server, { configOverrides: { baseUrl: `http://127.0.0.1:${port}` }, maxRetries: 1 });
    const err = await expectKind(() => client.generate({ prompt: 'x' }), 'network');
    assert.match(err.message, /ECONNREFUSED/);
  });

  // The answers below would take a minute, longer than mocha's timeout: finishing at all shows the
  // client stopped waiting, without a wall-clock bound that a loaded machine could miss.
  it('timeout: a slow answer is stopped after timeoutMs', async () => {
    server.setFault({ mode: 'latency', latencyMs: 60_000, count: 1 });
    const err = await expectKind(() => makeClient(server, { timeoutMs: 300 }).client.generate({ prompt: 'x' }), 'timeout');
    assert.equal(err.retryable, false);
  });

  it('cancellation mid-request rejects quickly with cancelled', async () => {
    server.setFault({ mode: 'latency', latencyMs: 60_000, count: 1 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await expectKind(() => makeClient(server).client.generate({ prompt: 'x' }, controller.signal), 'cancelled');
  });

  it('cancellation during a Retry-After wait rejects quickly with cancelled', async () => {
    server.setFault({ mode: 'rate-limit-burst', retryAfterSeconds: 30 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    await expectKind(() => makeClient(server).client.generate({ prompt: 'x' }, controller.signal), 'cancelled');
    assert.equal(server.requests.length, 1);
  });

  it('an already aborted signal sends nothing', async () => {
    await expectKind(() => makeClient(server).client.generate({ prompt: 'x' }, AbortSignal.abort()), 'cancelled');
    assert.equal(server.requests.length, 0);
  });
});

describe('client errors: a provider that echoes the key', () => {
  let echo: Server;
  let baseUrl: string;
  before(async () => {
    // Some relays quote the header back ("invalid token sk-…"); the client must redact it.
    echo = createServer((req, res) => {
      req.resume();
      const presented = req.headers.authorization ?? '';
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `bad request for token ${presented} (${encodeURIComponent(presented)})` } }));
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => echo.close(() => resolve())));

  it('redacts the key from the error message and the log', async () => {
    const log: unknown[] = [];
    const client = new IdeogramClient({ config: { ...providerDefaults('crazyrouter'), baseUrl }, getApiKey: () => Promise.resolve(TEST_KEY), onRequest: (e) => log.push(e) });
    const err = await expectKind(() => client.generate({ prompt: 'x' }), 'invalid-request');
    assert.match(err.message, /\[redacted\]/);
    assert.ok(!JSON.stringify(log).includes(TEST_KEY));
    assert.ok(!JSON.stringify(log).includes(encodeURIComponent(TEST_KEY)));
  });
});

describe('client errors: pure mapping', () => {
  const ctx = { op: 'generate', transport: 'multipart', provider: 'crazyrouter', secrets: [TEST_KEY] };

  it('maps statuses to kinds', () => {
    const kind = (status: number, body = '{}', extra: Partial<typeof ctx> = {}) => errorFromResponse({ ...ctx, ...extra, status, body }).kind;
    assert.equal(kind(401), 'auth');
    assert.equal(kind(403), 'auth');
    assert.equal(kind(402), 'billing');
    assert.equal(kind(403, JSON.stringify({ error: { message: 'insufficient quota', type: 'insufficient_quota' } })), 'billing');
    assert.equal(kind(429, JSON.stringify({ error: 'You exceeded your current quota' })), 'billing');
    assert.equal(kind(429, JSON.stringify({ error: 'slow down', reject_reason: 'inflight_limit' })), 'rate-limit');
    assert.equal(kind(422), 'safety');
    assert.equal(kind(500), 'server');
    assert.equal(kind(503), 'server');
    assert.equal(kind(404), 'not-found');
    assert.equal(kind(405), 'not-found');
    assert.equal(kind(413), 'invalid-request');
    assert.equal(kind(400), 'invalid-request');
    assert.equal(kind(301), 'invalid-response');
  });

  it('names the setting to change', () => {
    const hint = (status: number, extra: Record<string, unknown> = {}, body = '{}') => errorFromResponse({ ...ctx, ...extra, status, body }).settingHint;
    assert.equal(hint(415, { op: 'remix', transport: 'data-url' }), 'ideogram.imageTransport');
    assert.equal(hint(415), 'ideogram.pathPrefix');
    assert.equal(hint(404), 'ideogram.pathPrefix');
    assert.equal(hint(400, { op: 'upscale', transport: 'url' }, JSON.stringify({ error: 'image_file must be a file' })), 'ideogram.imageTransport');
    assert.equal(hint(400, {}, JSON.stringify({ error: 'prompt too long' })), undefined);
    assert.equal(hint(400, { op: 'remix', transport: 'url' }, JSON.stringify({ error: 'Invalid image_request. seed: too big' })), undefined);
    assert.equal(hint(403, { provider: 'custom' }), 'ideogram.authStyle');
    assert.equal(hint(401), undefined);
    assert.equal(hint(418, {}, '<!DOCTYPE html><html><body>Teapot</body></html>'), 'ideogram.baseUrl');
  });

  it('a 400 to a JSON image body names ideogram.imageTransport as a possible cause; multipart and generate do not', () => {
    const message = (extra: Partial<typeof ctx>) => errorFromResponse({ ...ctx, ...extra, status: 400, body: JSON.stringify({ error: 'Bad request' }) }).message;
    for (const transport of ['data-url', 'url']) {
      assert.match(message({ op: 'describe', transport }), new RegExp(`\\(400\\): Bad request\\. If it does not take images as JSON, set ideogram\\.imageTransport to multipart \\(now ${transport}\\)\\.`));
    }
    assert.doesNotMatch(message({ op: 'remix', transport: 'multipart' }), /imageTransport/);
    assert.doesNotMatch(message({ op: 'generate', transport: 'data-url' }), /imageTransport/);
  });

  it('reads error messages from every body shape', () => {
    assert.equal(extractErrorMessage('{"error":"Prompt failed"}'), 'Prompt failed');
    assert.equal(extractErrorMessage('{"error":{"message":"Invalid API key","type":"authentication_error"}}'), 'Invalid API key');
    assert.equal(extractErrorMessage('{"message":"nope"}'), 'nope');
    assert.equal(extractErrorMessage('{"error":{"message":""}}'), undefined);
    assert.equal(extractErrorMessage('<html>'), undefined);
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    assert.equal(parseRetryAfter('3'), 3000);
    assert.equal(parseRetryAfter('0.5'), 500);
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now), 5000);
    assert.equal(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now), 0);
    assert.equal(parseRetryAfter('soon'), undefined);
    assert.equal(parseRetryAfter(null), undefined);
    const err = errorFromResponse({ ...ctx, status: 429, body: '{}', retryAfter: '7' });
    assert.equal(err.retryAfterMs, 7000);
  });

  it('backs off exponentially with jitter, capped, and lets Retry-After win', () => {
    assert.equal(backoffDelay(1, 1000, undefined, () => 0), 500);
    assert.equal(backoffDelay(1, 1000, undefined, () => 1), 1000);
    assert.equal(backoffDelay(3, 1000, undefined, () => 1), 4000);
    assert.equal(backoffDelay(20, 1000, undefined, () => 1), 30_000);
    assert.equal(backoffDelay(1, 1000, 2500), 2500);
    assert.equal(backoffDelay(1, 1000, 3_600_000), 60_000);
  });

  it('redacts secrets, also URL-encoded', () => {
    assert.equal(redactSecrets('key=abc/def+1 and abc%2Fdef%2B1', ['abc/def+1']), 'key=[redacted] and [redacted]');
    assert.equal(redactSecrets('short', ['', 'ab']), 'short');
  });

  it('never includes the key in messages built from bodies', () => {
    const err = errorFromResponse({ ...ctx, status: 401, body: JSON.stringify({ error: `bad key ${TEST_KEY}` }) });
    assert.ok(!err.message.includes(TEST_KEY));
  });
});

describe('client responses: lenient parsing', () => {
  it('accepts created as a number or string, url null/empty when unsafe, missing is_image_safe, unknown fields', () => {
    const result = parseImageResult({
      created: 1709123456, request_id: 'r1',
      data: [
        { url: 'https://ideogram.ai/assets/image/1.png', prompt: 'p', resolution: '1344x768', seed: 67890, extra: true },
        { url: null, prompt: 'p', resolution: '1024x1024', is_image_safe: false, seed: 1 },
        { url: '', is_image_safe: false },
      ],
    }, 'generate', 'request prompt');
    assert.equal(result.created, '1709123456');
    assert.deepEqual(result.images.map((i) => [i.url, i.is_image_safe]), [
      ['https://ideogram.ai/assets/image/1.png', true], [undefined, false], [undefined, false],
    ]);
    assert.equal(result.images[2].prompt, 'request prompt');
    assert.equal(parseImageResult({ created: '2024-08-27T15:40:31.101790+00:00', data: [] }, 'generate').created, '2024-08-27T15:40:31.101790+00:00');
  });

  it('rejects a wrong shape as invalid-response', () => {
    for (const body of [{}, { data: 'x' }, [], null, { data: [{ url: 5 }] }]) {
      assert.throws(() => parseImageResult(body, 'generate'), (e: unknown) => e instanceof IdeogramError && e.kind === 'invalid-response');
    }
  });

  it('describe: drops descriptions without text', () => {
    assert.deepEqual(parseDescribeResult({ descriptions: [{ text: 'a' }, {}, { text: null }, { text: ' ' }, { text: 'b', score: 1 }] }), { descriptions: ['a', 'b'] });
    assert.deepEqual(parseDescribeResult({}), { descriptions: [] });
    assert.throws(() => parseDescribeResult('text'), (e: unknown) => e instanceof IdeogramError && e.kind === 'invalid-response');
  });
});
