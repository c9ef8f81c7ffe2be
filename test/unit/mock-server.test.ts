// The local Ideogram-compatible server answers the Crazyrouter page's curl examples and the official
// API's forms with real PNGs, validates against Ideogram's published schemas (not the client's
// rules), and records requests without the key.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PNG } from 'pngjs';
import { startMockServer, type MockServer } from '../../tools/mock-server';
import { padPng, renderPng } from '../../tools/mock-server/png';

const KEY = 'sk-mock-secret-7731';
const bearer = { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' };

async function postJson(server: MockServer, path: string, body: unknown, headers: Record<string, string> = bearer): Promise<Response> {
  return fetch(server.baseUrl + path, { method: 'POST', headers, body: JSON.stringify(body) });
}

async function postForm(server: MockServer, path: string, parts: Record<string, string | Blob>, headers: Record<string, string> = { 'Api-Key': KEY }): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(parts)) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, value, 'input.png');
  }
  return fetch(server.baseUrl + path, { method: 'POST', headers, body: form });
}

interface ImageData { url: string | null; prompt: string; resolution: string; is_image_safe: boolean; seed: number; style_type?: string; upscaled_resolution?: string }
interface ImageAnswer { created: string | number; data: ImageData[] }

async function okJson<T>(res: Response): Promise<T> {
  const text = await res.text();
  assert.equal(res.status, 200, text);
  return JSON.parse(text) as T;
}

async function downloadPng(url: string | null): Promise<{ png: PNG; bytes: Buffer }> {
  assert.ok(url, 'image url present');
  const res = await fetch(url);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'image/png');
  const bytes = Buffer.from(await res.arrayBuffer());
  return { png: PNG.sync.read(bytes), bytes };
}

describe('mock server: Crazyrouter page curl examples (Bearer, /ideogram/…)', () => {
  let server: MockServer;
  before(async () => { server = await startMockServer({ key: KEY }); });
  after(async () => { await server.close(); });
  beforeEach(() => server.reset());

  it('generate: 16:9 answers a decodable 1344x768 PNG and unix-seconds created', async () => {
    const body = await okJson<ImageAnswer>(await postJson(server, '/ideogram/generate', {
      image_request: { prompt: 'A futuristic cityscape at night with neon lights', model: 'V_2', aspect_ratio: 'ASPECT_16_9', magic_prompt_option: 'AUTO' },
    }));
    assert.equal(typeof body.created, 'number');
    assert.ok(Math.abs((body.created as number) - Date.now() / 1000) < 60);
    assert.equal(body.data.length, 1);
    const [image] = body.data;
    assert.equal(image.prompt, 'A futuristic cityscape at night with neon lights');
    assert.equal(image.resolution, '1344x768');
    assert.equal(image.is_image_safe, true);
    assert.equal(image.style_type, 'AUTO');
    assert.ok(Number.isInteger(image.seed) && image.seed >= 0 && image.seed <= 2147483647);
    assert.ok(image.url?.startsWith(`${server.baseUrl}/images/`));
    const { png } = await downloadPng(image.url);
    assert.equal(png.width, 1344);
    assert.equal(png.height, 768);
    assert.deepEqual(server.requests[0], {
      method: 'POST', path: '/ideogram/generate', dialect: 'crazyrouter', authHeader: 'bearer', authOk: true,
      contentType: 'application/json',
      json: { image_request: { prompt: 'A futuristic cityscape at night with neon lights', model: 'V_2', aspect_ratio: 'ASPECT_16_9', magic_prompt_option: 'AUTO' } },
    });
  });

  it('remix: JSON with an https image URL (not fetched) answers a 1024x1024 image', async () => {
    const body = await okJson<ImageAnswer>(await postJson(server, '/ideogram/remix', {
      image_request: { prompt: 'Same scene in anime style', model: 'V_2' }, image_file: 'https://example.com/photo.jpg',
    }));
    assert.equal(body.data[0].resolution, '1024x1024');
    const { png } = await downloadPng(body.data[0].url);
    assert.equal(png.width, 1024);
    assert.equal(png.height, 1024);
  });

  it('upscale: JSON with an https image URL doubles the assumed 1024x1024', async () => {
    const body = await okJson<ImageAnswer>(await postJson(server, '/ideogram/upscale', {
      image_request: { prompt: 'high quality detailed image' }, image_file: 'https://example.com/photo.jpg',
    }));
    assert.equal(body.data[0].resolution, '1024x1024');
    assert.equal(body.data[0].upscaled_resolution, '2048x2048');
    const { png } = await downloadPng(body.data[0].url);
    assert.equal(png.width, 2048);
  });

  it('describe: JSON with an https image URL answers descriptions[].text', async () => {
    const body = await okJson<{ descriptions: { text: string }[] }>(await postJson(server, '/ideogram/describe', { image_file: 'https://example.com/photo.jpg' }));
    assert.equal(body.descriptions.length, 1);
    assert.match(body.descriptions[0].text, /example\.com/);
  });

  it('401 with the OpenAI-style body for a wrong or missing key, without echoing the key', async () => {
    const wrong = await postJson(server, '/ideogram/generate', { image_request: { prompt: 'x' } }, { Authorization: 'Bearer sk-wrong', 'Content-Type': 'application/json' });
    assert.equal(wrong.status, 401);
    assert.deepEqual(await wrong.json(), { error: { message: 'Invalid API key', type: 'authentication_error', code: 'invalid_api_key' } });
    const missing = await postJson(server, '/ideogram/generate', { image_request: { prompt: 'x' } }, { 'Content-Type': 'application/json' });
    assert.equal(missing.status, 401);
    const body = (await missing.json()) as { error: { message: string; code: string } };
    assert.equal(body.error.code, 'invalid_api_key');
    assert.deepEqual(server.requests.map((r) => [r.authHeader, r.authOk]), [['bearer', false], ['none', false]]);
  });

  it('400 with the OpenAI-style body for a request the vendor schema refuses', async () => {
    const res = await postJson(server, '/ideogram/generate', { image_request: { prompt: 'x', model: 'V_1', style_type: 'ANIME' } });
    assert.equal(res.status, 400);
    const body = (await res.json()) as { error: { message: string; type: string } };
    assert.equal(body.error.type, 'invalid_request_error');
    assert.match(body.error.message, /style_type/);
  });

  it('404 for unknown paths in both dialects', async () => {
    const relay = await postJson(server, '/ideogram/edit', {});
    assert.equal(relay.status, 404);
    assert.equal(((await relay.json()) as { error: { code: string } }).error.code, 'not_found');
    const official = await fetch(server.baseUrl + '/v1/images/generations', { method: 'POST' });
    assert.equal(official.status, 404);
    assert.equal(typeof ((await official.json()) as { error: unknown }).error, 'string');
  });
});

