// Bad inputs, table-driven: parameters, input files and server answers. Each row asserts the
// message the user sees (a stable part of it), the error kind, how many requests reached the
// server (0 when the client must refuse locally) and that nothing was written.
//
// "Corrupt PNG": the client decides type by magic bytes, so a broken signature or a file too
// short to sniff is refused locally. A PNG with a valid signature but a damaged body is not
// decoded by the client (decoding 10 MB inputs to validate them would cost more than the
// round trip); the provider judges it. That case is a row too, so the behaviour is explicit.
import { strict as assert } from 'node:assert';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { renderPng } from '../../tools/mock-server/png';
import { startMockServer, type MockServer } from '../../tools/mock-server';
import { IdeogramClient, InflightLimiter, type ImageInput } from '../../src/ideogram';
import { IdeogramError, type IdeogramErrorKind } from '../../src/common/errors';
import { providerDefaults } from '../../src/common/provider';
import { saveResultToFolder } from '../support/save/saveToFolder';

const KEY = 'sk-badinput-SECRET-4d8e1f';

interface Ctx { client: IdeogramClient; shapeClient: IdeogramClient; server: MockServer; out: string; files: Record<string, string> }

interface Row {
  name: string;
  run: (ctx: Ctx) => Promise<unknown>;
  /** Expected failure; undefined when the call resolves (checked by `result`). */
  kind?: IdeogramErrorKind;
  message?: string | RegExp;
  result?: (value: unknown) => void;
  /** API requests the local server must have seen. */
  sent: number;
}

const prompt = 'a quiet pond';
const gen = (req: Record<string, unknown>) => (ctx: Ctx) => ctx.client.generate({ prompt, ...req } as never);
const remixWith = (image: (ctx: Ctx) => ImageInput, req: Record<string, unknown> = {}) =>
  (ctx: Ctx) => ctx.client.remix({ prompt, ...req } as never, image(ctx));
const file = (name: string) => (ctx: Ctx): ImageInput => ({ kind: 'file', path: ctx.files[name] });
const member = (hex: string, weight?: number) => (weight === undefined ? { color_hex: hex } : { color_hex: hex, color_weight: weight });
// Generate + save, as the commands do: failures after the API call must leave the folder empty.
const generateAndSave = (req: Record<string, unknown> = {}) => async (ctx: Ctx) => {
  const result = await ctx.client.generate({ prompt, num_images: 1, seed: 7, ...req } as never);
  return saveResultToFolder(result, { operation: 'generate', request: { prompt, ...req }, dir: ctx.out, client: ctx.client });
};
const blockedResult = (value: unknown): void => {
  const outcome = value as { saved: unknown[]; blocked: number };
  assert.equal(outcome.saved.length, 0);
  assert.equal(outcome.blocked, 1);
};

