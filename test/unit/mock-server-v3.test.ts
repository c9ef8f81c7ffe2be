// The local server's Ideogram 3.0 routes answer like the vendor: sizes from its enums, answers that
// meet its response schemas, and pictures a test can check pixel by pixel (inpaint changes only
// the masked region, reframe centres the input, transparent PNGs have real alpha).
import { strict as assert } from 'node:assert';
import { PNG } from 'pngjs';
import type SharpModule from 'sharp';
import { startMockServer, type MockServer, type V3Operation } from '../../tools/mock-server';
import { vendorSchemas } from '../../tools/mock-server/vendorSchema';
import {
  apiKey, bearer, download, gradientPng, KEY, maskPng, ok, paintPng, pixel, postJson, postParts, refusal, type V3Answer,
} from './mockServerV3';
import { useWasmSharp } from '../support/wasmSharp';

/** Checks an answer against the vendor's 200 schema for the operation. */
function assertVendorShape(op: V3Operation, body: unknown): void {
  assert.equal(vendorSchemas().v3[op].checkResponse(body), undefined, JSON.stringify(body));
}

describe('mock server 3.0: generate and generate-transparent', () => {
  let server: MockServer;
  before(async () => { server = await startMockServer({ key: KEY }); });
  after(async () => { await server.close(); });
  beforeEach(() => server.reset());

  it('multipart generate: list fields as repeated parts, the palette as a JSON part, sizes from the aspect ratio', async () => {
    const body = await ok(await postParts(server, '/v1/ideogram-v3/generate', [
      ['prompt', 'a lighthouse'], ['aspect_ratio', '16x9'], ['seed', '41'], ['num_images', '2'], ['rendering_speed', 'TURBO'],
      ['style_codes', 'AAFF5733'], ['style_codes', '0133FF57'], ['color_palette', JSON.stringify({ members: [{ color_hex: '#b470b3', color_weight: 0.5 }] })],
    ]));
    assertVendorShape('generate', body);
    assert.deepEqual(body.data.map((d) => [d.seed, d.resolution, d.style_type, d.is_image_safe]), [[41, '1312x736', 'GENERAL', true], [42, '1312x736', 'GENERAL', true]]);
    const png = await download(body.data[1].url);
    assert.deepEqual([png.width, png.height], [1312, 736]);
    const entry = server.requests[0];
    assert.equal(entry.operation, 'generate');
    assert.equal(entry.form, 'official');
    assert.deepEqual(entry.fieldLists, { style_codes: ['AAFF5733', '0133FF57'] });
    assert.equal(entry.fields?.color_palette, '{"members":[{"color_hex":"#b470b3","color_weight":0.5}]}');
  });

  it('JSON generate: resolution sets the exact size; the same seed and prompt give the same picture; references change it', async () => {
    const req = { prompt: 'same', seed: 7, resolution: '1536x640', magic_prompt: 'ON' };
    const a = await ok(await postJson(server, '/v1/ideogram-v3/generate', req));
    const b = await ok(await postJson(server, '/v1/ideogram-v3/generate', req));
    assertVendorShape('generate', a);
    assert.equal(a.data[0].url, b.data[0].url);
    assert.equal(a.data[0].prompt, 'same, rich detail, balanced composition', 'magic_prompt ON returns a rewritten prompt');
    const png = await download(a.data[0].url);
    assert.deepEqual([png.width, png.height], [1536, 640]);
    const withStyle = await ok(await postParts(server, '/v1/ideogram-v3/generate', [
      ['prompt', 'same'], ['seed', '7'], ['resolution', '1536x640'], ['style_reference_images', { bytes: gradientPng(32, 32) }],
    ]));
    assert.notEqual(withStyle.data[0].url, a.data[0].url);
    assert.deepEqual(server.requests[2].files, [{ field: 'style_reference_images', filename: 'style_reference_images.png', contentType: 'image/png', size: gradientPng(32, 32).length, width: 32, height: 32 }]);
  });

  it('generate-transparent: a PNG with real alpha (transparent corners, opaque subject) at the aspect ratio\'s size', async () => {
    const body = await ok(await postJson(server, '/v1/ideogram-v3/generate-transparent', { prompt: 'a coffee logo', aspect_ratio: '3x1', seed: 3 }));
    assertVendorShape('generate-transparent', body);
    const [image] = body.data;
    assert.equal(image.resolution, '1536x512');
    assert.equal(image.upscaled_resolution, undefined, 'X1 is not upscaled');
    assert.equal(image.style_type, undefined);
    const png = await download(image.url);
    assert.equal(png.colorType, 6, 'RGBA');
    assert.deepEqual([png.width, png.height], [1536, 512]);
    assert.equal(pixel(png, 0, 0)[3], 0);
    assert.equal(pixel(png, 1535, 511)[3], 0);
    assert.equal(pixel(png, 768, 256)[3], 255);
    const alphas = new Set<number>();
    for (let i = 3; i < png.data.length; i += 4) alphas.add(png.data[i]);
    assert.ok(alphas.size > 2, 'the subject\'s edge fades (partial alpha), as a cut-out does');
  });

  it('generate-transparent: upscale_factor X2 doubles the picture and reports upscaled_resolution (multipart too)', async () => {
    const body = await ok(await postParts(server, '/v1/ideogram-v3/generate-transparent', [['prompt', 'icon'], ['upscale_factor', 'X2'], ['aspect_ratio', '1x2']]));
    assert.equal(body.data[0].resolution, '704x1408');
    assert.equal(body.data[0].upscaled_resolution, '1408x2816');
    const png = await download(body.data[0].url);
    assert.deepEqual([png.width, png.height], [1408, 2816]);
  });

  it('generate-transparent refuses rendering_speed FLASH with 400, as the vendor documents', async () => {
    const res = await postJson(server, '/v1/ideogram-v3/generate-transparent', { prompt: 'icon', rendering_speed: 'FLASH' });
    const { status, message } = await refusal(res);
    assert.equal(status, 400);
    assert.match(message, /rendering_speed FLASH is not allowed on generate-transparent/);
    assert.equal((await postJson(server, '/v1/ideogram-v3/generate', { prompt: 'icon', rendering_speed: 'FLASH' })).status, 200, 'FLASH is fine on generate');
  });
});