describe('mock server: official API forms (Api-Key, root paths, multipart)', () => {
  let server: MockServer;
  let sample: Buffer;
  before(async () => {
    server = await startMockServer({ key: KEY });
    sample = renderPng(640, 480, 'abcdef012345');
  });
  after(async () => { await server.close(); });
  beforeEach(() => server.reset());

  it('generate: RESOLUTION_* sets the size, num_images gives distinct seeds, created is an ISO string', async () => {
    const body = await okJson<ImageAnswer>(await postJson(server, '/generate',
      { image_request: { prompt: 'a red fox', resolution: 'RESOLUTION_1280_720', seed: 42, num_images: 2, style_type: 'REALISTIC' } },
      { 'Api-Key': KEY, 'Content-Type': 'application/json' }));
    assert.equal(typeof body.created, 'string');
    assert.ok(!Number.isNaN(Date.parse(body.created as string)));
    assert.deepEqual(body.data.map((d) => [d.seed, d.resolution, d.style_type]), [[42, '1280x720', 'REALISTIC'], [43, '1280x720', 'REALISTIC']]);
    assert.notEqual(body.data[0].url, body.data[1].url);
    const { png } = await downloadPng(body.data[1].url);
    assert.deepEqual([png.width, png.height], [1280, 720]);
    assert.equal(server.requests[0].dialect, 'ideogram');
    assert.equal(server.requests[0].authHeader, 'api-key');
  });

  it('is deterministic per seed and prompt, and picks a random seed when none is given', async () => {
    const req = { image_request: { prompt: 'same', seed: 7, aspect_ratio: 'ASPECT_3_1' } };
    const headers = { 'Api-Key': KEY, 'Content-Type': 'application/json' };
    const a = await okJson<ImageAnswer>(await postJson(server, '/generate', req, headers));
    const b = await okJson<ImageAnswer>(await postJson(server, '/generate', req, headers));
    assert.equal(a.data[0].url, b.data[0].url);
    const [pa, pb] = await Promise.all([downloadPng(a.data[0].url), downloadPng(b.data[0].url)]);
    assert.ok(pa.bytes.equals(pb.bytes));
    assert.deepEqual([pa.png.width, pa.png.height], [1536, 512]);
    const c = await okJson<ImageAnswer>(await postJson(server, '/generate', { image_request: { prompt: 'same' } }, headers));
    assert.ok(Number.isInteger(c.data[0].seed) && c.data[0].seed <= 2147483647);
  });

  it('remix: multipart image_request text part + image_file part, recorded without contents', async () => {
    const res = await postForm(server, '/remix', {
      image_request: JSON.stringify({ prompt: 'in watercolour', aspect_ratio: 'ASPECT_2_3', image_weight: 60 }),
      image_file: new Blob([sample], { type: 'image/png' }),
    });
    const body = await okJson<ImageAnswer>(res);
    const { png } = await downloadPng(body.data[0].url);
    assert.deepEqual([png.width, png.height], [832, 1248]);
    const recorded = server.requests[0];
    assert.match(recorded.contentType, /^multipart\/form-data; boundary=/);
    assert.deepEqual(recorded.fields, { image_request: '{"prompt":"in watercolour","aspect_ratio":"ASPECT_2_3","image_weight":60}' });
    assert.deepEqual(recorded.files, [{ field: 'image_file', filename: 'input.png', contentType: 'image/png', size: sample.length }]);
  });

  it('upscale: multipart answers twice the input size with upscaled_resolution', async () => {
    const body = await okJson<ImageAnswer>(await postForm(server, '/upscale', {
      image_request: JSON.stringify({ resemblance: 80, detail: 20 }), image_file: new Blob([sample], { type: 'image/png' }),
    }));
    assert.equal(body.data[0].resolution, '640x480');
    assert.equal(body.data[0].upscaled_resolution, '1280x960');
    const { png } = await downloadPng(body.data[0].url);
    assert.deepEqual([png.width, png.height], [1280, 960]);
  });

  it('describe: multipart PNG gives two descriptions with its size and dominant colour', async () => {
    const body = await okJson<{ descriptions: { text: string }[] }>(await postForm(server, '/describe', {
      image_file: new Blob([sample], { type: 'image/png' }), describe_model_version: 'V_3',
    }));
    assert.equal(body.descriptions.length, 2);
    assert.match(body.descriptions[0].text, /^A 640x480 landscape image dominated by \w+ \(#[0-9a-f]{6}\)/);
    const bad = await postForm(server, '/describe', { image_file: new Blob([sample]), describe_model_version: 'V_9' });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { error: string }).error, /describe_model_version must be equal to one of the allowed values: V_2, V_3, CUSTOM, V_4/);
  });

  it('describe: a JPEG is described by format and byte size', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
    const body = await okJson<{ descriptions: { text: string }[] }>(await postForm(server, '/describe', { image_file: new Blob([jpeg]) }));
    assert.deepEqual(body.descriptions, [{ text: `A JPEG image of ${jpeg.length} bytes.` }]);
  });

  it('relay paths: remix and describe accept a data: URL in JSON and log it abbreviated', async () => {
    const dataUrl = `data:image/png;base64,${sample.toString('base64')}`;
    await okJson<ImageAnswer>(await postJson(server, '/ideogram/remix', { image_request: { prompt: 'p' }, image_file: dataUrl }));
    const described = await okJson<{ descriptions: { text: string }[] }>(await postJson(server, '/ideogram/describe', { image_file: dataUrl }));
    assert.match(described.descriptions[0].text, /640x480/);
    const logged = server.requests[0];
    assert.deepEqual(logged.files, [{ field: 'image_file', filename: '', contentType: 'image/png', size: sample.length }]);
    const loggedUrl = (logged.json as { image_file: string }).image_file;
    assert.ok(loggedUrl.length < 200 && loggedUrl.startsWith('data:image/png;base64,'));
  });

  it("resolves its own image URLs locally, so generate → upscale chains without a network", async () => {
    const gen = await okJson<ImageAnswer>(await postJson(server, '/ideogram/generate', { image_request: { prompt: 'chain', aspect_ratio: 'ASPECT_4_3' } }));
    const up = await okJson<ImageAnswer>(await postJson(server, '/ideogram/upscale', { image_request: {}, image_file: gen.data[0].url }));
    assert.equal(up.data[0].upscaled_resolution, '2304x1728');
    const missing = await postJson(server, '/ideogram/upscale', { image_request: {}, image_file: `${server.baseUrl}/images/nope.png` });
    assert.equal(missing.status, 400);
  });

  it('401 with {"error": "…"} for a wrong Api-Key', async () => {
    const res = await postForm(server, '/upscale', { image_request: '{}', image_file: new Blob([sample]) }, { 'Api-Key': 'wrong' });
    assert.equal(res.status, 401);
    assert.deepEqual(await res.json(), { error: 'Invalid API key' });
  });

  it('422 with Ideogram\'s safety body when the prompt contains "forbidden"', async () => {
    const res = await postJson(server, '/generate', { image_request: { prompt: 'A Forbidden city' } }, { 'Api-Key': KEY, 'Content-Type': 'application/json' });
    assert.equal(res.status, 422);
    assert.deepEqual(await res.json(), { error: 'Prompt provided failed safety check due to the inclusion of prohibited content.' });
    const relay = await postJson(server, '/ideogram/remix', { image_request: { prompt: 'forbidden' }, image_file: 'https://example.com/a.png' }, { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' });
    assert.equal(relay.status, 422);
  });

  it('400 for every vendor schema rule, non-image uploads and a missing image_file', async () => {
    const headers = { 'Api-Key': KEY, 'Content-Type': 'application/json' };
    const cases: [unknown, RegExp][] = [
      [{}, /must have required property 'prompt'/],
      [{ prompt: 'x', model: 'V_2A', negative_prompt: 'n' }, /negative_prompt is not allowed here \(model V_2A\)/],
      [{ prompt: 'x', model: 'V_3', negative_prompt: 'n' }, /negative_prompt .*Only available for model versions V_1, V_1_TURBO, V_2 and V_2_TURBO/],
      [{ prompt: 'x', model: 'V_2A_TURBO', color_palette: { name: 'EMBER' } }, /color_palette/],
      [{ prompt: 'x', model: 'V_2', color_palette: { name: 'EMBER', members: [{ color_hex: '#fff' }] } }, /color_palette must match exactly one schema in oneOf/],
      [{ prompt: 'x', model: 'V_1', style_type: 'ANIME' }, /style_type .*should not be specified for model versions V_1/],
      [{ prompt: 'x', model: 'V_1_TURBO', resolution: 'RESOLUTION_1024_1024' }, /resolution .*For model_version for 2\.0 only/],
      [{ prompt: 'x', aspect_ratio: 'ASPECT_1_1', resolution: 'RESOLUTION_1024_1024' }, /Cannot be used in conjunction with resolution/],
      [{ prompt: 'x', model: 'V_9' }, /model must be equal to one of the allowed values: V_1, V_1_TURBO, V_2, V_2_TURBO, V_2A, V_2A_TURBO, V_3/],
      [{ prompt: 'x', style_type: 'FICTION' }, /style_type must be equal to one of the allowed values/],
      [{ prompt: 'x', seed: 2147483648 }, /seed must be <= 2147483647/],
      [{ prompt: 'x', num_images: 9 }, /num_images must be <= 8/],
      [{ prompt: 'x', surprise: true }, /must NOT have unevaluated properties: "surprise"/],
    ];
    for (const [imageRequest, pattern] of cases) {
      const res = await postJson(server, '/generate', { image_request: imageRequest }, headers);
      assert.equal(res.status, 400, JSON.stringify(imageRequest));
      assert.match(((await res.json()) as { error: string }).error, pattern);
    }
    const notImage = await postForm(server, '/remix', { image_request: '{"prompt":"x"}', image_file: new Blob(['hello, not an image']) });
    assert.equal(notImage.status, 400);
    assert.match(((await notImage.json()) as { error: string }).error, /not a PNG, JPEG or WebP/);
    const weight = await postForm(server, '/remix', { image_request: '{"prompt":"x","image_weight":101}', image_file: new Blob([sample]) });
    assert.equal(weight.status, 400);
    const noFile = await postForm(server, '/remix', { image_request: '{"prompt":"x"}' });
    assert.equal(noFile.status, 400);
    assert.match(((await noFile.json()) as { error: string }).error, /image_file/);
  });

  it('413 for an upload over 10 MB', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1);
    sample.copy(big);
    const res = await postForm(server, '/describe', { image_file: new Blob([big]) });
    assert.equal(res.status, 413);
    assert.match(((await res.json()) as { error: string }).error, /10 MB/);
  });

  it('never stores the key in the request log', async () => {
    await postJson(server, '/generate', { image_request: { prompt: 'x' } }, { 'Api-Key': KEY, 'Content-Type': 'application/json' });
    await postJson(server, '/ideogram/generate', { image_request: { prompt: 'x' } });
    assert.equal(server.requests.length, 2);
    assert.ok(!JSON.stringify(server.requests).includes(KEY));
    const overHttp = await (await fetch(`${server.baseUrl}/__mock/requests`)).text();
    assert.ok(!overHttp.includes(KEY));
  });
});

