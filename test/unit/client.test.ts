// IdeogramClient request building, checked on the wire by the local server: each endpoint, each
// dialect, each image transport; local validation that sends nothing; the key never leaking.
import { strict as assert } from 'node:assert';
import { truncateSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { endpointUrl, providerDefaults } from '../../src/common/provider';
import { IdeogramClient } from '../../src/ideogram';
import { IdeogramError } from '../../src/common/errors';
import type { GenerateRequest } from '../../src/common/request/schemas';
import { startMockServer, type MockServer } from '../../tools/mock-server';
import { configFor, makeClient, makeJpeg, makePng, rejection, tempDir, TEST_KEY, writeFile } from './clientTestHelpers';

describe('client: dialects and endpoints', () => {
  it('has the documented provider defaults', () => {
    assert.deepEqual(providerDefaults('crazyrouter'), { provider: 'crazyrouter', baseUrl: 'https://crazyrouter.com', pathPrefix: '/ideogram', authStyle: 'bearer', transport: 'multipart' });
    assert.deepEqual(providerDefaults('ideogram'), { provider: 'ideogram', baseUrl: 'https://api.ideogram.ai', pathPrefix: '', authStyle: 'api-key', transport: 'multipart' });
    assert.equal(providerDefaults('custom').provider, 'custom');
  });

  it('joins base URL, prefix and operation whatever the slashes', () => {
    assert.equal(endpointUrl(providerDefaults('crazyrouter'), 'remix'), 'https://crazyrouter.com/ideogram/remix');
    assert.equal(endpointUrl(providerDefaults('ideogram'), 'describe'), 'https://api.ideogram.ai/describe');
    assert.equal(endpointUrl({ ...providerDefaults('custom'), baseUrl: 'https://relay.example/', pathPrefix: 'api/ideogram/' }, 'generate'), 'https://relay.example/api/ideogram/generate');
  });
});

describe('client: requests on the wire', () => {
  let server: MockServer;
  const tmp = tempDir();
  let pngPath: string;
  const png = makePng(16, 12);

  before(async () => {
    server = await startMockServer({ key: TEST_KEY });
    pngPath = writeFile(tmp.dir, 'photo.png', png);
  });
  after(async () => {
    await server.close();
    tmp.cleanup();
  });
  beforeEach(() => server.reset());

  it('generate, crazyrouter: JSON to /ideogram/generate with a Bearer key', async () => {
    const { client } = makeClient(server);
    const req: GenerateRequest = { prompt: 'A futuristic cityscape', model: 'V_2', aspect_ratio: 'ASPECT_16_9', magic_prompt_option: 'AUTO', seed: 42, num_images: 2 };
    const result = await client.generate(req);
    assert.equal(server.requests.length, 1);
    const wire = server.requests[0];
    assert.equal(wire.path, '/ideogram/generate');
    assert.equal(wire.authHeader, 'bearer');
    assert.equal(wire.authOk, true);
    assert.match(wire.contentType, /^application\/json/);
    assert.deepEqual(wire.json, { image_request: req });
    assert.equal(result.images.length, 2);
    // Crazyrouter sends created as unix seconds; the client normalises it to a string.
    assert.match(result.created, /^\d+$/);
    for (const image of result.images) {
      assert.match(image.url ?? '', /^http:\/\/127\.0\.0\.1:\d+\/images\/.+\.png$/);
      assert.equal(image.is_image_safe, true);
      assert.equal(image.prompt, 'A futuristic cityscape');
    }
    assert.deepEqual(result.images.map((i) => i.seed), [42, 43]);
  });

  it('generate, official: JSON to /generate with an Api-Key header; empty optional text is left out', async () => {
    const { client } = makeClient(server, { provider: 'ideogram' });
    const result = await client.generate({ prompt: 'a cat', negative_prompt: '  ', model: 'V_2A' });
    const wire = server.requests[0];
    assert.equal(wire.path, '/generate');
    assert.equal(wire.authHeader, 'api-key');
    assert.equal(wire.authOk, true);
    assert.deepEqual(wire.json, { image_request: { prompt: 'a cat', model: 'V_2A' } });
    assert.ok(!Number.isNaN(Date.parse(result.created)), result.created);
  });

  it('custom: prefix and auth style come from settings', async () => {
    const { client } = makeClient(server, { provider: 'custom', configOverrides: { pathPrefix: 'ideogram/', authStyle: 'bearer' } });
    await client.generate({ prompt: 'x' });
    assert.equal(server.requests[0].path, '/ideogram/generate');
    assert.equal(server.requests[0].authHeader, 'bearer');
  });

  it('remix, multipart: image_request as a JSON text part, image_file as a file part with name and type', async () => {
    const { client } = makeClient(server);
    const req = { prompt: 'Same scene in anime style', model: 'V_2', image_weight: 70, style_type: 'ANIME' } as const;
    const result = await client.remix(req, { kind: 'file', path: pngPath });
    const wire = server.requests[0];
    assert.equal(wire.path, '/ideogram/remix');
    assert.match(wire.contentType, /^multipart\/form-data; boundary=/);
    assert.deepEqual(JSON.parse(wire.fields?.image_request ?? 'null'), req);
    assert.deepEqual(wire.files, [{ field: 'image_file', filename: 'photo.png', contentType: 'image/png', size: png.length }]);
    assert.equal(result.images.length, 1);
  });

  it('multipart names the part after its real content, not the file extension', async () => {
    const jpegPath = writeFile(tmp.dir, 'holiday.png', makeJpeg());
    const { client } = makeClient(server, { provider: 'ideogram' });
    await client.remix({ prompt: 'x' }, { kind: 'file', path: jpegPath });
    assert.equal(server.requests[0].path, '/remix');
    assert.deepEqual(server.requests[0].files?.map((f) => [f.filename, f.contentType]), [['holiday.jpg', 'image/jpeg']]);
  });

  it('upscale, multipart from bytes: an empty request is still sent as {}', async () => {
    const { client } = makeClient(server, { provider: 'ideogram' });
    const result = await client.upscale({}, { kind: 'bytes', data: png, name: 'in-memory.png' });
    const wire = server.requests[0];
    assert.equal(wire.path, '/upscale');
    assert.equal(wire.fields?.image_request, '{}');
    assert.deepEqual(wire.files, [{ field: 'image_file', filename: 'in-memory.png', contentType: 'image/png', size: png.length }]);
    assert.equal(result.images[0].resolution, '16x12');
    assert.match(result.images[0].upscaled_resolution ?? '', /^\d+x\d+$/);
  });

  it('describe, multipart: image_file plus describe_model_version when set', async () => {
    const { client } = makeClient(server);
    const result = await client.describe({ kind: 'file', path: pngPath }, { describe_model_version: 'V_3' });
    const wire = server.requests[0];
    assert.equal(wire.path, '/ideogram/describe');
    assert.deepEqual(wire.fields, { describe_model_version: 'V_3' });
    assert.deepEqual(wire.files?.map((f) => f.field), ['image_file']);
    assert.ok(result.descriptions.length > 0);
    assert.match(result.descriptions[0], /16x12/);

    await client.describe({ kind: 'file', path: pngPath });
    assert.deepEqual(server.requests[1].fields, {});
  });

  it('url transport: JSON with image_file as the link, like the Crazyrouter curl examples', async () => {
    const { client } = makeClient(server, { configOverrides: { transport: 'url' } });
    const link = 'https://example.com/photo.jpg';
    await client.remix({ prompt: 'Same scene in anime style', model: 'V_2' }, { kind: 'url', url: link });
    await client.upscale({ prompt: 'high quality detailed image' }, { kind: 'url', url: link });
    await client.describe({ kind: 'url', url: link });
    assert.deepEqual(server.requests.map((r) => [r.path, r.contentType.split(';')[0]]), [
      ['/ideogram/remix', 'application/json'], ['/ideogram/upscale', 'application/json'], ['/ideogram/describe', 'application/json'],
    ]);
    assert.deepEqual(server.requests[0].json, { image_request: { prompt: 'Same scene in anime style', model: 'V_2' }, image_file: link });
    assert.deepEqual(server.requests[1].json, { image_request: { prompt: 'high quality detailed image' }, image_file: link });
    assert.deepEqual(server.requests[2].json, { image_file: link });
  });

  it('data-url transport: the same JSON with a base64 data: URL', async () => {
    const { client } = makeClient(server, { configOverrides: { transport: 'data-url' } });
    await client.upscale({ resemblance: 80 }, { kind: 'file', path: pngPath });
    await client.describe({ kind: 'bytes', data: png, name: 'x.png' }, { describe_model_version: 'V_2' });
    const [upscale, describe] = server.requests;
    assert.match(upscale.contentType, /^application\/json/);
    const body = upscale.json as { image_request: unknown; image_file: string };
    assert.deepEqual(body.image_request, { resemblance: 80 });
    assert.match(body.image_file, /^data:image\/png;base64,/);
    assert.deepEqual(upscale.files, [{ field: 'image_file', filename: '', contentType: 'image/png', size: png.length }]);
    assert.equal((describe.json as { describe_model_version: string }).describe_model_version, 'V_2');
    assert.equal(describe.files?.[0].size, png.length);
  });

  it('a hosted image with multipart or data-url is downloaded once (checked, through the client) and uploaded', async () => {
    const generated = await makeClient(server).client.generate({ prompt: 'a hosted original', aspect_ratio: 'ASPECT_3_1', seed: 3 });
    const link = `${generated.images[0].url ?? ''}?exp=1&sig=abc`;
    const hosted = Buffer.from(await (await fetch(link)).arrayBuffer());
    server.reset();
    const { client: multipart } = makeClient(server);
    const upscaled = await multipart.upscale({}, { kind: 'url', url: link });
    assert.equal(upscaled.images[0].resolution, '1536x512', 'the server measured the uploaded bytes, not an assumed remote size');
    const { client: dataUrl } = makeClient(server, { configOverrides: { transport: 'data-url' } });
    await dataUrl.describe({ kind: 'url', url: link });
    assert.deepEqual(server.requests.map((r) => [r.path, r.contentType.split(';')[0]]), [['/ideogram/upscale', 'multipart/form-data'], ['/ideogram/describe', 'application/json']]);
    assert.deepEqual(server.requests[0].files, [{ field: 'image_file', filename: `${path.basename(new URL(link).pathname)}`, contentType: 'image/png', size: hosted.length }]);
    assert.match((server.requests[1].json as { image_file: string }).image_file, /^data:image\/png;base64,/);
    assert.equal(server.requests[1].files?.[0].size, hosted.length);
    assert.equal(server.stats().imageDownloads, 2, 'one download per operation');
  });

  it('a hosted image download obeys the cancel signal and the 10 MB limit', async () => {
    const big = await startMockServer({ key: TEST_KEY, imageBytes: 10 * 1024 * 1024 + 1 });
    try {
      const [image] = (await makeClient(big).client.generate({ prompt: 'too big to upload' })).images;
      const err = await rejection(() => makeClient(server).client.describe({ kind: 'url', url: image.url ?? '' }));
      assert.equal((err as unknown as IdeogramError).kind, 'invalid-request');
      assert.match(err.message, /^The image at http:\/\/127\.0\.0\.1:\d+\/images\/[^ ]+ is larger than 10 MB; Ideogram accepts images of at most 10 MB\.$/);
      const [small] = (await makeClient(server).client.generate({ prompt: 'slow' })).images;
      server.reset();
      server.setFault({ mode: 'slow-download', latencyMs: 200 });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 300);
      const cancelled = await rejection(() => makeClient(server).client.remix({ prompt: 'x' }, { kind: 'url', url: small.url ?? '' }, controller.signal));
      assert.equal((cancelled as unknown as IdeogramError).kind, 'cancelled');
      assert.equal(server.requests.length, 0, 'nothing was sent to the API');
    } finally {
      await big.close();
    }
  });

  it('uploads a large file intact (streamed from disk)', async () => {
    const big = Buffer.concat([png, Buffer.alloc(6 * 1024 * 1024, 3)]);
    const bigPath = writeFile(tmp.dir, 'big.png', big);
    const { client, log } = makeClient(server);
    await client.describe({ kind: 'file', path: bigPath });
    assert.equal(server.requests[0].files?.[0].size, big.length);
    assert.ok((log[0].requestBytes ?? 0) >= big.length);
  });

  it('keeps images blocked by the safety filter as results without a URL', async () => {
    server.setFault({ mode: 'unsafe-result', count: 1 });
    const { client } = makeClient(server);
    const result = await client.generate({ prompt: 'x', num_images: 2 });
    assert.deepEqual(result.images.map((i) => [i.url, i.is_image_safe]), [[undefined, false], [undefined, false]]);
  });
});

