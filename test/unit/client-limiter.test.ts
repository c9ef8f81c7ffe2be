// The in-flight limit counts images, not requests: batches queue on our side instead of meeting
// the provider's 429.
import { strict as assert } from 'node:assert';
import { IdeogramError } from '../../src/common/errors';
import { InflightLimiter } from '../../src/ideogram';
import { startMockServer, type MockServer } from '../../tools/mock-server';
import { makeClient, TEST_KEY } from './clientTestHelpers';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('InflightLimiter', () => {
  it('grants slots up to the limit and queues the rest in order', async () => {
    const limiter = new InflightLimiter(10);
    const order: string[] = [];
    const a = await limiter.acquire(4);
    const b = await limiter.acquire(4);
    const c = limiter.acquire(4).then((release) => { order.push('c'); return release; });
    const d = limiter.acquire(1).then((release) => { order.push('d'); return release; });
    await tick();
    assert.equal(limiter.active, 8);
    // d would fit (8 + 1 <= 10) but waits behind c, so big requests cannot starve.
    assert.deepEqual(order, []);
    a();
    a(); // releasing twice is harmless
    await tick();
    assert.deepEqual(order, ['c', 'd']);
    assert.equal(limiter.active, 9);
    b();
    (await c)();
    (await d)();
    assert.equal(limiter.active, 0);
  });

  it('runs a request larger than the limit alone', async () => {
    const limiter = new InflightLimiter(4);
    const small = await limiter.acquire(1);
    let bigStarted = false;
    const big = limiter.acquire(8).then((release) => { bigStarted = true; return release; });
    await tick();
    assert.equal(bigStarted, false);
    small();
    const release = await big;
    assert.equal(limiter.active, 8);
    release();
    assert.equal(limiter.active, 0);
  });

  it('a cancelled waiter leaves the queue and lets the next one in', async () => {
    const limiter = new InflightLimiter(2);
    const first = await limiter.acquire(2);
    const controller = new AbortController();
    const cancelled = limiter.acquire(2, controller.signal);
    const next = limiter.acquire(1);
    controller.abort();
    await assert.rejects(cancelled, (e: unknown) => e instanceof IdeogramError && e.kind === 'cancelled');
    assert.equal(limiter.waiting, 1);
    first();
    (await next)();
    assert.equal(limiter.active, 0);
    await assert.rejects(limiter.acquire(1, AbortSignal.abort()), (e: unknown) => e instanceof IdeogramError && e.kind === 'cancelled');
  });
});

describe('client: in-flight images against the server', () => {
  let server: MockServer;
  before(async () => { server = await startMockServer({ key: TEST_KEY, latencyMs: 300, inflightLimit: 10 }); });
  after(() => server.close());
  beforeEach(() => server.reset());

  it('three parallel 4-image requests with limit 10 never exceed 10 images in flight', async () => {
    const { client, log } = makeClient(server, { limiter: new InflightLimiter(10), maxRetries: 0 });
    const results = await Promise.all([1, 2, 3].map(() => client.generate({ prompt: 'batch', num_images: 4 })));
    assert.deepEqual(results.map((r) => r.images.length), [4, 4, 4]);
    const stats = server.stats();
    assert.ok(stats.inflightImagesMax <= 10, `max in flight ${stats.inflightImagesMax}`);
    assert.equal(stats.inflightImagesMax, 8);
    assert.equal(stats.rateLimited, 0);
    assert.ok(log.every((e) => e.status === 200));
  });

  it('without a tight limit the same batch meets the server 429 (so the test above means something)', async () => {
    const { client } = makeClient(server, { limiter: new InflightLimiter(100), maxRetries: 0 });
    const settled = await Promise.allSettled([1, 2, 3].map(() => client.generate({ prompt: 'batch', num_images: 4 })));
    const failures = settled.filter((s) => s.status === 'rejected').map((s) => (s as PromiseRejectedResult).reason as IdeogramError);
    assert.ok(failures.length >= 1);
    assert.ok(failures.every((e) => e.kind === 'rate-limit'));
    assert.ok(server.stats().rateLimited >= 1);
  });
});