describe("mock server: checks requests against Ideogram's published schemas", () => {
  let server: MockServer;
  let sample: Buffer;
  const apiKeyJson = { 'Api-Key': KEY, 'Content-Type': 'application/json' };
  before(async () => {
    server = await startMockServer({ key: KEY });
    sample = renderPng(64, 48, '0123456789ab');
  });
  after(async () => { await server.close(); });
  beforeEach(() => server.reset());

  it('refuses resolution with V_1 on both dialects, which only the vendor\'s schema text forbids', async () => {
    const imageRequest = { prompt: 'a lighthouse', model: 'V_1', resolution: 'RESOLUTION_1024_1024' };
    const official = await postJson(server, '/generate', { image_request: imageRequest }, apiKeyJson);
    assert.equal(official.status, 400);
    assert.match(((await official.json()) as { error: string }).error, /^Invalid input provided: \/image_request\/resolution is not allowed here \(model V_1\)/);
    const relay = await postJson(server, '/ideogram/remix', { image_request: imageRequest, image_file: 'https://example.com/a.png' });
    assert.equal(relay.status, 400);
    assert.equal(((await relay.json()) as { error: { code: string } }).error.code, 'invalid_request');
    assert.equal((await postJson(server, '/generate', { image_request: { ...imageRequest, model: 'V_2' } }, apiKeyJson)).status, 200);
  });

  it('official paths take only the content types the vendor defines; relay paths also take the documented JSON', async () => {
    const json = { image_request: { prompt: 'p' }, image_file: 'https://example.com/a.png' };
    for (const op of ['remix', 'upscale', 'describe']) {
      const res = await postJson(server, `/${op}`, json, apiKeyJson);
      assert.equal(res.status, 415, op);
      assert.match(((await res.json()) as { error: string }).error, new RegExp(`application/json for /${op}: Ideogram's schema defines multipart/form-data`));
      assert.equal((await postJson(server, `/ideogram/${op}`, op === 'describe' ? { image_file: json.image_file } : json)).status, 200, op);
    }
    const multipartGenerate = await postForm(server, '/ideogram/generate', { image_request: '{"prompt":"p"}' });
    assert.equal(multipartGenerate.status, 415);
  });

  it('decodes multipart before checking: image_request is JSON text, image_file must be a file part', async () => {
    const notJson = await postForm(server, '/remix', { image_request: '{prompt: p}', image_file: new Blob([sample]) });
    assert.equal(notJson.status, 400);
    assert.match(((await notJson.json()) as { error: string }).error, /image_request must be JSON text/);
    const textFile = await postForm(server, '/describe', { image_file: 'https://example.com/a.png' });
    assert.equal(textFile.status, 400);
    assert.match(((await textFile.json()) as { error: string }).error, /image_file must be a file part/);
    const noRequest = await postForm(server, '/upscale', { image_file: new Blob([sample]) });
    assert.equal(noRequest.status, 400, 'the vendor requires image_request on upscale, even as {}');
    assert.match(((await noRequest.json()) as { error: string }).error, /must have required property 'image_request'/);
    const extraPart = await postForm(server, '/describe', { image_file: new Blob([sample]), mask: new Blob([sample]) });
    assert.equal(extraPart.status, 400);
    assert.match(((await extraPart.json()) as { error: string }).error, /unevaluated properties: "mask"/);
    const ok = await postForm(server, '/upscale', { image_request: '{"resemblance":55,"detail":90,"magic_prompt_version":"V_0_3"}', image_file: new Blob([sample]) });
    assert.equal(ok.status, 200, 'fields the client does not send are still valid when the vendor defines them');
  });

  it("ships the vendor's documents unchanged (compared with ../shared/reference when it is beside the repository)", function () {
    const reference = path.resolve(__dirname, '../../../shared/reference');
    const names = ['ideogram-openapi-2025-03-13.yaml', 'ideogram-openapi-v3-2026-07-02.yaml'];
    const shipped = names.map((name) => readFileSync(path.resolve(__dirname, '../../tools/mock-server/schemas', name)));
    assert.ok(shipped.every((bytes) => bytes.length > 10_000));
    if (!existsSync(reference)) this.skip();
    names.forEach((name, i) => assert.ok(readFileSync(path.join(reference, name)).equals(shipped[i]), `${name} differs from ../shared/reference`));
  });
});