describe('client: nothing is sent when the request is invalid', () => {
  let server: MockServer;
  const tmp = tempDir();
  before(async () => { server = await startMockServer({ key: TEST_KEY }); });
  after(async () => {
    await server.close();
    tmp.cleanup();
  });
  beforeEach(() => server.reset());

  const expectInvalid = async (fn: () => Promise<unknown>, field: string, message: RegExp): Promise<IdeogramError> => {
    const err = await rejection(fn);
    assert.ok(err instanceof IdeogramError, String(err));
    assert.equal(err.kind, 'invalid-request');
    assert.ok(err.issues?.some((i) => i.field === field), JSON.stringify(err.issues));
    assert.match(err.message, message);
    assert.equal(server.requests.length, 0, 'nothing may reach the server');
    return err;
  };

  it('generate rules', async () => {
    const { client } = makeClient(server);
    await expectInvalid(() => client.generate({ prompt: ' ' }), 'prompt', /Prompt is empty/);
    await expectInvalid(() => client.generate({ prompt: 'x', model: 'V_2A', negative_prompt: 'n' }), 'negative_prompt', /not supported by V_2A/);
    await expectInvalid(() => client.generate({ prompt: 'x', model: 'V_2A_TURBO', color_palette: { name: 'EMBER' } }), 'color_palette', /not supported by V_2A/);
    await expectInvalid(() => client.generate({ prompt: 'x', model: 'V_1', style_type: 'GENERAL' }), 'style_type', /not supported by V_1/);
    await expectInvalid(() => client.generate({ prompt: 'x', aspect_ratio: 'ASPECT_1_1', resolution: 'RESOLUTION_1024_1024' }), 'resolution', /not both/);
    await expectInvalid(() => client.generate({ prompt: 'x', seed: 2147483648 }), 'seed', /Seed/);
    await expectInvalid(() => client.generate({ prompt: 'x', num_images: 9 }), 'num_images', /Number of images/);
    await expectInvalid(() => client.generate({ prompt: 'x', color_palette: { members: [{ color_hex: '#12', color_weight: 0.5 }] } }), 'color_palette.members.0.color_hex', /hex colour/);
  });

  it('remix, upscale and describe rules', async () => {
    const { client } = makeClient(server);
    const png = writeFile(tmp.dir, 'ok.png', makePng());
    await expectInvalid(() => client.remix({ prompt: 'x', image_weight: 0 }, { kind: 'file', path: png }), 'image_weight', /Image weight/);
    await expectInvalid(() => client.upscale({ resemblance: 101 }, { kind: 'file', path: png }), 'resemblance', /Resemblance/);
    await expectInvalid(() => client.upscale({ detail: 0 }, { kind: 'file', path: png }), 'detail', /Detail/);
    await expectInvalid(() => client.describe({ kind: 'file', path: png }, { describe_model_version: 'V_9' }), 'describe_model_version', /V_2, V_3, CUSTOM/);
  });

  it('input image: by content, at most 10 MB, readable, matching the transport', async () => {
    const { client } = makeClient(server);
    const fakePng = writeFile(tmp.dir, 'page.png', Buffer.from('<!DOCTYPE html><html></html>'));
    await expectInvalid(() => client.remix({ prompt: 'x' }, { kind: 'file', path: fakePng }), 'image_file', /not a PNG, JPEG or WebP/);
    await expectInvalid(() => client.describe({ kind: 'bytes', data: Buffer.from('GIF89a........'), name: 'a.gif' }), 'image_file', /not a PNG, JPEG or WebP/);
    const huge = path.join(tmp.dir, 'huge.png');
    writeFileSync(huge, makePng());
    truncateSync(huge, 10 * 1024 * 1024 + 1);
    await expectInvalid(() => client.upscale({}, { kind: 'file', path: huge }), 'image_file', /at most 10 MB/);
    await expectInvalid(() => client.upscale({}, { kind: 'file', path: path.join(tmp.dir, 'missing.png') }), 'image_file', /cannot be read \(ENOENT\)/);
    const { client: urlClient } = makeClient(server, { configOverrides: { transport: 'url' } });
    const fileErr = await expectInvalid(() => urlClient.describe({ kind: 'file', path: fakePng }), 'image_file', /already hosted/);
    assert.equal(fileErr.settingHint, 'ideogram.imageTransport');
  });

  it('missing key: a missing-key error before anything is sent; the key is asked once per call', async () => {
    let asked = 0;
    for (const key of [undefined, '', '   ']) {
      const client = new IdeogramClient({ config: configFor(server), getApiKey: () => { asked++; return Promise.resolve(key); } });
      const err = await rejection(() => client.generate({ prompt: 'x' }));
      assert.ok(err instanceof IdeogramError);
      assert.equal(err.kind, 'missing-key');
    }
    assert.equal(asked, 3);
    assert.equal(server.requests.length, 0);
  });
});

describe('client: the key never leaks', () => {
  let server: MockServer;
  before(async () => { server = await startMockServer({ key: 'another-key-entirely' }); });
  after(() => server.close());

  it('is absent from auth errors and every log entry, in both dialects', async () => {
    for (const provider of ['crazyrouter', 'ideogram'] as const) {
      const { client, log } = makeClient(server, { provider });
      const err = await rejection(() => client.generate({ prompt: 'x' }));
      assert.ok(err instanceof IdeogramError);
      assert.equal(err.kind, 'auth');
      assert.equal(err.status, 401);
      assert.match(err.message, /Invalid API key/);
      assert.ok(!err.message.includes(TEST_KEY));
      assert.ok(!JSON.stringify(log).includes(TEST_KEY));
      assert.equal(log.length, 1);
      assert.equal(log[0].status, 401);
      assert.match(log[0].error ?? '', /^auth:/);
    }
  });
});