describe('mock server 3.0: operations on an input image', () => {
  let server: MockServer;
  const [W, H] = [96, 64];
  let input: Buffer;
  let inputPng: PNG;
  before(async () => {
    server = await startMockServer({ key: KEY });
    input = gradientPng(W, H);
    inputPng = PNG.sync.read(input);
  });
  after(async () => { await server.close(); });
  beforeEach(() => server.reset());

  /** Compares the answer's picture with the input: which pixels changed, and to what. */
  function changedPixels(out: PNG): { changed: Set<number>; colours: Set<string> } {
    assert.deepEqual([out.width, out.height], [W, H]);
    const changed = new Set<number>();
    const colours = new Set<string>();
    for (let p = 0; p < W * H; p++) {
      const a = pixel(out, p % W, Math.floor(p / W));
      const b = pixel(inputPng, p % W, Math.floor(p / W));
      if (a.join() !== b.join()) {
        changed.add(p);
        colours.add(a.join());
      }
    }
    return { changed, colours };
  }

  for (const op of ['inpaint', 'edit'] as const) {
    it(`${op}: changes exactly the mask's black pixels (black = edit), fills them with one colour, keeps the input's size`, async () => {
      // An L-shaped region touching one edge: a flipped, mirrored or inverted mask cannot pass.
      const edit = (x: number, y: number): boolean => (x >= 10 && x < 40 && y >= 5 && y < 20) || (x < 12 && y >= 40);
      const res = await postParts(server, `/v1/ideogram-v3/${op}`, [
        ['image', { bytes: input }], ['mask', { bytes: maskPng(W, H, edit) }], ['prompt', 'a red hat'], ['seed', '9'],
      ]);
      const body = await ok(res);
      assertVendorShape(op, body);
      assert.equal(body.data[0].resolution, '1248x832', 'the ResolutionV3 nearest the input\'s shape (3:2)');
      assert.equal(body.data[0].upscaled_resolution, `${W}x${H}`, 'the real size of the answer');
      const { changed, colours } = changedPixels(await download(body.data[0].url));
      const expected = new Set<number>();
      for (let p = 0; p < W * H; p++) if (edit(p % W, Math.floor(p / W))) expected.add(p);
      assert.deepEqual(changed, expected);
      assert.equal(colours.size, 1, 'one fill colour');
      assert.deepEqual(server.requests[0].mask, { width: W, height: H, editPixels: expected.size });
      assert.deepEqual(server.requests[0].files?.map((f) => [f.field, f.width, f.height]), [['image', W, H], ['mask', W, H]]);
    });
  }

  it('inpaint: JPEG inputs are decoded (with sharp), so the unmasked pixels are the JPEG\'s own', async () => {
    useWasmSharp();
    // Loaded here, after useWasmSharp(), so this file never pins the native build for the whole run.
    const sharp = ((await import('sharp')) as unknown as { default: typeof SharpModule }).default;
    const jpeg = await sharp(input).jpeg({ quality: 90 }).toBuffer();
    const decoded = await sharp(jpeg).ensureAlpha().raw().toBuffer();
    const body = await ok(await postParts(server, '/v1/ideogram-v3/inpaint', [
      ['image', { bytes: jpeg, type: 'image/jpeg', name: 'photo.jpg' }], ['mask', { bytes: maskPng(W, H, (x) => x < 8) }], ['prompt', 'sky'],
    ]));
    const out = await download(body.data[0].url);
    for (const [x, y] of [[8, 0], [50, 30], [95, 63]]) assert.deepEqual(pixel(out, x, y), [...decoded.subarray((y * W + x) * 4, (y * W + x) * 4 + 4)]);
    assert.notDeepEqual(pixel(out, 3, 3), [...decoded.subarray((3 * W + 3) * 4, (3 * W + 3) * 4 + 4)]);
  });

  it('inpaint: num_images gives one picture per seed, each with its own fill colour', async () => {
    const body = await ok(await postParts(server, '/v1/ideogram-v3/inpaint', [
      ['image', { bytes: input }], ['mask', { bytes: maskPng(W, H, (x, y) => x + y < 20) }], ['prompt', 'p'], ['seed', '100'], ['num_images', '2'],
    ]));
    assert.deepEqual(body.data.map((d) => d.seed), [100, 101]);
    const [a, b] = await Promise.all(body.data.map((d) => download(d.url)));
    assert.notDeepEqual(pixel(a, 0, 0), pixel(b, 0, 0));
    assert.deepEqual(pixel(a, 50, 50), pixel(b, 50, 50));
  });

  it('remix: the input cropped to the output\'s shape and tinted by image_weight, at the ResolutionV3 nearest the input', async () => {
    const square = paintPng(64, 64, () => [200, 40, 40]);
    const kept = await ok(await postParts(server, '/v1/ideogram-v3/remix', [['image', { bytes: square }], ['prompt', 'p'], ['image_weight', '100']]));
    assertVendorShape('remix', kept);
    assert.equal(kept.data[0].resolution, '1024x1024');
    const same = await download(kept.data[0].url);
    assert.deepEqual([same.width, same.height], [1024, 1024]);
    assert.deepEqual(pixel(same, 512, 512), [200, 40, 40, 255], 'image_weight 100 keeps the input');
    const tinted = await ok(await postParts(server, '/v1/ideogram-v3/remix', [['image', { bytes: square }], ['prompt', 'p'], ['aspect_ratio', '3x1']]));
    const png = await download(tinted.data[0].url);
    assert.deepEqual([png.width, png.height], [1536, 512]);
    assert.notDeepEqual(pixel(png, 10, 10), [200, 40, 40, 255], 'the default weight (50) tints');
  });

  it('reframe: at the requested resolution, the input scaled to fit and centred, the new area filled', async () => {
    const body = await ok(await postParts(server, '/v1/ideogram-v3/reframe', [['image', { bytes: paintPng(64, 64, () => [10, 200, 30]) }], ['resolution', '1536x640'], ['seed', '4']]));
    assertVendorShape('reframe', body);
    assert.equal(body.data[0].resolution, '1536x640');
    assert.equal(body.data[0].upscaled_resolution, undefined);
    const png = await download(body.data[0].url);
    assert.deepEqual([png.width, png.height], [1536, 640]);
    // A 64x64 input fits as 640x640 at x = 448…1087.
    for (const x of [448, 768, 1087]) assert.deepEqual(pixel(png, x, 320), [10, 200, 30, 255], `x=${x}`);
    for (const x of [0, 447, 1088, 1535]) assert.notDeepEqual(pixel(png, x, 320), [10, 200, 30, 255], `x=${x}`);
  });

  it('replace-background: keeps the centre (the foreground) and repaints the rest', async () => {
    const body = await ok(await postParts(server, '/v1/ideogram-v3/replace-background', [['image', { bytes: input }], ['prompt', 'a beach']]));
    assertVendorShape('replace-background', body);
    const out = await download(body.data[0].url);
    assert.deepEqual([out.width, out.height], [W, H]);
    assert.deepEqual(pixel(out, W / 2, H / 2), pixel(inputPng, W / 2, H / 2));
    assert.notDeepEqual(pixel(out, 0, 0), pixel(inputPng, 0, 0));
    assert.notDeepEqual(pixel(out, W - 1, H - 1), pixel(inputPng, W - 1, H - 1));
  });

  it('remove-background: the input with a transparent background, in the vendor\'s RemoveBackgroundResponse shape', async () => {
    const body = await ok<{ created: string; data: { url: string; is_image_safe: boolean }[] }>(await postParts(server, '/v1/remove-background', [['image', { bytes: input }]]));
    assertVendorShape('remove-background', body);
    assert.deepEqual(Object.keys(body.data[0]).sort(), ['is_image_safe', 'url']);
    const out = await download(body.data[0].url);
    assert.equal(out.colorType, 6);
    assert.deepEqual([out.width, out.height], [W, H]);
    assert.equal(pixel(out, 0, 0)[3], 0);
    assert.equal(pixel(out, W - 1, H - 1)[3], 0);
    assert.deepEqual(pixel(out, W / 2, H / 2), pixel(inputPng, W / 2, H / 2));
  });

  it('a prompt with "forbidden" gets the vendor\'s 422 safety answer', async () => {
    const res = await postParts(server, '/v1/ideogram-v3/replace-background', [['image', { bytes: input }], ['prompt', 'forbidden beach']]);
    assert.deepEqual([res.status, await res.json()], [422, { error: 'Prompt provided failed safety check due to the inclusion of prohibited content.' }]);
  });

  it('the unsafe-result fault empties the urls of 3.0 answers too', async () => {
    server.setFault({ mode: 'unsafe-result', count: 1 });
    const body = await ok(await postJson(server, '/v1/ideogram-v3/generate', { prompt: 'p' }));
    assert.deepEqual([body.data[0].url, body.data[0].is_image_safe], [null, false]);
    assertVendorShape('generate', body);
  });
});