describe('mock server: image padding, in-flight limit, latency and control routes', () => {
  it('pads PNGs to about imageBytes and they still decode', async () => {
    const server = await startMockServer({ imageBytes: 1_500_000 });
    try {
      const body = await okJson<ImageAnswer>(await postJson(server, '/ideogram/generate', { image_request: { prompt: 'big' } }, { Authorization: 'Bearer test-key', 'Content-Type': 'application/json' }));
      const { png, bytes } = await downloadPng(body.data[0].url);
      assert.equal(bytes.length, 1_500_000);
      assert.deepEqual([png.width, png.height], [1024, 1024]);
    } finally {
      await server.close();
    }
    const small = renderPng(16, 16, '000000000001');
    assert.equal(padPng(small, 10).length, small.length, 'never shrinks or pads below the natural size');
  });

  it('counts images in flight and answers 429 inflight_limit past the limit', async () => {
    const server = await startMockServer({ latencyMs: 1000, inflightLimit: 4 });
    try {
      const headers = { 'Api-Key': 'test-key', 'Content-Type': 'application/json' };
      const started = Date.now();
      const first = postJson(server, '/generate', { image_request: { prompt: 'a', num_images: 3 } }, headers);
      // Wait until the first request holds its slots instead of guessing a delay (the machine may be busy).
      while (server.stats().inflightImagesMax < 3) await new Promise((r) => setTimeout(r, 10));
      const second = await postJson(server, '/generate', { image_request: { prompt: 'b', num_images: 2 } }, headers);
      assert.equal(second.status, 429);
      assert.deepEqual(((await second.json()) as { reject_reason: string }).reject_reason, 'inflight_limit');
      assert.equal((await first).status, 200);
      assert.ok(Date.now() - started >= 980, 'latencyMs delays the answer');
      const third = await postJson(server, '/generate', { image_request: { prompt: 'c', num_images: 4 } }, headers);
      assert.equal(third.status, 200);
      assert.deepEqual(server.stats(), { inflightImagesMax: 4, rateLimited: 1, apiRequests: 3, imageDownloads: 0 });
    } finally {
      await server.close();
    }
  });

  it('controls faults, the request log and reset over HTTP without a key', async () => {
    const server = await startMockServer();
    try {
      const set = await fetch(`${server.baseUrl}/__mock/fault`, { method: 'POST', body: JSON.stringify({ mode: 'server-error', status: 503, count: 1 }) });
      assert.equal(set.status, 200);
      assert.deepEqual(((await set.json()) as { fault: unknown }).fault, { mode: 'server-error', status: 503, count: 1, remaining: 1 });
      const bad = await fetch(`${server.baseUrl}/__mock/fault`, { method: 'POST', body: JSON.stringify({ mode: 'meteor-strike' }) });
      assert.equal(bad.status, 400);
      const headers = { Authorization: 'Bearer test-key', 'Content-Type': 'application/json' };
      assert.equal((await postJson(server, '/ideogram/generate', { image_request: { prompt: 'x' } }, headers)).status, 503);
      assert.equal((await postJson(server, '/ideogram/generate', { image_request: { prompt: 'x' } }, headers)).status, 200);
      const log = (await (await fetch(`${server.baseUrl}/__mock/requests`)).json()) as { path: string }[];
      assert.deepEqual(log.map((r) => r.path), ['/ideogram/generate', '/ideogram/generate']);
      assert.equal((await fetch(`${server.baseUrl}/__mock/reset`, { method: 'POST' })).status, 200);
      assert.equal(server.requests.length, 0);
      assert.equal(server.stats().apiRequests, 0);
    } finally {
      await server.close();
    }
  });
});