const rows: Row[] = [
  // Parameters: refused before anything is sent.
  { name: 'seed above 2147483647', run: gen({ seed: 2147483648 }), kind: 'invalid-request', message: 'Seed must be at most 2147483647', sent: 0 },
  { name: 'negative seed', run: gen({ seed: -1 }), kind: 'invalid-request', message: 'Seed must be at least 0', sent: 0 },
  { name: 'non-integer seed', run: gen({ seed: 1.5 }), kind: 'invalid-request', message: 'Seed must be a whole number from 0 to 2147483647', sent: 0 },
  { name: 'seed as text', run: gen({ seed: '42' }), kind: 'invalid-request', message: 'Seed must be a whole number', sent: 0 },
  { name: 'bad hex colour (name)', run: gen({ color_palette: { members: [member('red')] } }), kind: 'invalid-request', message: 'Palette colour must be a hex colour', sent: 0 },
  { name: 'bad hex colour (5 digits)', run: gen({ color_palette: { members: [member('#12345')] } }), kind: 'invalid-request', message: 'Palette colour must be a hex colour', sent: 0 },
  { name: 'palette with V_2A', run: gen({ model: 'V_2A', color_palette: { name: 'PASTEL' } }), kind: 'invalid-request', message: 'Colour palette is not supported by V_2A models', sent: 0 },
  { name: 'palette with V_1', run: gen({ model: 'V_1', color_palette: { name: 'PASTEL' } }), kind: 'invalid-request', message: 'Colour palette is not supported by V_1 models', sent: 0 },
  { name: '9 images', run: gen({ num_images: 9 }), kind: 'invalid-request', message: 'Number of images must be at most 8', sent: 0 },
  { name: '0 images', run: gen({ num_images: 0 }), kind: 'invalid-request', message: 'Number of images must be at least 1', sent: 0 },
  { name: 'empty prompt', run: (ctx) => ctx.client.generate({ prompt: '' }), kind: 'invalid-request', message: 'Prompt is empty; describe the image you want.', sent: 0 },
  { name: 'whitespace prompt', run: (ctx) => ctx.client.generate({ prompt: ' \n\t ' }), kind: 'invalid-request', message: 'Prompt is empty', sent: 0 },
  { name: 'missing prompt', run: (ctx) => ctx.client.generate({} as never), kind: 'invalid-request', message: 'Prompt is required.', sent: 0 },
  { name: 'negative prompt with V_2A_TURBO', run: gen({ model: 'V_2A_TURBO', negative_prompt: 'blur' }), kind: 'invalid-request', message: 'Negative prompt is not supported by V_2A models', sent: 0 },
  { name: 'style type with V_1', run: gen({ model: 'V_1', style_type: 'REALISTIC' }), kind: 'invalid-request', message: 'Style type is not supported by V_1 models', sent: 0 },
  { name: 'aspect ratio and resolution', run: gen({ aspect_ratio: 'ASPECT_1_1', resolution: 'RESOLUTION_1024_1024' }), kind: 'invalid-request', message: 'Choose either an aspect ratio or a resolution, not both.', sent: 0 },
  { name: 'unknown aspect ratio', run: gen({ aspect_ratio: 'ASPECT_5_4' }), kind: 'invalid-request', message: 'Aspect ratio must be one of the ASPECT_* values', sent: 0 },
  { name: 'unknown resolution', run: gen({ resolution: 'RESOLUTION_1_1' }), kind: 'invalid-request', message: 'Resolution must be one of', sent: 0 },
  { name: 'image_weight 0', run: remixWith(file('ok.png'), { image_weight: 0 }), kind: 'invalid-request', message: 'Image weight must be at least 1', sent: 0 },
  { name: 'image_weight 101', run: remixWith(file('ok.png'), { image_weight: 101 }), kind: 'invalid-request', message: 'Image weight must be at most 100', sent: 0 },
  { name: 'resemblance 0', run: (ctx) => ctx.client.upscale({ resemblance: 0 }, file('ok.png')(ctx)), kind: 'invalid-request', message: 'Resemblance must be at least 1', sent: 0 },
  { name: 'detail 101', run: (ctx) => ctx.client.upscale({ detail: 101 }, file('ok.png')(ctx)), kind: 'invalid-request', message: 'Detail must be at most 100', sent: 0 },
  { name: 'palette weight 0.01', run: gen({ color_palette: { members: [member('#112233', 0.01)] } }), kind: 'invalid-request', message: 'Palette colour weight must be at least 0.05', sent: 0 },
  { name: '9 palette members', run: gen({ color_palette: { members: Array.from({ length: 9 }, () => member('#abcdef')) } }), kind: 'invalid-request', message: 'A custom palette can have at most 8 colours.', sent: 0 },
  { name: 'palette with name and members', run: gen({ color_palette: { name: 'PASTEL', members: [member('#abcdef')] } }), kind: 'invalid-request', message: 'not both or neither', sent: 0 },
  { name: 'unknown palette preset', run: gen({ color_palette: { name: 'NEON' } }), kind: 'invalid-request', message: 'Palette preset must be one of', sent: 0 },
  { name: 'unknown field', run: gen({ steps: 30 }), kind: 'invalid-request', message: '"steps" is not a field of this request; remove it.', sent: 0 },
  { name: 'unknown magic prompt option', run: gen({ magic_prompt_option: 'MAYBE' }), kind: 'invalid-request', message: 'Magic prompt must be one of', sent: 0 },
  { name: 'unknown style type', run: gen({ style_type: 'CARTOON' }), kind: 'invalid-request', message: 'Style type must be one of', sent: 0 },
  { name: 'model id with a space', run: gen({ model: 'V 2' }), kind: 'invalid-request', message: 'Model must be one of', sent: 0 },
  { name: 'unknown describe model version', run: (ctx) => ctx.client.describe(file('ok.png')(ctx), { describe_model_version: 'V_9' }), kind: 'invalid-request', message: 'Describe model version must be one of', sent: 0 },
  { name: 'request that is not an object', run: (ctx) => ctx.client.generate(null as never), kind: 'invalid-request', message: 'The request must be an object of Ideogram API fields', sent: 0 },

  // Input files: checked by content and size before any upload.
  { name: 'not an image (.txt)', run: remixWith(file('notes.txt')), kind: 'invalid-request', message: 'The image notes.txt is not a PNG, JPEG or WebP image (checked by its content).', sent: 0 },
  { name: 'text renamed to .png', run: remixWith(file('renamed.png')), kind: 'invalid-request', message: 'The image renamed.png is not a PNG, JPEG or WebP image', sent: 0 },
  { name: '11 MB PNG', run: remixWith(file('big.png')), kind: 'invalid-request', message: 'The image big.png is 11.0 MB; Ideogram accepts images of at most 10 MB.', sent: 0 },
  { name: 'zero bytes', run: remixWith(file('empty.png')), kind: 'invalid-request', message: 'The image empty.png is empty.', sent: 0 },
  { name: 'corrupt PNG signature', run: remixWith(file('badsig.png')), kind: 'invalid-request', message: 'The image badsig.png is not a PNG, JPEG or WebP image', sent: 0 },
  { name: 'PNG truncated below the signature', run: remixWith(file('stub.png')), kind: 'invalid-request', message: 'The image stub.png is not a PNG, JPEG or WebP image', sent: 0 },
  { name: 'missing file', run: remixWith((ctx) => ({ kind: 'file', path: path.join(path.dirname(ctx.files['ok.png']), 'gone.png') })), kind: 'invalid-request', message: 'The image gone.png cannot be read (ENOENT).', sent: 0 },
  { name: 'a folder instead of a file', run: remixWith((ctx) => ({ kind: 'file', path: path.dirname(ctx.files['ok.png']) })), kind: 'invalid-request', message: /is not a file\.$/, sent: 0 },
  { name: '11 MB bytes (remote workspace)', run: remixWith(() => ({ kind: 'bytes', data: new Uint8Array(11 * 1024 * 1024).fill(0x89, 0, 1), name: 'remote.png' })), kind: 'invalid-request', message: 'at most 10 MB', sent: 0 },
  // Hosted images, downloaded for the multipart upload: checked like files before anything is sent.
  { name: 'image link that is gone (404)', run: remixWith((ctx) => ({ kind: 'url', url: `${ctx.server.baseUrl}/images/gone.png?sig=secret` })), kind: 'invalid-request', message: /^The image at http:\/\/127\.0\.0\.1:\d+\/images\/gone\.png could not be downloaded \(404\)\.$/, sent: 0 },
  { name: 'image link to something that is not an image', run: remixWith((ctx) => ({ kind: 'url', url: `${ctx.server.baseUrl}/__mock/stats` })), kind: 'invalid-request', message: /^The image http:\/\/127\.0\.0\.1:\d+\/__mock\/stats is not a PNG, JPEG or WebP image \(checked by its content\)\.$/, sent: 0 },
  { name: 'image link that is not http(s)', run: remixWith(() => ({ kind: 'url', url: 'file:///etc/passwd' })), kind: 'invalid-request', message: 'The image URL must start with https://.', sent: 0 },
  {
    name: 'valid signature, damaged body (sent: the provider judges integrity)',
    run: remixWith(file('damaged.png')),
    result: (value) => assert.ok((value as { images: unknown[] }).images.length === 1),
    sent: 1,
  },

  // Server answers: the request went out once; nothing may be written.
  { name: 'wrong shape (data is not a list)', run: (ctx) => ctx.shapeClient.generate({ prompt: 'shape:wrong' }), kind: 'invalid-response', message: "The provider's answer to generate is not an Ideogram response (data:", sent: 0 },
  { name: 'describe: wrong shape', run: (ctx) => ctx.shapeClient.describe(file('ok.png')(ctx)), kind: 'invalid-response', message: 'expected { "descriptions": [...] }', sent: 0 },
  { name: 'missing url on a "safe" image', run: async (ctx) => { const r = await ctx.shapeClient.generate({ prompt: 'shape:no-url' }); return saveResultToFolder(r, { operation: 'generate', request: {}, dir: ctx.out, client: ctx.shapeClient }); }, result: blockedResult, sent: 0 },
  { name: 'unsafe result', run: async (ctx) => { ctx.server.setFault({ mode: 'unsafe-result', count: 1 }); return generateAndSave()(ctx); }, result: blockedResult, sent: 1 },
  { name: 'safety rejection (422)', run: gen({ prompt: 'a forbidden thing' }), kind: 'safety', message: 'Ideogram rejected the generate request in its safety check (422)', sent: 1 },
  { name: 'expired url (403)', run: async (ctx) => { ctx.server.setFault({ mode: 'expired-url', status: 403 }); return generateAndSave()(ctx); }, kind: 'download', message: /is no longer available \(403\); result links expire, so generate again\.$/, sent: 1 },
  { name: 'expired url (404)', run: async (ctx) => { ctx.server.setFault({ mode: 'expired-url', status: 404 }); return generateAndSave()(ctx); }, kind: 'download', message: /is no longer available \(404\)/, sent: 1 },
  { name: 'invalid JSON answer', run: (ctx) => { ctx.server.setFault({ mode: 'invalid-json', count: 1 }); return ctx.client.generate({ prompt }); }, kind: 'invalid-response', message: "The provider's answer to generate is not valid JSON (it may have been cut off).", sent: 1 },
  { name: 'HTML page instead of the API (404)', run: (ctx) => { ctx.server.setFault({ mode: 'html-error', status: 404, count: 1 }); return ctx.client.generate({ prompt }); }, kind: 'not-found', message: 'The provider has no generate endpoint at this address (404)', sent: 1 },
];