describe('mock server 3.0: Crazyrouter\'s documented JSON form (Bearer, /ideogram/v1/ideogram-v3/…)', () => {
  let server: MockServer;
  const [W, H] = [40, 30];
  let input: Buffer;
  before(async () => {
    server = await startMockServer({ key: KEY });
    input = gradientPng(W, H);
  });
  after(async () => { await server.close(); });
  beforeEach(() => server.reset());

  it('generate: the page\'s example answers 200 with unix-seconds created, at the vendor\'s size for 16:9', async () => {
    const body = await ok(await postJson(server, '/ideogram/v1/ideogram-v3/generate', {
      prompt: 'A serene Japanese garden with cherry blossoms, text saying "Hello World" on a wooden sign',
      aspect_ratio: 'ASPECT_16_9', rendering_speed: 'DEFAULT', style_type: 'REALISTIC', model: 'V_3', magic_prompt_option: 'OFF',
    }, bearer));
    assert.equal(typeof body.created, 'number');
    assert.ok(Math.abs((body.created as number) - Date.now() / 1000) < 60);
    assert.deepEqual([body.data[0].resolution, body.data[0].style_type], ['1312x736', 'REALISTIC']);
    const entry = server.requests[0];
    assert.deepEqual([entry.dialect, entry.authHeader, entry.form, entry.operation], ['crazyrouter', 'bearer', 'crazyrouter-json', 'generate']);
  });

  it('edit: image and mask as base64 data: URLs; the mask\'s black pixels are the ones changed', async () => {
    const edit = (x: number, y: number): boolean => x > 30 && y < 10;
    const body = await ok(await postJson(server, '/ideogram/v1/ideogram-v3/edit', {
      prompt: 'Replace the sky with a starry night',
      image: `data:image/png;base64,${input.toString('base64')}`,
      mask: `data:image/png;base64,${maskPng(W, H, edit).toString('base64')}`,
    }, bearer));
    const out = await download(body.data[0].url);
    const original = PNG.sync.read(input);
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) assert.equal(pixel(out, x, y).join() !== pixel(original, x, y).join(), edit(x, y), `(${x}, ${y})`);
    }
    const entry = server.requests[0];
    assert.deepEqual(entry.files?.map((f) => [f.field, f.contentType, f.width, f.height]), [['image', 'image/png', W, H], ['mask', 'image/png', W, H]]);
    assert.deepEqual(entry.mask, { width: W, height: H, editPixels: 9 * 10 });
    assert.match((entry.json as { image: string }).image, /^data:image\/png;base64,.{20,}…\[\d+ chars\]$/, 'logged abbreviated');
  });

  it('edit: the mask is optional on this page; without one the centre of the image is edited', async () => {
    const body = await ok(await postJson(server, '/ideogram/v1/ideogram-v3/edit', { prompt: 'p', image: input.toString('base64') }, bearer));
    const out = await download(body.data[0].url);
    const original = PNG.sync.read(input);
    assert.notDeepEqual(pixel(out, W / 2, H / 2), pixel(original, W / 2, H / 2));
    assert.deepEqual(pixel(out, 0, 0), pixel(original, 0, 0));
    assert.deepEqual(server.requests[0].mask, { width: W, height: H, editPixels: (W / 2) * 15 });
    assert.equal(server.requests[0].files?.[0].size, input.length, 'bare base64 is decoded and logged as a file');
  });

  it('remix with this server\'s own image URL (generate → remix offline) and the page\'s image_weight 0', async () => {
    const generated = await ok(await postJson(server, '/ideogram/v1/ideogram-v3/generate', { prompt: 'start', aspect_ratio: 'ASPECT_1_1' }, bearer));
    const body = await ok(await postJson(server, '/ideogram/v1/ideogram-v3/remix', { prompt: 'again', image: generated.data[0].url, image_weight: 0 }, bearer));
    assert.equal(body.data[0].resolution, '1024x1024');
    const remote = await ok(await postJson(server, '/ideogram/v1/ideogram-v3/remix', { prompt: 'again', image: 'https://example.com/photo.jpg' }, bearer));
    assert.equal(remote.data[0].resolution, '1024x1024', 'a remote URL is not fetched; it stands for a 1024x1024 picture');
  });

  it('reframe: resolution in either spelling, or none (the input keeps its shape)', async () => {
    const image = `data:image/png;base64,${input.toString('base64')}`;
    for (const resolution of ['RESOLUTION_1536_640', '1536x640']) {
      const body = await ok(await postJson(server, '/ideogram/v1/ideogram-v3/reframe', { image, resolution }, bearer));
      assert.equal(body.data[0].resolution, '1536x640', resolution);
    }
    const body = await ok(await postJson(server, '/ideogram/v1/ideogram-v3/reframe', { image }, bearer));
    assert.equal(body.data[0].resolution, '1152x864');
  });

  it('replace-background: prompt and image only', async () => {
    const body = await ok(await postJson(server, '/ideogram/v1/ideogram-v3/replace-background', { prompt: 'A tropical beach at sunset', image: `data:image/png;base64,${input.toString('base64')}` }, bearer));
    const out = await download(body.data[0].url);
    assert.deepEqual([out.width, out.height], [W, H]);
  });

  it('AiHubMix\'s form: the official multipart under /ideogram with Api-Key, answered with the vendor\'s ISO created', async () => {
    const body = await ok<V3Answer>(await postParts(server, '/ideogram/v1/ideogram-v3/remix', [
      ['image', { bytes: input }], ['prompt', 'p'], ['rendering_speed', 'TURBO'], ['num_images', '1'], ['aspect_ratio', '2x1'], ['magic_prompt', 'AUTO'], ['style_type', 'AUTO'],
    ], apiKey));
    assert.equal(typeof body.created, 'string');
    assert.equal(body.data[0].resolution, '1408x704');
    assert.deepEqual([server.requests[0].dialect, server.requests[0].form], ['crazyrouter', 'official']);
  });
});
