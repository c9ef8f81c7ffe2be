// The local server refuses 3.0 requests by the vendor's schemas and the rules its schema text
// states (references, masks, combinations), never by the client's rules, with the vendor's 400.
import { strict as assert } from 'node:assert';
import { startMockServer, type MockServer } from '../../tools/mock-server';
import { padPng } from '../../tools/mock-server/png';
import { apiKey, bearer, gradientPng, KEY, maskPng, ok, paintPng, postJson, postParts, refusal, type Part } from './mockServerV3';

describe('mock server 3.0: the vendor\'s rules', () => {
  let server: MockServer;
  const [W, H] = [48, 32];
  let image: Buffer;
  let reference: Buffer;
  before(async () => {
    server = await startMockServer({ key: KEY });
    image = gradientPng(W, H);
    reference = gradientPng(20, 30);
  });
  after(async () => { await server.close(); });
  beforeEach(() => server.reset());

  /** Sends multipart and expects a 400 whose message matches. */
  async function refused(path: string, parts: [string, Part][], pattern: RegExp, status = 400): Promise<void> {
    const res = await refusal(await postParts(server, path, parts));
    assert.equal(res.status, status, `${path} ${JSON.stringify(parts.map(([n]) => n))}: ${res.message}`);
    assert.match(res.message, pattern);
  }

  it('schema: an undefined field, a bad enum, a value out of range, a missing required field', async () => {
    const generate = '/v1/ideogram-v3/generate';
    await refused(generate, [['prompt', 'p'], ['surprise', '1']], /^Invalid input provided: \/ must NOT have unevaluated properties: "surprise"$/);
    await refused(generate, [['prompt', 'p'], ['aspect_ratio', 'ASPECT_16_9']], /\/aspect_ratio must be equal to one of the allowed values: 1x3, 3x1/);
    await refused(generate, [['prompt', 'p'], ['resolution', '1000x1000']], /\/resolution must be equal to one of the allowed values/);
    await refused(generate, [['prompt', 'p'], ['rendering_speed', 'FAST']], /\/rendering_speed must be equal to one of the allowed values: FLASH, TURBO, BALANCED, DEFAULT, QUALITY/);
    await refused(generate, [['prompt', 'p'], ['style_preset', 'NOPE']], /\/style_preset must be equal to one of the allowed values: 80S_ILLUSTRATION/);
    await refused(generate, [['prompt', 'p'], ['num_images', '9']], /\/num_images must be <= 8/);
    await refused(generate, [['prompt', 'p'], ['seed', 'soon']], /\/seed must be integer/);
    await refused(generate, [['prompt', 'p'], ['style_codes', 'XYZ']], /\/style_codes\/0 must match pattern/);
    await refused(generate, [['prompt', 'p'], ['color_palette', JSON.stringify({ members: Array(9).fill({ color_hex: '#fff' }) })]], /\/color_palette/);
    await refused(generate, [['seed', '1']], /must have required property 'prompt'/);
    await refused('/v1/ideogram-v3/reframe', [['image', { bytes: image }]], /must have required property 'resolution'/);
    await refused('/v1/ideogram-v3/remix', [['image', { bytes: image }], ['prompt', 'p'], ['image_weight', '0']], /\/image_weight must be >= 1/);
    await refused('/v1/ideogram-v3/inpaint', [['image', { bytes: image }], ['prompt', 'p']], /must have required property 'mask'/);
    await refused('/v1/ideogram-v3/reframe', [['image', { bytes: image }], ['resolution', '1024x1024'], ['prompt', 'p']], /unevaluated properties: "prompt"/);
    await refused('/v1/ideogram-v3/generate-transparent', [['prompt', 'p'], ['upscale_factor', 'X3']], /\/upscale_factor must be equal to one of the allowed values: X1, X2, X4/);
    await refused('/v1/remove-background', [['image', { bytes: image }], ['prompt', 'p']], /unevaluated properties: "prompt"/);
  });

  it('multipart decoding: files must be file parts, single fields are sent once, the palette is JSON text', async () => {
    await refused('/v1/ideogram-v3/remix', [['image', 'https://example.com/a.png'], ['prompt', 'p']], /\/image must be a file part \(format: binary\), not text/);
    await refused('/v1/ideogram-v3/generate', [['prompt', 'p'], ['prompt', 'q']], /\/prompt was sent more than once/);
    await refused('/v1/ideogram-v3/generate', [['prompt', { bytes: image }]], /\/prompt must be a text part, not a file/);
    await refused('/v1/ideogram-v3/generate', [['prompt', 'p'], ['color_palette', '{name: EMBER}']], /\/color_palette must be JSON text/);
    await refused('/v1/ideogram-v3/remix', [['image', { bytes: image }], ['image', { bytes: image }], ['prompt', 'p']], /\/image was sent more than once/);
    const json = await refusal(await postJson(server, '/v1/ideogram-v3/generate', { prompt: 'p', style_reference_images: ['https://example.com/a.png'] }));
    assert.equal(json.status, 400);
    assert.match(json.message, /\/style_reference_images is a file: send it as a part of multipart\/form-data/);
  });

  it('content types are the vendor\'s: only generate and generate-transparent take JSON', async () => {
    for (const op of ['remix', 'inpaint', 'edit', 'reframe', 'replace-background']) {
      const res = await refusal(await postJson(server, `/v1/ideogram-v3/${op}`, { prompt: 'p' }));
      assert.equal(res.status, 415, op);
      assert.match(res.message, new RegExp(`Unsupported Content-Type application/json for /v1/ideogram-v3/${op}: this endpoint takes multipart/form-data`));
    }
    assert.equal((await refusal(await postJson(server, '/v1/remove-background', {}))).status, 415);
    assert.equal((await postJson(server, '/v1/ideogram-v3/generate-transparent', { prompt: 'p' })).status, 200);
  });

  it('combinations: aspect_ratio with resolution, style_codes with style references or style_type, style_preset with either', async () => {
    const g = '/v1/ideogram-v3/generate';
    const style: [string, Part] = ['style_reference_images', { bytes: reference }];
    await refused(g, [['prompt', 'p'], ['aspect_ratio', '1x1'], ['resolution', '1024x1024']], /\/resolution cannot be combined with aspect_ratio; .*"Cannot be used in conjunction with resolution\."/);
    await refused(g, [['prompt', 'p'], ['style_codes', 'AAFF5733'], style], /\/style_codes cannot be combined with style_reference_images or style_type/);
    await refused(g, [['prompt', 'p'], ['style_codes', 'AAFF5733'], ['style_type', 'GENERAL']], /\/style_codes cannot be combined/);
    await refused(g, [['prompt', 'p'], ['style_preset', 'BAUHAUS'], ['style_codes', 'AAFF5733']], /\/style_preset cannot be combined with style_codes or style_reference_images/);
    await refused('/v1/ideogram-v3/remix', [['image', { bytes: image }], ['prompt', 'p'], ['style_preset', 'BAUHAUS'], style], /\/style_preset cannot be combined/);
    await refused(g, [['prompt', 'p'], ['custom_model_uri', 'my-model']], /\/custom_model_uri must look like model\/<model_name>\/version\/<version_name>/);
    // Each alone, and a preset with a style type, are fine.
    for (const parts of [[style], [['style_codes', 'AAFF5733']], [['style_preset', 'BAUHAUS'], ['style_type', 'DESIGN']], [['custom_model_uri', 'model/m/version/1']]] as [string, Part][][]) {
      await ok(await postParts(server, g, [['prompt', 'p'], ...parts]));
    }
  });

  it('character references: exactly one image, masks as many as images and of the same size, grayscale', async () => {
    const g = '/v1/ideogram-v3/generate';
    const character: [string, Part] = ['character_reference_images', { bytes: reference }];
    const grey = paintPng(20, 30, (x) => (x < 10 ? [0, 0, 0] : [200, 200, 200]), 0);
    await refused(g, [['prompt', 'p'], character, character], /\/character_reference_images must have at most 1 image; .*"currently only supports 1 character reference image"/);
    await refused(g, [['prompt', 'p'], ['character_reference_images_mask', { bytes: grey }]], /\/character_reference_images_mask must have as many masks as character_reference_images/);
    await refused(g, [['prompt', 'p'], character, ['character_reference_images_mask', { bytes: grey }], ['character_reference_images_mask', { bytes: grey }]], /must have as many masks/);
    await refused(g, [['prompt', 'p'], character, ['character_reference_images_mask', { bytes: maskPng(30, 20, () => true) }]], /\/character_reference_images_mask\/0 is 30x20 but its character reference is 20x30/);
    await refused(g, [['prompt', 'p'], character, ['character_reference_images_mask', { bytes: paintPng(20, 30, () => [255, 0, 0]) }]], /\/character_reference_images_mask\/0 is not grayscale/);
    const body = await ok(await postParts(server, g, [['prompt', 'p'], character, ['character_reference_images_mask', { bytes: grey }]]));
    assert.equal(body.data.length, 1);
    assert.deepEqual(server.requests.at(-1)?.files?.map((f) => [f.field, f.width, f.height]), [['character_reference_images', 20, 30], ['character_reference_images_mask', 20, 30]]);
  });

  it('reference sizes: 10 MB in total per kind, images only', async () => {
    const half = Buffer.alloc(5 * 1024 * 1024 + 1);
    reference.copy(half);
    const g = '/v1/ideogram-v3/generate';
    await refused(g, [['prompt', 'p'], ['style_reference_images', { bytes: half }], ['style_reference_images', { bytes: half }]], /\/style_reference_images total 10485762 bytes; .*"maximum total size 10MB across all style references"/);
    await ok(await postParts(server, g, [['prompt', 'p'], ['style_reference_images', { bytes: half }]]));
    await refused(g, [['prompt', 'p'], ['style_reference_images', { bytes: Buffer.from('not a picture') }]], /\/style_reference_images \(upload "style_reference_images.png"\) is not a PNG, JPEG or WebP image/);
  });

  it('the inpaint mask: the image\'s size, black and white, opaque', async () => {
    const inpaint = async (mask: Buffer, pattern: RegExp): Promise<void> =>
      refused('/v1/ideogram-v3/inpaint', [['image', { bytes: image }], ['mask', { bytes: mask }], ['prompt', 'p']], pattern);
    await inpaint(maskPng(W + 1, H, () => true), /\/mask is 49x32 but the image is 48x32; .*"A black and white image of the same size as the image being edited"/);
    await inpaint(paintPng(W, H, (x) => (x < 10 ? [0, 0, 0] : [128, 128, 128]), 0), /\/mask must be black and white and opaque; pixel \(10, 0\) is rgba\(128, 128, 128, 255\)/);
    await inpaint(paintPng(W, H, (x) => (x < 10 ? [0, 0, 0, 0] : [255, 255, 255, 255])), /pixel \(0, 0\) is rgba\(0, 0, 0, 0\)/);
    await inpaint(paintPng(W, H, () => [255, 0, 0]), /pixel \(0, 0\) is rgba\(255, 0, 0, 255\)/);
    assert.deepEqual(server.requests.at(-1)?.mask, { width: W, height: H }, 'a refused mask is logged with its size, without a count');
    await refused('/v1/ideogram-v3/inpaint', [['image', { bytes: Buffer.from('GIF89a, not supported') }], ['mask', { bytes: maskPng(W, H, () => true) }], ['prompt', 'p']], /image \(upload "image.png"\) is not a PNG, JPEG or WebP image/);
  });

  it('uploads over 10 MB get 413; a 3.0 body may be up to 50 MB (image + references)', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1);
    image.copy(big);
    const res = await refusal(await postParts(server, '/v1/remove-background', [['image', { bytes: big }]]));
    assert.equal(res.status, 413);
    assert.match(res.message, /image \(upload "image.png"\) is 10485761 bytes; the limit is 10485760 bytes \(10 MB\)/);
    const nearlyTen = padPng(image, 9 * 1024 * 1024);
    const styleNine = Buffer.alloc(9 * 1024 * 1024);
    reference.copy(styleNine);
    await ok(await postParts(server, '/v1/ideogram-v3/remix', [['image', { bytes: nearlyTen }], ['prompt', 'p'], ['style_reference_images', { bytes: styleNine }]]));
  });

  it('Crazyrouter\'s page rules: its enums, its fields only, image required', async () => {
    const relay = async (op: string, body: unknown, pattern: RegExp): Promise<void> => {
      const res = await refusal(await postJson(server, `/ideogram/v1/ideogram-v3/${op}`, body, bearer));
      assert.equal(res.status, 400, `${op} ${JSON.stringify(body)}: ${res.message}`);
      assert.match(res.message, pattern);
    };
    const png = `data:image/png;base64,${image.toString('base64')}`;
    await relay('generate', { prompt: 'p', model: 'V_3', rendering_speed: 'FLASH' }, /\/rendering_speed must be equal to one of the allowed values: DEFAULT, TURBO, QUALITY/);
    await relay('generate', { prompt: 'p', model: 'V_3', style_type: 'FICTION' }, /\/style_type must be equal to one of the allowed values: AUTO, GENERAL, REALISTIC, DESIGN/);
    await relay('generate', { prompt: 'p', model: 'V_2' }, /\/model must be equal to one of the allowed values: V_3/);
    await relay('generate', { prompt: 'p', model: 'V_3', num_images: 2 }, /unevaluated properties: "num_images"/);
    await relay('generate', { prompt: 'p', model: 'V_3', magic_prompt: 'ON' }, /unevaluated properties: "magic_prompt"/);
    await relay('edit', { prompt: 'p' }, /must have required property 'image'/);
    await relay('edit', { prompt: 'p', image: png, mask: png, seed: 1 }, /unevaluated properties: "seed"/);
    await relay('remix', { prompt: 'p', image: png, image_weight: 101 }, /\/image_weight must be <= 100/);
    await relay('reframe', { image: png, resolution: '1000x1000' }, /\/resolution must be equal to one of the allowed values/);
    await relay('replace-background', { image: png }, /must have required property 'prompt'/);
    await relay('edit', { prompt: 'p', image: png, mask: `data:image/png;base64,${maskPng(W, H - 1, () => true).toString('base64')}` }, /\/mask is 48x31 but the image is 48x32/);
    await relay('edit', { prompt: 'p', image: 'ftp://example.com/a.png' }, /image URL scheme "ftp:" is not supported/);
    // The page's form is only for its own routes and paths: not on the vendor's paths, not for inpaint.
    const official = await refusal(await postJson(server, '/v1/ideogram-v3/generate', { prompt: 'p', model: 'V_3' }, apiKey));
    assert.equal(official.status, 400);
    assert.match(official.message, /unevaluated properties: "model"/);
    const inpaint = await refusal(await postJson(server, '/ideogram/v1/ideogram-v3/inpaint', { prompt: 'p', image: png, mask: png }, bearer));
    assert.equal(inpaint.status, 415);
  });
});
