// Proxy use: an explicit proxy URL and HTTP(S)_PROXY/NO_PROXY from the environment, through a
// small loopback proxy that counts what it forwards (absolute-URI requests and CONNECT tunnels).
import { strict as assert } from 'node:assert';
import { createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { createNodeFileSink } from '../../src/storage/node/fileSink';
import { downloadImage, hasProxyEnvironment } from '../../src/ideogram';
import { startMockServer, type MockServer } from '../../tools/mock-server';
import { makeClient, tempDir, TEST_KEY } from './clientTestHelpers';

/** `forwarded`: one entry per proxied HTTP request ("POST /ideogram/generate"), tunnelled or not; `tunnels`: CONNECT targets. */
interface LoopbackProxy { url: string; forwarded: string[]; tunnels: string[]; close: () => Promise<void> }

async function startProxy(): Promise<LoopbackProxy> {
  const forwarded: string[] = [];
  const tunnels: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    // Plain HTTP proxying: the request line carries the absolute URI.
    const target = new URL(req.url ?? '');
    forwarded.push(`${req.method ?? ''} ${target.pathname}`);
    const upstream = request({ host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    tunnels.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      // The target is plain HTTP, so request lines inside the tunnel can be counted (keep-alive reuses tunnels).
      client.on('data', (chunk: Buffer) => {
        for (const m of chunk.toString('latin1').matchAll(/^(GET|POST) (\S+) HTTP\/1\.1\r$/gm)) forwarded.push(`${m[1]} ${m[2]}`);
      });
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    forwarded,
    tunnels,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

const PROXY_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'];

describe('client: proxies', () => {
  let server: MockServer;
  let proxy: LoopbackProxy;
  const saved: Record<string, string | undefined> = {};

  before(async () => {
    server = await startMockServer({ key: TEST_KEY });
    proxy = await startProxy();
    for (const name of PROXY_VARS) saved[name] = process.env[name];
  });
  after(async () => {
    await proxy.close();
    await server.close();
  });
  beforeEach(() => {
    proxy.forwarded.length = 0;
    proxy.tunnels.length = 0;
    server.reset();
    for (const name of PROXY_VARS) delete process.env[name];
  });
  afterEach(() => {
    for (const name of PROXY_VARS) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it('sends API calls and downloads through an explicit proxy URL', async () => {
    const { client } = makeClient(server, { proxy: proxy.url });
    const result = await client.generate({ prompt: 'through the proxy' });
    assert.equal(server.requests.length, 1);
    const folder = tempDir('ideogram-proxy-');
    try {
      await downloadImage(result.images[0].url ?? '', createNodeFileSink(folder.dir, 'proxied'), { dispatcher: client.dispatcher });
      assert.deepEqual(folder.files(), ['proxied.png']);
    } finally {
      folder.cleanup();
    }
    await client.dispose();
    const imagePath = new URL(result.images[0].url ?? '').pathname;
    assert.deepEqual(proxy.forwarded, ['POST /ideogram/generate', `GET ${imagePath}`]);
    assert.ok(proxy.tunnels.every((t) => t === `127.0.0.1:${server.port}`), JSON.stringify(proxy.tunnels));
  });

  it('downloads a hosted input image through the same proxy before uploading it', async () => {
    const { client } = makeClient(server, { proxy: proxy.url });
    const [generated] = (await client.generate({ prompt: 'hosted via proxy' })).images;
    await client.describe({ kind: 'url', url: generated.url ?? '' });
    await client.dispose();
    const imagePath = new URL(generated.url ?? '').pathname;
    assert.deepEqual(proxy.forwarded, ['POST /ideogram/generate', `GET ${imagePath}`, 'POST /ideogram/describe']);
  });

  it('uses HTTP_PROXY from the environment', async () => {
    process.env.HTTP_PROXY = proxy.url;
    assert.equal(hasProxyEnvironment(), true);
    const { client } = makeClient(server);
    await client.generate({ prompt: 'env proxy' });
    await client.dispose();
    assert.deepEqual(proxy.forwarded, ['POST /ideogram/generate']);
  });

  it('honours NO_PROXY', async () => {
    process.env.HTTP_PROXY = proxy.url;
    process.env.NO_PROXY = '127.0.0.1';
    const { client } = makeClient(server);
    await client.generate({ prompt: 'direct' });
    await client.dispose();
    assert.deepEqual(proxy.forwarded, []);
    assert.deepEqual(proxy.tunnels, []);
    assert.equal(server.requests.length, 1);
  });

  it('goes direct without any proxy configured', async () => {
    assert.equal(hasProxyEnvironment(), false);
    const { client } = makeClient(server);
    assert.equal(client.dispatcher, undefined);
    await client.generate({ prompt: 'direct' });
    assert.deepEqual(proxy.forwarded, []);
    assert.equal(server.requests.length, 1);
  });
});
