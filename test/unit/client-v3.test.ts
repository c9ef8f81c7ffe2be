// The client's Ideogram 3.0 operations over loopback against the local server, which reads bodies
// with the vendor's schemas (official form) and Crazyrouter's page (JSON form): every operation in
// both forms, the auto form's single fallback and its memory, local refusals, the 404 message.
import { strict as assert } from 'node:assert';
import { PNG } from 'pngjs';
import type { V3RequestForm } from '../../src/common/request/capabilities';
import type { FormMemory, V3FormSetting } from '../../src/ideogram';
import { startMockServer, type MockServer } from '../../tools/mock-server';
import { makeClient, makePng, rejection, tempDir, TEST_KEY, writeFile } from './clientTestHelpers';

/** An opaque black-and-white mask: black (edit) in the left half. */
function halfMask(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const value = x < width / 2 ? 0 : 255;
      png.data[i] = value; png.data[i + 1] = value; png.data[i + 2] = value; png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

class MapMemory implements FormMemory {
  readonly map = new Map<string, V3RequestForm>();
  get(baseUrl: string): V3RequestForm | undefined { return this.map.get(baseUrl); }
  remember(baseUrl: string, form: V3RequestForm): void { this.map.set(baseUrl, form); }
}

describe('client: Ideogram 3.0 operations', function () {
  this.timeout(30_000);
  let server: MockServer;
  const tmp = tempDir('ideogram-v3-client-');
  let image: string;
  let mask: string;
  let reference: string;

  before(async () => {
    server = await startMockServer({ key: TEST_KEY });
    image = writeFile(tmp.dir, 'photo.png', makePng(64, 48));
    mask = writeFile(tmp.dir, 'mask.png', halfMask(64, 48));
    reference = writeFile(tmp.dir, 'style.png', makePng(16, 16));
  });
  after(async () => {
    await server.close();
    tmp.cleanup();
  });
  beforeEach(() => server.reset());

  const file = (p: string) => [{ kind: 'file' as const, path: p }];
  const lastRequest = () => server.requests.at(-1);

  describe('official form (Api-Key, multipart)', () => {
    const client = (form: V3FormSetting = 'official') => makeClient(server, { provider: 'ideogram', v3Form: form }).client;

    it('generate: list fields as repeated parts, the palette as one JSON part, style references as files', async () => {
      const result = await client().v3('generate', {
        prompt: 'a lighthouse', aspect_ratio: '16x9', rendering_speed: 'TURBO', num_images: 2, style_codes: ['1a2b3c4d', 'ABCDEF01'],
        color_palette: { members: [{ color_hex: '#112233', color_weight: 0.5 }] },
      });
      assert.equal(result.images.length, 2);
      assert.equal(result.form, 'official');
      assert.equal(result.endpoint, 'v1/ideogram-v3/generate');
      const request = lastRequest();
      assert.equal(request?.path, '/v1/ideogram-v3/generate');
      assert.equal(request?.authHeader, 'api-key');
      assert.equal(request?.form, 'official');
      assert.deepEqual(request?.fieldLists?.style_codes, ['1a2b3c4d', 'ABCDEF01']);
      const withRefs = await client().v3('generate', { prompt: 'a lighthouse', style_type: 'AUTO' }, { style_reference_images: [...file(reference), ...file(reference)] });
      assert.equal(withRefs.images.length, 1);
      assert.deepEqual(lastRequest()?.files?.map((f) => f.field), ['style_reference_images', 'style_reference_images']);
    });

    it('remix, inpaint (mask as given: black = edit), reframe, replace background, transparent, remove background', async () => {
      const remix = await client().v3('remix', { prompt: 'winter', image_weight: 30 }, { image: file(image) });
      assert.equal(remix.images.length, 1);
      await client().v3('inpaint', { prompt: 'a red door' }, { image: file(image), mask: file(mask) });
      assert.equal(lastRequest()?.path, '/v1/ideogram-v3/inpaint');
      assert.deepEqual(lastRequest()?.mask, { width: 64, height: 48, editPixels: 32 * 48 });
      const reframe = await client().v3('reframe', { resolution: '1344x768' }, { image: file(image) });
      assert.equal(reframe.images[0]?.resolution, '1344x768');
      await client().v3('replace-background', { prompt: 'a beach' }, { image: file(image) });
      const transparent = await client().v3('generate-transparent', { prompt: 'an icon', upscale_factor: 'X2', rendering_speed: 'TURBO' });
      assert.equal(lastRequest()?.path, '/v1/ideogram-v3/generate-transparent');
      assert.ok(transparent.images[0]?.url);
      await client().v3('remove-background', {}, { image: file(image) });
      assert.equal(lastRequest()?.path, '/v1/remove-background');
      assert.ok(server.requests.every((r) => r.form === 'official'), JSON.stringify(server.requests.map((r) => r.form)));
    });

    it('refuses locally what the table refuses (FLASH transparent, a missing mask), sending nothing', async () => {
      const flash = await rejection(() => client().v3('generate-transparent', { prompt: 'icon', rendering_speed: 'FLASH' }));
      assert.equal(flash.kind, 'invalid-request');
      assert.match(flash.message, /FLASH/);
      const noMask = await rejection(() => client().v3('inpaint', { prompt: 'x' }, { image: file(image) }));
      assert.match(noMask.message, /Paint a mask/);
      assert.equal(server.requests.length, 0);
    });

    it('a 404 says the provider does not offer the operation', async () => {
      server.setMissingRoutes(['remove-background']);
      const err = await rejection(() => client().v3('remove-background', {}, { image: file(image) }));
      assert.equal(err.kind, 'not-found');
      assert.match(err.message, /does not offer the Ideogram 3\.0 remove background operation \(404/);
    });
  });

  describe('Crazyrouter JSON form (Bearer, legacy-style names, images as data: URLs)', () => {
    const client = () => makeClient(server, { provider: 'crazyrouter', v3Form: 'crazyrouter-json' }).client;

    it('generate, remix, inpaint (as /edit), reframe and replace background', async () => {
      await client().v3('generate', { prompt: 'a fox', aspect_ratio: '16x9', magic_prompt: 'OFF', rendering_speed: 'QUALITY', style_type: 'DESIGN' });
      assert.deepEqual(lastRequest()?.json, { prompt: 'a fox', aspect_ratio: 'ASPECT_16_9', magic_prompt_option: 'OFF', rendering_speed: 'QUALITY', style_type: 'DESIGN', model: 'V_3' });
      assert.equal(lastRequest()?.authHeader, 'bearer');
      await client().v3('remix', { prompt: 'winter', image_weight: 30 }, { image: file(image) });
      await client().v3('inpaint', { prompt: 'a red door' }, { image: file(image), mask: file(mask) });
      assert.equal(lastRequest()?.path, '/ideogram/v1/ideogram-v3/edit');
      assert.deepEqual(lastRequest()?.mask, { width: 64, height: 48, editPixels: 32 * 48 });
      const reframe = await client().v3('reframe', { resolution: '1344x768' }, { image: file(image) });
      assert.equal(reframe.images[0]?.resolution, '1344x768');
      await client().v3('replace-background', { prompt: 'a beach' }, { image: file(image) });
      assert.deepEqual(server.requests.map((r) => r.form), Array(5).fill('crazyrouter-json'));
    });

    it('refuses locally, saying so, what the form cannot carry (style references, transparent), sending nothing', async () => {
      const refs = await rejection(() => client().v3('generate', { prompt: 'x' }, { style_reference_images: file(reference) }));
      assert.equal(refs.kind, 'invalid-request');
      assert.match(refs.message, /Crazyrouter JSON request form: .*cannot carry Style reference images/);
      const transparent = await rejection(() => client().v3('generate-transparent', { prompt: 'x' }));
      assert.match(transparent.message, /does not offer the 3\.0 generate transparent operation/);
      assert.equal(server.requests.length, 0);
    });
  });

  describe('auto form', () => {
    const client = (memory: FormMemory, notices: string[] = []) => makeClient(server, { provider: 'crazyrouter', v3Form: 'auto', formMemory: memory, onNotice: (m) => notices.push(m) }).client;

    it('sends the official form first and remembers it when the provider takes it', async () => {
      const memory = new MapMemory();
      await client(memory).v3('generate', { prompt: 'a fox', aspect_ratio: '16x9' });
      assert.deepEqual(server.requests.map((r) => r.form), ['official']);
      assert.equal(memory.get(server.baseUrl), 'official');
    });

    it('on a 415 tries Crazyrouter\'s JSON once, remembers it, and sends it first next time', async () => {
      server.setForms({ official: false });
      const memory = new MapMemory();
      const notices: string[] = [];
      const first = await client(memory, notices).v3('remix', { prompt: 'winter' }, { image: file(image) });
      assert.equal(first.form, 'crazyrouter-json');
      assert.deepEqual(server.requests.map((r) => r.contentType.split(';')[0]), ['multipart/form-data', 'application/json']);
      assert.equal(memory.get(server.baseUrl), 'crazyrouter-json');
      assert.equal(notices.length, 2);
      await client(memory).v3('reframe', { resolution: '1024x1024' }, { image: file(image) });
      assert.equal(server.requests.length, 3, 'the remembered form goes first: no second official attempt');
      assert.equal(lastRequest()?.form, 'crazyrouter-json');
    });

    it('on a 400 naming a field (vendor-named JSON refused) falls back too; the generate body is multipart first', async () => {
      server.setForms({ official: false });
      const memory = new MapMemory();
      await client(memory).v3('generate', { prompt: 'a fox', magic_prompt: 'ON' });
      assert.deepEqual(server.requests.map((r) => r.form ?? 'refused'), ['refused', 'crazyrouter-json']);
    });

    it('never falls back on 401, 422, 429 or 5xx, nor when the JSON form cannot carry the request', async () => {
      const memory = new MapMemory();
      const wrongKey = makeClient(server, { provider: 'crazyrouter', v3Form: 'auto', formMemory: memory, getApiKey: () => Promise.resolve('sk-wrong-key-123456') }).client;
      assert.equal((await rejection(() => wrongKey.v3('generate', { prompt: 'x' }))).kind, 'auth');
      assert.equal(server.requests.length, 1);
      assert.equal((await rejection(() => client(memory).v3('generate', { prompt: 'forbidden thing' }))).kind, 'safety');
      assert.equal(server.requests.length, 2);
      server.setFault({ mode: 'server-error', status: 500 });
      const noRetries = makeClient(server, { provider: 'crazyrouter', v3Form: 'auto', formMemory: memory, maxRetries: 0 }).client;
      assert.equal((await rejection(() => noRetries.v3('generate', { prompt: 'x' }))).kind, 'server');
      assert.equal(server.requests.length, 3);
      server.reset();
      server.setForms({ official: false });
      const refs = await rejection(() => client(memory).v3('generate', { prompt: 'x' }, { style_reference_images: file(reference) }));
      assert.equal(refs.status, 415);
      assert.equal(server.requests.length, 1, 'the JSON form cannot carry style references: no second attempt');
      assert.equal(memory.get(server.baseUrl), undefined);
    });
  });
});