// A provider that answers 200 with shapes the client must refuse (the local server never does).
function startShapeServer(): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => { body += chunk.toString('latin1'); });
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      const answer = req.url?.endsWith('/describe') ? { descriptions: 'none' }
        : body.includes('shape:no-url') ? { created: 1, data: [{ prompt: 'p', is_image_safe: true }] }
        : { created: 1, data: 'nope' };
      res.end(JSON.stringify(answer));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe(`bad inputs (${rows.length} rows): exact message, error kind, nothing sent or written`, () => {
  let server: MockServer;
  let shape: Server;
  let root: string;
  const ctx = {} as Ctx;

  before(async () => {
    server = await startMockServer({ key: KEY });
    shape = await startShapeServer();
    root = await mkdtemp(path.join(tmpdir(), 'ideogram-badinput-'));
    const inputs = path.join(root, 'inputs');
    await mkdir(inputs);
    const good = renderPng(32, 32, '00112233aabb');
    const fixtures: Record<string, Uint8Array> = {
      'ok.png': good,
      'notes.txt': Buffer.from('just some text\n'),
      'renamed.png': Buffer.from('this is text with a .png name\n'),
      'big.png': renderPng(16, 16, '00112233aabb', 11 * 1024 * 1024),
      'empty.png': new Uint8Array(0),
      'badsig.png': Buffer.concat([Buffer.from([0x88]), good.subarray(1)]),
      'stub.png': good.subarray(0, 6),
      'damaged.png': Buffer.concat([good.subarray(0, 8), Buffer.alloc(200, 0x41)]),
    };
    ctx.files = {};
    for (const [name, bytes] of Object.entries(fixtures)) {
      ctx.files[name] = path.join(inputs, name);
      await writeFile(ctx.files[name], bytes);
    }
    const common = { getApiKey: () => Promise.resolve(KEY), maxRetries: 0, limiter: new InflightLimiter(10) };
    ctx.server = server;
    ctx.client = new IdeogramClient({ ...common, config: { ...providerDefaults('crazyrouter'), baseUrl: server.baseUrl } });
    ctx.shapeClient = new IdeogramClient({ ...common, config: { ...providerDefaults('crazyrouter'), baseUrl: `http://127.0.0.1:${(shape.address() as AddressInfo).port}` } });
  });

  after(async () => {
    await server.close();
    await new Promise((resolve) => shape.close(resolve));
    await rm(root, { recursive: true, force: true });
  });

  beforeEach(async () => {
    server.reset();
    ctx.out = await mkdtemp(path.join(root, 'out-'));
  });

  it('has at least 40 rows', () => assert.ok(rows.length >= 40, `${rows.length} rows`));

  for (const row of rows) {
    it(row.name, async () => {
      let value: unknown;
      let error: unknown;
      try {
        value = await row.run(ctx);
      } catch (err) {
        error = err;
      }
      if (row.kind) {
        assert.ok(error instanceof IdeogramError, `expected an IdeogramError, got ${String(error ?? 'success')}`);
        assert.equal(error.kind, row.kind, error.message);
        if (typeof row.message === 'string') assert.ok(error.message.includes(row.message), `message: ${error.message}`);
        else if (row.message) assert.match(error.message, row.message);
        assert.ok(!error.message.includes(KEY), 'the key is not in the message');
      } else {
        assert.equal(error, undefined, `expected success, got ${String(error)}`);
        row.result?.(value);
      }
      assert.equal(server.requests.length, row.sent, 'API requests that reached the server');
      assert.deepEqual(await readdir(ctx.out), [], 'nothing written to the output folder');
    });
  }
});
